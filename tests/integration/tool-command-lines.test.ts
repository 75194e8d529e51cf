/**
 * Every command-line tool of the project refuses an argument it does not know, naming it, before it does
 * anything: each run as its npm script runs it (compiled from dist/ for `npm start` and the benchmarks,
 * through ts-node for `npm run reliability` and `npm run generate`, node or bash for the scripts). What the benchmarks' parsers accept is unit-tested (bench-args.test.ts). trtc-emulator and
 * trtc-layout have their own tests (emulator-cli, layout-cli). The npm scripts' wrappers (scripts/start.sh,
 * scripts/test.sh, bench/run.sh, bench/reliability/run.sh) run setup and pass their arguments on, to the
 * tools here or to jest, which refuses unknown options itself.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDist } from "../helpers/ensure-dist";

const ROOT = join(__dirname, "..", "..");
// Each TypeScript tool compiles its imports through ts-node; on a busy 2-core machine that takes seconds.
jest.setTimeout(180_000);

beforeAll(() => {
  expect(ensureDist()).toBe(true);
}, 300_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

const compiled = (file: string, args: string[]) => run(process.execPath, [join(ROOT, "dist", file), ...args]);
const tsTool = (file: string, args: string[]) =>
  run(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, file), ...args]);

test.each([
  [
    "npm start (scripts/quickstart.ts)",
    () => compiled("scripts/quickstart.js", ["--serve", "--frobnicate"]),
    'npm start: unknown option "--frobnicate"',
  ],
  ["npm run bench (bench/main.ts)", () => compiled("bench/main.js", ["--fast"]), 'npm run bench: unknown option "--fast"'],
  [
    "npm run bench:client (bench/client-pace.ts)",
    () => compiled("bench/client-pace.js", ["--fast"]),
    'bench:client: unknown or incomplete argument "--fast"',
  ],
  ["npm run generate (codegen/cli.ts)", () => tsTool("codegen/cli.ts", ["--chek"]), 'npm run generate: unknown option "--chek"'],
  [
    "npm run reliability (bench/reliability/main.ts)",
    () => tsTool("bench/reliability/main.ts", ["--outfile", "x"]),
    'npm run reliability: unknown option "--outfile"',
  ],
  [
    "npm run reliability --skip",
    () => tsTool("bench/reliability/main.ts", ["--skip", "matrix,lod"]),
    'npm run reliability: --skip does not know "lod"',
  ],
  [
    "npm run bench:emulator-store (bench/emulator-store/main.ts)",
    () => compiled("bench/emulator-store/main.js", ["--fast"]),
    'bench:emulator-store: unknown or incomplete argument "--fast"',
  ],
  [
    "npm run plugin (scripts/package-plugin.js)",
    () => run(process.execPath, ["scripts/package-plugin.js", "--outdir", "x"]),
    "package-plugin.js: Unknown option '--outdir'",
  ],
  ["npm run generate:sdk (scripts/sdkgen.sh)", () => run("bash", ["scripts/sdkgen.sh", "--bogus"]), 'sdkgen: unknown option "--bogus"'],
  ["scripts/sdkgen.sh, a language", () => run("bash", ["scripts/sdkgen.sh", "out", "ruby"]), 'sdkgen: unknown language "ruby"'],
  [
    "npm run build:sdk (scripts/build-sdk-nodejs.sh)",
    () => run("bash", ["scripts/build-sdk-nodejs.sh", "x"]),
    'build-sdk-nodejs.sh: unknown argument "x"',
  ],
  [
    "examples/callback-receiver",
    () => tsTool("examples/callback-receiver/index.ts", ["0", "--verbose"]),
    'callback-receiver: unknown argument "--verbose"',
  ],
  ["scripts/setup.sh", () => run("bash", ["scripts/setup.sh", "--force"]), 'setup.sh: unknown argument "--force"'],
  ["scripts/ensure-pulumi.sh", () => run("bash", ["scripts/ensure-pulumi.sh", "v3"]), 'ensure-pulumi.sh: unknown argument "v3"'],
  ["scripts/ensure-chromium.sh", () => run("bash", ["scripts/ensure-chromium.sh", "-y"]), 'ensure-chromium.sh: unknown argument "-y"'],
  ["scripts/link-self.js", () => run(process.execPath, ["scripts/link-self.js", "here"]), 'link-self.js: unknown argument "here"'],
])("%s refuses an unknown argument, naming it", async (_name, start, message) => {
  const r = await start();
  expect(r.stderr).toContain(message);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
});

test("npm run reliability -- --out FILE writes FILE and leaves docs/RELIABILITY.md alone", async () => {
  const dir = mkdtempSync(join(tmpdir(), "trtc-reliability-out-"));
  const committed = readFileSync(join(ROOT, "docs", "RELIABILITY.md"), "utf8");
  try {
    // Every part skipped: the report is written with nothing measured, which is all --out needs.
    const out = join(dir, "report.md");
    const r = await tsTool("bench/reliability/main.ts", ["--skip", "matrix,load,secrets,corpus", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    expect(readFileSync(out, "utf8")).toMatch(/^# Reliability under faults, bad input and load\n/);
    expect(readFileSync(join(ROOT, "docs", "RELIABILITY.md"), "utf8")).toBe(committed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
