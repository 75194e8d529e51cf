/**
 * End-to-end plumbing: the emulator in this process, and Pulumi stacks driven by the real CLI on a
 * `file://` backend in a temporary directory. Two kinds of stack:
 * - project stacks: an example directory copied to a temp dir with this repo's node_modules linked in, run
 *   by the CLI's Node.js language host exactly as `pulumi up` in that directory would;
 * - inline stacks: a program function run by the Automation API, for scenarios whose arguments change.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, type ConfigMap, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { emulatorControl, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { openLocalStack, stateFilePath } from "../../scripts/local-stack";

/** The repository root (the dynamic provider resolves `pulumi-trtc-relay` from here). */
export const REPO = path.resolve(__dirname, "../..");

/**
 * Puts the Pulumi CLI and the dynamic-provider launcher on PATH when jest runs without `npm test`
 * (which already did). The script answers from its cache in well under a second once built.
 */
function ensurePulumiOnPath(): void {
  const launcher = path.join(REPO, "node_modules", "@pulumi", "pulumi");
  const dirs = (process.env.PATH ?? "").split(path.delimiter);
  const hasPulumi = dirs.some((d) => d && fs.existsSync(path.join(d, "pulumi")));
  const extra: string[] = [];
  if (!hasPulumi) extra.push(execFileSync("bash", [path.join(REPO, "scripts", "ensure-pulumi.sh")], { encoding: "utf8" }).trim());
  // ensure-pulumi.sh puts the launcher next to the CLI it builds; elsewhere, @pulumi/pulumi's copy.
  const hasLauncher = [...extra, ...dirs].some((d) => d && fs.existsSync(path.join(d, "pulumi-resource-pulumi-nodejs")));
  if (!hasLauncher) extra.push(launcher);
  if (extra.length) process.env.PATH = [...extra, ...dirs].join(path.delimiter);
}
ensurePulumiOnPath();
// Each engine operation spawns the CLI and a provider process; a scenario takes tens of seconds.
jest.setTimeout(600_000);
/** The passphrase of every test stack. */
export const PASSPHRASE = "e2e-passphrase";

/** One emulator task as `GET /_emulator/tasks` shows it. */
export interface EmulatorTask {
  TaskId: string;
  SdkAppId: number;
  RoomId: string;
  Status: "running" | "finished";
  FinishReason?: string;
  SequenceNumber: number | null;
  Params: Record<string, any>;
  CreatedAt: string;
  FinishedAt?: string;
  History: Array<{ Action: string; At: string; SequenceNumber?: number; RequestId: string }>;
}

/** A running emulator plus a scratch directory, torn down by {@link E2eEnv.close}. */
export interface E2eEnv {
  emulator: RunningEmulator;
  dir: string;
  tasks(): Promise<EmulatorTask[]>;
  running(): Promise<EmulatorTask[]>;
  /** Number of API requests the emulator has received so far. */
  requestCount(): Promise<number>;
  control(method: string, route: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

/** Starts an emulator on port 0 and makes a scratch directory. */
export async function openEnv(options: EmulatorOptions = {}): Promise<E2eEnv> {
  const emulator = await startEmulator({ port: 0, ...options });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-e2e-"));
  const control = (method: string, route: string, body?: unknown) => emulatorControl(emulator.url, method, route, body);
  const tasks = async (): Promise<EmulatorTask[]> => (await control("GET", "tasks")).tasks;
  return {
    emulator,
    dir,
    control,
    tasks,
    running: async () => (await tasks()).filter((t) => t.Status === "running"),
    requestCount: async () => (await control("GET", "requests")).requests.length,
    async close() {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The CLI environment every test stack shares. */
function cliEnv(dir: string): Record<string, string> {
  return {
    PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

/** Config that points a stack at the emulator with its credentials. */
export function emulatorConfig(env: E2eEnv): ConfigMap {
  return {
    "trtc:endpoint": { value: env.emulator.url },
    "tencentcloud:region": { value: "ap-guangzhou" },
    "tencentcloud:secretId": { value: env.emulator.secretId },
    "tencentcloud:secretKey": { value: env.emulator.secretKey, secret: true },
  };
}

/**
 * A stack over a copy of `examples/<name>`, run through the language host like `pulumi up` there. The
 * copy keeps the repository's shape (examples share `examples/local-defaults.ts` and the root
 * tsconfig) and links this repo's node_modules at its root, as a user's project has the package installed.
 */
export async function projectStack(env: E2eEnv, example: string, stackName: string, config: ConfigMap = {}): Promise<Stack> {
  const root = path.join(env.dir, "projects", `${example}-${stackName}`);
  fs.mkdirSync(root, { recursive: true });
  fs.cpSync(path.join(REPO, "examples"), path.join(root, "examples"), { recursive: true, filter: (src) => !src.includes("node_modules") });
  fs.copyFileSync(path.join(REPO, "tsconfig.json"), path.join(root, "tsconfig.json"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"), "dir");
  fs.mkdirSync(path.join(env.dir, "backend"), { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, workDir: path.join(root, "examples", example) },
    { pulumiHome: path.join(env.dir, "home"), secretsProvider: "passphrase", envVars: cliEnv(env.dir) },
  );
  await stack.setAllConfig({ ...emulatorConfig(env), ...config });
  return stack;
}

/** An inline-program stack against the emulator. */
export async function inlineStack(
  env: E2eEnv,
  projectName: string,
  stackName: string,
  program: PulumiFn,
  config: ConfigMap = {},
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
  });
}

/** The raw text of a stack's state file. */
export function stateText(env: E2eEnv, projectName: string, stackName: string): string {
  return fs.readFileSync(stateFilePath(env.dir, projectName, stackName), "utf8");
}

/** Pulumi's marker for a secret value in a deployment export. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Replaces exported secret envelopes (`{sig, plaintext}`) by their values, recursively. */
export function revealSecrets(value: unknown): any {
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270" && typeof obj.plaintext === "string")
      return revealSecrets(JSON.parse(obj.plaintext));
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, revealSecrets(v)]));
  }
  return value;
}

/** The PublishCdnStream resources of a stack, secrets decrypted (`pulumi stack export --show-secrets`). */
export async function relayResources(stack: Stack): Promise<Array<{ urn: string; id: string; inputs: any; outputs: any }>> {
  const deployment = await stack.exportStack();
  return revealSecrets((deployment.deployment.resources ?? []).filter((r: any) => String(r.type).endsWith(":PublishCdnStream")));
}

/** Drops the provider plumbing from a resource's inputs, leaving the user's arguments. */
export function userArgs(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider, ...rest } = inputs as Record<string, unknown>;
  void __provider;
  return rest;
}

/** Collects an operation's engine output, for asserting on messages. */
export function collector(): { onOutput: (s: string) => void; text: () => string } {
  const chunks: string[] = [];
  return { onOutput: (s) => chunks.push(s), text: () => chunks.join("") };
}
