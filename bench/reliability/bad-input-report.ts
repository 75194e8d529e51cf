/**
 * The "Bad input" section of docs/RELIABILITY.md. A full `npm run reliability` writes it with the rest of
 * the document; `npm run reliability -- --part corpus` measures the corpus alone and replaces just this
 * section in the existing document, so the long fault matrix need not be rerun to refresh it.
 */
import { INVALID_CASES } from "../../harness/reliability/bad-input";
import { NPM_TEST_INVALID, type CorpusResult } from "../../harness/reliability/bad-input-run";

/** The section's heading. */
export const CORPUS_HEADING = "## Bad input";

/** The section, heading first. `cli` is the Pulumi CLI version the engine ran. */
export function renderCorpus(c: CorpusResult, cli: string): string[] {
  const out: string[] = [CORPUS_HEADING, ""];
  const programOnly = INVALID_CASES.filter((x) => x.group === "not an argument").length;
  out.push(
    `Measured on ${c.startedAt} (${Math.round(c.seconds / 6) / 10} min, Pulumi CLI ${cli}) by \`npm run reliability\` ` +
      "(`-- --part corpus` runs this part alone and rewrites only this section).",
    "",
  );
  out.push("| group | invalid programs previewed | failed at preview naming the property and the rule |");
  out.push("|---|---|---|");
  for (const [group, g] of Object.entries(c.engineInvalid.byGroup)) out.push(`| ${group} | ${g.total} | ${g.explained} |`);
  out.push(`| **all** | **${c.engineInvalid.total}** | **${c.engineInvalid.explained}** |`, "");
  const sites = Object.entries(c.engineValid.bySite)
    .map(([site, n]) => `${n} ${site}`)
    .join(", ");
  out.push(
    `- ${c.engineValid.total} valid edge cases (every documented enum value, both ends of every range; ${sites}), one program per site: ` +
      `preview ${c.engineValid.passed ? "passed" : `**failed**: ${c.engineValid.error}`}.`,
  );
  out.push(`- API requests reaching the emulator: ${c.requests}.`);
  out.push(
    `- The same invalid cases through the provider's check function in process: ${c.checkInvalid.explained}/${c.checkInvalid.total}.`,
  );
  out.push(
    `- Time (informational): median ${c.timing.medianSeconds} s per preview, at most ${c.timing.maxSeconds} s; ` +
      `${c.timing.wallSeconds} s for the ${c.timing.previews} invalid programs, one preview at a time, none retried. ` +
      `\`npm test\` (tests/e2e/reliability-input.test.ts) previews ${NPM_TEST_INVALID >= c.engineInvalid.total ? "all of them" : `${NPM_TEST_INVALID} of them, taken round-robin over the groups,`} and all valid cases.`,
  );
  for (const x of c.engineInvalid.failures) out.push(`  - not explained: ${x.name}: ${x.text.replace(/\n/g, " ").slice(0, 200)}`);
  out.push("", "How:", "");
  out.push(
    "- Each invalid program is one `PublishCdnStream` whose arguments are a Start body of tests/fixtures/invalid-bodies.ts in camelCase " +
      "(`toPulumiCase`; Update and Stop bodies and non-object bodies have no program form), each breaking one documented rule, " +
      `plus ${programOnly} mistakes only a program can make (group "not an argument": a setting, a computed output or a misplaced ` +
      "`userSig` passed as an argument, a PascalCase key inside an argument; harness/reliability/bad-input.ts).",
  );
  out.push(
    "- The engine stops a preview at the first resource whose check fails, so each invalid program gets its own preview. " +
      "Previews reuse one stack per site and pass the program to each preview (an Automation API inline program), so a preview costs the CLI, " +
      "the dynamic-provider host and the program. They run one at a time (the SDK keeps some of a run's state in process-wide globals), " +
      "and the test process's gRPC clients get a subchannel pool each. With grpc-js's shared pool, previews under load sometimes failed at their first call " +
      "to the engine (`14 UNAVAILABLE: No connection established. Last error: null`) or passed empty, most likely because a later engine on a reused " +
      "127.0.0.1 port got a subchannel still backing off from an exited one; with a pool per channel, none did in 4 runs of 159 " +
      "(`ownSubchannels` in harness/own-subchannels.ts, which every inline stack of the harness uses).",
  );
  out.push(
    "- A case counts only when one diagnostic the engine printed for that resource names the expected camelCase property " +
      "(`property <p> value {…} has a problem: <rule>`, or `has a problem: <p>: <rule>` where the value might hold a credential, which the engine would print) " +
      "and states the expected rule.",
  );
  out.push(
    "- International-site cases preview on a stack whose endpoint is `http://trtc.intl.invalid` (the site follows the host name; " +
      "`.invalid` resolves nowhere, so nothing could be sent); the others use the emulator, whose request log gives the request count.",
  );
  return out;
}

/** `doc` with its {@link CORPUS_HEADING} section (up to the next `## ` heading) replaced, or `section` appended. */
export function spliceSection(doc: string, section: readonly string[]): string {
  const lines = doc.replace(/\n+$/, "").split("\n");
  const start = lines.indexOf(CORPUS_HEADING);
  if (start < 0) return [...lines, "", ...section, ""].join("\n");
  let end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), ...section, ...(end < lines.length ? ["", ...lines.slice(end)] : []), ""].join("\n");
}
