/** Runs the invalid-body corpus and the valid edge cases through validateRequest. */
import { validateRequest } from "../../trtc/validate";
import { DYNAMIC_START, FULL_START } from "../fixtures/bodies";
import { INVALID_BODIES, INVALID_BODIES_BY_GROUP } from "../fixtures/invalid-bodies";
import { VALID_BODIES } from "../fixtures/valid-bodies";

describe("invalid-body corpus", () => {
  test("is large and covers every group", () => {
    expect(INVALID_BODIES.length).toBeGreaterThanOrEqual(80);
    for (const [group, cases] of Object.entries(INVALID_BODIES_BY_GROUP)) expect([group, cases.length > 0]).toEqual([group, true]);
    expect(new Set(INVALID_BODIES.map((c) => c.name)).size).toBe(INVALID_BODIES.length);
  });

  // The bases must be valid, or a case could "fail" for a reason other than its own mutation.
  test.each([
    ["FULL_START", FULL_START],
    ["DYNAMIC_START", DYNAMIC_START],
  ])("base body %s is valid on both sites", (_, body) => {
    for (const site of ["cn", "intl"] as const)
      expect(validateRequest("StartPublishCdnStream", body, { site })).toMatchObject({ ok: true });
  });

  test.each(INVALID_BODIES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const result = validateRequest(c.action, c.body, { site: c.site });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.issues.find((i) => i.path === c.expectPath && c.expectRule.test(i.rule));
    // On failure, show what was reported instead.
    expect({ found: Boolean(hit), issues: hit ? [] : result.issues }).toEqual({ found: true, issues: [] });
    if (c.expectKind) expect(hit?.kind).toBe(c.expectKind);
    if (c.secret) for (const i of result.issues) expect(i.rule).not.toContain(c.secret);
  });
});

describe("valid edge cases", () => {
  test("cover many enum values and range ends", () => {
    expect(VALID_BODIES.length).toBeGreaterThanOrEqual(100);
  });

  test.each(VALID_BODIES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const result = validateRequest(c.action, c.body, { site: c.site });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
