/**
 * Relay-to-CDN callbacks end to end: a PublishCdnStream deployed by the real Pulumi engine against the
 * emulator, with the example callback receiver listening. Deploy with two CDN URLs, update the list in place
 * (one added, one removed), destroy, and check the receiver saw, for each URL and ordered by EventMsTs,
 * exactly the documented sequences, every one verified against the callback key.
 */
import { PublishCdnStream, type PublishCdnStreamArgs } from "pulumi-trtc-relay";
import { startReceiver, type Receiver } from "../../examples/callback-receiver";
import type { RelayCdnStatusEvent } from "../../trtc/callbacks";
import { inlineStack, openEnv, type E2eEnv } from "./harness";

const KEY = "e2eCallbackKey42";
const push = (name: string) => `rtmp://3891.livepush.myqcloud.com/live/${name}?txSecret=e2ecb${name}secret0123&txTime=62635BDE`;
const [URL_A, URL_B, URL_C] = [push("a"), push("b"), push("c")];

function args(urls: string[]): PublishCdnStreamArgs {
  return {
    sdkAppId: 1400188366,
    roomId: "295071",
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: "room_295071_relay_cb", userSig: "eJwROBOTSIG-e2e-callbacks", maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: { mixLayoutMode: 3 },
    },
    publishCdnParams: urls.map((publishCdnUrl) => ({ publishCdnUrl, isTencentCdn: 1 })),
  };
}

/** Statuses of one URL, ordered by EventMsTs as the docs tell receivers to. */
const sequence = (events: RelayCdnStatusEvent[], taskId: string, url: string): string[] =>
  events
    .filter((e) => e.taskId === taskId && e.url === url)
    .sort((a, b) => a.eventMsTs - b.eventMsTs)
    .map((e) => e.status);

let receiver: Receiver;
let env: E2eEnv;
const logged: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver({ key: KEY, log: (line) => logged.push(line) });
  // Short retry intervals: a slow engine must not turn a retried callback into a minute of waiting.
  env = await openEnv({ callback: { url: receiver.url, key: KEY, answerTimeoutMs: 5_000, retryIntervalMs: 500, giveUpAfterMs: 30_000 } });
});
afterAll(async () => {
  await env?.close();
  await receiver?.close();
});

let current = args([URL_A, URL_B]);
const program = async () => {
  const relay = new PublishCdnStream("relay", current);
  return { taskId: relay.taskId };
};

test("deploy, add one URL and remove one, destroy: the receiver sees each URL's documented sequence", async () => {
  const stack = await inlineStack(env, "callbacks", "dev", program);

  const up = await stack.up();
  const taskId = up.outputs.taskId.value as string;
  await env.emulator.core.callbacks.settled();
  expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING"]);
  expect(sequence(receiver.events, taskId, URL_B)).toEqual(["CONNECTING", "RUNNING"]);

  current = args([URL_A, URL_C]);
  const updated = await stack.up();
  expect(updated.summary.resourceChanges).toMatchObject({ update: 1 });
  expect(updated.outputs.taskId.value).toBe(taskId);
  await env.emulator.core.callbacks.settled();
  expect(sequence(receiver.events, taskId, URL_B)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
  expect(sequence(receiver.events, taskId, URL_C)).toEqual(["CONNECTING", "RUNNING"]);
  expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING"]);

  await stack.destroy();
  await env.emulator.core.callbacks.settled();
  expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
  expect(sequence(receiver.events, taskId, URL_B)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
  expect(sequence(receiver.events, taskId, URL_C)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
  expect(receiver.events.every((e) => e.taskId === taskId && e.userId === "room_295071_relay_cb" && e.roomId === "295071")).toBe(true);
  expect(receiver.events).toHaveLength(12);
  expect(receiver.board.urlsOf(taskId).size).toBe(3);
  for (const state of receiver.board.urlsOf(taskId).values()) expect(state.status).toBe("IDLE");

  // What the emulator reports having sent matches, and neither side ever printed a push secret.
  const sent = (await env.control("GET", "callbacks")).callbacks as Array<{ state: string; cause: string }>;
  expect(sent.map((c) => c.state)).toEqual(Array(12).fill("delivered"));
  expect(sent.map((c) => c.cause)).toEqual([...Array(4).fill("start"), ...Array(4).fill("update"), ...Array(4).fill("stop")]);
  const visible = JSON.stringify(sent) + logged.join("\n");
  for (const name of ["a", "b", "c"]) expect(visible).not.toContain(`e2ecb${name}secret0123`);
});
