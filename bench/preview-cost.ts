/**
 * Measurement 2: what PublishCdnStream's check and diff cost per resource in a preview, relative to a
 * no-op dynamic resource. Previews make no API call, so this is provider CPU and engine traffic only.
 *
 * The no-op registers PublishCdnStream's exact property map (bench/noop-provider.ts), so the ratio is the
 * provider's check and diff alone; the one-property no-op (`blob`) shows what the shape itself costs.
 *
 * Two kinds of preview, each minus a preview of an empty program (the fixed cost of starting the CLI,
 * language host and provider host):
 * - `create`: a fresh stack declaring N resources — check only;
 * - `diff`: a stack holding N resources whose arguments changed — check and diff (taken from the
 *   throughput run, right after its create phase).
 */
import type { RunningEmulator } from "../emulator";
import { openBenchStack, preview, type BenchStack } from "./engine";
import type { Variant } from "./variants";

/** One timed preview. */
export interface PreviewSample {
  kind: "create" | "diff";
  /** `empty` = a program with no resources. */
  variant: Variant | "empty";
  n: number;
  rep: number;
  wallMs: number;
  failedOps: number;
}

/** Fresh-stack previews of `n` resources for ours and no-op, and of an empty program, interleaved. */
export async function runCreatePreviews(emulator: RunningEmulator, stateDir: string, n: number, reps: number, log: (l: string) => void): Promise<PreviewSample[]> {
  const stacks = {
    empty: await openBenchStack(emulator, stateDir, "noop", "preview-empty"),
    blob: await openBenchStack(emulator, stateDir, "blob", "preview"),
    noop: await openBenchStack(emulator, stateDir, "noop", "preview"),
    ours: await openBenchStack(emulator, stateDir, "ours", "preview"),
  };
  stacks.blob.declared.count = n;
  stacks.noop.declared.count = n;
  stacks.ours.declared.count = n;
  const samples: PreviewSample[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    for (const variant of ["empty", "blob", "noop", "ours"] as const) {
      const r = await preview(stacks[variant]);
      samples.push({ kind: "create", variant, n: variant === "empty" ? 0 : n, rep, wallMs: r.wallMs, failedOps: r.failedOps });
      log(`  preview create ${variant.padEnd(5)} rep ${rep} ${(r.wallMs / 1000).toFixed(1)} s${r.error ? ` (${r.error})` : ""}`);
    }
  }
  return samples;
}

/** A preview of changed arguments on a stack that holds `n` resources (then restores the declaration). */
export async function diffPreview(s: BenchStack, n: number, rep: number, log: (l: string) => void): Promise<PreviewSample> {
  const generation = s.declared.generation;
  s.declared.generation = generation + 1;
  const r = await preview(s);
  s.declared.generation = generation;
  log(`  preview diff   ${s.variant.padEnd(5)} rep ${rep} ${(r.wallMs / 1000).toFixed(1)} s${r.error ? ` (${r.error})` : ""}`);
  return { kind: "diff", variant: s.variant, n, rep, wallMs: r.wallMs, failedOps: r.failedOps };
}

/** A preview of an empty program on a stack that holds nothing: the fixed cost to subtract from diff previews. */
export async function emptyPreview(emulator: RunningEmulator, stateDir: string, rep: number, log: (l: string) => void): Promise<PreviewSample> {
  const s = await openBenchStack(emulator, stateDir, "noop", `diff-empty-r${rep}`);
  const r = await preview(s);
  log(`  preview diff   empty rep ${rep} ${(r.wallMs / 1000).toFixed(1)} s`);
  return { kind: "diff", variant: "empty", n: 0, rep, wallMs: r.wallMs, failedOps: r.failedOps };
}
