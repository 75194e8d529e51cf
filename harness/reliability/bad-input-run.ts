/**
 * Runs the bad-input corpus through the engine. The engine stops a preview at the first resource whose
 * check fails (even with continue-on-error), so each invalid program gets a preview of its own; the valid
 * edge cases of a site share one. Previews reuse one stack per site (the program is passed to each
 * preview), which roughly halves the time per case against opening a stack for each: a preview is then the
 * CLI, the dynamic-provider host and the program. They run one at a time: the SDK keeps some of a run's
 * state in module globals and process-wide handlers, and two at once in one process (tried before
 * `ownSubchannels` in harness/own-subchannels.ts) failed runs with `14 UNAVAILABLE` errors and let one invalid program's preview
 * pass with no resource in it.
 */
import type { ConfigMap, Stack } from "@pulumi/pulumi/automation";
import { checkArguments } from "../../provider/check";
import { INVALID_CASES, VALID_CASES, corpusProgram, explains, printedFailures, type CorpusCase, type CorpusSite } from "./bad-input";
import { openEnv, type HarnessEnv } from "../env";

/**
 * How many invalid programs `npm test` previews (tests/e2e/reliability-input.test.ts), round-robin over the
 * groups so every group goes through the engine; `npm run reliability` previews all of them. Every case also
 * goes through the provider's check in process in both. All 173 took 3.1 to 3.9 min here on a quiet machine
 * and 6.8 min in CI on 2026-11-29 (1.2 to 2.4 s per preview); what the engine adds to a check failure (the
 * property and rule printed, no request sent) is the same path for every case, so two per group (26 of 13
 * groups) keep `npm test` under its 30 minutes with room to spare.
 */
export const NPM_TEST_INVALID = Math.min(2 * new Set(INVALID_CASES.map((c) => c.group)).size, INVALID_CASES.length);

/** What the corpus run found. */
export interface CorpusResult {
  /** When the run started (ISO) and how long all of it took, in seconds. */
  startedAt: string;
  seconds: number;
  /** Invalid programs previewed through the engine, how many were reported with property and rule. */
  engineInvalid: {
    total: number;
    explained: number;
    failures: Array<{ name: string; text: string }>;
    /** Per fixture group: previewed and explained. */
    byGroup: Record<string, { total: number; explained: number }>;
  };
  /** Valid edge cases, one preview per site (cases per site); whether all passed. */
  engineValid: { total: number; bySite: Record<string, number>; passed: boolean; error?: string };
  /** Every invalid case through the provider's check function, in process. */
  checkInvalid: { total: number; explained: number };
  /** API requests the emulator received (must be 0). */
  requests: number;
  /** Seconds per invalid-program preview (informational) and the wall time of those previews. */
  timing: { previews: number; medianSeconds: number; maxSeconds: number; wallSeconds: number };
}

/** Options of {@link runCorpus}. */
export interface CorpusOptions {
  /** How many invalid programs to preview, spread over every group; all by default. */
  invalid?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** `count` cases taken round-robin over the groups (every group is covered once count reaches their number). */
export function sample(cases: readonly CorpusCase[], count: number): CorpusCase[] {
  if (count >= cases.length) return [...cases];
  const groups = new Map<string, CorpusCase[]>();
  for (const c of cases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const queues = [...groups.values()].map((g) => {
    // Spread within a group too, so a group's first rules are not the only ones sampled.
    const step = Math.max(1, Math.floor(g.length / Math.ceil(count / groups.size)));
    return [...g.filter((_, i) => i % step === 0), ...g.filter((_, i) => i % step !== 0)];
  });
  const picked: CorpusCase[] = [];
  for (let round = 0; picked.length < count; round++) {
    for (const q of queues) if (round < q.length && picked.length < count) picked.push(q[round]);
  }
  return cases.filter((c) => picked.includes(c)); // corpus order
}

/**
 * The cn stacks use the emulator; intl stacks an endpoint whose host names the international site
 * (`.intl.`) and resolves nowhere (`.invalid`): a preview sends no request, and this one could not.
 */
const INTL_ENDPOINT = "http://trtc.intl.invalid";

/** Opens stacks on demand, one per site. */
function stacksFor(rig: HarnessEnv): (site: CorpusSite) => Promise<Stack> {
  const open = new Map<CorpusSite, Promise<Stack>>();
  return (site) => {
    if (!open.has(site)) {
      const config: ConfigMap = site === "intl" ? { "trtc:endpoint": { value: INTL_ENDPOINT } } : {};
      open.set(site, rig.stack("badinput", site, corpusProgram([]), config));
    }
    return open.get(site)!;
  };
}

/** Previews `cases` on `stack`; returns the engine output, whether it passed, and the seconds it took. */
async function preview(
  stack: Stack,
  cases: readonly CorpusCase[],
): Promise<{ out: string; passed: boolean; error?: string; seconds: number }> {
  const t0 = Date.now();
  let out = "";
  try {
    await stack.preview({
      program: corpusProgram(cases),
      onOutput: (s) => {
        out += s;
      },
    });
    return { out, passed: true, seconds: (Date.now() - t0) / 1000 };
  } catch (e) {
    return { out, passed: false, error: String((e as Error).message), seconds: (Date.now() - t0) / 1000 };
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
};
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Previews the chosen invalid programs one by one, then the valid cases of each site at once. */
export async function runCorpus(options: CorpusOptions = {}): Promise<CorpusResult> {
  const { invalid = Infinity, log = () => {} } = options;
  const startedAt = new Date();
  const rig = await openEnv();
  try {
    const picked = sample(INVALID_CASES, invalid);
    const stackOf = stacksFor(rig);
    const failures: Array<{ name: string; text: string }> = [];
    const byGroup: Record<string, { total: number; explained: number }> = {};
    const seconds: number[] = [];
    const t0 = Date.now();
    for (const c of picked) {
      const r = await preview(await stackOf(c.site), [c]);
      seconds.push(r.seconds);
      const printed = printedFailures(r.out, c.resource);
      const ok = !r.passed && explains(printed, c);
      const group = (byGroup[c.group] ??= { total: 0, explained: 0 });
      group.total++;
      if (ok) group.explained++;
      else
        failures.push({
          name: c.name,
          text: r.passed ? "preview passed" : (printed.length ? JSON.stringify(printed) : r.out).slice(0, 400),
        });
      if (seconds.length % 25 === 0) log(`corpus: ${seconds.length}/${picked.length} previews`);
    }
    const wallSeconds = (Date.now() - t0) / 1000;

    const validErrors: string[] = [];
    const bySite: Record<string, number> = {};
    for (const site of ["cn", "intl"] as const) {
      const cases = VALID_CASES.filter((c) => c.site === site);
      if (cases.length === 0) continue;
      bySite[site] = cases.length;
      const r = await preview(await stackOf(site), cases);
      if (!r.passed) validErrors.push(`${site}: ${r.out.slice(-600) || r.error}`);
    }

    let checkExplained = 0;
    for (const c of INVALID_CASES) {
      if (explains(checkArguments(c.args, c.site).failures, c)) checkExplained++;
    }
    return {
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      engineInvalid: { total: picked.length, explained: picked.length - failures.length, failures, byGroup },
      engineValid: {
        total: VALID_CASES.length,
        bySite,
        passed: validErrors.length === 0,
        error: validErrors.length ? validErrors.join("\n") : undefined,
      },
      checkInvalid: { total: INVALID_CASES.length, explained: checkExplained },
      requests: Object.values(rig.requests).reduce((a, b) => a + b, 0),
      timing: {
        previews: seconds.length,
        medianSeconds: round1(median(seconds)),
        maxSeconds: round1(Math.max(0, ...seconds)),
        wallSeconds: round1(wallSeconds),
      },
    };
  } finally {
    await rig.close();
  }
}
