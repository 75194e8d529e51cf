/**
 * Runs the bad-input corpus through the engine. The engine stops a preview at the first resource whose
 * check fails (even with continue-on-error), so invalid cases need one preview each; valid edge cases all
 * share one preview. Each preview is ~5 s here, which is why `npm test` runs a sample and
 * `npm run reliability` more.
 */
import { check } from "../../provider/lifecycle";
import { INVALID_CASES, VALID_CASES, corpusProgram, judgeInvalid, ruleOf, type CorpusCase } from "./bad-input";
import { openRig } from "./rig";

/** What the corpus run found. */
export interface CorpusResult {
  /** Invalid cases previewed through the engine, and how many were reported with property and rule. */
  engineInvalid: { total: number; explained: number; failures: Array<{ name: string; text: string }> };
  /** Valid edge cases in one preview; whether it passed. */
  engineValid: { total: number; passed: boolean; error?: string };
  /** Every invalid case through the provider's own check (what the engine calls), in process. */
  checkInvalid: { total: number; explained: number };
  /** API requests the emulator received (must be 0). */
  requests: number;
}

/** `perGroupSample` cases of the corpus in corpus order, spread evenly; all when `Infinity`. */
export function sample(cases: readonly CorpusCase[], count: number): CorpusCase[] {
  if (count >= cases.length) return [...cases];
  const step = cases.length / count;
  return Array.from({ length: count }, (_, k) => cases[Math.floor(k * step)]);
}

/** Previews `invalidCount` invalid cases one by one and all valid cases at once. */
export async function runCorpus(invalidCount: number, log: (line: string) => void = () => {}): Promise<CorpusResult> {
  const rig = await openRig();
  try {
    const picked = sample(INVALID_CASES, invalidCount);
    const failures: Array<{ name: string; text: string }> = [];
    let explained = 0;
    for (const [n, c] of picked.entries()) {
      const stack = await rig.stack("badinput", `case${n}`, corpusProgram([c]));
      let out = "";
      try {
        await stack.preview({ onOutput: (s) => { out += s; } });
        failures.push({ name: c.name, text: "preview passed" });
        continue;
      } catch {
        // expected: the check failure fails the preview
      }
      const verdict = judgeInvalid(out, [c]);
      if (verdict.passed.length === 1) explained++;
      else failures.push({ name: c.name, text: verdict.failed[0].text.slice(0, 400) });
      if ((n + 1) % 10 === 0) log(`corpus: ${n + 1}/${picked.length} previews`);
    }
    const valid = await rig.stack("badinput", "valid", corpusProgram(VALID_CASES));
    let validError: string | undefined;
    try {
      await valid.preview();
    } catch (e) {
      validError = String((e as Error).message).slice(0, 600);
    }
    let checkExplained = 0;
    for (const c of INVALID_CASES) {
      const { failures: f } = await check({}, c.args);
      const text = f.map((x) => `property ${x.property} value {} has a problem: ${x.reason}`).join("\n");
      if (f.some((x) => (c.expect!.path === "" || x.property === c.expect!.path || text.includes(c.expect!.path)) && (c.expect!.rule.test(x.reason) || c.expect!.rule.test(ruleOf(x.reason))))) checkExplained++;
    }
    return {
      engineInvalid: { total: picked.length, explained, failures },
      engineValid: { total: VALID_CASES.length, passed: validError === undefined, error: validError },
      checkInvalid: { total: INVALID_CASES.length, explained: checkExplained },
      requests: Object.values(rig.requests).reduce((a, b) => a + b, 0),
    };
  } finally {
    await rig.close();
  }
}
