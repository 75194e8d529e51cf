/**
 * Stacks over the native provider plugin, as a user of it has them: the archive `npm run plugin` builds,
 * installed with `pulumi plugin install resource trtc <version> --file` into the suite's PULUMI_HOME; YAML
 * programs; and TypeScript programs using the generated Node SDK `@pulumi-trtc-relay/trtc` (compiled by
 * scripts/build-sdk-nodejs.sh) from a directory outside the repository. The CLI runs asynchronously, so
 * independent stacks' operations can run side by side.
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { type ConfigMap, LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { VERSION, packagePlugin } from "../helpers/plugin";
import { type E2eEnv, PASSPHRASE, REPO, emulatorConfig, relayResources } from "./harness";

/** The TypeScript program using the generated SDK (also type-checked by tests/integration/sdk-nodejs.test.ts). */
export const SDK_TS_PROGRAM = path.join(REPO, "tests", "fixtures", "sdk-ts-program", "index.ts");

/** The CLI environment of a suite's plugin stacks: its backend, plugin cache and passphrase. */
export function pluginCli(env: E2eEnv): Record<string, string> {
  fs.mkdirSync(path.join(env.dir, "backend"), { recursive: true });
  return {
    PULUMI_HOME: path.join(env.dir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(env.dir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The program is type-checked by tests/integration/sdk-nodejs.test.ts; here ts-node only transpiles it.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
}

/** Packages the plugin into the suite's directory and installs it into the suite's plugin cache. */
export function installPlugin(env: E2eEnv, cli: Record<string, string>): void {
  const archive = packagePlugin(path.join(env.dir, "dist"));
  execFileSync("pulumi", ["plugin", "install", "resource", "trtc", VERSION, "--file", archive], {
    env: { ...process.env, ...cli },
    stdio: "pipe",
  });
}

/** Compiles the generated Node SDK into sdk/nodejs/bin and links it into node_modules (skipped when current). */
export function buildNodeSdk(): void {
  execFileSync("bash", [path.join(REPO, "scripts", "build-sdk-nodejs.sh")], { stdio: ["ignore", "ignore", "inherit"] });
}

/** Config pointing the plugin (its own `trtc:` namespace) at the suite's emulator. */
export const pluginConfig = (env: E2eEnv): ConfigMap => emulatorConfig(env, "trtc");

/** What one CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `pulumi <args>` in `dir` with the suite's CLI environment; resolves (never rejects) when it exits. */
export function pulumi(cli: Record<string, string>, dir: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile("pulumi", args, { cwd: dir, env: { ...process.env, ...cli }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function openStack(dir: string, cli: Record<string, string>, config: ConfigMap): Promise<Stack> {
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "e2e", workDir: dir },
    { pulumiHome: cli.PULUMI_HOME, secretsProvider: "passphrase", envVars: cli },
  );
  await stack.setAllConfig(config);
  return stack;
}

/**
 * A stack `e2e` of the SDK TypeScript program ({@link SDK_TS_PROGRAM}) in `<suite dir>/<name>`, a directory outside
 * the repository whose node_modules is the repository's (where build-sdk-nodejs.sh linked the SDK), as a
 * program that depends on `file:<repo>/sdk/nodejs/bin` has it after `npm install`.
 */
export async function sdkProgramStack(env: E2eEnv, cli: Record<string, string>, name: string, config: ConfigMap): Promise<Stack> {
  const dir = path.join(env.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(SDK_TS_PROGRAM, path.join(dir, "index.ts"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\nmain: index.ts\n`);
  const pkg = {
    name,
    private: true,
    dependencies: { "@pulumi/pulumi": "3.248.0", "@pulumi-trtc-relay/trtc": `file:${path.join(REPO, "sdk", "nodejs", "bin")}` },
  };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  const tsconfig = {
    compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, skipLibCheck: true },
  };
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  return openStack(dir, cli, { ...pluginConfig(env), ...config });
}

/** A stack `e2e` of a YAML program (`Pulumi.yaml` text) in `<suite dir>/<name>`. */
export async function yamlProgramStack(
  env: E2eEnv,
  cli: Record<string, string>,
  name: string,
  program: string,
  config: ConfigMap,
): Promise<Stack> {
  const dir = path.join(env.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), program);
  return openStack(dir, cli, { ...pluginConfig(env), ...config });
}

/** The arguments without empty objects and lists: the service reads those as absent (provider/diff.ts). */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kept = withoutEmpty(v);
    const empty = Array.isArray(kept) ? kept.length === 0 : kept !== null && typeof kept === "object" && Object.keys(kept).length === 0;
    if (!empty) out[key] = kept;
  }
  return out;
}

/**
 * Sets the stack's `backGroundColor` config to 0x00FF00 and runs `up`: the task is updated in place (same TaskId,
 * SequenceNumber 1, the colour applied, one Update after the Start). For a quickstart-shaped program on either
 * plugin front end.
 */
export async function expectBackgroundUpdatedInPlace(env: E2eEnv, stack: Stack): Promise<void> {
  const [before] = await relayResources(stack);
  await stack.setConfig("backGroundColor", { value: "0x00FF00" });
  const up = await stack.up();
  expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
  expect(up.outputs.taskId.value).toBe(before.id);
  expect(up.outputs.sequenceNumber.value).toBe(1);
  const task = (await env.tasks()).find((t) => t.TaskId === before.id);
  expect(task?.Status).toBe("running");
  expect(task?.Params.VideoParams.BackGroundColor).toBe("0x00FF00");
  expect(task?.History.map((h) => h.Action)).toEqual(["StartPublishCdnStream", "UpdatePublishCdnStream"]);
}
