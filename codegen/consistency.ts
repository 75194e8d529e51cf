/**
 * The Pulumi side's own lists must agree with the schema before anything is generated from both: the argument
 * names (provider/outputs.ts), the secret properties (provider/secrets.ts), the diff table's paths
 * (provider/diff.ts) and the tickets the provider fills in (provider/usersig/fill.ts). Each mismatch names the
 * file to fix.
 */
import { DIFF_RULES } from "../provider/diff";
import { ARGUMENT_KEYS, COMPUTED_KEYS, COMPUTED_OUTPUTS } from "../provider/outputs";
import { SECRET_OUTPUTS } from "../provider/secrets";
import { FILLED_USERSIGS } from "../provider/usersig/fill";
import { type Model, rulePath } from "./model";

/** Every camelCase path of the model (list items without markers), with whether its value is secret. */
function allPaths(model: Model): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const struct of model.structs.values()) {
    const prefixes = struct === model.root ? [""] : struct.paths.map((p) => `${rulePath(p)}.`);
    for (const field of struct.fields) for (const prefix of prefixes) out.set(`${prefix}${field.name}`, field.secret);
  }
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Throws, naming the file to fix, when a Pulumi-side list disagrees with the schema. */
export function checkConsistency(model: Model): void {
  const problems: string[] = [];
  const args = model.root.fields.map((f) => f.name);
  if (!sameSet(args, ARGUMENT_KEYS)) {
    problems.push(`provider/outputs.ts ARGUMENT_KEYS must list exactly the request's fields: ${args.join(", ")}`);
  }
  if (!sameSet(Object.keys(COMPUTED_OUTPUTS), COMPUTED_KEYS)) {
    problems.push("provider/outputs.ts COMPUTED_OUTPUTS must describe exactly COMPUTED_KEYS");
  }
  const paths = allPaths(model);
  const secretTops = [...new Set([...paths].filter(([, secret]) => secret).map(([p]) => p.split(".")[0]))];
  if (!sameSet(secretTops, SECRET_OUTPUTS)) {
    problems.push(`provider/secrets.ts SECRET_PROPERTIES must be the arguments holding a secret field: ${secretTops.join(", ")}`);
  }
  for (const rule of DIFF_RULES.filter((r) => (r.from ?? "args") === "args")) {
    if (!paths.has(rule.path)) problems.push(`provider/diff.ts DIFF_RULES names ${rule.path}, which is not an argument`);
  }
  for (const path of Object.keys(FILLED_USERSIGS)) {
    if (!paths.has(path)) problems.push(`provider/usersig/fill.ts FILLED_USERSIGS names ${path}, which is not an argument`);
  }
  if (problems.length) throw new Error(`${problems.join("\n")}\nFix them, then run \`npm run generate\`.`);
}
