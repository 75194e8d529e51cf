/**
 * What a change of each argument does, in words, read from the one table (provider/diff.ts `DIFF_RULES`): the
 * sentence in each field's documentation, the "Change" column of docs/RESOURCE.md, the README's list, and which
 * properties the package schema may flag `replaceOnChanges`.
 *
 * A field is governed by the most specific row at or above its path (rows name list items without an index);
 * an argument no row covers is replaced, as `planChanges` does.
 */
import { DIFF_RULES, type DiffRule } from "../provider/diff";
import { rulePath } from "./model";

/** The rows that compare arguments (not config or stored state). */
const ARG_RULES = DIFF_RULES.filter((r) => (r.from ?? "args") === "args");

/** The row governing `path` (dotted, no list markers) and whether it is that path's own row. */
export function ruleFor(path: string): { rule?: DiffRule; own: boolean } {
  let best: DiffRule | undefined;
  for (const rule of ARG_RULES) {
    if (path === rule.path || path.startsWith(`${rule.path}.`)) {
      if (!best || rule.path.length > best.path.length) best = rule;
    }
  }
  return { rule: best, own: best?.path === path };
}

/** One extra clause of a row, short (the table) and as a sentence (field docs). */
interface Clause {
  readonly short: string;
  readonly sentence: string;
}

/** The clauses a row adds to its plain verdict. `list` says whether the value is a list. */
function clauses(rule: DiffRule, list: boolean): Clause[] {
  const out: Clause[] = [];
  const added = rule.added === "replace" && rule.change !== "replace";
  const removed = rule.removed === "replace" && rule.change !== "replace";
  // An empty list compares equal to an absent one, so "removing" a list means removing its last entry.
  const removing = list ? "removing the last entry" : "removing it";
  if (added && removed) out.push({ short: "adding or removing it replaces", sentence: "adding or removing it replaces the task" });
  else if (removed) out.push({ short: `${removing} replaces`, sentence: `${removing} replaces the task` });
  else if (added) out.push({ short: "adding it replaces", sentence: "adding it replaces the task" });
  if (rule.fill !== undefined) {
    const sent = `\`${JSON.stringify(rule.fill)}\``;
    out.push({ short: `absent is sent as ${sent}`, sentence: `removing it sends ${sent}` });
  }
  if (rule.keepsOldWhenOmitted !== undefined) {
    const key = `\`${rule.keepsOldWhenOmitted}\``;
    out.push({
      short: `omitted, the stored one of the same ${key} is kept`,
      sentence: `left out, the value stored for the same ${key} is kept`,
    });
  }
  return out;
}

const VERB = { update: "updates the task in place", replace: "replaces the task" } as const;

/** True when some row refines a field below `path` (the group's fields decide, not the group). */
const rowsBelow = (path: string): boolean => ARG_RULES.some((r) => r.path.startsWith(`${path}.`));

/** The sentence a field's documentation carries for `path`, e.g. "Changing it updates the task in place." */
export function changeSentence(path: string, list: boolean): string {
  const { rule, own } = ruleFor(path);
  if (!rule) {
    if (path.includes(".")) {
      // planChanges compares only the rows' paths inside a covered group: a change here would go unnoticed.
      throw new Error(
        `provider/diff.ts: no row of DIFF_RULES decides what a change of \`${path}\` does; add one, then run \`npm run generate\``,
      );
    }
    if (rowsBelow(path)) return "What a change does depends on the field changed: see each field.";
    return `Changing it ${VERB.replace}.`;
  }
  const extra = own ? clauses(rule, list).map((c) => c.sentence) : [];
  return `Changing it ${[VERB[rule.change], ...extra].join("; ")}.`;
}

/** The "Change" column of the update-or-replace table: the verdict, then its clauses. */
export function verdictText(rule: DiffRule, list: boolean): string {
  return [rule.change, ...clauses(rule, list).map((c) => c.short)].join("; ");
}

/**
 * True when every change of `path` replaces the task: its own row says replace, whatever appears or
 * disappears. Only such properties may carry `replaceOnChanges`; one that replaces only in some cases
 * (`videoParams` appearing or disappearing) must not, or every update of it would become a replacement.
 */
export function alwaysReplaces(path: string): boolean {
  const { rule, own } = ruleFor(path);
  // An argument no row covers is replaced, whatever the change (planChanges); a group whose fields have rows
  // is decided field by field.
  if (!rule) return !path.includes(".") && !rowsBelow(path);
  // `added`/`removed` can only say "replace", so a "replace" row replaces on every kind of change.
  return own && rule.change === "replace";
}

/** The paths (dotted, no markers) of `paths`, each once. */
export const rulePaths = (paths: readonly string[]): string[] => [...new Set(paths.map(rulePath))];
