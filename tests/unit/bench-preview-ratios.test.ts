/**
 * The preview overhead figures of docs/BENCHMARKS.md (bench/report.ts): each round's own ratio from that
 * round's previews alone, the verdict as their median, and the ratio of the variants' medians shown beside it.
 */
import type { BenchResults } from "../../bench/report";
import { previewRatio, previewRatioOfMedians, roundRatios } from "../../bench/report";
import type { PreviewSample } from "../../bench/preview-cost";

/** Three rounds of (empty, noop, ours) check + diff previews of 100 resources, wall times in ms. */
function results(rounds: Array<[number, number, number]>): BenchResults {
  const previews: PreviewSample[] = rounds.flatMap(([empty, noop, ours], i) =>
    (
      [
        ["empty", empty],
        ["noop", noop],
        ["ours", ours],
      ] as const
    ).map(([variant, wallMs]) => ({ kind: "diff" as const, variant, n: variant === "empty" ? 0 : 100, rep: i + 1, wallMs, failedOps: 0 })),
  );
  return { previews, previewN: 100 } as unknown as BenchResults;
}

describe("preview ratios", () => {
  test("each round's ratio uses that round's own empty program and no-op, in round order", () => {
    const r = results([
      [500, 1500, 1600], // 1100 / 1000
      [1000, 3000, 3400], // 2400 / 2000: a slow round, the same machine load on all three
      [500, 1500, 1550], // 1050 / 1000
    ]);
    expect(roundRatios(r, "diff", "ours", "noop").map((x) => +x.toFixed(3))).toEqual([1.1, 1.2, 1.05]);
  });

  test("the verdict is the median of the rounds' ratios; the ratio of medians can pair different rounds", () => {
    const r = results([
      [500, 1400, 1530], // 1030 / 900 = 1.144
      [500, 1600, 1700], // 1200 / 1100 = 1.091
      [500, 1500, 1580], // 1080 / 1000 = 1.080
    ]);
    expect(previewRatio(r, "diff", "ours", "noop")).toBeCloseTo(1200 / 1100, 6);
    // Medians: no-op 1500 (round 3), ours 1580 (round 3): a different figure.
    expect(previewRatioOfMedians(r, "diff", "ours", "noop")).toBeCloseTo(1080 / 1000, 6);
  });

  test("a round missing one of its three previews gives no ratio rather than one from another round's", () => {
    const r = results([
      [500, 1500, 1600],
      [500, 1500, 1700],
    ]);
    r.previews = r.previews.filter((p) => !(p.rep === 2 && p.variant === "noop"));
    expect(roundRatios(r, "diff", "ours", "noop").map((x) => +x.toFixed(3))).toEqual([1.1]);
    expect(roundRatios(r, "create", "ours", "noop")).toEqual([]);
    expect(previewRatio(r, "create", "ours", "noop")).toBeNaN();
  });
});
