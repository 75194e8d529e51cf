/** The benchmark report's ratio arithmetic and target verdicts (harness/bench-verdicts.ts): pure, no timing. */
import {
  OVERHEAD_TARGET,
  apiPace,
  atMost,
  engineRate,
  keepSection,
  perResourceRatio,
  replaceSection,
  wallRatio,
} from "../../harness/bench-verdicts";

describe("bench ratios", () => {
  test("wallRatio divides medians, NaN when a side is empty", () => {
    expect(wallRatio([12_000, 10_000, 11_000], [10_000, 9_000, 100_000])).toBeCloseTo(11 / 10, 9);
    expect(wallRatio([], [1])).toBeNaN();
    expect(wallRatio([1], [])).toBeNaN();
  });

  test("apiPace is (requests − 1) per second over the arrival span, as a fraction of the limit", () => {
    // 201 requests over 10 s = 20/s: exactly the limit.
    expect(apiPace(201, 10_000, 20)).toBeCloseTo(1, 9);
    expect(apiPace(101, 10_000, 20)).toBeCloseTo(0.5, 9);
    expect(apiPace(1, 10_000, 20)).toBeNaN();
    expect(apiPace(10, 0, 20)).toBeNaN();
  });

  test("engineRate is N over the whole wall time, as a fraction of the limit", () => {
    expect(engineRate(200, 10_000, 20)).toBeCloseTo(1, 9);
    expect(engineRate(200, 20_000, 20)).toBeCloseTo(0.5, 9);
    expect(engineRate(200, 0, 20)).toBeNaN();
  });

  test("perResourceRatio subtracts the empty program from both sides", () => {
    expect(perResourceRatio(13_000, 11_000, 1_000)).toBeCloseTo(1.2, 9);
    expect(perResourceRatio(5_000, 1_000, 1_000)).toBeNaN();
  });
});

describe("target verdicts", () => {
  test("atMost: met only when every value is finite and within the limit", () => {
    expect(atMost([1.05, 1.1, 0.9], OVERHEAD_TARGET)).toBe("met");
    expect(atMost([1.05, 1.11], OVERHEAD_TARGET)).toBe("missed");
    expect(atMost([1.05, NaN], OVERHEAD_TARGET)).toBe("missed");
    expect(atMost([NaN], OVERHEAD_TARGET)).toBe("n/a");
    expect(atMost([], OVERHEAD_TARGET)).toBe("n/a");
  });
});

describe("keepSection", () => {
  const START = "<!-- s:start -->";
  const END = "<!-- s:end -->";
  const kept = `${START}\nstore figures\n${END}`;

  test("carries the marked section of the old file over, after the new text", () => {
    const out = keepSection(`# Old\n\n${kept}\n`, "# New\n\nfigures\n", START, END);
    expect(out).toBe(`# New\n\nfigures\n\n${kept}\n`);
  });

  test("replaces a section the new text already has", () => {
    const out = keepSection(`x\n${kept}\n`, `# New\n${START}\nplaceholder\n${END}\ntail\n`, START, END);
    expect(out).toBe(`# New\n${kept}\ntail\n`);
  });

  test("leaves the new text alone when the old file has no complete section", () => {
    expect(keepSection("", "# New\n", START, END)).toBe("# New\n");
    expect(keepSection(`${START}\nno end`, "# New\n", START, END)).toBe("# New\n");
  });
});

describe("replaceSection", () => {
  test("replaces what lies between the marker lines, keeping them and the rest", () => {
    const doc = "intro\n<!-- B -->\nold\nlines\n<!-- E -->\nrest\n";
    expect(replaceSection(doc, "<!-- B -->", "<!-- E -->", "new")).toBe("intro\n<!-- B -->\nnew\n<!-- E -->\nrest\n");
  });

  test("names the markers when they are missing", () => {
    expect(() => replaceSection("no markers", "<!-- B -->", "<!-- E -->", "x")).toThrow(/<!-- B -->/);
  });
});
