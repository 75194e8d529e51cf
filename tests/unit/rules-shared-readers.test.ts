/**
 * perRun readers (trtc/schema/rules/model.ts): derived once per rules run for the body being judged, and
 * never carried to another body or past the run, so no rule ever sees a list derived from other input.
 */
import { type Json, perRun, withSharedReaders } from "../../trtc/schema/rules/model";
import { runRules } from "../../trtc/schema/rules";
import { mixUsers } from "../../trtc/schema/rules/rooms";

function counted(): { reader: (body: Json) => number; calls: () => number } {
  let calls = 0;
  return { reader: perRun(() => ++calls), calls: () => calls };
}

describe("perRun readers", () => {
  test("derive once per run for its body, and every time outside a run", () => {
    const { reader, calls } = counted();
    const body = { A: 1 };
    withSharedReaders(body, () => {
      expect([reader(body), reader(body), reader(body)]).toEqual([1, 1, 1]);
    });
    expect(calls()).toBe(1);
    expect([reader(body), reader(body)]).toEqual([2, 3]); // outside any run: no cache
  });

  test("another body, a later run and a nested run each derive afresh, and the outer run's result survives", () => {
    const { reader, calls } = counted();
    const body = { A: 1 };
    const other = { A: 1 };
    withSharedReaders(body, () => {
      expect(reader(body)).toBe(1);
      expect(reader(other)).toBe(2); // equal content, different body: not shared
      withSharedReaders(other, () => expect(reader(other)).toBe(3));
      expect(reader(body)).toBe(1);
    });
    withSharedReaders(body, () => expect(reader(body)).toBe(4));
    expect(calls()).toBe(4);
  });

  test("a rule that throws ends the run: the next run sees no stale result", () => {
    const { reader } = counted();
    const body = { A: 1 };
    expect(() =>
      withSharedReaders(body, () => {
        reader(body);
        throw new Error("rule bug");
      }),
    ).toThrow("rule bug");
    expect(reader(body)).toBe(2); // outside any run again: derived afresh, not the thrown run's 1
    withSharedReaders(body, () => expect(reader(body)).toBe(3));
  });

  test("runRules shares one mixUsers list among the rules of a run, and a changed body gets a new one", () => {
    const seen: unknown[] = [];
    const spy = { id: "spy", source: "test", summary: "records mixUsers", check: (b: Json) => void seen.push(mixUsers(b)) };
    const body: Json = { AudioParams: { SubscribeAudioList: [{ UserInfo: { UserId: "a", RoomId: "1" } }] } };
    runRules([spy, spy], body, () => {}, { site: "cn" });
    expect(seen[0]).toBe(seen[1]);
    (body.AudioParams as Json).SubscribeAudioList = [];
    runRules([spy], body, () => {}, { site: "cn" });
    expect(seen[2]).toEqual([]);
    expect((seen[0] as unknown[]).length).toBe(1);
  });
});
