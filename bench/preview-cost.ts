/**
 * Measurement 2: what PublishCdnStream's check and diff cost per resource in a preview, relative to a
 * no-op of the same shape, for both front ends: the dynamic resource against the no-op dynamic resource,
 * the trtc plugin against the no-op plugin. Previews make no API call, so this is provider CPU and engine
 * traffic only.
 *
 * The no-op registers PublishCdnStream's exact property map (bench/noop-provider.ts), so the ratio is the
 * provider's check and diff alone; the one-property no-op (`blob`) shows what the shape itself costs.
 *
 * Two kinds of preview, each minus a preview of an empty program (the fixed cost of starting the CLI,
 * language host and provider host):
 * - `create`: a fresh stack declaring N resources — check only;
 * - `diff`: a stack holding N resources whose arguments changed — check and diff.
 */
import type { EmulatorEndpoint } from "../harness";
import { destroy, openBenchStack, preview, up } from "./engine";
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

/** Fresh-stack previews of `n` resources for every variant but naive, and of an empty program, interleaved. */
export async function runCreatePreviews(
  emulator: EmulatorEndpoint,
  stateDir: string,
  n: number,
  reps: number,
  log: (l: string) => void,
): Promise<PreviewSample[]> {
  const stacks = {
    empty: await openBenchStack(emulator, stateDir, "noop", "preview-empty"),
    blob: await openBenchStack(emulator, stateDir, "blob", "preview"),
    noop: await openBenchStack(emulator, stateDir, "noop", "preview"),
    ours: await openBenchStack(emulator, stateDir, "ours", "preview"),
    nativeNoop: await openBenchStack(emulator, stateDir, "nativeNoop", "preview"),
    native: await openBenchStack(emulator, stateDir, "native", "preview"),
  };
  for (const s of [stacks.blob, stacks.noop, stacks.ours, stacks.nativeNoop, stacks.native]) s.declared.count = n;
  const samples: PreviewSample[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    for (const variant of ["empty", "blob", "noop", "ours", "nativeNoop", "native"] as const) {
      const r = await preview(stacks[variant]);
      samples.push({ kind: "create", variant, n: variant === "empty" ? 0 : n, rep, wallMs: r.wallMs, failedOps: r.failedOps });
      log(`  preview create ${variant.padEnd(10)} rep ${rep} ${(r.wallMs / 1000).toFixed(1)} s${r.error ? ` (${r.error})` : ""}`);
    }
  }
  return samples;
}

/**
 * Check+diff previews, interleaved like the fresh-stack ones: a stack of each front end and its no-op
 * created with `n` resources, then `reps` rounds of (empty program, no-op, ours, native no-op, native)
 * previews of changed arguments, then all destroyed. Interleaving matters more than anything else here: on a shared 2-core machine the same
 * preview varies by a second or more from one minute to the next.
 */
export async function runDiffPreviews(
  emulator: EmulatorEndpoint,
  stateDir: string,
  n: number,
  reps: number,
  log: (l: string) => void,
): Promise<PreviewSample[]> {
  const stacks = {
    empty: await openBenchStack(emulator, stateDir, "noop", "diff-empty"),
    noop: await openBenchStack(emulator, stateDir, "noop", "diff"),
    ours: await openBenchStack(emulator, stateDir, "ours", "diff"),
    nativeNoop: await openBenchStack(emulator, stateDir, "nativeNoop", "diff"),
    native: await openBenchStack(emulator, stateDir, "native", "diff"),
  };
  const held = [stacks.noop, stacks.ours, stacks.nativeNoop, stacks.native];
  for (const s of held) {
    s.declared.count = n;
    const r = await up(s);
    if (r.error) throw new Error(`bench: could not create the ${s.variant} stack for diff previews: ${r.error}`);
  }
  const samples: PreviewSample[] = [];
  try {
    for (let rep = 1; rep <= reps; rep++) {
      for (const variant of ["empty", "noop", "ours", "nativeNoop", "native"] as const) {
        const s = stacks[variant];
        s.declared.generation = 2; // changed push URLs: an in-place update for every resource
        const r = await preview(s);
        s.declared.generation = 1;
        samples.push({ kind: "diff", variant, n: variant === "empty" ? 0 : n, rep, wallMs: r.wallMs, failedOps: r.failedOps });
        log(`  preview diff   ${variant.padEnd(10)} rep ${rep} ${(r.wallMs / 1000).toFixed(1)} s${r.error ? ` (${r.error})` : ""}`);
      }
    }
  } finally {
    for (const s of held) await destroy(s);
  }
  return samples;
}
