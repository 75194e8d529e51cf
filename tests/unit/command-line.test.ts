/**
 * The project's own tools (`npm start`, `npm run bench`, `npm run reliability`) read their command lines
 * through harness/command-line.ts: what it accepts and how it names what it refuses. The tools themselves
 * are run with unknown arguments in tests/integration/tool-command-lines.test.ts.
 */
import { CommandLineError, optionList, parseCommandLine, type CommandLineSpec } from "../../harness/command-line";

/** The same shape as bench/main.ts's options (tests import nothing from bench/). */
const SPEC = {
  quick: { kind: "switch", help: "fewer repetitions" },
  reps: { kind: "count", value: "N", help: "repetitions" },
  out: { kind: "text", value: "FILE", help: "report file" },
  render: { kind: "text", value: "RAW.json", help: "re-render" },
  part: { kind: "text", value: "corpus", choices: ["corpus"], help: "one part" },
} as const satisfies CommandLineSpec;

const parse = (argv: string[]) => parseCommandLine("tool", argv, SPEC);

test("accepts switches, counts and texts, in either --name value or --name=value form", () => {
  expect(parse([])).toEqual({});
  expect(parse(["--quick", "--reps", "3", "--out", "/tmp/x.md"])).toEqual({ quick: true, reps: 3, out: "/tmp/x.md" });
  expect(parse(["--render=/tmp/raw.json"])).toEqual({ render: "/tmp/raw.json" });
  expect(parse(["--part", "corpus"])).toEqual({ part: "corpus" });
});

test.each([
  [["--fast"], /^tool: unknown option "--fast"; it takes --quick, --reps N, --out FILE, --render RAW\.json, --part corpus$/],
  [["stray"], /unexpected argument "stray"/],
  [["--reps", "0"], /--reps needs a whole number from 1 up, got "0"/],
  [["--reps", "2.5"], /--reps needs a whole number/],
  [["--out"], /--out <value>' argument missing/],
  [["--quick=yes"], /--quick' does not take an argument/],
  [["--part", "matrix"], /--part must be one of corpus, got "matrix"/],
])("refuses %j, naming it", (argv, message) => {
  expect(() => parse(argv)).toThrow(CommandLineError);
  expect(() => parse(argv)).toThrow(message);
});

test("a tool with no options says it takes none", () => {
  expect(() => parseCommandLine("none", ["--x"], {})).toThrow('none: unknown option "--x"; it takes no arguments');
});

test("the option list names every option with its value", () => {
  expect(optionList(SPEC)).toBe("--quick, --reps N, --out FILE, --render RAW.json, --part corpus");
});
