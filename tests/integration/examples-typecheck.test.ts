/**
 * The examples type-check against the package's published types. tests/e2e/examples.test.ts runs them with
 * ts-node transpiling only (a type check per CLI run cost seconds each), so this is where a type error in an
 * example fails.
 */
import * as path from "node:path";
import { ensureDist } from "../helpers/ensure-dist";
import { typeCheck } from "../helpers/type-check";

const ROOT = path.join(__dirname, "..", "..");
const PROJECT = path.join(ROOT, "tests", "fixtures", "examples-typecheck");

test("every example type-checks; wrong.ts, the negative control beside them, gives exactly one error", () => {
  // The examples import `pulumi-trtc-relay`, whose types are the built dist/.
  expect(ensureDist()).toBe(true);
  const { status, out } = typeCheck(PROJECT);
  const errors = out.split("\n").filter((l) => /error TS\d+/.test(l));
  expect({ status, errors }).toEqual({
    status: 2,
    errors: [
      expect.stringMatching(/^tests\/fixtures\/examples-typecheck\/wrong\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable/),
    ],
  });
}, 120_000);
