/**
 * The callback sender's pure parts: which status events a task change implies, and the CLI flags that
 * configure the target.
 */
import { parseArgs } from "../../emulator/cli/args";
import { PushStateTracker, pushUrls } from "../../emulator/callbacks/push-state";
import { newTask, finishTask, type TaskRecord } from "../../emulator/state/task";

const A = "rtmp://push.example.com/live/a?txSecret=s3cr3tA&txTime=1";
const B = "rtmp://push.example.com/live/b?txSecret=s3cr3tB&txTime=1";

function task(urls: string[]): TaskRecord {
  return newTask(
    "task-1",
    { SdkAppId: 1, RoomId: "r", RoomIdType: 1, PublishCdnParams: urls.map((PublishCdnUrl) => ({ PublishCdnUrl })) },
    1000,
    "req",
  );
}
const statuses = (events: Array<{ url: string; status: string }>) => events.map((e) => `${e.url === A ? "A" : "B"}:${e.status}`);

describe("PushStateTracker", () => {
  it("derives start, add, remove and stop sequences from the task alone", () => {
    const t = new PushStateTracker();
    const rec = task([A]);
    expect(statuses(t.sync(rec, "start", 1000))).toEqual(["A:CONNECTING", "A:RUNNING"]);
    expect(t.sync(rec, "update", 1000)).toEqual([]);
    rec.Params.PublishCdnParams = [{ PublishCdnUrl: B }, { PublishCdnUrl: B }];
    expect(statuses(t.sync(rec, "update", 1000))).toEqual(["A:DISCONNECTING", "A:IDLE", "B:CONNECTING", "B:RUNNING"]);
    finishTask(rec, "stopped", 2000);
    expect(statuses(t.sync(rec, "stop", 2000))).toEqual(["B:DISCONNECTING", "B:IDLE"]);
    expect(t.sync(rec, "stop", 2000)).toEqual([]);
  });

  it("stamps strictly increasing EventMsTs per URL, across removal and re-adding, on a frozen clock", () => {
    const t = new PushStateTracker();
    const rec = task([A]);
    const stamps = [...t.sync(rec, "start", 5000)];
    rec.Params.PublishCdnParams = [];
    stamps.push(...t.sync(rec, "update", 5000));
    rec.Params.PublishCdnParams = [{ PublishCdnUrl: A }];
    stamps.push(...t.sync(rec, "update", 5000));
    expect(stamps.map((e) => e.eventMsTs)).toEqual([5000, 5001, 5002, 5003, 5004, 5005]);
  });

  it("fails a URL once; a later stop sends nothing more for it, and a fault on a finished task is refused", () => {
    const t = new PushStateTracker();
    const rec = task([A, B]);
    t.sync(rec, "start", 0);
    const failed = t.fault(rec, { taskId: rec.TaskId, url: A, kind: "fail", errorCode: 7 }, 10);
    expect(Array.isArray(failed) && statuses(failed)).toEqual(["A:RECOVERING", "A:FAILURE", "A:IDLE"]);
    expect(Array.isArray(failed) && failed[1].errorCode).toBe(7);
    expect(t.fault(rec, { taskId: rec.TaskId, url: A, kind: "recover" }, 20)).toMatch(/is not a pushing URL/);
    expect(t.fault(rec, { taskId: rec.TaskId, url: A, kind: "recover" }, 20)).not.toContain("s3cr3t");
    finishTask(rec, "stopped", 30);
    expect(statuses(t.sync(rec, "stop", 30))).toEqual(["B:DISCONNECTING", "B:IDLE"]);
    expect(t.fault(rec, { taskId: rec.TaskId, kind: "recover" }, 40)).toMatch(/finished/);
  });

  it("adopts running tasks without announcing them again", () => {
    const t = new PushStateTracker();
    const rec = task([A]);
    t.adopt([rec]);
    expect(t.sync(rec, "update", 0)).toEqual([]);
    expect(pushUrls(rec)).toEqual([A]);
  });
});

describe("trtc-emulator callback flags", () => {
  it("reads --callback-url and --callback-key, or the key from TRTC_CALLBACK_KEY", () => {
    expect(parseArgs(["--callback-url", "http://127.0.0.1:9/cb", "--callback-key=abc123"], {})).toMatchObject({
      options: { callback: { url: "http://127.0.0.1:9/cb", key: "abc123" } },
    });
    expect(parseArgs(["--callback-url", "http://127.0.0.1:9/cb"], { TRTC_CALLBACK_KEY: "envKey1" })).toMatchObject({
      options: { callback: { key: "envKey1" } },
    });
  });

  it("names the flag and the rule when the pair is incomplete or invalid", () => {
    expect(() => parseArgs(["--callback-url", "http://x/"], {})).toThrow("--callback-url needs --callback-key or TRTC_CALLBACK_KEY");
    expect(() => parseArgs(["--callback-key", "abc"], {})).toThrow("--callback-key needs --callback-url");
    expect(() => parseArgs(["--callback-url", "rtmp://x/", "--callback-key", "abc"], {})).toThrow(
      /^--callback-url must be an absolute http/,
    );
    expect(() => parseArgs(["--callback-url", "http://x/", "--callback-key", "no spaces"], {})).toThrow(
      /^--callback-key must be 1 to 32 letters or digits/,
    );
  });
});
