/** The benchmarks' command lines (harness/bench-args.ts): what they accept, and how they name what they refuse. */
import { parseBenchArgs, parsePaceArgs } from "../../harness/bench-args";
import { CommandLineError } from "../../harness/command-line";

describe("bench command lines", () => {
  test("parseBenchArgs accepts --quick, --reps N, --out FILE and names anything else", () => {
    expect(parseBenchArgs([])).toEqual({ quick: false });
    expect(parseBenchArgs(["--quick", "--reps", "3", "--out", "/tmp/x.md"])).toEqual({ quick: true, reps: 3, out: "/tmp/x.md" });
    expect(parseBenchArgs(["--render", "/tmp/raw.json"])).toEqual({ quick: false, render: "/tmp/raw.json" });
    expect(() => parseBenchArgs(["--reps", "0"])).toThrow(/--reps/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/"--fast"/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(CommandLineError);
  });

  test("parsePaceArgs: defaults, every flag, and errors naming the flag", () => {
    expect(parsePaceArgs([])).toMatchObject({ n: 200, clients: 4, limiters: ["log"], server: "process", rateWindow: "sliding" });
    expect(
      parsePaceArgs([
        "--n",
        "40",
        "--limiter",
        "both",
        "--server",
        "in-process",
        "--rate-window",
        "fixed",
        "--loops",
        "stalled",
        "--stall-ms",
        "100",
      ]),
    ).toMatchObject({ n: 40, limiters: ["even", "log"], server: "in-process", rateWindow: "fixed", loops: ["stalled"], stallMs: 100 });
    expect(() => parsePaceArgs(["--stall-ms", "1000"])).toThrow(/--stall-ms/);
    expect(() => parsePaceArgs(["--n", "1000"])).toThrow(/--n/);
    expect(() => parsePaceArgs(["--limiter", "bucket"])).toThrow(/"--limiter"/);
  });
});
