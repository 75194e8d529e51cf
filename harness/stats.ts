/**
 * The few statistics the report needs, kept apart so a unit test can check them without running anything.
 */

/** Median of `values` (mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Most timestamps (ms) within any half-open interval [t, t + windowMs): the count a server applying a
 * sliding window would see. The benchmarks and the limiter tests judge arrivals and grants with it.
 */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/**
 * The `p`-th percentile (0-100) of `values` by the nearest-rank method: the smallest value with at least
 * `p` % of the values at or below it. NaN when empty.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

/**
 * Arrivals per second after the first `skipMs` of a run: the slope of the least-squares line through
 * (arrival time, how many arrived so far), over the arrivals at least `skipMs` after the first. The fit
 * reads a burst pattern (20 at once, then a pause) and an evenly spaced one alike, where "count over
 * span" would count a final burst without the pause that pays for it. The first second is left out
 * because a limiter may spend a whole window at once at the start. NaN with fewer than two such arrivals.
 */
export function arrivalRate(times: readonly number[], skipMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  const after = sorted.filter((t) => t >= sorted[0] + skipMs);
  if (after.length < 2) return NaN;
  const meanX = after.reduce((a, t) => a + t, 0) / after.length;
  const meanY = (after.length - 1) / 2;
  let num = 0;
  let den = 0;
  after.forEach((t, i) => {
    num += (t - meanX) * (i - meanY);
    den += (t - meanX) ** 2;
  });
  return den > 0 ? (num / den) * 1000 : NaN;
}

/** One request as both ends saw it: when the client started sending it, and when the server logged it. */
export interface SentAndArrived {
  sendAt: number;
  arrivalAt: number;
}

/**
 * The windows of `windowMs` in which the server logged more than `limit` requests: for each request that
 * starts such a window, how many the window holds, over how long the client started sending them
 * (`sendSpan`), and the spread (max - min) of their send-to-arrival delays. Most crowded first.
 *
 * A client that never starts more than `limit` requests in any `windowMs + margin` gives every crowded
 * window a `sendSpan` of at least `windowMs + margin`: the requests were sent far enough apart, and the
 * way (or the server, logging what it received late) squeezed them together, which takes a delay spread
 * above the margin. A crowded window with a shorter `sendSpan` is the client's doing.
 */
export function crowdedWindows(
  requests: readonly SentAndArrived[],
  limit: number,
  windowMs = 1000,
): Array<{ count: number; sendSpan: number; delaySpread: number }> {
  const sorted = [...requests].sort((a, b) => a.arrivalAt - b.arrivalAt);
  const out: Array<{ count: number; sendSpan: number; delaySpread: number }> = [];
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end].arrivalAt - sorted[start].arrivalAt < windowMs) end++;
    const inWindow = sorted.slice(start, end);
    if (inWindow.length > limit) {
      const sends = inWindow.map((r) => r.sendAt);
      const delays = inWindow.map((r) => r.arrivalAt - r.sendAt);
      out.push({
        count: inWindow.length,
        sendSpan: Math.max(...sends) - Math.min(...sends),
        delaySpread: Math.max(...delays) - Math.min(...delays),
      });
    }
  }
  return out.sort((a, b) => b.count - a.count || a.sendSpan - b.sendSpan);
}

/** The least and greatest of `values`; NaNs when empty. */
export function range(values: readonly number[]): { min: number; max: number } {
  return values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: NaN, max: NaN };
}

/**
 * How close a run came to the API limit: the floor `n / limit` seconds over the time the provider added
 * beyond the engine's own cost (`wall - engineFloor`). 1 = exactly at the limit; above 1 means the
 * subtraction over-corrected (the phases overlap), so read it as "at the limit". Infinity when the run took
 * no longer than the engine floor (the API limit cost nothing on top of the engine); NaN for missing data.
 */
export function limitRatio(n: number, limitPerSecond: number, wallMs: number, engineFloorMs: number): number {
  if (!Number.isFinite(wallMs) || !Number.isFinite(engineFloorMs)) return NaN;
  const added = wallMs - engineFloorMs;
  return added > 0 ? ((n / limitPerSecond) * 1000) / added : Infinity;
}

/** Formats a {@link limitRatio}: Infinity reads "≥ 1 (within the engine floor)". */
export function fmtRatio(value: number): string {
  return value === Infinity ? "≥ 1 (within the engine floor)" : fmt(value);
}

/**
 * Per-resource cost of one implementation relative to another, from preview times: (a - base) / (b - base),
 * where `base` is an empty program's preview. NaN when `b` is not above the base.
 */
export function overheadRatio(aMs: number, bMs: number, baseMs: number): number {
  const denom = bMs - baseMs;
  return denom > 0 ? (aMs - baseMs) / denom : NaN;
}

/** Formats a number with `digits` decimals, or `n/a` for NaN/infinite values. */
export function fmt(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** Formats an operations-per-second figure with thousands separators and no decimals. */
export function fmtRate(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
}

/** A Markdown table from a header row and data rows (cells are written as given). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
