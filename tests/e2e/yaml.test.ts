/**
 * Pulumi YAML end to end over the native provider plugin: the plugin archive `npm run plugin` builds is
 * installed with `pulumi plugin install resource trtc <version> --file <archive>` (all a YAML user does), and
 * the YAML examples run through the real engine and pulumi-language-yaml against the emulator: preview
 * makes no call, up starts exactly the declared task, an updatable change updates in place, a room change
 * replaces (old task stopped first; `preview --diff` names roomId), destroy stops it, and neither the state
 * file nor `pulumi stack export` holds a secret in plaintext. The two examples share one emulator and run
 * their engine operations side by side.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { toApiCase } from "../../trtc/casing";
import { VERSION, packagePlugin } from "../helpers/plugin";
import { expectBackgroundUpdatedInPlace } from "./plugin-stacks";
import { type E2eEnv, PASSPHRASE, REPO, openEnv, relayResources, stateText } from "./harness";

/** Secret-shaped values the YAML examples fall back to; state must hold them only encrypted. */
const LOCAL_SECRETS = ["local-emulator-usersig-replace-me-with-pulumi-config", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"];
const QUICKSTART = "mix-audio-video-cdn";
const RELAY = "relay-single-audio-video";

let env: E2eEnv;
let cli: Record<string, string>;
const stacks: Record<string, Stack> = {};
const programDir = (example: string) => path.join(env.dir, "yaml", example);
const projectOf = (example: string) => `trtc-yaml-${example}`;

/** `pulumi <args>` in an example's directory with the suite's backend and plugin cache. */
function pulumi(example: string, args: string[]): string {
  return execFileSync("pulumi", args, { cwd: programDir(example), env: { ...process.env, ...cli }, encoding: "utf8" });
}

async function openYamlStack(example: string): Promise<Stack> {
  fs.cpSync(path.join(REPO, "examples", "yaml", example), programDir(example), { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "e2e", workDir: programDir(example) },
    { pulumiHome: cli.PULUMI_HOME, secretsProvider: "passphrase", envVars: cli },
  );
  // The plugin's own config namespace: trtc:<setting>.
  await stack.setAllConfig({
    "trtc:endpoint": { value: env.emulator.url },
    "trtc:region": { value: "ap-guangzhou" },
    "trtc:secretId": { value: env.emulator.secretId },
    "trtc:secretKey": { value: env.emulator.secretKey, secret: true },
  });
  return stack;
}

const both = <T>(f: (example: string) => Promise<T>): Promise<T[]> => Promise.all([QUICKSTART, RELAY].map(f));

beforeAll(async () => {
  env = await openEnv();
  cli = {
    PULUMI_HOME: path.join(env.dir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(env.dir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  fs.mkdirSync(path.join(env.dir, "backend"), { recursive: true });
  const archive = packagePlugin(path.join(env.dir, "dist"));
  execFileSync("pulumi", ["plugin", "install", "resource", "trtc", VERSION, "--file", archive], {
    env: { ...process.env, ...cli },
    stdio: "pipe",
  });
  for (const example of [QUICKSTART, RELAY]) stacks[example] = await openYamlStack(example);
});
afterAll(async () => {
  await env?.close();
});

test("the installed plugin is the package's version", () => {
  const listed = execFileSync("pulumi", ["plugin", "ls", "--json"], { env: { ...process.env, ...cli }, encoding: "utf8" });
  expect(JSON.parse(listed)).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: "trtc", kind: "resource", version: VERSION })]),
  );
});

test("preview plans each task and makes no API call", async () => {
  const before = await env.requestCount();
  const previews = await both((example) => stacks[example].preview());
  for (const preview of previews) expect(preview.changeSummary.create).toBe(2); // the stack and the task
  // The examples use no argument without effect, so the plugin has nothing to warn about.
  for (const preview of previews) expect(preview.stdout).not.toContain("has no effect");
  expect(await env.requestCount()).toBe(before);
});

test("an argument without effect previews, and the engine prints the plugin's warning naming it (issue 17, kind 6)", async () => {
  const stack = stacks[QUICKSTART];
  const file = path.join(programDir(QUICKSTART), "Pulumi.yaml");
  const program = fs.readFileSync(file, "utf8");
  fs.writeFileSync(
    file,
    program.replace("          mixLayoutMode: 4\n", "          mixLayoutMode: 4\n          pureAudioHoldPlaceMode: 0\n"),
  );
  try {
    const before = await env.requestCount();
    const preview = await stack.preview();
    expect(preview.changeSummary.create).toBe(2);
    expect(preview.stdout).toContain(
      "videoParams.layoutParams.pureAudioHoldPlaceMode: has no effect: it only takes effect with the dynamic layouts, mixLayoutMode 1, 2 or 3, and mixLayoutMode is 4 (custom)",
    );
    expect(await env.requestCount()).toBe(before);
  } finally {
    fs.writeFileSync(file, program);
  }
});

test("up starts each task with exactly the parameters the program declared, typed trtc:index:PublishCdnStream", async () => {
  const ups = await both((example) => stacks[example].up());
  for (const [i, example] of [QUICKSTART, RELAY].entries()) {
    const taskId = ups[i].outputs.taskId.value as string;
    const task = (await env.tasks(true)).find((t) => t.TaskId === taskId);
    expect(task?.Status).toBe("running");
    const [res] = await relayResources(stacks[example]);
    expect(res.id).toBe(taskId);
    expect((res as unknown as { type: string }).type).toBe("trtc:index:PublishCdnStream");
    expect(task?.Params).toEqual(toApiCase(res.inputs));
  }
  const quick = (await env.tasks()).find((t) => t.TaskId === ups[0].outputs.taskId.value);
  expect(quick?.Params).toMatchObject({
    RoomId: "295066",
    WithTranscoding: 1,
    AgentParams: { UserId: "relay_295066_mixav", MaxIdleTime: 30 },
    VideoParams: { BackGroundColor: "0xFF0000", LayoutParams: { MixLayoutMode: 4 } },
  });
  expect(quick?.Params.VideoParams.LayoutParams.MixLayoutList).toHaveLength(2);
  const relay = (await env.tasks()).find((t) => t.TaskId === ups[1].outputs.taskId.value);
  expect(relay?.Params).toMatchObject({
    WithTranscoding: 0,
    SingleSubscribeParams: { UserMediaStream: { UserInfo: { UserId: "Trtc_User_0" } } },
  });
});

test("neither the state file nor `pulumi stack export` holds a UserSig, push-URL secret or credential in plaintext", () => {
  for (const example of [QUICKSTART, RELAY]) {
    const text = stateText(env, projectOf(example), "e2e");
    expect(text).toContain("ciphertext");
    const exported = pulumi(example, ["stack", "export", "--stack", "e2e"]);
    for (const secret of [...LOCAL_SECRETS, env.emulator.secretKey]) {
      expect(text).not.toContain(secret);
      expect(exported).not.toContain(secret);
    }
  }
});

test("an updatable change updates the task in place: same TaskId, the new value applied", async () => {
  const stack = stacks[QUICKSTART];
  await expectBackgroundUpdatedInPlace(env, stack);
});

test("replaceOnChanges on a property path turns that in-place change into a replacement (preview only)", async () => {
  const stack = stacks[QUICKSTART];
  const file = path.join(programDir(QUICKSTART), "Pulumi.yaml");
  const program = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, program.replace("    options:\n", '    options:\n      replaceOnChanges: ["videoParams.backGroundColor"]\n'));
  await stack.setConfig("backGroundColor", { value: "0x0000FF" });
  try {
    const preview = await stack.preview({ diff: true });
    expect(preview.changeSummary.replace).toBe(1);
    expect(preview.stdout).toMatch(/~ backGroundColor\s*: "0x00FF00" => "0x0000FF"/);
  } finally {
    fs.writeFileSync(file, program);
    await stack.setConfig("backGroundColor", { value: "0x00FF00" });
  }
  // Without the option the same change is an update.
  await stack.setConfig("backGroundColor", { value: "0x0000FF" });
  const plain = await stack.preview();
  expect(plain.changeSummary).toMatchObject({ update: 1 });
  expect(plain.changeSummary.replace).toBeUndefined();
  await stack.setConfig("backGroundColor", { value: "0x00FF00" });
});

test("a room change replaces the task: preview --diff names roomId, and the old task stops before the new one starts", async () => {
  const stack = stacks[QUICKSTART];
  const [old] = await relayResources(stack);
  // A digits-only config value reaches the plugin as a number (pulumi-yaml); it must still be the room "295067".
  await stack.setConfig("roomId", { value: "295067" });

  const before = await env.requestCount();
  const preview = await stack.preview({ diff: true });
  expect(preview.changeSummary.replace).toBe(1);
  expect(preview.stdout).toMatch(/\+-trtc:index:PublishCdnStream: \(replace\)/);
  expect(preview.stdout).toMatch(/~ roomId\s*: "295066" => "295067"/);
  expect(await env.requestCount()).toBe(before);

  const up = await stack.up();
  const taskId = up.outputs.taskId.value as string;
  expect(taskId).not.toBe(old.id);
  const tasks = await env.tasks();
  const stopped = tasks.find((t) => t.TaskId === old.id);
  const started = tasks.find((t) => t.TaskId === taskId);
  expect(stopped?.Status).toBe("finished");
  expect(started).toMatchObject({ Status: "running", RoomId: "295067" });
  const log: Array<{ action: string; taskId?: string }> = (await env.control("GET", "requests")).requests;
  const stopAt = log.findIndex((r) => r.action === "StopPublishCdnStream" && r.taskId === old.id);
  const startAt = log.findIndex((r) => r.action === "StartPublishCdnStream" && r.taskId === taskId);
  expect(stopAt).toBeGreaterThanOrEqual(0);
  expect(stopAt).toBeLessThan(startAt);
});

test("destroy stops every task", async () => {
  const ids = (await both(async (example) => (await relayResources(stacks[example]))[0].id)) as string[];
  await both((example) => stacks[example].destroy());
  const tasks = await env.tasks();
  for (const id of ids) expect(tasks.find((t) => t.TaskId === id)?.Status).toBe("finished");
  expect(await env.running()).toEqual([]);
});
