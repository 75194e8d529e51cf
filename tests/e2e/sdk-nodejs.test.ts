/**
 * TypeScript through the generated Node SDK, end to end: the program of tests/fixtures/sdk-ts-program
 * (`new trtc.PublishCdnStream(...)` from `@pulumi-trtc-relay/trtc`), in a directory outside the repository,
 * run by the real engine and Node language host over the plugin installed with `pulumi plugin install --file`,
 * against the emulator. `up` starts exactly the declared task (type `trtc:index:PublishCdnStream`), an updatable
 * change updates it in place (same TaskId), a room change replaces it with the old task stopped before the new
 * one starts (the SDK's replaceOnChanges and the plugin's delete-before-replace agree), destroy stops it, and
 * the state never holds a secret in plaintext. One emulator, one stack.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import { toApiCase } from "../../trtc/casing";
import { type E2eEnv, openEnv, relayResources, stateText } from "./harness";
import { buildNodeSdk, expectBackgroundUpdatedInPlace, installPlugin, pluginCli, pulumi, sdkProgramStack } from "./plugin-stacks";

const ROBOT_USERSIG = "e2e-sdk-robot-usersig-3c9f1d2e";
const PUSH_SECRET = "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d";
const PUSH_URL = `rtmp://3891.livepush.myqcloud.com/live/sdk_e2e?txSecret=${PUSH_SECRET}&txTime=7FFFFFFF`;
const PROJECT = "trtc-sdk-nodejs";

let env: E2eEnv;
let cli: Record<string, string>;
let stack: Stack;

beforeAll(async () => {
  env = await openEnv();
  buildNodeSdk();
  cli = pluginCli(env);
  installPlugin(env, cli);
  stack = await sdkProgramStack(env, cli, PROJECT, {
    robotUserSig: { value: ROBOT_USERSIG, secret: true },
    pushUrl: { value: PUSH_URL, secret: true },
  });
});
afterAll(async () => {
  await env?.close();
});

test("up starts exactly the declared task through the SDK and the plugin, typed trtc:index:PublishCdnStream", async () => {
  const up = await stack.up();
  expect(up.summary.resourceChanges).toMatchObject({ create: 2 }); // the stack and the task
  const taskId = up.outputs.taskId.value as string;
  expect(up.outputs.sequenceNumber.value).toBe(0);
  const [res] = await relayResources(stack);
  expect(res.id).toBe(taskId);
  expect((res as unknown as { type: string }).type).toBe("trtc:index:PublishCdnStream");
  const task = (await env.tasks(true)).find((t) => t.TaskId === taskId);
  expect(task?.Status).toBe("running");
  expect(task?.Params).toEqual(toApiCase(res.inputs));
  expect(task?.Params).toMatchObject({
    RoomId: "295066",
    AgentParams: { UserId: "relay_295066", UserSig: ROBOT_USERSIG },
    VideoParams: { BackGroundColor: "0x000000", LayoutParams: { MixLayoutMode: 4 } },
    PublishCdnParams: [{ PublishCdnUrl: PUSH_URL, IsTencentCdn: 1 }],
  });
});

test("neither the state file nor `pulumi stack export` holds the UserSig, the push-URL secret or a credential", async () => {
  const text = stateText(env, PROJECT, "e2e");
  expect(text).toContain("ciphertext");
  const exported = await pulumi(cli, stack.workspace.workDir, ["stack", "export", "--stack", "e2e"]);
  expect(exported.code).toBe(0);
  for (const secret of [ROBOT_USERSIG, PUSH_SECRET, env.emulator.secretKey]) {
    expect(text).not.toContain(secret);
    expect(exported.stdout).not.toContain(secret);
  }
});

test("an updatable change updates the task in place: same TaskId, SequenceNumber 1, the new value applied", async () => {
  await expectBackgroundUpdatedInPlace(env, stack);
});

test("a room change replaces the task: the old one is stopped before the new one starts", async () => {
  const [old] = await relayResources(stack);
  await stack.setConfig("roomId", { value: "295067" });
  const up = await stack.up();
  expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
  const taskId = up.outputs.taskId.value as string;
  expect(taskId).not.toBe(old.id);
  const tasks = await env.tasks();
  expect(tasks.find((t) => t.TaskId === old.id)?.Status).toBe("finished");
  expect(tasks.find((t) => t.TaskId === taskId)).toMatchObject({ Status: "running", RoomId: "295067" });
  const log: Array<{ action: string; taskId?: string }> = (await env.control("GET", "requests")).requests;
  const stopAt = log.findIndex((r) => r.action === "StopPublishCdnStream" && r.taskId === old.id);
  const startAt = log.findIndex((r) => r.action === "StartPublishCdnStream" && r.taskId === taskId);
  expect(stopAt).toBeGreaterThanOrEqual(0);
  expect(stopAt).toBeLessThan(startAt);
});

test("destroy stops the task", async () => {
  const [res] = await relayResources(stack);
  await stack.destroy();
  expect((await env.tasks()).find((t) => t.TaskId === res.id)?.Status).toBe("finished");
  expect(await env.running()).toEqual([]);
});
