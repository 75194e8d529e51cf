/**
 * The test rig of the reliability runs: one emulator in this process (optionally persisted to a data file
 * so it can be restarted on the same port mid-run), its control API, a per-action count of every API
 * request it received across restarts, and Pulumi stacks pointed at it on a `file://` backend.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ConfigMap, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { emulatorControl, startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { openLocalStack } from "../../scripts/local-stack";

/** The passphrase of every reliability stack. */
export const PASSPHRASE = "reliability-passphrase";

/** One emulator task as `GET /_emulator/tasks` shows it (the fields the audits read). */
export interface EmulatorTask {
  TaskId: string;
  RoomId: string;
  Status: "running" | "finished";
  Params: Record<string, any>;
}

/** A running emulator, a scratch directory and helpers; {@link Rig.close} removes both. */
export interface Rig {
  /** The emulator now serving (replaced by {@link Rig.restart}). */
  emulator: RunningEmulator;
  /** Scratch directory: backend, PULUMI_HOME, data file. */
  dir: string;
  /** Calls the control API; throws on a non-2xx answer. */
  control(method: string, route: string, body?: unknown): Promise<any>;
  /** Every task the emulator knows. */
  tasks(): Promise<EmulatorTask[]>;
  /** API requests received so far, per action, summed over restarts. */
  requests: Record<string, number>;
  /** Highest admitted requests in one second per action (the limiter's `maxPerSecond`), over restarts. */
  maxPerSecond(): Promise<Record<string, number>>;
  /** Closes the emulator and starts it again on the same port with the same data file. */
  restart(downMs?: number): Promise<void>;
  /** Opens an inline stack against this emulator. */
  stack(project: string, stackName: string, program: PulumiFn, config?: ConfigMap, envVars?: Record<string, string>): Promise<Stack>;
  /** Stops the emulator and deletes the scratch directory. */
  close(): Promise<void>;
}

/** Starts an emulator on a free port; `persist` keeps its state in a data file so it survives restarts. */
export async function openRig(options: EmulatorOptions & { persist?: boolean } = {}): Promise<Rig> {
  const { persist, ...emulatorOptions } = options;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-reliability-"));
  const requests: Record<string, number> = {};
  // The request log line starts `<time> <action> ...`: counting here survives restarts, unlike /stats.
  const log = (line: string): void => {
    const action = line.split(" ")[1] ?? "-";
    requests[action] = (requests[action] ?? 0) + 1;
  };
  const base: EmulatorOptions = { ...emulatorOptions, log, dataFile: persist ? path.join(dir, "emulator.json") : undefined };
  const peaks: Record<string, number> = {};
  const rig: Rig = {
    emulator: await startEmulator({ port: 0, ...base }),
    dir,
    requests,
    control: (method, route, body) => emulatorControl(rig.emulator.url, method, route, body),
    tasks: async () => (await rig.control("GET", "tasks")).tasks,
    async maxPerSecond() {
      const stats = await rig.control("GET", "stats");
      for (const [action, n] of Object.entries(stats.maxPerSecond as Record<string, number>))
        peaks[action] = Math.max(peaks[action] ?? 0, n);
      return { ...peaks };
    },
    async restart(downMs = 1000) {
      await rig.maxPerSecond(); // keep the peaks of the process that is going away
      const port = rig.emulator.port;
      await rig.emulator.close();
      await new Promise((r) => setTimeout(r, downMs));
      rig.emulator = await startEmulator({ ...base, port });
    },
    stack: (project, stackName, program, config = {}, envVars = {}) =>
      openLocalStack({
        projectName: project,
        stackName,
        program,
        stateDir: dir,
        endpoint: rig.emulator.url,
        credentials: { secretId: rig.emulator.secretId, secretKey: rig.emulator.secretKey },
        passphrase: PASSPHRASE,
        config,
        envVars,
      }),
    async close() {
      await rig.emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}
