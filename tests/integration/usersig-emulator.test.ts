/**
 * Robot UserSigs against a real emulator on port 0 that knows the application's SDK secret key: tickets
 * the provider generates are accepted; bad, expired and foreign ones are refused at Start (and at Update
 * for a new push-back robot) without a task being created; the key ring is driven by option, control API
 * and CLI flag; and the provider lifecycle generates tickets the emulator verifies.
 */
import { toApiCase } from "../../trtc/casing";
import { TrtcClient } from "../../trtc/client/client";
import { TencentCloudError } from "../../trtc/client/errors";
import { clearConfig } from "../../provider/config";
import { makeLifecycle } from "../../provider/lifecycle";
import { genUserSig, verifyUserSig } from "../../trtc/usersig";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { parseArgs } from "../../emulator/cli/args";
import { seedArgs } from "../helpers/stream-args";

const APP = 1400188366;
const KEY = "emulator-sdk-key-3c9d1f";
let emu: RunningEmulator;
let client: TrtcClient;

const sig = (userId: string, opts: { key?: string; app?: number; expire?: number; now?: number } = {}) =>
  genUserSig({
    sdkAppId: opts.app ?? APP,
    secretKey: opts.key ?? KEY,
    userId,
    expireSeconds: opts.expire ?? 3600,
    ...(opts.now !== undefined ? { now: () => opts.now! } : {}),
  });

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${emu.url}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}
const taskCount = async () => (await control("GET", "tasks")).json.tasks.length;

/** The feedback seed as an API body, with the robots' tickets chosen by the test. */
function body(agentSig: string | undefined, feedbackSig: string): Record<string, any> {
  const b = toApiCase(seedArgs("mix-feedback-room")) as Record<string, any>;
  if (agentSig === undefined) delete b.AgentParams.UserSig;
  else b.AgentParams.UserSig = agentSig;
  b.FeedBackRoomParams[0].UserSig = feedbackSig;
  return b;
}
const start = (b: Record<string, any>) => client.startPublishCdnStream(b as never);

async function refused(p: Promise<unknown>): Promise<TencentCloudError> {
  const error = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(TencentCloudError);
  return error as TencentCloudError;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, sdkSecretKeys: { [APP]: KEY } });
  client = new TrtcClient({ credentials: { secretId: emu.secretId, secretKey: emu.secretKey }, region: "ap-guangzhou", endpoint: emu.url });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(async () => {
  clearConfig();
  await control("POST", "reset");
});

test("tickets issued with the application's key are accepted; the relay robot's may be absent", async () => {
  const a = await start(body(sig("trtc_partner_test_1"), sig("trtc_partner_test_2")));
  expect(a.TaskId).toBeTruthy();
  await control("POST", "reset");
  const b = await start(body(undefined, sig("trtc_partner_test_2")));
  expect(b.TaskId).toBeTruthy();
});

test.each([
  [
    "another key (signature)",
    () => body(sig("trtc_partner_test_1", { key: "some-other-key" }), sig("trtc_partner_test_2")),
    /AgentParams\.UserSig refused: the robot `trtc_partner_test_1` cannot enter room 295066; its ticket does not verify/,
  ],
  [
    "expired",
    () => body(sig("trtc_partner_test_1"), sig("trtc_partner_test_2", { now: Date.now() / 1000 - 7200 })),
    /FeedBackRoomParams\[0\]\.UserSig refused: the robot `trtc_partner_test_2` cannot enter room 630777; its ticket has expired/,
  ],
  [
    "issued to another user",
    () => body(sig("trtc_partner_test_2"), sig("trtc_partner_test_2")),
    /AgentParams\.UserSig refused: .*issued for another UserId/,
  ],
  [
    "issued for another app",
    () => body(sig("trtc_partner_test_1"), sig("trtc_partner_test_2", { app: 1400000001 })),
    /FeedBackRoomParams\[0\]\.UserSig refused: .*issued for another SdkAppId/,
  ],
  ["not a UserSig", () => body("not-a-usersig", sig("trtc_partner_test_2")), /AgentParams\.UserSig refused: .*is not a UserSig/],
])("a ticket %s is refused with InvalidParameter, no task, and no ticket in the message", async (_name, make, message) => {
  const b = make();
  const error = await refused(start(b));
  expect(error.code).toBe("InvalidParameter");
  expect(error.retryable).toBe(false);
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain(b.AgentParams.UserSig);
  expect(error.message).not.toContain(b.FeedBackRoomParams[0].UserSig);
  expect(error.message).not.toContain(KEY);
  expect(await taskCount()).toBe(0);
});

test("Update checks a push-back robot new to the task, not one already seated whose ticket has since expired", async () => {
  const { TaskId } = await start(body(sig("trtc_partner_test_1"), sig("trtc_partner_test_2", { expire: 60 })));
  await control("POST", "clock", { advanceSeconds: 120 }); // the seated robot's ticket is now past its expiry
  const seated = { RoomId: "630777", RoomIdType: 0, UserId: "trtc_partner_test_2", UserSig: sig("trtc_partner_test_2", { expire: 60 }) };
  const update = (n: number, robots: unknown[]) =>
    client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: n, WithTranscoding: 1, FeedBackRoomParams: robots } as never);

  const stale = sig("trtc_partner_test_3", { expire: 60, now: Date.now() / 1000 }); // expired on the advanced clock
  const error = await refused(update(1, [seated, { RoomId: "630778", RoomIdType: 0, UserId: "trtc_partner_test_3", UserSig: stale }]));
  expect(error.code).toBe("InvalidParameter");
  expect(error.message).toMatch(/FeedBackRoomParams\[1\]\.UserSig refused: the robot `trtc_partner_test_3` .*has expired/);
  // The refused Update consumed nothing: number 1 still works with a valid ticket.
  const fresh = sig("trtc_partner_test_3", { now: Date.now() / 1000 + 120 });
  await update(1, [seated, { RoomId: "630778", RoomIdType: 0, UserId: "trtc_partner_test_3", UserSig: fresh }]);
  const task = (await control("GET", `tasks/${TaskId}`)).json;
  expect((task.task ?? task).Params.FeedBackRoomParams).toHaveLength(2);
});

test("apps without a known key are not checked; PUT /_emulator/apps/<id> turns checking on, DELETE off", async () => {
  const other = 1400000002;
  const b: Record<string, any> = { ...body(undefined, sig("trtc_partner_test_2", { key: "k2", app: other })), SdkAppId: other };
  b.FeedBackRoomParams[0].UserSig = "garbage";
  expect((await start(b)).TaskId).toBeTruthy();
  await control("POST", "reset");

  expect((await control("PUT", `apps/${other}`, { sdkSecretKey: "k2" })).json).toEqual({ sdkAppId: other, checksUserSigs: true });
  const listed = await control("GET", "apps");
  expect(listed.json).toEqual({
    apps: [
      { sdkAppId: other, checksUserSigs: true },
      { sdkAppId: APP, checksUserSigs: true },
    ],
  });
  expect(JSON.stringify(listed.json)).not.toContain(KEY);
  expect((await refused(start(b))).message).toMatch(/is not a UserSig/);
  b.FeedBackRoomParams[0].UserSig = sig("trtc_partner_test_2", { key: "k2", app: other });
  expect((await start(b)).TaskId).toBeTruthy();

  await control("POST", "reset");
  await control("DELETE", `apps/${other}`);
  b.FeedBackRoomParams[0].UserSig = "garbage";
  expect((await start(b)).TaskId).toBeTruthy();
  expect((await control("PUT", "apps/x", { sdkSecretKey: "k" })).status).toBe(404);
  expect((await control("PUT", `apps/${other}`, { sdkSecretKey: "" })).status).toBe(400);
});

test("the CLI flag --sdk-secret-key <SdkAppId>=<key> is repeatable and keeps '=' inside keys", () => {
  const cmd = parseArgs(["--sdk-secret-key", `${APP}=a=b`, "--sdk-secret-key=1400000001=c"], {});
  expect(cmd).toMatchObject({ kind: "run", options: { sdkSecretKeys: { [APP]: "a=b", 1400000001: "c" } } });
  expect(() => parseArgs(["--sdk-secret-key", "app=k"], {})).toThrow(/<SdkAppId>=<key>/);
  expect(() => parseArgs(["--sdk-secret-key", `${APP}=`], {})).toThrow(/<SdkAppId>=<key>/);
});

test("the provider generates tickets the emulator verifies, and reuses them on Update", async () => {
  const env = {
    TENCENTCLOUD_SECRET_ID: DEFAULT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: DEFAULT_SECRET_KEY,
    TRTC_ENDPOINT: emu.url,
    TRTC_SDK_SECRET_KEY: KEY,
  };
  const logs: string[] = [];
  const lifecycle = makeLifecycle({ env: () => env, log: (l) => logs.push(l) });
  const args = seedArgs("mix-feedback-room");
  delete args.agentParams.userSig;
  delete args.feedBackRoomParams[0].userSig;
  const { inputs, failures } = await lifecycle.check({}, { ...args, __provider: "shim" });
  expect(failures).toEqual([]);
  const { id, outs } = await lifecycle.create(inputs);
  const held = (await control("GET", `tasks/${id}?reveal=secrets`)).json;
  const params = (held.task ?? held).Params;
  expect(verifyUserSig(params.AgentParams.UserSig, { sdkAppId: APP, secretKey: KEY, userId: "trtc_partner_test_1" }).ok).toBe(true);
  expect(params.FeedBackRoomParams[0].UserSig).toBe((outs as any).feedBackRoomParams[0].userSig);

  const news = structuredClone(inputs);
  news.feedBackRoomParams.push({ roomId: "630779", roomIdType: 0, userId: "trtc_partner_test_4" });
  const { outs: after } = await lifecycle.update(id, { ...outs, __provider: "shim" }, news);
  const updated = (await control("GET", `tasks/${id}?reveal=secrets`)).json;
  const robots = (updated.task ?? updated).Params.FeedBackRoomParams;
  expect(robots[0].UserSig).toBe((outs as any).feedBackRoomParams[0].userSig);
  expect(verifyUserSig(robots[1].UserSig, { sdkAppId: APP, secretKey: KEY, userId: "trtc_partner_test_4" }).ok).toBe(true);
  expect((after as any).feedBackRoomParams[1].userSig).toBe(robots[1].UserSig);
  expect(logs.join("\n")).not.toContain(KEY);
});
