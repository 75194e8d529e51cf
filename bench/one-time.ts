/**
 * Measurement 5: each provider's one-time cost (process start, module load, first call) apart from its
 * cost per resource, so that N hides neither.
 * - Dynamic: bench/one-time-probe.ts in a fresh Node process, as the dynamic-provider host loads and calls
 *   PublishCdnStream (the host's own start is the same for the no-op and is not counted).
 * - Native: how long each installed plugin takes from exec to printing its port (the engine waits for that
 *   line), the trtc plugin against the no-op plugin.
 * Medians of `reps` fresh processes each.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { type EmulatorEndpoint, repoRoot } from "../harness";
import { median } from "../harness/stats";
import type { NativePlugins } from "./native-plugins";
import { NATIVE_PACKAGES } from "./native-variants";

/** Medians, in ms. */
export interface OneTimeCosts {
  reps: number;
  /** Wall and CPU ms of each probe step (bench/one-time-probe.ts). */
  dynamic: Record<string, { wallMs: number; cpuMs: number }>;
  /** Exec to port line, wall ms, per plugin. */
  pluginStartMs: { native: number; nativeNoop: number };
}

/**
 * One probe process against `emulator`: the dynamic provider's step costs, wall and CPU ms.
 */
export async function probeOnce(emulator: EmulatorEndpoint): Promise<Record<string, { wallMs: number; cpuMs: number }>> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot(), "dist", "bench", "one-time-probe.js")], {
    encoding: "utf8",
    env: {
      ...process.env,
      TRTC_ENDPOINT: emulator.url,
      TENCENTCLOUD_SECRET_ID: emulator.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
    },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) as string);
}

function pluginStart(file: string): Promise<number> {
  const start = performance.now();
  const child = spawn(file, [], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", () => {
      const ms = performance.now() - start;
      child.kill("SIGTERM");
      resolve(ms);
    });
    child.once("exit", (code) => reject(new Error(`bench: ${file} exited (${code}) before printing its port`)));
  });
}

/** Runs both measurements `reps` times; `home` is the PULUMI_HOME the plugins were installed into. */
export async function measureOneTime(
  emulator: EmulatorEndpoint,
  home: string,
  plugins: NativePlugins,
  reps: number,
): Promise<OneTimeCosts> {
  const probes: Array<Record<string, { wallMs: number; cpuMs: number }>> = [];
  for (let i = 0; i < reps; i++) probes.push(await probeOnce(emulator));
  const dynamic: OneTimeCosts["dynamic"] = {};
  for (const key of Object.keys(probes[0])) {
    dynamic[key] = { wallMs: median(probes.map((p) => p[key].wallMs)), cpuMs: median(probes.map((p) => p[key].cpuMs)) };
  }
  const launcher = (kind: keyof NativePlugins) => {
    const name = NATIVE_PACKAGES[kind];
    return path.join(home, "plugins", `resource-${name}-v${plugins[kind]}`, `pulumi-resource-${name}`);
  };
  const starts: Record<keyof NativePlugins, number[]> = { native: [], nativeNoop: [] };
  for (let i = 0; i < reps; i++) {
    for (const kind of ["nativeNoop", "native"] as const) starts[kind].push(await pluginStart(launcher(kind)));
  }
  return { reps, dynamic, pluginStartMs: { native: median(starts.native), nativeNoop: median(starts.nativeNoop) } };
}
