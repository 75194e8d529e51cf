/**
 * The harness's statistics and formatting helpers, used by the benchmark reports and the limiter tests
 * (no timing is asserted anywhere: these are pure).
 */
import {
  arrivalRate,
  crowdedWindows,
  fmt,
  fmtRate,
  fmtRatio,
  limitRatio,
  markdownTable,
  maxInWindow,
  median,
  overheadRatio,
  percentile,
  range,
} from "../../harness/stats";

describe("bench statistics", () => {
  test("median of odd and even counts, NaN when empty, input untouched", () => {
    const xs = [5, 1, 3];
    expect(median(xs)).toBe(3);
    expect(xs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  test("range", () => {
    expect(range([3, 9, 1])).toEqual({ min: 1, max: 9 });
    expect(range([]).min).toBeNaN();
  });

  test("limitRatio is floor over the time beyond the engine floor", () => {
    // 200 tasks at 20/s = 10 s; 31 s wall minus 20 s engine = 11 s added -> 10/11.
    expect(limitRatio(200, 20, 31_000, 20_000)).toBeCloseTo(10 / 11, 6);
    expect(limitRatio(200, 20, 20_000, 20_000)).toBe(Infinity);
    expect(limitRatio(200, 20, 18_000, 20_000)).toBe(Infinity);
    expect(limitRatio(200, 20, NaN, 20_000)).toBeNaN();
    expect(fmtRatio(Infinity)).toMatch(/within the engine floor/);
    expect(fmtRatio(10 / 11)).toBe("0.91");
  });

  test("overheadRatio subtracts the empty-program base from both", () => {
    expect(overheadRatio(13_000, 11_000, 1_000)).toBeCloseTo(1.2, 6);
    expect(overheadRatio(5_000, 1_000, 1_000)).toBeNaN();
  });

  test("maxInWindow counts arrivals in any half-open 1000 ms interval", () => {
    expect(maxInWindow([])).toBe(0);
    expect(maxInWindow([0, 999, 1000, 1999])).toBe(2);
    expect(maxInWindow([0, 100, 200, 1150, 1160])).toBe(3);
    expect(maxInWindow(Array.from({ length: 21 }, (_, i) => i * 50))).toBe(20);
  });

  test("percentile by nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  test("crowdedWindows: a window over the limit, with how long its requests took to send and how their delays differ", () => {
    // 20 sent 1030 ms after the first 20, but the server logged the first 20 35 ms late: 40 within 1000 ms.
    const early = Array.from({ length: 20 }, (_, i) => ({ sendAt: i, arrivalAt: i + 35 }));
    const late = Array.from({ length: 20 }, (_, i) => ({ sendAt: 1030 + i, arrivalAt: 1030 + i }));
    const [worst] = crowdedWindows([...late, ...early], 20);
    expect(worst.count).toBeGreaterThan(20);
    expect(worst.sendSpan).toBeGreaterThanOrEqual(1030);
    expect(worst.delaySpread).toBe(35);
    // 21 sent at once: crowded by the client itself.
    expect(
      crowdedWindows(
        Array.from({ length: 21 }, () => ({ sendAt: 5, arrivalAt: 6 })),
        20,
      ),
    ).toEqual([{ count: 21, sendSpan: 0, delaySpread: 0 }]);
    expect(crowdedWindows(late, 20)).toEqual([]);
  });

  test("arrivalRate reads evenly spaced and bursty arrivals alike, after the first second", () => {
    // One every 55 ms: 18.18/s.
    expect(arrivalRate(Array.from({ length: 200 }, (_, i) => i * 55))).toBeCloseTo(1000 / 55, 6);
    // 20 at once every 1030 ms: 20 per 1.03 s, although the last burst ends the run with no pause after it.
    const bursts = Array.from({ length: 200 }, (_, i) => Math.floor(i / 20) * 1030);
    expect(arrivalRate(bursts)).toBeCloseTo(20000 / 1030, 6);
    // The first second is left out: a limiter may spend a whole window at once at the start.
    const fastStart = [...Array.from({ length: 20 }, () => 0), ...Array.from({ length: 100 }, (_, i) => 1000 + i * 100)];
    expect(arrivalRate(fastStart)).toBeCloseTo(10, 6);
    expect(arrivalRate([0, 10, 2000])).toBeNaN();
  });
});

describe("bench formatting", () => {
  test("numbers and n/a", () => {
    expect(fmt(0.8999, 2)).toBe("0.90");
    expect(fmt(NaN)).toBe("n/a");
    expect(fmtRate(12345.6)).toBe("12,346");
    expect(fmtRate(Infinity)).toBe("n/a");
  });

  test("markdownTable escapes pipes and writes a separator row", () => {
    expect(markdownTable(["a", "b"], [["1", "x|y"]])).toBe("| a | b |\n| --- | --- |\n| 1 | x\\|y |");
  });
});
