/**
 * `pulumi import` through the shared lifecycle, over a scripted in-process API: read records what the import
 * id carries and makes no call; check passes what read returned; the first diff against the program takes
 * every argument the import could not know (never a replacement for want of a value, even for the arguments
 * a replaceOnChanges option would catch); the first update sends every group Update can carry with a
 * SequenceNumber above any the task can have seen, and an outdated answer says how to import again.
 */
import { clearConfig } from "../../provider/config";
import { ResourceInitError } from "../../provider/init-error";
import { makeLifecycle, type TaskApi } from "../../provider/lifecycle";
import { TencentCloudError } from "../../trtc/client/errors";
import { seedArgs, storedState } from "../helpers/stream-args";

const ENV = {
  TENCENTCLOUD_SECRET_ID: "AKIDunit",
  TENCENTCLOUD_SECRET_KEY: "unit-secret-key-value",
  TRTC_ENDPOINT: "http://127.0.0.1:9",
  TENCENTCLOUD_REGION: "ap-guangzhou",
};
const NOW = 1_790_000_000_123;
const TASK = "-m97l2ZU7kOlV5cTRMoU6yoGp2nDYkzbJ13EC4K-4pycoZXVv+XVrNoUXQ8++8Z2PwUlAQ..";
const URN = "urn:pulumi:dev::relay::trtc:index:PublishCdnStream::live";

type Call = { action: keyof TaskApi; body: Record<string, any> };

/** A lifecycle whose Update answers from `updates` in turn (default: success), recording every call. */
function harness(updates: Array<(body: Record<string, any>) => unknown> = []) {
  const calls: Call[] = [];
  const logs: string[] = [];
  const answer = (action: keyof TaskApi) => async (body: Record<string, any>) => {
    calls.push({ action, body });
    const next = action === "updatePublishCdnStream" ? updates.shift() : undefined;
    if (next) return next(body);
    return { TaskId: body.TaskId ?? "task-new", RequestId: `req-${calls.length}` };
  };
  const api = {
    startPublishCdnStream: answer("startPublishCdnStream"),
    updatePublishCdnStream: answer("updatePublishCdnStream"),
    stopPublishCdnStream: answer("stopPublishCdnStream"),
  } as TaskApi;
  const lifecycle = makeLifecycle({ connect: () => api, env: () => ENV, log: (l) => logs.push(l), now: () => NOW, urn: URN });
  return { lifecycle, calls, logs };
}

const refuse =
  (code: string, extra: Record<string, unknown> = {}) =>
  () => {
    throw new TencentCloudError({ code, message: `${code} happened`, action: "UpdatePublishCdnStream", requestId: "rid", ...extra });
  };

/** What read records for `<app>/<TASK>[/<sequence>]`. */
async function imported(sequence?: number): Promise<Record<string, any>> {
  const id = sequence === undefined ? `1400188366/${TASK}` : `1400188366/${TASK}/${sequence}`;
  const result = await harness().lifecycle.read(id);
  return result.props as Record<string, any>;
}

afterEach(() => clearConfig());

describe("read without state (pulumi import)", () => {
  test("records the id's SdkAppId, TaskId (the new id) and SequenceNumber, and where config points; no call", async () => {
    const { lifecycle, calls } = harness();
    expect(await lifecycle.read(`1400188366/${TASK}/20`)).toEqual({
      id: TASK,
      props: {
        sdkAppId: 1400188366,
        taskId: TASK,
        sequenceNumber: 20,
        requestId: "",
        endpoint: "http://127.0.0.1:9",
        region: "ap-guangzhou",
      },
    });
    expect((await lifecycle.read(`1400188366/${TASK}`)).props).not.toHaveProperty("sequenceNumber");
    expect(calls).toEqual([]);
  });

  test("a malformed id is refused, saying what an id looks like", async () => {
    await expect(harness().lifecycle.read(TASK)).rejects.toThrow(/is not <sdkAppId>\/<taskId> or .*Example: 1400188366\//);
  });

  test("refresh of an imported task echoes it (TRTC cannot be asked)", async () => {
    const state = await imported(3);
    expect(await harness().lifecycle.read(TASK, state)).toEqual({ id: TASK, props: state });
  });
});

describe("check", () => {
  test("passes what read returned, checked against itself (the engine would warn of a provider bug otherwise)", async () => {
    const inputs = { sdkAppId: 1400188366 };
    expect(await harness().lifecycle.check(inputs, inputs)).toEqual({ inputs, failures: [] });
  });

  test("still refuses a program that gives only sdkAppId", async () => {
    const { failures } = await harness().lifecycle.check({}, { sdkAppId: 1400188366 });
    expect(failures.map((f) => f.property)).toEqual(expect.arrayContaining(["roomId", "agentParams"]));
  });
});

describe("the first diff after import", () => {
  test("an in-place update listing only the groups Update sends: never a replacement for want of a value", async () => {
    const news = seedArgs("mix-audio-video-cdn"); // recordParams-free quickstart: roomId, agentParams, ... unknown before
    const verdict = await harness().lifecycle.diff(TASK, await imported(), news);
    expect(verdict).toEqual({ changes: true });
  });

  test("the arguments a replaceOnChanges option names (roomId, agentParams, withTranscoding, ...) are not listed", async () => {
    const { planDiff, defaultDeps } = await import("../../provider/lifecycle");
    const news = { ...seedArgs("mix-audio-video-cdn"), recordParams: { uniRecord: 1 } };
    const verdict = await planDiff({ ...defaultDeps, env: () => ENV }, TASK, await imported(), news);
    expect(verdict.replaces).toEqual([]);
    expect(verdict.changed.map((c) => [c.path, c.verdict, c.kind])).toEqual([
      ["audioParams", "update", "add"],
      ["videoParams", "update", "add"],
      ["publishCdnParams", "update", "add"],
    ]);
  });

  test("what the import id carried, and the target, compare as usual", async () => {
    const { lifecycle } = harness();
    const other = await lifecycle.diff(TASK, await imported(), { ...seedArgs("mix-audio-video-cdn"), sdkAppId: 1400000001 });
    expect(other).toEqual({ changes: true, replaces: ["sdkAppId"], deleteBeforeReplace: true });
    const moved = await lifecycle.diff(TASK, { ...(await imported()), endpoint: "http://127.0.0.1:8" }, seedArgs("mix-audio-video-cdn"));
    expect(moved.replaces).toEqual(["endpoint"]);
  });

  test("a refresh (the pre-refresh inputs against the read state) finds no drift", async () => {
    expect(await harness().lifecycle.diff(TASK, await imported(), { sdkAppId: 1400188366 })).toEqual({ changes: false });
  });
});

describe("the first update after import", () => {
  test("sends every updatable group the program gives, empties for the rest, with SequenceNumber from the clock", async () => {
    const { lifecycle, calls, logs } = harness();
    const news = seedArgs("relay-single-audio-video");
    const { outs } = await lifecycle.update(TASK, await imported(), news);
    expect(calls).toHaveLength(1);
    const { action, body } = calls[0];
    expect(action).toBe("updatePublishCdnStream");
    expect(body).toEqual({
      SdkAppId: 1400188366,
      TaskId: TASK,
      SequenceNumber: NOW,
      WithTranscoding: 0,
      AudioParams: { ...structuredClone(body.AudioParams), SubscribeAudioList: [], UnSubscribeAudioList: [] },
      VideoParams: { ...structuredClone(body.VideoParams), WaterMarkList: [] },
      SingleSubscribeParams: expect.any(Object),
      PublishCdnParams: expect.any(Array),
      SeiParams: {},
    });
    expect(body.AudioParams.AudioEncode).toEqual({ SampleRate: 48000, Codec: 0, BitRate: 64, Channel: 2 });
    expect(Number.isSafeInteger(outs.sequenceNumber)).toBe(true);
    // The state is now complete: the program's arguments, the TaskId kept, the number recorded.
    expect(outs).toEqual({ ...storedState(news), __provider: undefined, taskId: TASK, sequenceNumber: NOW, requestId: "req-1" });
    expect(logs.join("\n")).toMatch(
      /first update of imported task .*SequenceNumber 1790000000123: sending the program's withTranscoding, audioParams, videoParams, singleSubscribeParams, publishCdnParams, seiParams; recording agentParams, roomIdType, roomId as the program gives them/,
    );
    // From then on, an ordinary task: the next update counts on.
    const next = await lifecycle.update(TASK, outs, { ...news, publishCdnParams: [{ publishCdnUrl: "rtmp://a/b", isTencentCdn: 1 }] });
    expect(calls[1].body.SequenceNumber).toBe(NOW + 1);
    expect(next.outs.sequenceNumber).toBe(NOW + 1);
  });

  test("with the id's SequenceNumber, sends the next one", async () => {
    const { lifecycle, calls } = harness();
    await lifecycle.update(TASK, await imported(20), seedArgs("mix-audio-video-cdn"));
    expect(calls[0].body.SequenceNumber).toBe(21);
  });

  test.each([
    [undefined, /carried no SequenceNumber, so Pulumi sent 1790000000123 \(the time in milliseconds\)/, false],
    [20, /said the last SequenceNumber was 20, so Pulumi sent 21/, true],
  ])(
    "an outdated answer (id SequenceNumber %p) is not retried: the error says how to import again",
    async (sequence, carried, clockHint) => {
      const { lifecycle, calls } = harness([refuse("FailedOperation.RequestOutdated")]);
      const error = (await lifecycle.update(TASK, await imported(sequence), seedArgs("mix-audio-video-cdn")).catch((e) => e)) as Error;
      expect(calls).toHaveLength(1);
      expect(error).not.toBeInstanceOf(ResourceInitError); // nothing changed: state stays as imported
      expect(error.message).toMatch(carried);
      expect(error.message).toContain(`TRTC answered FailedOperation.RequestOutdated to the first update of imported task ${TASK}`);
      expect(error.message).toContain(
        `\`pulumi state delete --force '${URN}'\` (Pulumi forgets the task; it keeps running), then ` +
          `\`pulumi import trtc:index:PublishCdnStream live 1400188366/${TASK}/<lastSequenceNumber> --generate-code=false\`, then \`pulumi up\`.`,
      );
      // A counter in the id was too low: importing without one (the clock) is the other way out.
      expect(error.message.includes("Without the third part Pulumi sends the time in milliseconds instead")).toBe(clockHint);
    },
  );

  test("a task that is gone is recorded finished, and the message names the import id as a likely cause", async () => {
    const { lifecycle } = harness([refuse("ResourceNotFound")]);
    const error = await lifecycle.update(TASK, await imported(), seedArgs("mix-audio-video-cdn")).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.properties).toMatchObject({ taskId: TASK, finished: true });
    expect(error.message).toMatch(/It was imported: if it should be running, check that SdkAppId 1400188366 and TaskId .* name it\./);
  });

  test("a lost answer records the number it may have consumed, and the state stays an imported one", async () => {
    const { lifecycle, calls } = harness([refuse("ClientError.Timeout", { requestId: undefined, reached: "maybe" })]);
    const error = await lifecycle.update(TASK, await imported(), seedArgs("mix-audio-video-cdn")).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.properties).toEqual({ ...(await imported()), sequenceNumber: NOW });
    await lifecycle.update(TASK, error.properties, seedArgs("mix-audio-video-cdn"));
    expect(calls[1].body.SequenceNumber).toBe(NOW + 1);
    expect(calls[1].body).toHaveProperty("VideoParams");
  });

  test("delete of an imported task never updated stops it where it was imported", async () => {
    const { lifecycle, calls } = harness();
    await lifecycle.delete(TASK, await imported());
    expect(calls).toEqual([{ action: "stopPublishCdnStream", body: { SdkAppId: 1400188366, TaskId: TASK } }]);
  });
});
