/**
 * `pulumi import` of running tasks started by Tencent's official Node SDK, end to end through the CLI, the
 * plugin and the emulator, from both native front ends: a YAML program and a TypeScript program using the
 * generated Node SDK (tests/fixtures/sdk-ts-program). The import makes no API call and records what the id
 * carries; the first `up` with a matching program updates the same task in place to the program's arguments
 * with a SequenceNumber above the one the SDK used; nothing is stopped or started. A stale SequenceNumber in
 * the id fails that `up` with the commands that fix it, and following them works. One emulator; the two front
 * ends run side by side, each in its own room.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import { toApiCase } from "../../trtc/casing";
import { type TencentSdkClient, tencentSdkClient } from "../helpers/tencent-sdk";
import { type E2eEnv, openEnv, relayResources, stateText } from "./harness";
import {
  type CliRun,
  buildNodeSdk,
  installPlugin,
  pluginCli,
  pulumi,
  sdkProgramStack,
  withoutEmpty,
  yamlProgramStack,
} from "./plugin-stacks";

const APP = 1400188366;
const TYPE = "trtc:index:PublishCdnStream";
const ROBOT_USERSIG = "e2e-import-robot-usersig-5e1c";
const PUSH_SECRET = "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";
const pushUrl = (stream: string) => `rtmp://3891.livepush.myqcloud.com/live/${stream}?txSecret=${PUSH_SECRET}&txTime=7FFFFFFF`;

/** The TypeScript program's arguments (tests/fixtures/sdk-ts-program/index.ts) in room `roomId`. */
function sdkProgramArgs(roomId: string, backGroundColor: string, url: string): Record<string, unknown> {
  const anchor = (userId: string) => ({ userInfo: { userId, roomId, roomIdType: 0 }, streamType: 0 });
  return {
    sdkAppId: APP,
    roomId,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: `relay_${roomId}`, userSig: ROBOT_USERSIG, maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 } },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: {
        mixLayoutMode: 4,
        mixLayoutList: [
          { userMediaStream: anchor("Trtc_User_0"), imageWidth: 640, imageHeight: 720, locationX: 0, locationY: 0 },
          { userMediaStream: anchor("Trtc_User_1"), imageWidth: 640, imageHeight: 720, locationX: 640, locationY: 0 },
        ],
      },
      backGroundColor,
    },
    publishCdnParams: [{ publishCdnUrl: url, isTencentCdn: 1 }],
  };
}

/** A single-stream relay (seed example 3) in room `roomId`; the YAML program's arguments. */
function relayArgs(roomId: string, url: string, userSig: string): Record<string, unknown> {
  return {
    sdkAppId: APP,
    roomId,
    roomIdType: 0,
    withTranscoding: 0,
    agentParams: { userId: `relay_${roomId}_single`, userSig, maxIdleTime: 30 },
    audioParams: { audioEncode: { sampleRate: 48000, codec: 0, bitRate: 64, channel: 2 } },
    videoParams: { videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 } },
    singleSubscribeParams: { userMediaStream: { userInfo: { userId: "Trtc_User_0", roomId, roomIdType: 0 }, streamType: 0 } },
    publishCdnParams: [{ publishCdnUrl: url, isTencentCdn: 1 }],
  };
}

const TS_ROOM = "300001";
const YAML_ROOM = "300002";
/** The YAML program: JSON is YAML, and the secrets come from config. */
const YAML_PROGRAM = [
  "name: trtc-import-yaml",
  "runtime: yaml",
  "config:",
  "  robotUserSig: { type: string }",
  "  pushUrl: { type: string }",
  "resources:",
  "  relay:",
  `    type: ${TYPE}`,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation, not a template
  `    properties: ${JSON.stringify(relayArgs(YAML_ROOM, "${pushUrl}", "${robotUserSig}"))}`,
  "outputs:",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation, not a template
  "  taskId: ${relay.taskId}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation, not a template
  "  sequenceNumber: ${relay.sequenceNumber}",
  "",
].join("\n");
/** The SequenceNumber Tencent's SDK last sent to the YAML task; the first import claims one less. */
const SDK_SEQUENCE = 41;

let env: E2eEnv;
let cli: Record<string, string>;
let sdk: TencentSdkClient;
const stacks: Record<"ts" | "yaml", Stack> = {} as never;
const taskIds: Record<"ts" | "yaml", string> = {} as never;
/** The emulator's request log length once Tencent's SDK had started (and updated) the tasks. */
let sdkRequests = 0;
const dirOf = (which: "ts" | "yaml") => stacks[which].workspace.workDir;
const urnOf = (which: "ts" | "yaml") =>
  `urn:pulumi:e2e::${which === "ts" ? "trtc-import-ts" : "trtc-import-yaml"}::${TYPE}::${which === "ts" ? "live" : "relay"}`;
// Secrets as sent (`?reveal=secrets`): the assertions compare UserSigs and push URLs with the programs'.
const task = async (taskId: string) => (await env.tasks(true)).find((t) => t.TaskId === taskId);
const output = (run: CliRun) => `${run.stdout}${run.stderr}`;

beforeAll(async () => {
  env = await openEnv();
  buildNodeSdk();
  cli = pluginCli(env);
  installPlugin(env, cli);
  const secrets = { robotUserSig: { value: ROBOT_USERSIG, secret: true } };
  [stacks.ts, stacks.yaml] = await Promise.all([
    sdkProgramStack(env, cli, "trtc-import-ts", {
      ...secrets,
      roomId: { value: TS_ROOM },
      pushUrl: { value: pushUrl("ts_program"), secret: true },
    }),
    yamlProgramStack(env, cli, "trtc-import-yaml", YAML_PROGRAM, { ...secrets, pushUrl: { value: pushUrl("yaml_program"), secret: true } }),
  ]);

  // The team's own tooling: Tencent's SDK starts both tasks (other CDN targets, another background than the
  // programs declare) and updates the YAML one, numbering its updates itself.
  sdk = tencentSdkClient(env.emulator);
  const started = await sdk.call("StartPublishCdnStream", toApiCase(sdkProgramArgs(TS_ROOM, "0x336699", pushUrl("ts_sdk"))));
  taskIds.ts = started.TaskId as string;
  const relay = await sdk.call("StartPublishCdnStream", toApiCase(relayArgs(YAML_ROOM, pushUrl("yaml_sdk"), ROBOT_USERSIG)));
  taskIds.yaml = relay.TaskId as string;
  const cdn = [{ PublishCdnUrl: pushUrl("yaml_sdk_2"), IsTencentCdn: 1 }];
  await sdk.call("UpdatePublishCdnStream", {
    SdkAppId: APP,
    TaskId: taskIds.yaml,
    SequenceNumber: SDK_SEQUENCE,
    WithTranscoding: 0,
    PublishCdnParams: cdn,
  });
  sdkRequests = (await env.control("GET", "requests")).requests.length;
});
afterAll(async () => {
  sdk?.close();
  await env?.close();
});

test("a malformed id is refused before any call, saying what an id looks like", async () => {
  const run = await pulumi(cli, dirOf("yaml"), ["import", TYPE, "relay", taskIds.yaml, "--stack", "e2e", "--yes", "--generate-code=false"]);
  expect(run.code).not.toBe(0);
  expect(output(run)).toMatch(
    /is not <sdkAppId>\/<taskId> or <sdkAppId>\/<taskId>\/<lastSequenceNumber>: the SdkAppId and the TaskId must be separated by `\/`/,
  );
  expect(output(run)).toMatch(/Example: 1400188366\//);
  expect((await env.control("GET", "requests")).requests.length).toBe(sdkRequests);
});

test("`pulumi import` adopts each running task without a call: the TaskId as id, only what the id carries, protected", async () => {
  // TypeScript: no SequenceNumber known (`--generate-code=false`: the Node language host here cannot generate code).
  // YAML: a stale one (the SDK has sent 41), and with code generation, which the YAML host does.
  const [ts, yaml] = await Promise.all([
    pulumi(cli, dirOf("ts"), ["import", TYPE, "live", `${APP}/${taskIds.ts}`, "--stack", "e2e", "--yes", "--generate-code=false"]),
    pulumi(cli, dirOf("yaml"), ["import", TYPE, "relay", `${APP}/${taskIds.yaml}/${SDK_SEQUENCE - 1}`, "--stack", "e2e", "--yes"]),
  ]);
  expect({ code: ts.code, out: output(ts) }).toMatchObject({ code: 0, out: expect.stringMatching(/1 imported/) });
  expect({ code: yaml.code, out: output(yaml) }).toMatchObject({ code: 0, out: expect.stringMatching(/type: trtc:PublishCdnStream/) });
  expect((await env.control("GET", "requests")).requests.length).toBe(sdkRequests);

  for (const which of ["ts", "yaml"] as const) {
    const deployment = await stacks[which].exportStack();
    const res = (deployment.deployment.resources ?? []).find((r: { urn: string }) => r.urn === urnOf(which));
    expect(res).toMatchObject({ id: taskIds[which], protect: true, inputs: { sdkAppId: APP } });
    expect(res.outputs).toEqual({
      sdkAppId: APP,
      taskId: taskIds[which],
      requestId: "",
      endpoint: env.emulator.url,
      region: "ap-guangzhou",
      ...(which === "yaml" ? { sequenceNumber: SDK_SEQUENCE - 1 } : {}),
    });
  }
});

test("the first `up` updates the task in place; a stale SequenceNumber fails it with the commands that fix it", async () => {
  const [ts, yaml] = await Promise.all([stacks.ts.up(), pulumi(cli, dirOf("yaml"), ["up", "--stack", "e2e", "--yes", "--skip-preview"])]);

  // TypeScript through the Node SDK: same TaskId, the program's arguments, a number from the clock.
  expect(ts.summary.resourceChanges).toMatchObject({ update: 1 });
  expect(ts.summary.resourceChanges?.replace ?? 0).toBe(0);
  expect(ts.outputs.taskId.value).toBe(taskIds.ts);
  const sequence = ts.outputs.sequenceNumber.value as number;
  expect(Number.isSafeInteger(sequence) && sequence >= Date.parse("2024-01-01")).toBe(true);
  const [res] = await relayResources(stacks.ts);
  const held = await task(taskIds.ts);
  expect(held).toMatchObject({ Status: "running", SequenceNumber: sequence });
  expect(withoutEmpty(held?.Params)).toEqual(withoutEmpty(toApiCase(res.inputs)));
  expect(held?.Params.VideoParams.BackGroundColor).toBe("0x000000"); // the program's, not the SDK's 0x336699
  expect(held?.Params.PublishCdnParams).toEqual([{ PublishCdnUrl: pushUrl("ts_program"), IsTencentCdn: 1 }]);

  // YAML with 40 in the id: TRTC refuses 41 as outdated; nothing changed, and the error says what to run.
  expect(yaml.code).not.toBe(0);
  const text = output(yaml).replace(/\s+/g, " ");
  expect(text).toContain(`TRTC answered FailedOperation.RequestOutdated to the first update of imported task ${taskIds.yaml}`);
  expect(text).toContain(`pulumi state delete --force '${urnOf("yaml")}'`);
  expect(text).toContain(`pulumi import ${TYPE} relay ${APP}/${taskIds.yaml}/<lastSequenceNumber> --generate-code=false`);
  expect(await task(taskIds.yaml)).toMatchObject({ Status: "running", SequenceNumber: SDK_SEQUENCE });
});

test("following the message (forget, import with the last SequenceNumber, up) updates the YAML task in place", async () => {
  const dir = dirOf("yaml");
  expect((await pulumi(cli, dir, ["state", "delete", "--stack", "e2e", "--force", "--yes", urnOf("yaml")])).code).toBe(0);
  const again = await pulumi(cli, dir, [
    "import",
    TYPE,
    "relay",
    `${APP}/${taskIds.yaml}/${SDK_SEQUENCE}`,
    "--stack",
    "e2e",
    "--yes",
    "--generate-code=false",
  ]);
  expect({ code: again.code, out: output(again) }).toMatchObject({ code: 0 });
  const up = await stacks.yaml.up();
  expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
  expect(up.outputs).toMatchObject({ taskId: { value: taskIds.yaml }, sequenceNumber: { value: SDK_SEQUENCE + 1 } });
  const [res] = await relayResources(stacks.yaml);
  const held = await task(taskIds.yaml);
  expect(held).toMatchObject({ Status: "running", SequenceNumber: SDK_SEQUENCE + 1 });
  expect(withoutEmpty(held?.Params)).toEqual(withoutEmpty(toApiCase(res.inputs)));
  expect(held?.Params.PublishCdnParams).toEqual([{ PublishCdnUrl: pushUrl("yaml_program"), IsTencentCdn: 1 }]);
});

test("nothing was stopped or started: since Tencent's SDK, the emulator saw Pulumi's Updates of the same tasks only", async () => {
  const log: Array<{ action: string; taskId?: string; outcome: string }> = (await env.control("GET", "requests")).requests;
  expect(log.slice(sdkRequests).map((r) => [r.action, r.taskId, r.outcome])).toEqual(
    expect.arrayContaining([
      ["UpdatePublishCdnStream", taskIds.ts, "ok"],
      ["UpdatePublishCdnStream", taskIds.yaml, "FailedOperation.RequestOutdated"],
      ["UpdatePublishCdnStream", taskIds.yaml, "ok"],
    ]),
  );
  expect(log.length - sdkRequests).toBe(3);
  expect((await env.running()).map((t) => t.TaskId).sort()).toEqual([taskIds.ts, taskIds.yaml].sort());
  // A second `up` has nothing to do: the state now holds the program's arguments.
  const [ts, yaml] = await Promise.all([stacks.ts.preview(), stacks.yaml.preview()]);
  expect(ts.changeSummary).toEqual({ same: 2 });
  expect(yaml.changeSummary).toEqual({ same: 2 });
});

test("state holds no secret in plaintext, and destroy stops both tasks", async () => {
  for (const project of ["trtc-import-ts", "trtc-import-yaml"]) {
    const text = stateText(env, project, "e2e");
    for (const secret of [ROBOT_USERSIG, PUSH_SECRET, env.emulator.secretKey]) expect(text).not.toContain(secret);
  }
  await Promise.all([stacks.ts.destroy(), stacks.yaml.destroy()]);
  expect(await env.running()).toEqual([]);
});
