/**
 * Measurement 1: create, update and destroy N tasks with `--parallel 64`, for every variant, interleaved
 * (round after round, for each N: no-op, ours, naive, native no-op, native; bench/variants.ts VARIANTS) so all
 * of them see the same load on a shared machine.
 */
import type { EmulatorEndpoint } from "../harness";
import { destroy, openBenchStack, up, type BenchStack, type OpResult } from "./engine";
import { watchTraffic, type PhaseTraffic } from "./emulator-window";
import { VARIANTS, type Variant } from "./variants";

/** The three phases of one scenario. */
export type Phase = "create" | "update" | "destroy";

/** Every phase, in order. */
export const PHASES: readonly Phase[] = ["create", "update", "destroy"];

/** One phase of one scenario. */
export interface PhaseSample extends OpResult {
  variant: Variant;
  n: number;
  rep: number;
  phase: Phase;
  traffic: PhaseTraffic;
}

/** Options of {@link runThroughput}. */
export interface ThroughputOptions {
  emulator: EmulatorEndpoint;
  stateDir: string;
  sizes: readonly number[];
  reps: number;
  /** Called after each create, with the stack still holding N resources (the footprint). */
  afterCreate?: (s: BenchStack, n: number, rep: number) => Promise<void>;
  /** Progress lines. */
  log: (line: string) => void;
}

async function phase(
  emulator: EmulatorEndpoint,
  s: BenchStack,
  n: number,
  rep: number,
  name: Phase,
  op: () => Promise<OpResult>,
): Promise<PhaseSample> {
  const finish = await watchTraffic(emulator);
  const result = await op();
  return { variant: s.variant, n, rep, phase: name, ...result, traffic: await finish() };
}

/** Runs every (rep, N, variant) scenario and returns one sample per phase. */
export async function runThroughput(o: ThroughputOptions): Promise<PhaseSample[]> {
  const samples: PhaseSample[] = [];
  for (let rep = 1; rep <= o.reps; rep++) {
    for (const n of o.sizes) {
      for (const variant of VARIANTS) {
        const s = await openBenchStack(o.emulator, o.stateDir, variant, `n${n}-r${rep}`);
        s.declared.count = n;
        s.declared.generation = 1;
        const create = await phase(o.emulator, s, n, rep, "create", () => up(s));
        if (o.afterCreate) await o.afterCreate(s, n, rep);
        s.declared.generation = 2;
        const update = await phase(o.emulator, s, n, rep, "update", () => up(s));
        const gone = await phase(o.emulator, s, n, rep, "destroy", () => destroy(s));
        for (const p of [create, update, gone]) {
          samples.push(p);
          o.log(
            `  ${variant.padEnd(10)} N=${String(n).padStart(3)} rep ${rep} ${p.phase.padEnd(7)} ${(p.wallMs / 1000).toFixed(1).padStart(6)} s` +
              `  requests ${p.traffic.requests}, throttled ${p.traffic.throttled}, failed ops ${p.failedOps}, max/s ${p.traffic.maxPerSlidingSecond}` +
              (p.error ? `  (${p.error})` : ""),
          );
        }
      }
    }
  }
  return samples;
}
