/**
 * A running emulator in this process and a scratch directory for the stacks pointed at it: what every
 * end-to-end test, benchmark and reliability run starts from. The emulator can persist to a data file so
 * that it can be restarted on the same port mid-run; every API request it receives is counted per action,
 * across restarts.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ConfigMap, LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { emulatorControl, startEmulator, type EmulatorOptions, type RunningEmulator, type TaskRecord } from "../emulator";
import { inlineStack } from "./stacks";

const execFileAsync = promisify(execFile);

/**
 * One emulator task as `GET /_emulator/tasks` shows it: the emulator's own record, with `Params` (the
 * PascalCase request as sent) readable without casts.
 */
export type EmulatorTask = Omit<TaskRecord, "Params"> & { Params: Record<string, any> };

/** A running emulator plus a scratch directory, torn down by {@link HarnessEnv.close}. */
export interface HarnessEnv {
  /** The emulator now serving (replaced by {@link HarnessEnv.restart}). */
  emulator: RunningEmulator;
  /** Scratch directory: backend, PULUMI_HOME, projects, the emulator's data file. */
  dir: string;
  /** Calls the control API (`/_emulator/<route>`); throws on a non-2xx answer. */
  control(method: string, route: string, body?: unknown): Promise<any>;
  /**
   * Every task the emulator knows, secrets masked as the control API shows them by default; `reveal`
   * asks for UserSigs, txSecret values and storage keys as sent (`?reveal=secrets`).
   */
  tasks(reveal?: boolean): Promise<EmulatorTask[]>;
  /** The running tasks; `reveal` as for {@link HarnessEnv.tasks}. */
  running(reveal?: boolean): Promise<EmulatorTask[]>;
  /** Number of API requests the emulator now serving has logged (`GET /_emulator/requests`). */
  requestCount(): Promise<number>;
  /** API requests received so far, per action, summed over restarts. */
  requests: Record<string, number>;
  /** Highest admitted requests in one second per action (the limiter's `maxPerSecond`), over restarts. */
  maxPerSecond(): Promise<Record<string, number>>;
  /** Closes the emulator and starts it again on the same port (with the same data file, when persisted). */
  restart(downMs?: number): Promise<void>;
  /**
   * Runs `pulumi <args> --stack <stack> --non-interactive` in the stack's workspace (its PULUMI_HOME and
   * environment), e.g. `state delete`, which the Automation API does not offer; returns stdout.
   */
  cli(stack: Stack, args: string[]): Promise<string>;
  /** Opens an inline-program stack against this emulator ({@link inlineStack}). */
  stack(project: string, stackName: string, program: PulumiFn, config?: ConfigMap, envVars?: Record<string, string>): Promise<Stack>;
  /** Stops the emulator and deletes the scratch directory. */
  close(): Promise<void>;
}

/** Options of {@link openEnv}: the emulator's, plus `persist` (keep its state in a data file in `dir`). */
export type EnvOptions = EmulatorOptions & { persist?: boolean };

/** Starts an emulator on port 0 (unless `options.port` says otherwise) and makes a scratch directory. */
export async function openEnv(options: EnvOptions = {}): Promise<HarnessEnv> {
  const { persist, log: userLog, ...emulatorOptions } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-harness-"));
  const requests: Record<string, number> = {};
  // The request log line starts `<time> <action> ...`: counting here survives restarts, unlike /stats.
  const log = (line: string): void => {
    const action = line.split(" ")[1] ?? "-";
    requests[action] = (requests[action] ?? 0) + 1;
    userLog?.(line);
  };
  const base: EmulatorOptions = {
    port: 0,
    ...emulatorOptions,
    log,
    dataFile: persist ? path.join(dir, "emulator.json") : emulatorOptions.dataFile,
  };
  const peaks: Record<string, number> = {};
  const env: HarnessEnv = {
    emulator: await startEmulator(base),
    dir,
    requests,
    control: (method, route, body) => emulatorControl(env.emulator.url, method, route, body),
    tasks: async (reveal = false) => (await env.control("GET", reveal ? "tasks?reveal=secrets" : "tasks")).tasks,
    running: async (reveal = false) => (await env.tasks(reveal)).filter((t) => t.Status === "running"),
    requestCount: async () => (await env.control("GET", "requests")).requests.length,
    async maxPerSecond() {
      const stats = await env.control("GET", "stats");
      for (const [action, n] of Object.entries(stats.maxPerSecond as Record<string, number>))
        peaks[action] = Math.max(peaks[action] ?? 0, n);
      return { ...peaks };
    },
    async restart(downMs = 1000) {
      await env.maxPerSecond(); // keep the peaks of the process that is going away
      const port = env.emulator.port;
      await env.emulator.close();
      await new Promise((r) => setTimeout(r, downMs));
      env.emulator = await startEmulator({ ...base, port });
    },
    async cli(stack, args) {
      const ws = stack.workspace as LocalWorkspace;
      const wsEnv = { ...(ws.pulumiHome ? { PULUMI_HOME: ws.pulumiHome } : {}), ...ws.envVars };
      const { stdout } = await execFileAsync("pulumi", [...args, "--stack", stack.name, "--non-interactive"], {
        cwd: ws.workDir,
        env: { ...process.env, ...wsEnv },
      });
      return stdout;
    },
    stack: (project, stackName, program, config = {}, envVars = {}) => inlineStack(env, project, stackName, program, config, envVars),
    async close() {
      await env.emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}
