/**
 * UserSigs generated at deploy time, through the real Pulumi engine: a program that gives no robot a
 * UserSig, with the application's SDK secret key in `trtc:sdkSecretKey` (secret config), against an
 * emulator that was told the same key and so refuses any ticket that does not verify.
 */
import { PublishCdnStream, verifyUserSig, type PublishCdnStreamArgs } from "pulumi-trtc-relay";
import { collector, inlineStack, openEnv, relayResources, stateText, type E2eEnv } from "./harness";

const APP = 1400188366;
const SDK_KEY = "e2e-sdk-secret-key-7a6b5c4d3e";
const TX_SECRET = "e2eusersigtxsecret0123456789";

let bitRate = 1536;
const args = (): PublishCdnStreamArgs => ({
  sdkAppId: APP,
  roomId: "881001",
  roomIdType: 0,
  withTranscoding: 1,
  agentParams: { userId: "room_881001_relay", maxIdleTime: 30 },
  audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
  videoParams: { videoEncode: { width: 1280, height: 720, fps: 15, bitRate, gop: 2 }, layoutParams: { mixLayoutMode: 3 } },
  publishCdnParams: [{ publishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/usersig?txSecret=${TX_SECRET}&txTime=62635BDE` }],
  feedBackRoomParams: [{ roomId: "881002", roomIdType: 0, userId: "room_881002_feedback" }],
});
const program = async () => {
  const live = new PublishCdnStream("live", args());
  return { taskId: live.taskId };
};

const verifies = (sig: unknown, userId: string): boolean =>
  typeof sig === "string" && verifyUserSig(sig, { sdkAppId: APP, secretKey: SDK_KEY, userId }).ok;

let env: E2eEnv;
let stack: Awaited<ReturnType<typeof inlineStack>>;
let sigs: { agent: string; feedback: string };

beforeAll(async () => {
  env = await openEnv({ sdkSecretKeys: { [APP]: SDK_KEY } });
  stack = await inlineStack(env, "usersig", "dev", program, { "trtc:sdkSecretKey": { value: SDK_KEY, secret: true } });
});
afterAll(async () => {
  await env?.close();
});

test("up starts the task with generated tickets the emulator verified, and stores them as outputs", async () => {
  const output = collector();
  const up = await stack.up({ onOutput: output.onOutput });
  const [task] = await env.running(true);
  expect(task.TaskId).toBe(up.outputs.taskId.value);
  sigs = { agent: task.Params.AgentParams.UserSig, feedback: task.Params.FeedBackRoomParams[0].UserSig };
  for (const secret of [sigs.agent, sigs.feedback, SDK_KEY]) expect(output.text()).not.toContain(secret);
  // The emulator refuses tickets that do not verify with the key it was told; check them here too.
  expect(verifies(sigs.agent, "room_881001_relay")).toBe(true);
  expect(verifies(sigs.feedback, "room_881002_feedback")).toBe(true);
  const [res] = await relayResources(stack);
  expect(res.outputs.agentParams.userSig).toBe(sigs.agent);
  expect(res.outputs.feedBackRoomParams[0].userSig).toBe(sigs.feedback);
  expect(res.inputs.agentParams).not.toHaveProperty("userSig");
});

test("the state file holds neither a ticket nor the SDK secret key in plaintext", () => {
  const text = stateText(env, "usersig", "dev");
  for (const secret of [sigs.agent, sigs.feedback, SDK_KEY, TX_SECRET]) expect(text).not.toContain(secret);
  // The tickets are in state, as ciphertext.
  expect(text).toContain("4dabf18193072939515e22adb298388d");
});

test("a second up changes nothing and calls nothing", async () => {
  const before = await env.requestCount();
  const up = await stack.up();
  expect(up.summary.resourceChanges?.update ?? 0).toBe(0);
  expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
  expect(await env.requestCount()).toBe(before);
});

test("an updatable change updates in place without regenerating either ticket", async () => {
  bitRate = 2000;
  const up = await stack.up();
  expect(up.summary.resourceChanges?.update).toBe(1);
  expect(up.summary.resourceChanges?.replace ?? 0).toBe(0);
  const [task] = await env.running(true);
  expect(task.Params.VideoParams.VideoEncode.BitRate).toBe(2000);
  expect(task.Params.AgentParams.UserSig).toBe(sigs.agent);
  expect(task.Params.FeedBackRoomParams[0].UserSig).toBe(sigs.feedback);
  const [res] = await relayResources(stack);
  expect(res.outputs.agentParams.userSig).toBe(sigs.agent);
  expect(res.outputs.feedBackRoomParams[0].userSig).toBe(sigs.feedback);
});

test("destroy stops the task", async () => {
  await stack.destroy();
  expect(await env.running()).toHaveLength(0);
  expect(await relayResources(stack)).toHaveLength(0);
});
