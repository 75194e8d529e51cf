/**
 * The generated sections of the Markdown docs: the argument reference and the update-or-replace table of
 * docs/RESOURCE.md, and the README's "What a change does" list. The prose around them stays hand-written.
 */
import { DIFF_RULES, type DiffRule } from "../provider/diff";
import { argsName } from "./args-files";
import { verdictText } from "./changes";
import { argRequired, factSentences, fieldPaths } from "./facts";
import type { FieldModel, Model, StructModel, TypeRef } from "./model";
import { cell, markdownBlock } from "./text";

const code = (s: string): string => `\`${s}\``;

/** A heading's anchor as GitHub computes it (lower case; backticks and punctuation dropped). */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replaceAll(" ", "-");

function typeLabel(t: TypeRef): string {
  if (t.kind === "array") return `list of ${typeLabel(t.items)}`;
  if (t.kind === "struct") return `[${code(argsName(t.name))}](#${anchor(argsName(t.name))})`;
  return t.kind;
}

function fieldLine(struct: StructModel, field: FieldModel, model: Model): string {
  const paths = fieldPaths(struct, field, model);
  const req = argRequired(field, paths) ? "required" : "optional";
  return markdownBlock(
    `- **${code(field.name)}** (${typeLabel(field.type)}, ${req}): ${[field.description, ...factSentences(field, paths)].join(" ")}`,
  );
}

function structSection(struct: StructModel, model: Model): string {
  const at =
    struct === model.root
      ? "The request of the API action `StartPublishCdnStream`."
      : `API struct ${code(struct.name)}, at ${struct.paths.map(code).join(", ")}.`;
  const intro = struct === model.root ? "The resource's arguments." : struct.description;
  const fields = struct.fields.map((f) => fieldLine(struct, f, model)).join("\n");
  return [`### ${code(argsName(struct.name))}`, markdownBlock(`${intro} ${at}`), fields].join("\n\n");
}

/** The argument reference: every interface, root first, each field with its facts. */
export function argumentReference(model: Model): string {
  return [...model.structs.values()].map((s) => structSection(s, model)).join("\n\n");
}

const listAt = (model: Model, path: string): boolean => {
  const [top] = path.split(".");
  const field = model.root.fields.find((f) => f.name === top);
  return path === top && field?.type.kind === "array";
};

/** A row's reason for readers of the docs: the maintainers' spec references (`(spec §3.1)`) left out. */
const why = (rule: DiffRule): string => rule.why.replace(/\s*\(spec §[^)]*\)/g, "");

const source = (rule: DiffRule): string => (rule.from && rule.from !== "args" ? ` (${rule.from})` : "");

/** The update-or-replace table: one row per row of `DIFF_RULES`. */
export function changeTable(model: Model): string {
  const rows = DIFF_RULES.map((r) => `| ${code(r.path)}${source(r)} | ${cell(verdictText(r, listAt(model, r.path)))} | ${cell(why(r))} |`);
  return ["| Path | Change | Why |", "| --- | --- | --- |", ...rows].join("\n");
}

/** True when `rule` refines a row above it with the same verdict (nothing new to say in a summary). */
const restates = (rule: DiffRule): boolean =>
  DIFF_RULES.some((r) => r !== rule && rule.path.startsWith(`${r.path}.`) && r.change === rule.change);

/** `a`, `b` and `c`. */
const and = (items: readonly string[]): string =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
/** `a`, `b` or `c`. */
const or = (items: readonly string[]): string =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** The README's two bullets: what updates in place, and what replaces. */
export function changeSummary(model: Model): string {
  const args = DIFF_RULES.filter((r) => (r.from ?? "args") === "args" && !restates(r));
  const updates = args.filter((r) => r.change === "update");
  const replaced = args.filter((r) => r.change === "replace").map((r) => code(r.path));
  const both = updates.filter((r) => r.added && r.removed).map((r) => code(r.path));
  const removedItem = updates.filter((r) => r.removed && !r.added && !listAt(model, r.path)).map((r) => code(r.path));
  const removedLast = updates.filter((r) => r.removed && !r.added && listAt(model, r.path)).map((r) => code(r.path));
  const added = updates.filter((r) => r.added && !r.removed).map((r) => code(r.path));
  if (both.length) replaced.push(`adding or removing ${or(both)}`);
  if (removedItem.length) replaced.push(`removing ${or(removedItem)}`);
  if (removedLast.length) replaced.push(`removing the last entry of ${or(removedLast)}`);
  if (added.length) replaced.push(`adding ${or(added)}`);
  const config = DIFF_RULES.filter((x) => x.from === "config").map((r) => code(r.path));
  if (config.length) replaced.push(`a change of the configured ${or(config)}`);
  for (const r of DIFF_RULES.filter((x) => x.from === "state")) replaced.push(`a task found ${code(r.path)} (ended on its own)`);
  return [
    markdownBlock(`- **Updated in place** (same TaskId, SequenceNumber goes up): ${and(updates.map((r) => code(r.path)))}.`),
    markdownBlock(`- **Replaced**, with the old task stopped before the new one starts: ${and(replaced)}.`),
  ].join("\n");
}
