/**
 * Writes docs/BENCHMARKS.md from one run's results: the three ratios per phase and N first, then each
 * target with its verdict (a miss beside the measurement that explains it), then every table. Pure
 * formatting: it measures nothing. The ratio arithmetic and verdicts are harness/bench-verdicts.ts.
 */
import { OVERHEAD_TARGET, apiPace, atMost, engineRate, perResourceRatio, type Verdict, wallRatio } from "../harness/bench-verdicts";
import { EVEN_SPACING_MARGIN_MS } from "../harness/even-spacing-limiter";
import { fmt, fmtRate, markdownTable, median, range } from "../harness/stats";
import { RATE_MARGIN_MS, RATE_WINDOW_MS } from "../trtc/client/rate-limit";
import type { Footprint } from "./footprint";
import type { MachineInfo } from "./machine";
import type { MicroResult } from "./micro";
import type { OneTimeCosts } from "./one-time";
import type { PreviewSample } from "./preview-cost";
import { PHASES, type PhaseSample } from "./throughput";

/** The API limit the emulator enforces and the paces are fractions of. */
export const LIMIT_PER_SECOND = 20;

/** Everything one run produced. */
export interface BenchResults {
  command: string;
  startedAt: string;
  durationMs: number;
  quick: boolean;
  machine: MachineInfo;
  loadAfter: number[];
  sizes: number[];
  reps: { throughput: number; preview: number; micro: number };
  throughput: PhaseSample[];
  previews: PreviewSample[];
  previewN: number;
  footprints: Footprint[];
  micro: { seed: string; bytes: number; results: MicroResult[] };
  /** The client limiter the run used; absent in runs made before issue 14, which used the even-spacing one. */
  limiter?: LimiterInfo;
  /** One-time costs (absent in runs made before issue 22). */
  oneTime?: OneTimeCosts;
  /** True when the emulator ran as its own process (absent in earlier runs, whose emulator ran in the benchmark's). */
  emulatorOwnProcess?: boolean;
}

/** Which client limiter a run measured, and its window and margin in ms. */
export interface LimiterInfo {
  /** `log`: trtc/client/rate-limit.ts; `even`: the even-spacing limiter it replaced (harness/even-spacing-limiter.ts). */
  kind: "log" | "even";
  windowMs: number;
  marginMs: number;
}

/** The limiter of the code being benchmarked now. */
export const CURRENT_LIMITER: LimiterInfo = { kind: "log", windowMs: RATE_WINDOW_MS, marginMs: RATE_MARGIN_MS };

/** The limiter a run used: runs that did not record one predate issue 14 and used even spacing, 1100 ms / 20. */
const limiterOf = (r: BenchResults): LimiterInfo => r.limiter ?? { kind: "even", windowMs: 1000, marginMs: EVEN_SPACING_MARGIN_MS };

/** The most of the limit a limiter can reach under sustained demand: 20 grants per window + margin. */
const ceilingOf = (l: LimiterInfo): number => l.windowMs / (l.windowMs + l.marginMs);

/** The two front ends: each measured variant and its floor. */
const FRONT_ENDS = [
  { name: "dynamic", variant: "ours", floor: "noop", label: "ours (dynamic)" },
  { name: "native", variant: "native", floor: "nativeNoop", label: "native plugin" },
] as const;

const secs = (ms: number): string => fmt(ms / 1000, 1);
const pick = (xs: readonly PhaseSample[], variant: string, n: number, phase: string) =>
  xs.filter((x) => x.variant === variant && x.n === n && x.phase === phase);
const walls = (xs: readonly PhaseSample[]) => xs.map((x) => x.wallMs);
const total = (xs: readonly PhaseSample[], f: (x: PhaseSample) => number) => xs.reduce((a, x) => a + f(x), 0);
const has = (r: BenchResults, variant: string) => r.throughput.some((x) => x.variant === variant);

/** Median over repetitions of the pace the API saw (harness/bench-verdicts.ts apiPace). */
export function paceOf(xs: readonly PhaseSample[]): number {
  return median(xs.map((x) => apiPace(x.traffic.requests, x.traffic.spanMs, LIMIT_PER_SECOND)).filter(Number.isFinite));
}

/** A floor variant's own rate (N over its median wall), as a fraction of the limit. */
export function floorRate(xs: readonly PhaseSample[], n: number): number {
  return engineRate(n, median(walls(xs)), LIMIT_PER_SECOND);
}

/** `variant / floor` wall ratio for one N and phase, from medians. */
export function phaseRatio(r: BenchResults, variant: string, floor: string, n: number, phase: string): number {
  return wallRatio(walls(pick(r.throughput, variant, n, phase)), walls(pick(r.throughput, floor, n, phase)));
}

/**
 * Per-resource preview cost of `variant` over `floor` beyond the empty program: the median of the rounds' own
 * ratios ({@link roundRatios}). Each round runs the empty program, the floor and the variant back to back,
 * so a ratio within a round compares previews made under the same machine load; a ratio of the variants'
 * medians can pair one round's no-op with another's variant, and moves with the load's drift between
 * rounds, not with the provider. NaN when no round has all three previews.
 */
export function previewRatio(r: BenchResults, kind: "create" | "diff", variant: string, floor: string): number {
  const rounds = roundRatios(r, kind, variant, floor);
  return rounds.length > 0 ? median(rounds) : Number.NaN;
}

/** The median wall time in ms of `variant`'s previews of `kind` across rounds. */
const medianPreview = (r: BenchResults, kind: string, variant: string): number =>
  median(r.previews.filter((p) => p.kind === kind && p.variant === variant).map((p) => p.wallMs));

/** `lowest to highest` of the rounds' ratios. */
const roundsRange = (rounds: readonly number[]): string => `${fmt(Math.min(...rounds))} to ${fmt(Math.max(...rounds))}`;

/** The same figure from each variant's median preview across rounds (shown beside {@link previewRatio}). */
export function previewRatioOfMedians(r: BenchResults, kind: "create" | "diff", variant: string, floor: string): number {
  const m = (v: string) => medianPreview(r, kind, v);
  return perResourceRatio(m(variant), m(floor), m("empty"));
}

/**
 * The same ratio within each round alone (the round's own empty program, no-op and variant, run back to back),
 * in round order; {@link previewRatio}, the verdict, is their median.
 */
export function roundRatios(r: BenchResults, kind: "create" | "diff", variant: string, floor: string): number[] {
  const at = (v: string, rep: number) => r.previews.find((p) => p.kind === kind && p.variant === v && p.rep === rep)?.wallMs;
  const reps = [...new Set(r.previews.filter((p) => p.kind === kind && p.variant === variant).map((p) => p.rep))].sort((a, b) => a - b);
  return reps.flatMap((rep) => {
    const [it, its, empty] = [at(variant, rep), at(floor, rep), at("empty", rep)];
    return it === undefined || its === undefined || empty === undefined ? [] : [perResourceRatio(it, its, empty)];
  });
}

const failures = (xs: readonly PhaseSample[]) => `${total(xs, (x) => x.traffic.throttled)} / ${total(xs, (x) => x.failedOps)}`;

function headlineTable(r: BenchResults): string {
  const native = has(r, "native");
  const rows: string[][] = [];
  for (const n of r.sizes) {
    for (const phase of PHASES) {
      const ours = pick(r.throughput, "ours", n, phase);
      const naive = pick(r.throughput, "naive", n, phase);
      const row = [
        String(n),
        phase,
        fmt(paceOf(ours)),
        fmt(floorRate(pick(r.throughput, "noop", n, phase), n)),
        fmt(phaseRatio(r, "ours", "noop", n, phase)),
        fmt(phaseRatio(r, "ours", "naive", n, phase)),
        failures(naive),
      ];
      if (native) {
        row.push(
          fmt(paceOf(pick(r.throughput, "native", n, phase))),
          fmt(floorRate(pick(r.throughput, "nativeNoop", n, phase), n)),
          fmt(phaseRatio(r, "native", "nativeNoop", n, phase)),
          fmt(phaseRatio(r, "native", "ours", n, phase)),
        );
      }
      rows.push(row);
    }
  }
  const header = ["N", "phase", "ours: API pace", "no-op's own rate", "ours / no-op wall", "ours / naive wall", "naive throttled / failed"];
  if (native) header.push("native: API pace", "native no-op's own rate", "native / native no-op wall", "native / ours wall");
  return markdownTable(header, rows);
}

/** A preview verdict's figure with the spread of its rounds and the ratio of medians, which a reader needs to weigh it. */
function withRounds(r: BenchResults, kind: "create" | "diff", variant: string, floor: string): string {
  const rounds = roundRatios(r, kind, variant, floor);
  if (rounds.length < 2) return fmt(previewRatio(r, kind, variant, floor));
  return `${fmt(previewRatio(r, kind, variant, floor))} (rounds ${roundsRange(rounds)}; ratio of medians ${fmt(previewRatioOfMedians(r, kind, variant, floor))})`;
}

/** Each target with its verdict; misses carry the figures that explain them. */
export function targetVerdicts(r: BenchResults): Verdict[] {
  const top = Math.max(...r.sizes);
  const out: Verdict[] = [];
  for (const fe of FRONT_ENDS) {
    if (!has(r, fe.variant)) continue;
    const ratios = PHASES.map((p) => phaseRatio(r, fe.variant, fe.floor, top, p));
    out.push({
      target: `${fe.label} / its no-op ≤ ${fmt(OVERHEAD_TARGET)} wall, every phase at N=${top}`,
      measured: PHASES.map((p, i) => `${p} ${fmt(ratios[i])}`).join(", "),
      verdict: atMost(ratios, OVERHEAD_TARGET),
    });
  }
  for (const fe of FRONT_ENDS) {
    if (!r.previews.some((p) => p.variant === fe.variant)) continue;
    const diff = previewRatio(r, "diff", fe.variant, fe.floor);
    const check = previewRatio(r, "create", fe.variant, fe.floor);
    out.push({
      target: `${fe.label} preview check + diff ≤ ${fmt(OVERHEAD_TARGET)} × its no-op, per resource (N=${r.previewN})`,
      measured: withRounds(r, "diff", fe.variant, fe.floor),
      verdict: atMost([diff], OVERHEAD_TARGET),
      reading: previewMissReading(r, "diff", fe),
    });
    out.push({
      target: `${fe.label} preview check ≤ ${fmt(OVERHEAD_TARGET)} × its no-op, per resource (N=${r.previewN})`,
      measured: withRounds(r, "create", fe.variant, fe.floor),
      verdict: atMost([check], OVERHEAD_TARGET),
      reading: previewMissReading(r, "create", fe),
    });
  }
  for (const fe of FRONT_ENDS) {
    const xs = r.throughput.filter((x) => x.variant === fe.variant);
    if (xs.length === 0) continue;
    const bad = total(xs, (x) => x.traffic.throttled) + total(xs, (x) => x.failedOps);
    out.push({
      target: `${fe.label}: 0 throttled, 0 failed (every phase and N)`,
      measured: `${total(xs, (x) => x.traffic.throttled)} throttled, ${total(xs, (x) => x.failedOps)} failed`,
      verdict: bad === 0 ? "met" : "missed",
    });
    const max = Math.max(0, ...xs.map((x) => x.traffic.maxPerSlidingSecond));
    out.push({
      target: `${fe.label}: the server never sees more than ${LIMIT_PER_SECOND} of one action in any 1000 ms`,
      measured: `at most ${max}`,
      verdict: max <= LIMIT_PER_SECOND ? "met" : "missed",
    });
  }
  const provider = r.footprints.find((f) => f.variant === "ours");
  out.push({
    target: "stored dynamic provider ≤ 4 KB per resource",
    measured: provider ? `${provider.providerBytes} bytes` : "n/a",
    verdict: provider ? (provider.providerBytes <= 4096 ? "met" : "missed") : "n/a",
  });
  return out;
}

function targetsTable(r: BenchResults): string {
  return markdownTable(
    ["target", "measured", "verdict"],
    targetVerdicts(r).map((v) => [v.target, v.measured, v.verdict === "missed" ? "**missed**" : v.verdict]),
  );
}

/** Pace beside each phase, with the floor's own rate: who bounds the phase, the API limit or the engine. */
function paceReading(r: BenchResults): string {
  const top = Math.max(...r.sizes);
  const ceiling = ceilingOf(limiterOf(r));
  const lines: string[] = [];
  for (const fe of FRONT_ENDS) {
    if (!has(r, fe.variant)) continue;
    for (const p of PHASES) {
      const pace = paceOf(pick(r.throughput, fe.variant, top, p));
      const rate = floorRate(pick(r.throughput, fe.floor, top, p), top);
      const bound =
        rate < 1
          ? "the engine bounds it (its no-op alone runs below the limit)"
          : pace >= 0.95 * ceiling
            ? "the API limit bounds it (pace at the limiter's ceiling)"
            : "neither the engine nor the limiter: the provider lags both";
      lines.push(`- ${fe.label}, ${p}: pace ${fmt(pace)}, its no-op's own rate ${fmt(rate)}: ${bound}.`);
    }
  }
  return `The client limiter keeps at most 20 grants in any ${limiterOf(r).windowMs + limiterOf(r).marginMs} ms, so its ceiling is ${fmt(ceiling, 3)} of the limit (N=${top}):

${lines.join("\n")}`;
}

/**
 * For a preview target (shown only if it is missed): the per-resource difference from the medians, the part of it that the
 * front end's one-time start measured in this run (section 5) makes when spread over N, and the rounds' spread.
 * Empty for any other target, or when the run measured no one-time costs.
 */
function previewMissReading(r: BenchResults, kind: "create" | "diff", fe: (typeof FRONT_ENDS)[number]): string {
  const ot = r.oneTime;
  if (!ot) return "";
  const gap = (medianPreview(r, kind, fe.variant) - medianPreview(r, kind, fe.floor)) / r.previewN;
  const [once, what] =
    fe.variant === "native"
      ? [ot.pluginStartMs.native - ot.pluginStartMs.nativeNoop, "the plugin's start over the no-op plugin's"]
      : [ot.dynamic.load.wallMs + ot.dynamic.firstCheck.wallMs - ot.dynamic.nextCheck.wallMs, "the provider's load and first, cold Check"];
  const rounds = roundRatios(r, kind, fe.variant, fe.floor);
  return (
    ` It costs ${fmt(gap, 2)} ms per resource more than its no-op (medians); ${what} (section 5: ${fmt(once, 0)} ms, once)` +
    ` is ${fmt(once / r.previewN, 2)} ms of that at N=${r.previewN}, and the rest is work per resource` +
    ` (docs/PERFORMANCE.md says where it goes). Its rounds ranged from ${roundsRange(rounds)}.`
  );
}

/** The misses, each beside what was measured about it in this run. */
function missesExplained(r: BenchResults): string {
  const missed = targetVerdicts(r).filter((v) => v.verdict === "missed");
  if (missed.length === 0) return "Every target was met in this run.";
  const top = Math.max(...r.sizes);
  const lines = missed.map((v) => `- **${v.target}**: ${v.measured}.${v.reading ?? ""}`);
  const parts: string[] = [];
  for (const fe of FRONT_ENDS) {
    if (!has(r, fe.variant)) continue;
    const extra = PHASES.map((p) => {
      const d = median(walls(pick(r.throughput, fe.variant, top, p))) - median(walls(pick(r.throughput, fe.floor, top, p)));
      return `${p} ${d >= 0 ? "+" : ""}${secs(d)} s`;
    });
    parts.push(`${fe.label} over its no-op at N=${top}: ${extra.join(", ")}`);
  }
  const ot = r.oneTime;
  const oneTime = ot
    ? ` One-time costs measured in this run (section 5): the dynamic provider's load ${fmt(ot.dynamic.load.wallMs, 0)} ms wall ` +
      `(${fmt(ot.dynamic.load.cpuMs, 0)} ms CPU), its first Create ${fmt(ot.dynamic.firstCreate.wallMs, 0)} ms against ` +
      `${fmt(ot.dynamic.nextCreate.wallMs, 0)} ms for the next; the trtc plugin starts in ${fmt(ot.pluginStartMs.native, 0)} ms ` +
      `against the no-op plugin's ${fmt(ot.pluginStartMs.nativeNoop, 0)} ms. Each operation pays these once, and at N=${top} ` +
      "the rest is per resource."
    : "";
  const noise = isProvisional(r)
    ? `On a shared 2-core machine two runs of the same
no-op phase differ by more than these margins (see the raw table), so a miss by a few hundredths in one
repetition is within the noise; a \`--reps 3\` run on a quiet machine decides.`
    : `Every figure is a median of ${r.reps.throughput} repetitions (each in the raw table below).`;
  // Runs before 2026-11-30 ran the emulator in the benchmark's own process, beside the Automation API and the program.
  const arrivals =
    !r.emulatorOwnProcess && missed.some((v) => v.target.includes("never sees more than"))
      ? `\n\nArrivals here are logged by an emulator inside the benchmark process, whose event loop also runs the
Automation API and the program, so a stall of that loop logs requests sent apart as arriving together. The client's
guarantee is measured where nothing shares the emulator's loop by \`npm run bench:client\` (docs/CLIENT.md).`
      : "";
  return `${lines.join("\n")}

Extra wall time, median: ${parts.join("; ")}.${oneTime} ${noise}${arrivals}`;
}

function rawTable(r: BenchResults): string {
  const rows = r.throughput.map((x) => [
    String(x.rep),
    String(x.n),
    x.variant,
    x.phase,
    secs(x.wallMs),
    String(x.traffic.requests),
    String(x.traffic.throttled),
    String(x.traffic.otherErrors),
    String(x.failedOps),
    String(x.traffic.maxPerSlidingSecond),
    secs(x.traffic.spanMs),
    x.error ?? "",
  ]);
  return markdownTable(
    [
      "rep",
      "N",
      "variant",
      "phase",
      "wall (s)",
      "requests",
      "throttled",
      "other errors",
      "failed ops",
      "max/1 s",
      "arrival span (s)",
      "engine error (first line)",
    ],
    rows,
  );
}

function wallTable(r: BenchResults): string {
  const variants = ["noop", "ours", "naive", "nativeNoop", "native"].filter((v) => has(r, v));
  const rows: string[][] = [];
  for (const n of r.sizes) {
    for (const phase of PHASES) {
      rows.push([
        String(n),
        phase,
        secs((n / LIMIT_PER_SECOND) * 1000),
        ...variants.map((v) => secs(median(walls(pick(r.throughput, v, n, phase))))),
      ]);
    }
  }
  return markdownTable(["N", "phase", "N / 20 (s)", ...variants.map((v) => `${v} wall (s)`)], rows);
}

function previewTable(r: BenchResults): string {
  const m = (kind: string, v: string) => medianPreview(r, kind, v);
  const rows: string[][] = [];
  for (const kind of ["create", "diff"] as const) {
    const empty = m(kind, "empty");
    const perRes = (v: string) => fmt((m(kind, v) - empty) / r.previewN, 1);
    const label = kind === "create" ? "fresh stack (check)" : "changed args (check + diff)";
    for (const fe of FRONT_ENDS) {
      if (!r.previews.some((p) => p.kind === kind && p.variant === fe.variant)) continue;
      rows.push([
        label,
        fe.label,
        secs(empty),
        secs(m(kind, fe.floor)),
        secs(m(kind, fe.variant)),
        perRes(fe.floor),
        perRes(fe.variant),
        fmt(previewRatio(r, kind, fe.variant, fe.floor)),
        fmt(previewRatioOfMedians(r, kind, fe.variant, fe.floor)),
        roundRatios(r, kind, fe.variant, fe.floor)
          .map((x) => fmt(x))
          .join(", "),
      ]);
    }
  }
  return markdownTable(
    [
      "preview of N resources",
      "front end",
      "empty program (s)",
      "its no-op (s)",
      "it (s)",
      "no-op ms/resource",
      "ms/resource",
      "ratio",
      "ratio of medians",
      "each round's ratio",
    ],
    rows,
  );
}

function oneTimeTable(ot: OneTimeCosts): string {
  const d = ot.dynamic;
  const row = (what: string, k: keyof typeof d, when: string) => [what, fmt(d[k].wallMs, 1), fmt(d[k].cpuMs, 1), when];
  return `${markdownTable(
    ["dynamic provider (PublishCdnStream)", "wall ms", "CPU ms", "paid"],
    [
      row("load `pulumi-trtc-relay/impl` (the provider text's require)", "load", "once per operation, before the first Check"),
      row("first Check", "firstCheck", "once (cold code)"),
      row("a further Check", "nextCheck", "per resource"),
      row("first Create (loads the client, opens the connection)", "firstCreate", "once per up"),
      row("a further Create (one Start)", "nextCreate", "per resource"),
      row("a further Delete (one Stop)", "nextDelete", "per resource"),
    ],
  )}

${markdownTable(
  ["provider plugin", "exec to port line (ms)"],
  [
    ["pulumi-resource-trtc", fmt(ot.pluginStartMs.native, 0)],
    ["pulumi-resource-trtcnoop (the native floor)", fmt(ot.pluginStartMs.nativeNoop, 0)],
  ],
)}`;
}

function footprintTable(r: BenchResults): string {
  return markdownTable(
    ["variant", "resources", "state file (bytes)", "bytes per resource entry", "__provider (bytes)"],
    r.footprints.map((f) => [
      f.variant,
      String(f.resources),
      String(f.stateFileBytes),
      fmt(f.bytesPerResource, 0),
      String(f.providerBytes),
    ]),
  );
}

function microTable(r: BenchResults): string {
  return markdownTable(
    ["operation", "median ops/s", "min–max ops/s", "iterations × reps"],
    r.micro.results.map((m) => {
      const { min, max } = range(m.samples);
      return [m.name, fmtRate(m.opsPerSecond), `${fmtRate(min)}–${fmtRate(max)}`, `${m.iterations} × ${m.samples.length}`];
    }),
  );
}

/** The README's headline section markers (README.md, before "More detail"). */
export const README_HEADLINE = {
  start: "<!-- BEGIN bench-headline: written by npm run bench from docs/BENCHMARKS.md's run; do not edit -->",
  end: "<!-- END bench-headline -->",
} as const;

/** The README's headline: pace and the overhead ratios at the largest N, from this run. */
export function readmeHeadline(r: BenchResults): string {
  const top = Math.max(...r.sizes);
  const per = (f: (p: string) => number) => PHASES.map((p) => `${p} ${fmt(f(p))}`).join(", ");
  const ours = (p: string) => paceOf(pick(r.throughput, "ours", top, p));
  const noop = (p: string) => floorRate(pick(r.throughput, "noop", top, p), top);
  const whole = (p: string) => floorRate(pick(r.throughput, "ours", top, p), top);
  const spread = (variant: string, floor: string) => {
    const rounds = roundRatios(r, "diff", variant, floor);
    return rounds.length > 1 ? `, the median of rounds from ${roundsRange(rounds)}` : "";
  };
  const parts = [
    `**Speed** (${top} tasks, \`--parallel 64\`, [docs/BENCHMARKS.md](docs/BENCHMARKS.md)${isProvisional(r) ? ", provisional" : ""}):`,
    `while its requests flow, the API sees PublishCdnStream at ${per(ours)} of the 20/s limit; over a whole operation,`,
    `CLI start included, it completes ${top} tasks at ${per(whole)} of 20/s, and the engine alone, with a no-op resource`,
    `of the same shape, at ${per(noop)}; its wall time over that no-op is ${per((p) => phaseRatio(r, "ours", "noop", top, p))}`,
  ];
  if (has(r, "native")) parts.push(`(the native plugin over a no-op plugin: ${per((p) => phaseRatio(r, "native", "nativeNoop", top, p))})`);
  const ourSamples = r.throughput.filter((x) => x.variant === "ours");
  parts.push(
    `and a preview's check + diff costs ${fmt(previewRatio(r, "diff", "ours", "noop"))} times the no-op's per resource${spread("ours", "noop")}` +
      (r.previews.some((p) => p.variant === "native")
        ? ` (the native plugin: ${fmt(previewRatio(r, "diff", "native", "nativeNoop"))} times its no-op's${spread("native", "nativeNoop")});`
        : ";"),
    `${total(ourSamples, (x) => x.traffic.throttled)} requests throttled, ${total(ourSamples, (x) => x.failedOps)} failed.`,
  );
  return parts.join("\n");
}

/** Whether the run is provisional: quick, or fewer than 3 repetitions. */
export const isProvisional = (r: Pick<BenchResults, "quick" | "reps">): boolean => r.quick || r.reps.throughput < 3;

/** The whole Markdown document (without the emulator-store section, which bench/main.ts keeps). */
export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const top = Math.max(...r.sizes);
  const provisional = isProvisional(r)
    ? `\n\n**Provisional** (${r.quick ? "quick run" : `${r.reps.throughput} repetition${r.reps.throughput === 1 ? "" : "s"}`}, on a machine shared with other work): the figures to quote come from \`npm run bench -- --reps 3\` on a quiet machine.`
    : "";
  return `# Benchmarks

Generated by \`${r.command}\` on ${r.startedAt} (took ${fmt(r.durationMs / 60000, 1)} min). Do not edit by hand: re-run the command.${provisional}

- Machine: ${m.nproc} CPUs (${m.cpuModel}), ${fmt(m.memoryGiB, 1)} GiB memory, ${m.platform}; load average at start ${m.loadAverage.map((x) => fmt(x)).join(" ")}, at end ${r.loadAfter.map((x) => fmt(x)).join(" ")}. Other work shares the machine, so only ratios between variants run interleaved in this run are quoted; absolute times are in the tables below for reference.
- Software: Node ${m.node}, Pulumi CLI ${m.pulumiCli}, @pulumi/pulumi ${m.pulumiSdk}.
- Emulator: ${r.emulatorOwnProcess ? `its own process (\`trtc-emulator --rate-limit ${LIMIT_PER_SECOND}\`), so what it logs does not move when the benchmark's event loop stalls` : "in process"}, ${LIMIT_PER_SECOND} requests/s per action and SecretId (fixed 1 s windows, \`RequestLimitExceeded\` beyond).
- Repetitions: throughput ${r.reps.throughput} per N and variant; previews ${r.reps.preview}; microbenchmarks ${r.reps.micro} (after a warm-up). Every figure is a median.

## The three ratios, per phase and N

Create, update and destroy of N tasks with \`--parallel 64\`, the variants interleaved round by round:

- *API pace*: the rate the API saw, (requests − 1) over the time from the first request's arrival to the last,
  divided by 20/s. 1 is the limit; the client limiter's ceiling is ${fmt(ceilingOf(limiterOf(r)), 3)}.
- *no-op's own rate*: N over the no-op's whole wall time (CLI start included), divided by 20/s: how fast the
  engine alone goes. Below 1, the engine, not the API limit, bounds the phase. It is taken over a longer span
  than the pace, so the two are not comparable with each other: *ours / no-op wall* compares ours with it.
- *ours / no-op wall*: PublishCdnStream (dynamic resource) over the no-op dynamic resource of exactly its
  shape (bench/noop-provider.ts): what the provider and the API limit add to the engine's own cost.
- *ours / naive wall*: over the obvious provider with no limiter and no retry (bench/naive-provider.ts), with
  its throttled answers and failed resources beside it: naive is fast only where it fails.
- The native front end, side by side: the same program shape served by the \`pulumi-resource-trtc\` plugin
  (*native*) and by a no-op plugin (*native no-op*, bench/native-noop/plugin.ts); see Method for what that
  floor includes.

${headlineTable(r)}

## Targets (N=${top})

${targetsTable(r)}

### Who bounds each phase

${paceReading(r)}

### Misses, and what explains them

${missesExplained(r)}

## 1. Wall times and API traffic

${wallTable(r)}

<details><summary>Every phase of every repetition</summary>

${rawTable(r)}

</details>

## 2. Provider overhead in preview (N=${r.previewN})

Preview wall time of N resources minus the preview of an empty program (the fixed cost of CLI, language
host and provider start), divided by N, for each front end and its no-op; *ratio* = ms/resource over the
no-op's. ${r.reps.preview} rounds in which the variants run one after another (fresh stacks: check only;
stacks already holding N resources with every push URL changed: check and diff). Previews make no API call.
*each round's ratio* is that figure from one round's three previews alone (empty program, no-op, it, run back
to back, so under the same machine load), and *ratio*, the verdict, is their median. *ratio of medians* takes
each variant's median preview across rounds instead, which can pair one round's no-op with another round's
variant: when the machine's load drifts during the run it moves with the drift, not with the provider.

${previewTable(r)}
${r.oneTime ? `\n## 5. One-time cost apart from cost per resource\n\nMedians of ${r.oneTime.reps} fresh processes (bench/one-time.ts). The host's own start (Node, @pulumi/pulumi, gRPC) is the same for the no-op and is not counted.\n\n${oneTimeTable(r.oneTime)}\n` : ""}
## 3. State footprint (N=${top}, after create)

${footprintTable(r)}

## 4. Client microbenchmarks

Largest seed request: \`tests/fixtures/seed/${r.micro.seed}\` (${r.micro.bytes} bytes as compact JSON).

${microTable(r)}

## Method

- The emulator runs as its own process (\`trtc-emulator --port 0\`, read through its control API) when the run says so
  under Emulator above (earlier runs had it in the benchmark's process); the benchmark's process runs the
  Automation API inline programs. Each scenario is a fresh
  stack on a \`file://\` backend (harness/local-stack.ts). Operations: \`stack.up({ parallel: 64 })\`,
  \`stack.preview({ parallel: 64 })\`, \`stack.destroy({ parallel: 64 })\`; wall time is measured around the
  call and includes starting the CLI, the language host and the provider process.
- The no-op dynamic resource registers exactly PublishCdnStream's property map (provider/resource.ts
  inputProperties, the same secrets) and stores the same computed outputs, derived from provider/outputs.ts
  (bench/noop-shape.ts), so it changes shape whenever PublishCdnStream does.
- The native variants register the same property map from the same Node.js program, as
  \`trtc:index:PublishCdnStream\` (the plugin \`npm run plugin\` packages) and \`trtcnoop:index:PublishCdnStream\`,
  both installed with \`pulumi plugin install resource … --file\` into the run's PULUMI_HOME. The no-op plugin
  is the closest honest floor for a plugin: the same launcher, Node, grpc-js and protobuf stubs, bundled the
  same way, answering every call with its inputs (plus the computed outputs, from the same table) and doing
  nothing else. It does not load the trtc plugin's lifecycle, zod schemas or client, so *native / native no-op*
  includes the plugin's own start (section 5).
- Update changes only each task's push URL, which PublishCdnStream applies in place (one
  \`UpdatePublishCdnStream\` per task); destroy sends one \`StopPublishCdnStream\` per task.
- Requests and throttled answers are deltas of \`/_emulator/stats\`; failed operations are the engine's
  \`resOpFailedEvent\`s; *max/1 s* is the most requests of one action that arrived within any 1000 ms.
- Where ours spent its time was found by profiling the provider processes (docs/PERFORMANCE.md). Code:
  bench/ (entry bench/main.ts); the ratio arithmetic and verdicts: harness/bench-verdicts.ts.
`;
}
