/**
 * Bad input and secrets through the real engine: invalid programs fail at preview naming the camelCase
 * property and the rule with no request sent; valid edge cases preview; and no secret value appears in
 * state, checkpoint history, engine output or error messages.
 */
import "./harness"; // puts pulumi on PATH and sets the long jest timeout
import { INVALID_CASES, VALID_CASES } from "../../harness/reliability/bad-input";
import { NPM_TEST_INVALID, runCorpus } from "../../harness/reliability/bad-input-run";
import { runSecretsAudit } from "../../harness/reliability/secrets-audit";
import { INVALID_BODIES_BY_GROUP } from "../fixtures/invalid-bodies";

/**
 * One preview per invalid program (NPM_TEST_INVALID of them), one after another: 1.2 to 2.4 s each on 2 shared
 * cores. The harness's 10 min would leave too little headroom on a loaded machine; CI allows 90 min in all.
 */
const CORPUS_TIMEOUT_MS = 30 * 60_000;

const GROUPS = [...Object.keys(INVALID_BODIES_BY_GROUP), "not an argument"].sort();

test("the corpus covers every rule group, type mistakes, unknown fields and names that are not arguments", () => {
  expect(INVALID_CASES.length).toBeGreaterThanOrEqual(60);
  expect([...new Set(INVALID_CASES.map((c) => c.group))].sort()).toEqual(GROUPS);
  expect(new Set(INVALID_CASES.map((c) => c.resource)).size).toBe(INVALID_CASES.length);
  expect(VALID_CASES.length).toBeGreaterThan(0);
});

test(
  `${NPM_TEST_INVALID} invalid programs fail at preview with property and rule; valid edge cases pass; nothing reaches the emulator`,
  async () => {
    const r = await runCorpus({ invalid: NPM_TEST_INVALID });
    expect(r.engineInvalid.failures).toEqual([]);
    expect(r.engineInvalid).toMatchObject({ total: NPM_TEST_INVALID, explained: NPM_TEST_INVALID });
    expect(Object.keys(r.engineInvalid.byGroup).sort()).toEqual(GROUPS); // every group went through the engine
    expect(r.engineValid).toMatchObject({ total: VALID_CASES.length, passed: true });
    expect(r.checkInvalid).toEqual({ total: INVALID_CASES.length, explained: INVALID_CASES.length });
    expect(r.requests).toBe(0);
  },
  CORPUS_TIMEOUT_MS,
);

test("no secret appears in state, history, engine output, provider output or error messages", async () => {
  const r = await runSecretsAudit();
  expect(r.failureExercised).toBe(true);
  expect(r.searched.some((s) => s.place.includes("history"))).toBe(true);
  expect(r.searched.find((s) => s.place === "up stdout")?.bytes ?? 0).toBeGreaterThan(500);
  expect(r.searched.find((s) => s.place === "failing update error")?.bytes ?? 0).toBeGreaterThan(100);
  expect(r.leaks).toEqual([]);
});
