/**
 * The README's commands and figures cannot drift silently: every shell block says whether a test runs it
 * (tests/e2e/installed-package.test.ts runs the runnable ones as written) or why not, and the facts its
 * prose repeats are checked against where they are kept.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ACTION_NAMES, ACTIONS } from "../../trtc/actions";
import { fencedBlocks, givenBody, isShell } from "../helpers/readme-blocks";

const ROOT = join(__dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const shellBlocks = fencedBlocks(README).filter(isShell);

test("every shell block is marked runnable or not run", () => {
  const unmarked = shellBlocks.filter((b) => !b.marker).map((b) => `README.md:${b.line}`);
  expect(unmarked).toEqual([]);
});

test.each(shellBlocks.map((b) => [b.line, b] as const))("the block at line %i says how it runs, or why it does not", (_line, b) => {
  if (b.marker?.kind === "not run") expect(b.marker.detail.length).toBeGreaterThan(20);
  else {
    const detail = b.marker?.detail ?? "";
    const body = givenBody(b);
    expect(detail === "" || detail === "serves" || body !== undefined).toBe(true);
    if (body) expect(existsSync(join(ROOT, body))).toBe(true);
  }
});

test("some blocks are run (the e2e test has work to do)", () => {
  expect(shellBlocks.filter((b) => b.marker?.kind === "runnable").length).toBeGreaterThanOrEqual(3);
});

test("the rate limit the prose states is the action table's", () => {
  const stated = [...README.matchAll(/\b(\d+) requests(?:\/s| per second)|\bthe (\d+)\/s\b/g)].map((m) => Number(m[1] ?? m[2]));
  expect(stated.length).toBeGreaterThan(0);
  for (const n of stated) for (const a of ACTION_NAMES) expect(n).toBe(ACTIONS[a].rateLimitPerSecond);
});

test("the Pulumi CLI version the prose names is the one setup builds", () => {
  const built = /PULUMI_VERSION="\$\{PULUMI_VERSION:-(v[\d.]+)\}"/.exec(
    readFileSync(join(ROOT, "scripts", "ensure-pulumi.sh"), "utf8"),
  )?.[1];
  expect(built).toBeDefined();
  const named = [...README.matchAll(/Pulumi CLI \((v[\d.]+)\)/g)].map((m) => m[1]);
  expect(named).toEqual([built]);
});

test("no test counts or run times in the prose (the run prints its own; docs/ keep measured figures with their method)", () => {
  expect(README).not.toMatch(/\b\d+ (tests|invalid (bodies|programs)|valid edge cases)\b/);
  expect(README).not.toMatch(/\b\d+ min( \d+ s)?\b|\babout \d+ minutes\b/);
});
