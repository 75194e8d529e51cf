/**
 * Runs Pulumi operations for the benchmark through the real engine (Automation API inline programs on a
 * `file://` backend, the shared harness's inline stacks), timing each and counting the resource operations
 * that failed.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import { type EmulatorEndpoint, inlineStack } from "../harness";
import { NAIVE_ENV } from "./naive-provider";
import type { NativePlugins } from "./native-plugins";
import { relayProgram, type Declared, type Variant } from "./variants";

/** The engine parallelism every operation runs with. */
export const PARALLEL = 64;

/** A stack of one variant, with the mutable declaration its program reads. */
export interface BenchStack {
  variant: Variant;
  stack: Stack;
  declared: Declared;
  projectName: string;
}

/** Room offset of the next stack: each stack gets 1000 rooms of its own. */
let nextBase = 0;

let plugins: NativePlugins | undefined;

/** The installed plugin versions the native variants' programs pin (set once the plugins are installed). */
export function useNativePlugins(installed: NativePlugins): void {
  plugins = installed;
}

/** Opens a fresh stack named `<variant>-<tag>` that declares nothing until told otherwise. */
export async function openBenchStack(emulator: EmulatorEndpoint, stateDir: string, variant: Variant, tag: string): Promise<BenchStack> {
  const declared: Declared = { count: 0, generation: 1, base: (nextBase += 1000) };
  const projectName = `bench-${variant}-${tag}`;
  const stack = await inlineStack(
    { emulator, dir: stateDir },
    projectName,
    "bench",
    relayProgram(variant, declared, plugins),
    // The plugin reads its own namespace (trtc:<setting>); the dynamic provider reads tencentcloud:*.
    variant === "native"
      ? {
          "trtc:region": { value: "ap-guangzhou" },
          "trtc:secretId": { value: emulator.secretId },
          "trtc:secretKey": { value: emulator.secretKey, secret: true },
        }
      : {},
    {
      [NAIVE_ENV.endpoint]: emulator.url,
      [NAIVE_ENV.secretId]: emulator.secretId,
      [NAIVE_ENV.secretKey]: emulator.secretKey,
    },
  );
  return { variant, stack, declared, projectName };
}

/** The outcome of one timed operation. */
export interface OpResult {
  wallMs: number;
  /** Resource operations the engine reported as failed. */
  failedOps: number;
  /** First line of the engine's error, when the operation failed. */
  error?: string;
}

/** Runs `op` with an event counter, timing it; an engine failure is recorded, not thrown. */
async function timed(run: (onEvent: (e: any) => void) => Promise<unknown>): Promise<OpResult> {
  let failedOps = 0;
  const onEvent = (e: any): void => {
    if (e.resOpFailedEvent) failedOps++;
  };
  const start = performance.now();
  try {
    await run(onEvent);
    return { wallMs: performance.now() - start, failedOps };
  } catch (e) {
    const wallMs = performance.now() - start;
    const text = String((e as Error).message ?? e);
    const line = text.split("\n").find((l) => /error:/.test(l)) ?? text.split("\n")[0];
    return { wallMs, failedOps: Math.max(failedOps, 1), error: line.trim().slice(0, 300) };
  }
}

/** `pulumi up --parallel 64` of what the stack currently declares. */
export function up(s: BenchStack): Promise<OpResult> {
  return timed((onEvent) => s.stack.up({ parallel: PARALLEL, onEvent }));
}

/** `pulumi preview --parallel 64`. */
export function preview(s: BenchStack): Promise<OpResult> {
  return timed((onEvent) => s.stack.preview({ parallel: PARALLEL, onEvent }));
}

/** `pulumi destroy --parallel 64`. */
export function destroy(s: BenchStack): Promise<OpResult> {
  return timed((onEvent) => s.stack.destroy({ parallel: PARALLEL, onEvent }));
}
