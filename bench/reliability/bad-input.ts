/**
 * The bad-input corpus as one Pulumi program: every Start-shaped invalid body of
 * tests/fixtures/invalid-bodies.ts (plus valid edge cases) becomes one PublishCdnStream resource with a
 * distinct name, so one preview checks them all; the engine's per-resource diagnostics are then matched
 * case by case.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { toPulumiCase } from "../../provider/api/casing";
import { PublishCdnStream } from "../../provider";
import { INVALID_BODIES, type InvalidBody } from "../../tests/fixtures/invalid-bodies";
import { VALID_BODIES, type ValidBody } from "../../tests/fixtures/valid-bodies";

/** One resource of the corpus program. */
export interface CorpusCase {
  /** Resource name (`bad-<n>` / `ok-<n>`). */
  resource: string;
  /** The fixture's name. */
  name: string;
  /** Pulumi-cased arguments. */
  args: Record<string, unknown>;
  /** For invalid cases: the camelCase path and rule the message must show. */
  expect?: { path: string; rule: RegExp };
}

/** Start bodies for the cn site (the emulator's site) that are JSON objects: what a resource can declare. */
const usable = (c: InvalidBody | ValidBody): boolean =>
  c.action === "StartPublishCdnStream" && (c.site ?? "cn") === "cn" && c.body !== null && typeof c.body === "object" && !Array.isArray(c.body);

/**
 * API-level cases with no Pulumi equivalent: camelCase keys are the resource's spelling, and `region` is a
 * computed output that argumentsOf drops (so a stray `region` argument is ignored, not reported).
 */
export const API_ONLY = new Set(["camelCase key not converted", "unknown top-level key"]);

/** The rule text without the provider's advice after the first colon (e.g. how to get a UserSig). */
export const ruleOf = (reason: string): string => reason.split(/:\s/)[0];

/** The invalid cases. */
export const INVALID_CASES: CorpusCase[] = INVALID_BODIES.filter(usable).filter((c) => !API_ONLY.has(c.name)).map((c, n) => ({
  resource: `bad-${n}`, name: c.name, args: toPulumiCase(c.body) as Record<string, unknown>, expect: { path: c.expectPath, rule: c.expectRule },
}));

/** The valid edge cases (each gets a distinct robot so no two would collide if started). */
export const VALID_CASES: CorpusCase[] = VALID_BODIES.filter(usable).map((c, n) => ({
  resource: `ok-${n}`, name: c.name, args: toPulumiCase(c.body) as Record<string, unknown>,
}));

/** A program declaring `cases`. */
export const corpusProgram = (cases: readonly CorpusCase[]): PulumiFn => async () => {
  for (const c of cases) new PublishCdnStream(c.resource, c.args as never);
  return {};
};

/** The diagnostics the engine printed for resource `name` (its `(name)` block or lines naming it). */
export function diagnosticsFor(output: string, name: string): string {
  const lines = output.split("\n");
  const picked: string[] = [];
  const header = new RegExp(`\\(${name}\\):?\\s*$`);
  const mention = new RegExp(`'${name}'|\\(${name}\\)`);
  for (let i = 0; i < lines.length; i++) {
    if (header.test(lines[i])) {
      for (let j = i + 1; j < lines.length && /^\s{4,}/.test(lines[j]); j++) picked.push(lines[j]);
    } else if (mention.test(lines[i])) picked.push(lines[i]);
  }
  return picked.join("\n");
}

/** Which invalid cases the output explains: the property (camelCase) and the rule both named. */
export function judgeInvalid(output: string, cases: readonly CorpusCase[]): { passed: CorpusCase[]; failed: Array<{ c: CorpusCase; text: string }> } {
  const passed: CorpusCase[] = [];
  const failed: Array<{ c: CorpusCase; text: string }> = [];
  for (const c of cases) {
    const text = diagnosticsFor(output, c.resource);
    const pathOk = c.expect!.path === "" || text.includes(c.expect!.path);
    const ruleOk = c.expect!.rule.test(text) || text.split("\n").some((l) => c.expect!.rule.test(ruleOf(l.replace(/^.*has a problem:\s*/, "").trim())));
    if (pathOk && ruleOk) passed.push(c);
    else failed.push({ c, text });
  }
  return { passed, failed };
}
