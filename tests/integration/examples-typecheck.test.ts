/**
 * The examples type-check against the package's published types. tests/e2e/examples.test.ts runs them with
 * ts-node transpiling only (a type check per CLI run cost seconds each), so this is where a type error in an
 * example fails.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ensureDist } from "../helpers/ensure-dist";

const ROOT = path.join(__dirname, "..", "..");
const PROJECT = path.join(ROOT, "tests", "fixtures", "examples-typecheck");

test("every example type-checks; wrong.ts, the negative control beside them, gives exactly one error", () => {
  // The examples import `pulumi-trtc-relay`, whose types are the built dist/.
  expect(ensureDist()).toBe(true);
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", PROJECT], { cwd: ROOT, encoding: "utf8" });
  const errors = (r.stdout + r.stderr)
    .trim()
    .split("\n")
    .filter((l) => /error TS\d+/.test(l));
  expect({ status: r.status, errors }).toEqual({
    status: 2,
    errors: [
      expect.stringMatching(/^tests\/fixtures\/examples-typecheck\/wrong\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable/),
    ],
  });
}, 120_000);
