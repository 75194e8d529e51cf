/**
 * Pulumi stacks against a harness emulator, driven by the real CLI on a `file://` backend in the
 * environment's scratch directory. Two kinds:
 * - project stacks: an example directory copied to the scratch directory with this repo's node_modules
 *   linked in, run by the CLI's Node.js language host exactly as `pulumi up` in that directory would;
 * - inline stacks: a program function run by the Automation API, for scenarios whose arguments change.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../emulator";
import type { HarnessEnv } from "./env";
import { openLocalStack } from "./local-stack";
import { REPO } from "./repo";

/** The passphrase of every harness stack. */
export const PASSPHRASE = "e2e-passphrase";

/** Where an emulator answers and the key pair it accepts: all a stack needs of it, in this process or not. */
export type EmulatorEndpoint = Pick<RunningEmulator, "url" | "secretId" | "secretKey">;

/** What a stack needs of its environment: the emulator to point at, the directory to keep state in. */
export type StackHost = { emulator: EmulatorEndpoint; dir: HarnessEnv["dir"] };

/** The CLI environment every harness stack shares. */
export function cliEnv(dir: string): Record<string, string> {
  return {
    PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

/**
 * Config that points a stack at the emulator with its credentials, under `namespace`: `tencentcloud`
 * (pulumi-tencentcloud's keys, which the dynamic resource reads) or `trtc` (the native plugin's own).
 */
export function emulatorConfig(env: StackHost, namespace: "tencentcloud" | "trtc" = "tencentcloud"): ConfigMap {
  return {
    "trtc:endpoint": { value: env.emulator.url },
    [`${namespace}:region`]: { value: "ap-guangzhou" },
    [`${namespace}:secretId`]: { value: env.emulator.secretId },
    [`${namespace}:secretKey`]: { value: env.emulator.secretKey, secret: true },
  };
}

/**
 * A stack over a copy of `examples/<name>`, run through the language host like `pulumi up` there. The
 * copy keeps the repository's shape (examples share `examples/local-defaults.ts` and the root
 * tsconfig) and links this repo's node_modules at its root, as a user's project has the package installed.
 * ts-node only transpiles (`PULUMI_NODEJS_TRANSPILE_ONLY`): a type check in every CLI run cost seconds each, and
 * tests/integration/examples-typecheck.test.ts type-checks the examples once.
 */
export async function projectStack(env: StackHost, example: string, stackName: string, config: ConfigMap = {}): Promise<Stack> {
  const root = path.join(env.dir, "projects", `${example}-${stackName}`);
  fs.mkdirSync(root, { recursive: true });
  fs.cpSync(path.join(REPO, "examples"), path.join(root, "examples"), { recursive: true, filter: (src) => !src.includes("node_modules") });
  fs.copyFileSync(path.join(REPO, "tsconfig.json"), path.join(root, "tsconfig.json"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "dir");
  fs.mkdirSync(path.join(env.dir, "backend"), { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir: path.join(root, "examples", example) },
    {
      pulumiHome: path.join(env.dir, "home"),
      secretsProvider: "passphrase",
      envVars: { ...cliEnv(env.dir), PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
    },
  );
  await stack.setAllConfig({ ...emulatorConfig(env), ...config });
  return stack;
}

/** An inline-program stack against the emulator; `envVars` reach the CLI and the dynamic-provider process. */
export async function inlineStack(
  env: StackHost,
  projectName: string,
  stackName: string,
  program: PulumiFn,
  config: ConfigMap = {},
  envVars: Record<string, string> = {},
): Promise<Stack> {
  return openLocalStack({
    projectName,
    stackName,
    program,
    stateDir: env.dir,
    endpoint: env.emulator.url,
    credentials: { secretId: env.emulator.secretId, secretKey: env.emulator.secretKey },
    passphrase: PASSPHRASE,
    config,
    envVars,
  });
}
