/**
 * The provider's lifecycle methods over the real TrtcClient against a real emulator on port 0: what the
 * emulator holds after each step is the ground truth.
 */
import { toApiCase } from "../../trtc/casing";
import { clearConfig } from "../../provider/config";
import { ResourceInitError } from "../../provider/init-error";
import { makeLifecycle } from "../../provider/lifecycle";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { seedArgs, type SeedName } from "../helpers/stream-args";

let emu: RunningEmulator;
let env: Record<string, string>;
const logs: string[] = [];
const lifecycle = makeLifecycle({ env: () => env, log: (line) => logs.push(line) });

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}
// Revealed: the tests compare push URLs with their txSecret as sent.
const task = async (taskId: string) => control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`).then((r) => r.task ?? r);
const allTasks = async (): Promise<any[]> => (await control("GET", "tasks")).tasks;

/** Runs check like the engine does and fails the test on any CheckFailure. */
async function checked(args: Record<string, any>): Promise<Record<string, any>> {
  const { inputs, failures } = await lifecycle.check({}, { ...args, __provider: "shim" });
  expect(failures).toEqual([]);
  return { ...inputs, __provider: "shim" };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  env = {
    TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY,
    TRTC_ENDPOINT: emu.url,
  };
  clearConfig();
  await control("POST", "reset");
});

test("create starts a task the emulator holds exactly as sent, and records where it lives", async () => {
  const args = seedArgs("mix-audio-video-cdn");
  const { id, outs } = await lifecycle.create(await checked(args));
  const held = await task(id);
  expect(held).toMatchObject({ TaskId: id, Status: "running", SdkAppId: 1400188366, RoomId: "295066" });
  expect(held.Params).toEqual(toApiCase(args));
  expect(outs).toMatchObject({ taskId: id, sequenceNumber: 0, endpoint: emu.url, region: "ap-guangzhou" });
  expect(outs.requestId).toMatch(/^[0-9a-f-]{36}$/);
});

test("update changes the running task in place: same TaskId, SequenceNumber up, new params applied", async () => {
  const args = seedArgs("mix-audio-video-cdn");
  const created = await lifecycle.create(await checked(args));

  const next = structuredClone(args);
  next.publishCdnParams = [
    { publishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/second?txSecret=abc123def456&txTime=62635BDE", isTencentCdn: 1 },
  ];
  next.videoParams.videoEncode.bitRate = 2500;
  const news = await checked(next);
  expect(await lifecycle.diff(created.id, created.outs, news)).toEqual({ changes: true });
  const first = await lifecycle.update(created.id, created.outs, news);

  let held = await task(created.id);
  expect(held.Status).toBe("running");
  expect(held.SequenceNumber).toBe(1);
  expect(held.Params.PublishCdnParams).toEqual(toApiCase(next.publishCdnParams));
  expect(held.Params.VideoParams.VideoEncode.BitRate).toBe(2500);
  expect(first.outs).toMatchObject({ taskId: created.id, sequenceNumber: 1 });
  expect(first.outs.requestId).not.toBe(created.outs.requestId);

  // Removing seiParams / watermarks reaches the task even though Update cannot clear by omission.
  const third = structuredClone(next);
  delete third.videoParams.waterMarkList;
  third.seiParams = { layoutVolume: { appData: "v2" } };
  const second = await lifecycle.update(created.id, first.outs, await checked(third));
  const fourth = structuredClone(third);
  delete fourth.seiParams;
  const last = await lifecycle.update(created.id, second.outs, await checked(fourth));

  held = await task(created.id);
  expect(held.SequenceNumber).toBe(3);
  expect(last.outs.sequenceNumber).toBe(3);
  expect(held.Params.VideoParams.WaterMarkList).toEqual([]);
  expect(held.Params.SeiParams).toEqual({});
  expect(held.History.map((h: any) => h.SequenceNumber ?? null)).toEqual([null, 1, 2, 3]);
});

test("audio mixing lists update in place; removing one sends [] and keeps the encoding", async () => {
  const args = seedArgs("mix-cross-room");
  const created = await lifecycle.create(await checked(args));
  const next = structuredClone(args);
  delete next.audioParams.subscribeAudioList;
  next.videoParams.layoutParams.mixLayoutList.pop(); // the cross-room user leaves the mix entirely
  const { outs } = await lifecycle.update(created.id, created.outs, await checked(next));
  const held = await task(created.id);
  expect(held.Params.AudioParams).toEqual({
    AudioEncode: toApiCase(args.audioParams.audioEncode),
    SubscribeAudioList: [],
    UnSubscribeAudioList: [],
  });
  expect(held.Params.VideoParams.LayoutParams.MixLayoutList).toHaveLength(1);
  expect(outs.audioParams).toEqual({ audioEncode: args.audioParams.audioEncode });
});

test("replacement stops the old task before the new one starts", async () => {
  const args = seedArgs("mix-audio-video-cdn");
  const old = await lifecycle.create(await checked(args));
  const next: Record<string, any> = { ...structuredClone(args), roomId: "295067" };
  next.videoParams.layoutParams.mixLayoutList.forEach((cell: any) => {
    cell.userMediaStream.userInfo.roomId = "295067";
  });
  const news = await checked(next);

  const decision = await lifecycle.diff(old.id, old.outs, news);
  expect(decision).toEqual({ changes: true, replaces: ["roomId"], deleteBeforeReplace: true });
  // The engine's delete-before-replace order:
  await lifecycle.delete(old.id, old.outs);
  const fresh = await lifecycle.create(news);

  const [before, after] = [await task(old.id), await task(fresh.id)];
  expect(fresh.id).not.toBe(old.id);
  expect(before).toMatchObject({ Status: "finished", FinishReason: "stopped" });
  expect(after).toMatchObject({ Status: "running", RoomId: "295067" });
  expect(Date.parse(before.FinishedAt)).toBeLessThanOrEqual(Date.parse(after.CreatedAt));
  const order = (await control("GET", "requests")).requests
    .filter((r: any) => r.outcome === "ok")
    .map((r: any) => `${r.action}:${r.taskId}`);
  expect(order.indexOf(`StopPublishCdnStream:${old.id}`)).toBeLessThan(order.indexOf(`StartPublishCdnStream:${fresh.id}`));
});

test("delete stops the task; deleting it again, or an expired task, succeeds", async () => {
  const a = await lifecycle.create(await checked(seedArgs("mix-audio-only-cdn")));
  await lifecycle.delete(a.id, a.outs);
  expect(await task(a.id)).toMatchObject({ Status: "finished", FinishReason: "stopped" });
  await expect(lifecycle.delete(a.id, a.outs)).resolves.toBeUndefined();

  const b = await lifecycle.create(await checked(seedArgs("mix-audio-only-cdn")));
  await control("POST", `tasks/${encodeURIComponent(b.id)}/expire`);
  await expect(lifecycle.delete(b.id, b.outs)).resolves.toBeUndefined();

  await expect(lifecycle.delete("no-such-task", { ...a.outs, taskId: "no-such-task" })).resolves.toBeUndefined();
});

test("a task that ended on its own: update records it finished, the next up replaces, refresh drops it", async () => {
  const args = seedArgs("mix-layout-sei");
  const created = await lifecycle.create(await checked(args));
  await control("POST", `tasks/${encodeURIComponent(created.id)}/expire`);

  const next: Record<string, any> = { ...structuredClone(args), seiParams: { layoutVolume: { appData: "changed" } } };
  const error = await lifecycle.update(created.id, created.outs, await checked(next)).catch((e) => e);
  expect(error).toBeInstanceOf(ResourceInitError);
  expect(error.message).toMatch(/is no longer running; TRTC does not say why.*idle expiry.*used elsewhere in the room/s);
  expect(error.properties).toMatchObject({ taskId: created.id, finished: true });

  expect(await lifecycle.diff(created.id, error.properties, await checked(next))).toMatchObject({ replaces: ["finished"] });
  expect(await lifecycle.read(created.id, error.properties)).toEqual({ id: "" });
  await lifecycle.delete(created.id, error.properties); // nothing to stop
  const replacement = await lifecycle.create(await checked(next));
  expect(await task(replacement.id)).toMatchObject({ Status: "running" });
});

test.each<SeedName>([
  "mix-audio-video-cdn",
  "mix-audio-only-cdn",
  "relay-single-audio-video",
  "relay-single-audio-only",
  "mix-feedback-room",
  "mix-layout-sei",
  "mix-cross-room",
])("seed scenario %s: create and delete", async (name) => {
  const { id, outs } = await lifecycle.create(await checked(seedArgs(name)));
  expect((await task(id)).Status).toBe("running");
  await lifecycle.delete(id, outs);
  expect((await task(id)).Status).toBe("finished");
});

describe("credentials and endpoint", () => {
  test("credentials and endpoint from stack config (configure) when the environment has none", async () => {
    env = {};
    const config: Record<string, string> = {
      "tencentcloud:secretId": DEFAULT_SECRET_ID,
      "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
      "tencentcloud:region": "ap-beijing",
      "trtc:endpoint": emu.url,
    };
    lifecycle.configure({ get: (k: string) => config[k] });
    const { id, outs } = await lifecycle.create(await checked(seedArgs("mix-audio-only-cdn")));
    expect(outs).toMatchObject({ endpoint: emu.url, region: "ap-beijing" });
    expect((await task(id)).Status).toBe("running");
  });

  test("stack config wins over the environment", async () => {
    env = { ...env, TENCENTCLOUD_SECRET_KEY: "wrong-key-from-env" };
    lifecycle.configure({ get: (k: string) => (k === "tencentcloud:secretKey" ? DEFAULT_SECRET_KEY : undefined) });
    await expect(lifecycle.create(await checked(seedArgs("mix-audio-only-cdn")))).resolves.toMatchObject({ id: expect.any(String) });
  });

  test("wrong credentials are refused by the emulator, and the key never shows in the error", async () => {
    env = { ...env, TENCENTCLOUD_SECRET_KEY: "wrong-key-value-1234" };
    const error = await lifecycle.create(await checked(seedArgs("mix-audio-only-cdn"))).catch((e) => e);
    expect(error.code).toBe("AuthFailure.SignatureFailure");
    expect(JSON.stringify({ message: error.message, ...error })).not.toContain("wrong-key-value-1234");
    expect(await allTasks()).toEqual([]);
  });

  test("missing credentials fail at create with the config keys named, but check and diff work", async () => {
    env = { TRTC_ENDPOINT: emu.url };
    const news = await checked(seedArgs("mix-audio-only-cdn"));
    await expect(lifecycle.create(news)).rejects.toThrow(/tencentcloud:secretId.*TENCENTCLOUD_SECRET_ID/);
    expect(await allTasks()).toEqual([]);
    const stored = { ...news, taskId: "t", sequenceNumber: 0, requestId: "r", endpoint: emu.url, region: "ap-guangzhou" };
    expect(await lifecycle.diff("t", stored, news)).toEqual({ changes: false });
  });

  test("the endpoint override decides where calls go; pointing elsewhere afterwards means replace", async () => {
    const other = await startEmulator({ port: 0 });
    try {
      env = { ...env, TRTC_ENDPOINT: other.url };
      const { id, outs } = await lifecycle.create(await checked(seedArgs("mix-audio-only-cdn")));
      expect(outs.endpoint).toBe(other.url);
      expect(await allTasks()).toEqual([]); // nothing reached the first emulator
      env = { ...env, TRTC_ENDPOINT: emu.url };
      expect(await lifecycle.diff(id, outs, await checked(seedArgs("mix-audio-only-cdn")))).toMatchObject({ replaces: ["endpoint"] });
      await lifecycle.delete(id, outs); // goes to where the task lives, not to the current endpoint
      const stopped = await fetch(`${other.url}/_emulator/tasks/${encodeURIComponent(id)}`).then((r) => r.json() as Promise<any>);
      expect((stopped.task ?? stopped).Status).toBe("finished");
    } finally {
      await other.close();
    }
  });
});
