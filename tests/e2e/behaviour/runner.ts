/**
 * Runs one row of the behaviour table through the real Pulumi CLI against its own emulator: a fresh
 * directory with a file backend, one project per program, each CLI run's output and event log kept for
 * the assertions. Rows share nothing, so several run at once (behaviour.test.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type EmulatorOptions, emulatorControl, startEmulator } from "../../../emulator";
import { ROBOT_COLLISION_MODES } from "../../../emulator/api/handlers/robots";
import { TrtcClient } from "../../../trtc/client/client";
import { type EmulatorTask, PASSPHRASE, revealSecrets } from "../harness";
import type { FrontEnd } from "./frontend";
import type { Arg, CollisionMode, Op, Row, RowContext, RunExpect, RunResult, StateResource, Step } from "./model";

/** The stack every project of a row uses. */
const STACK = "dev";
/** Longest a single CLI run may take before the runner kills it and fails the row. */
const RUN_LIMIT_MS = 8 * 60_000;

/**
 * The robot-collision modes the emulator has (docs/EMULATOR.md, Robot collisions): `kick`, its default and
 * what Tencent documents, and `refuse`. `perCollisionMode` rows run in each; the others in the default.
 */
export function collisionModes(): CollisionMode[] {
  return [...ROBOT_COLLISION_MODES];
}

/** The mode an emulator started without the option runs in. */
export const defaultCollisionMode = (): CollisionMode => collisionModes()[0];

/** Collapses the engine's step kinds to what a row asserts. */
function opOf(step: string): Op | undefined {
  if (["replace", "create-replacement", "delete-replaced", "discard-replaced"].includes(step)) return "replace";
  if (["create", "update", "delete", "same", "read", "refresh", "import"].includes(step)) return step as Op;
  if (step === "import-replacement") return "import";
  return undefined;
}

/** Ops per PublishCdnStream name from a CLI event log (`--event-log`, one JSON event per line). */
function opsFromEventLog(file: string, typeToken: string): Record<string, Op> {
  const ops: Record<string, Op> = {};
  if (!fs.existsSync(file)) return ops;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const meta = JSON.parse(line).resourcePreEvent?.metadata;
    if (!meta || meta.type !== typeToken) continue;
    const name = String(meta.urn).split("::").pop()!;
    const op = opOf(meta.op);
    // A replacement's steps share one verdict; anything else keeps the first non-"same" step.
    if (op && (op === "replace" || ops[name] === undefined || ops[name] === "same")) ops[name] = op;
  }
  return ops;
}

/** The outcome of one row in one collision mode. */
export interface RowReport {
  id: string;
  workflow: string;
  mode: CollisionMode;
  outcome: "passed" | "failed" | "not applicable";
  /** The failure, or why the row does not apply. */
  detail?: string;
  /** CLI runs made and wall time of the row. */
  runs: number;
  ms: number;
}

/** A row being run: its directory, emulator and projects. */
class RowRun {
  readonly runs: RunResult[] = [];
  readonly vars: Record<string, any> = {};
  private readonly projects = new Set<string>();
  private seq = 0;

  constructor(
    readonly row: Row,
    readonly fe: FrontEnd,
    readonly mode: CollisionMode,
    readonly dir: string,
    readonly emulatorUrl: string,
    readonly secretId: string,
    readonly secretKey: string,
  ) {}

  get mainProject(): string {
    return `b-${this.row.id}`;
  }

  projectDir(project: string): string {
    return path.join(this.dir, "projects", project);
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      ...this.fe.env(),
      PULUMI_HOME: path.join(this.dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.dir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      // Shows the hidden --event-log flag, which the Automation API uses the same way.
      PULUMI_DEBUG_COMMANDS: "true",
    };
  }

  context(): RowContext {
    const control = (method: string, route: string, body?: unknown) => emulatorControl(this.emulatorUrl, method, route, body);
    // Secrets revealed (the emulator masks them otherwise): rows check the task got every one.
    const tasks = async (): Promise<EmulatorTask[]> => (await control("GET", "tasks?reveal=secrets")).tasks;
    return {
      fe: {
        name: this.fe.name,
        typeToken: this.fe.typeToken,
        uninstalledError: this.fe.uninstalledError,
        importId: this.fe.importId?.bind(this.fe),
      },
      mode: this.mode,
      project: this.mainProject,
      stack: STACK,
      urn: (name, project = this.mainProject) => `urn:pulumi:${STACK}::${project}::${this.fe.typeToken}::${name}`,
      emulator: {
        url: this.emulatorUrl,
        secretKey: this.secretKey,
        tasks,
        running: async () => (await tasks()).filter((t) => t.Status === "running"),
        requests: async () => (await control("GET", "requests")).requests,
        control,
        client: () =>
          new TrtcClient({
            credentials: { secretId: this.secretId, secretKey: this.secretKey },
            region: "ap-guangzhou",
            endpoint: this.emulatorUrl,
          }),
      },
      state: (project = this.mainProject) => this.state(project),
      stateText: (project = this.mainProject) =>
        fs.readFileSync(path.join(this.dir, "backend", ".pulumi", "stacks", project, `${STACK}.json`), "utf8"),
      runs: this.runs,
      last: () => this.runs[this.runs.length - 1],
      vars: this.vars,
      file: (name) => path.join(this.dir, name),
    };
  }

  /** Runs the CLI in a project; `onSpawn` gets the child (to signal it); `record: false` keeps it out of `runs`. */
  async cli(
    project: string,
    args: string[],
    { onSpawn, record = true }: { onSpawn?: (child: ChildProcess, output: () => string) => void; record?: boolean } = {},
  ): Promise<RunResult> {
    const eventLog = path.join(this.dir, `events-${++this.seq}.jsonl`);
    const command = args[0];
    const engine = ["up", "preview", "destroy", "refresh", "import"].includes(command);
    const argv = [...args, "--non-interactive", "--color", "never"];
    if (engine) argv.push("--event-log", eventLog);
    if (["up", "destroy", "refresh", "import"].includes(command)) argv.push("--yes");
    // The preview phase of up repeats what preview rows test on their own; skipping it halves an up.
    if (["up", "destroy", "refresh"].includes(command) && !args.includes("--plan")) argv.push("--skip-preview");
    const started = Date.now();
    const child = spawn("pulumi", argv, { cwd: this.projectDir(project), env: this.env(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    onSpawn?.(child, () => output);
    const limit = setTimeout(() => child.kill("SIGKILL"), RUN_LIMIT_MS);
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    clearTimeout(limit);
    const result: RunResult = {
      argv: ["pulumi", ...argv],
      code,
      output,
      ops: engine ? opsFromEventLog(eventLog, this.fe.typeToken) : {},
      ms: Date.now() - started,
    };
    if (record) this.runs.push(result);
    return result;
  }

  /** `cli`, failing the row when the command fails (stack and config set-up). */
  async must(project: string, args: string[]): Promise<RunResult> {
    const r = await this.cli(project, args, { record: false });
    if (r.code !== 0) throw new Error(`pulumi ${args[0]} ${args[1] ?? ""} failed:\n${tail(r.output)}`);
    return r;
  }

  async state(project: string): Promise<StateResource[]> {
    const r = await this.must(project, ["stack", "export", "--show-secrets"]);
    const deployment = JSON.parse(r.output.slice(r.output.indexOf("{"))).deployment;
    return (deployment.resources ?? [])
      .filter((x: any) => x.type === this.fe.typeToken)
      .map((x: any) => {
        const revealed = revealSecrets(x);
        return {
          name: String(x.urn).split("::").pop(),
          urn: x.urn,
          id: x.id,
          inputs: revealed.inputs ?? {},
          outputs: revealed.outputs ?? {},
          protect: x.protect,
          retainOnDelete: x.retainOnDelete,
        };
      });
  }

  async ensureProject(project: string, step: Extract<Step, { kind: "program" }>): Promise<void> {
    const dir = this.projectDir(project);
    const program = typeof step.program === "function" ? step.program(this.context()) : step.program;
    if (this.projects.has(project)) {
      const inexpressible = this.fe.inexpressible?.(program);
      if (inexpressible) throw new NotApplicable(inexpressible);
      this.fe.writeProgram(dir, program);
      return;
    }
    const inexpressible = this.fe.inexpressible?.(program);
    if (inexpressible) throw new NotApplicable(inexpressible);
    this.fe.createProject(dir, project, program);
    this.projects.add(project);
    await this.must(project, ["stack", "init", STACK]);
    // Credentials and region: pulumi-tencentcloud's keys for the dynamic resource, `trtc:` ones for the plugin.
    const ns = this.fe.credentialNamespace ?? "tencentcloud";
    const config: string[] = [
      "--plaintext",
      `trtc:endpoint=${this.emulatorUrl}`,
      "--plaintext",
      `${ns}:region=ap-guangzhou`,
      "--plaintext",
      `${ns}:secretId=${this.secretId}`,
      "--secret",
      `${ns}:secretKey=${this.secretKey}`,
    ];
    for (const [key, { value, secret }] of Object.entries(this.row.config ?? {})) {
      config.push(secret ? "--secret" : "--plaintext", `${key.includes(":") ? key : `${project}:${key}`}=${value}`);
    }
    await this.must(project, ["config", "set-all", ...config]);
  }
}

/** A row's program that the front end cannot express (found once the row runs); the row does not apply. */
class NotApplicable extends Error {}

const tail = (text: string, lines = 40): string => text.split("\n").slice(-lines).join("\n");

/** Fails with what the run showed when it does not meet `expect`. */
async function checkRun(run: RowRun, r: RunResult, expect: RunExpect): Promise<void> {
  const ctx = run.context();
  const problems: string[] = [];
  if ((r.code === 0) !== expect.ok) problems.push(`exit code ${r.code}, expected ${expect.ok ? "success" : "failure"}`);
  for (const [name, op] of Object.entries(expect.ops ?? {})) {
    const seen: string = r.ops[name] ?? "none";
    const same = op === "none" ? seen === "none" || seen === "same" : seen === op;
    if (!same) problems.push(`${name}: ${seen}, expected ${op}`);
  }
  for (const want of expect.output ?? []) {
    const found = typeof want === "string" ? r.output.includes(want) : want.test(r.output);
    if (!found) problems.push(`output lacks ${want}`);
  }
  for (const value of (await expect.hidden?.(ctx)) ?? []) {
    if (value && r.output.includes(value)) problems.push(`output shows ${JSON.stringify(value)}, which must stay hidden`);
  }
  if (problems.length > 0) throw new Error(`${r.argv.join(" ")}\n  ${problems.join("\n  ")}\n--- output ---\n${tail(r.output)}`);
}

const resolve = (ctx: RowContext, args: Arg[]): string[] => args.map((a) => (typeof a === "string" ? a : a(ctx)));

/** Sum of hits of the emulator's Start faults: Starts that reached the handler. */
async function startsInFlight(ctx: RowContext): Promise<number> {
  const { faults } = await ctx.emulator.control("GET", "faults");
  return faults.filter((f: any) => f.action === "StartPublishCdnStream" || f.action === "*").reduce((n: number, f: any) => n + f.hits, 0);
}

/** `pulumi up` interrupted with SIGINT once enough Starts are in flight (and again, for `signals: 2`). */
async function interrupted(run: RowRun, ctx: RowContext, step: Extract<Step, { kind: "interrupt" }>): Promise<RunResult> {
  let signalled: Promise<void> = Promise.resolve();
  const r = await run.cli(run.mainProject, ["up", ...resolve(ctx, step.args)], {
    onSpawn: (child, output) => {
      signalled = (async () => {
        const deadline = Date.now() + RUN_LIMIT_MS;
        while ((await startsInFlight(ctx)) < step.inFlight) {
          if (child.exitCode !== null || Date.now() > deadline) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        child.kill("SIGINT");
        if (step.signals === 2) {
          // The second ^C must come after the CLI took the first one (it says so), or both count as one.
          while (!/received; cancelling/.test(output()) && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
          child.kill("SIGINT");
        }
      })();
    },
  });
  await signalled;
  return r;
}

/** What a step does, for failure messages. */
function describe(step: Step): string {
  switch (step.kind) {
    case "program":
      return typeof step.program === "function" ? "program (computed)" : `program ${step.program.resources.map((r) => r.name).join(", ")}`;
    case "pulumi":
      return `pulumi ${step.args.map((a) => (typeof a === "string" ? a : "<computed>")).join(" ")}`;
    case "interrupt":
      return `pulumi up interrupted ${step.signals}x`;
    case "emulator":
    case "verify":
      return step.what;
    default:
      return step.kind;
  }
}

/** Runs `row` for `fe` in collision `mode`; never throws (the report says what failed). */
export async function runRow(row: Row, fe: FrontEnd, mode: CollisionMode): Promise<RowReport> {
  const started = Date.now();
  const report = (outcome: RowReport["outcome"], detail: string | undefined, runs: number): RowReport => ({
    id: row.id,
    workflow: row.workflow,
    mode,
    outcome,
    detail,
    runs,
    ms: Date.now() - started,
  });
  const staticPrograms = row.steps.flatMap((s) => (s.kind === "program" && typeof s.program !== "function" ? [s.program] : []));
  const reason = row.notApplicable?.(fe) ?? staticPrograms.map((p) => fe.inexpressible?.(p)).find((r) => r !== undefined);
  if (reason) return report("not applicable", reason, 0);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `trtc-behaviour-${row.id}-`));
  fs.mkdirSync(path.join(dir, "backend"));
  // Always named, so a row runs in the mode its expectations are written for whatever the default becomes.
  const options: EmulatorOptions = { port: 0, robotCollision: mode };
  const emulator = await startEmulator(options);
  const run = new RowRun(row, fe, mode, dir, emulator.url, emulator.secretId, emulator.secretKey);
  let index = 0;
  try {
    for (const step of row.steps) {
      index += 1;
      const ctx = run.context();
      switch (step.kind) {
        case "program":
          await run.ensureProject(step.project ?? run.mainProject, step);
          break;
        case "pulumi":
          await checkRun(run, await run.cli(step.project ?? run.mainProject, resolve(ctx, step.args)), step.byMode?.[mode] ?? step.expect);
          break;
        case "interrupt":
          await checkRun(run, await interrupted(run, ctx, step), step.expect);
          break;
        case "emulator":
          await step.act(ctx);
          break;
        case "uninstall":
          fe.uninstall(run.projectDir(run.mainProject));
          break;
        case "reinstall":
          fe.reinstall(run.projectDir(run.mainProject));
          break;
        case "verify":
          await step.check(ctx);
          break;
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    return report("passed", undefined, run.runs.length);
  } catch (e) {
    if (e instanceof NotApplicable) {
      fs.rmSync(dir, { recursive: true, force: true });
      return report("not applicable", `step ${index}: ${e.message}`, run.runs.length);
    }
    const step = row.steps[index - 1];
    const detail = `step ${index} (${step ? describe(step) : "?"}): ${(e as Error).message}\n(kept: ${dir})`;
    return report("failed", detail, run.runs.length);
  } finally {
    await emulator.close();
  }
}
