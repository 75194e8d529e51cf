/**
 * The arithmetic and verdicts of `npm run bench`'s report (bench/report.ts), kept here so unit tests check
 * them without importing bench/: the three ratios the report leads with, and each target's verdict.
 */
import { median } from "./stats";

/** The most ours may cost over its no-op floor, per phase at the largest N, and in check + diff previews. */
export const OVERHEAD_TARGET = 1.1;

/**
 * Median wall time of `a` over that of `b`: how many times as long one variant took as another, each the
 * median of its repetitions in the same interleaved run. NaN when either side has no sample.
 */
export function wallRatio(a: readonly number[], b: readonly number[]): number {
  const ma = median(a);
  const mb = median(b);
  return Number.isFinite(ma) && Number.isFinite(mb) && mb > 0 ? ma / mb : NaN;
}

/**
 * The pace the API saw, as a fraction of `limitPerSecond`: (requests − 1) over the time from the first
 * arrival to the last (`spanMs`), divided by the limit. NaN with fewer than two requests or no span.
 */
export function apiPace(requests: number, spanMs: number, limitPerSecond: number): number {
  return requests >= 2 && spanMs > 0 ? (requests - 1) / (spanMs / 1000) / limitPerSecond : NaN;
}

/**
 * A no-op variant's own rate, as a fraction of the limit: `n` resources over its whole wall time. Above 1
 * the engine alone outpaces the API limit (the limit bounds the phase); below 1 the engine bounds it.
 */
export function engineRate(n: number, wallMs: number, limitPerSecond: number): number {
  return wallMs > 0 ? n / (wallMs / 1000) / limitPerSecond : NaN;
}

/**
 * Per-resource preview cost of `aMs` relative to `bMs`, both beyond the preview of an empty program
 * (`emptyMs`, the fixed cost of CLI, language host and provider start): (a − empty) / (b − empty).
 * NaN when `b` is not above the empty program.
 */
export function perResourceRatio(aMs: number, bMs: number, emptyMs: number): number {
  const denom = bMs - emptyMs;
  return denom > 0 ? (aMs - emptyMs) / denom : NaN;
}

/** One row of the targets table. */
export interface Verdict {
  /** What is promised. */
  target: string;
  /** What this run measured, in words and figures. */
  measured: string;
  /** `met`, `missed`, or `n/a` when the run has no figure for it. */
  verdict: "met" | "missed" | "n/a";
  /** What else this run measured that explains a miss (a sentence or more, starting with a space), if anything. */
  reading?: string;
}

/** `met` when every value is finite and at most `limit`, `n/a` when none is finite, else `missed`. */
export function atMost(values: readonly number[], limit: number): Verdict["verdict"] {
  if (values.length === 0 || values.every((v) => !Number.isFinite(v))) return "n/a";
  return values.every((v) => Number.isFinite(v) && v <= limit) ? "met" : "missed";
}

/**
 * `fresh` with the section of `previous` between `start` and `end` (marker lines included) kept: written
 * by another tool (`npm run bench:emulator-store -- --write`), it must survive a regeneration. The kept
 * section replaces any in `fresh`, else it is appended after a blank line. Without one in `previous`,
 * `fresh` is returned as it is.
 */
export function keepSection(previous: string, fresh: string, start: string, end: string): string {
  const section = (text: string): { from: number; to: number } | undefined => {
    const from = text.indexOf(start);
    const endAt = from < 0 ? -1 : text.indexOf(end, from);
    return from < 0 || endAt < 0 ? undefined : { from, to: endAt + end.length };
  };
  const old = section(previous);
  if (!old) return fresh;
  const kept = previous.slice(old.from, old.to);
  const now = section(fresh);
  if (now) return fresh.slice(0, now.from) + kept + fresh.slice(now.to);
  return `${fresh.replace(/\n*$/, "\n")}\n${kept}\n`;
}

/**
 * `doc` with the text between the lines `start` and `end` replaced by `content` (the marker lines stay).
 *
 * @throws Error naming the markers when `doc` lacks either: the section is placed by hand once, then kept.
 */
export function replaceSection(doc: string, start: string, end: string, content: string): string {
  const from = doc.indexOf(start);
  const to = from < 0 ? -1 : doc.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`the section between ${JSON.stringify(start)} and ${JSON.stringify(end)} is missing`);
  return `${doc.slice(0, from + start.length)}\n${content.replace(/\n*$/, "\n")}${doc.slice(to)}`;
}
