/**
 * The facts each output states about an argument, in one wording: unit, what it allows (per site), default,
 * whether it is secret, whether the provider fills it in, and what a change does. The TSDoc of the args types,
 * the argument reference and the package schema's descriptions all print these sentences.
 */
import { SECRET_PROPERTIES, isSecretProperty } from "../provider/secrets";
import { FILLED_USERSIGS } from "../provider/usersig/fill";
import { changeSentence } from "./changes";
import { type FieldModel, type Model, type StructModel, allowedText, rulePath, siteText } from "./model";

/** The paths of `field` inside `struct` (the root's fields have one path: their name). */
export function fieldPaths(struct: StructModel, field: FieldModel, model: Model): string[] {
  return struct === model.root ? [field.name] : struct.paths.map((p) => `${p}.${field.name}`);
}

/** A note the provider attaches to an argument path, if any (a robot ticket it can generate). */
function providerNote(path: string): string | undefined {
  return (FILLED_USERSIGS as Record<string, string>)[path];
}

/** Whether the argument is optional even though the API requires it (the provider can fill it in). */
export function filledByProvider(paths: readonly string[]): boolean {
  return paths.some((p) => providerNote(rulePath(p)) !== undefined);
}

/** Required as an argument: required by the API, and not something the provider fills in. */
export const argRequired = (field: FieldModel, paths: readonly string[]): boolean => field.required && !filledByProvider(paths);

/** What a change of the field does at each of its paths, merged when the paths agree. */
function changeText(field: FieldModel, paths: readonly string[]): string {
  const list = field.type.kind === "array";
  const byPath = new Map<string, string[]>();
  for (const path of paths) {
    const sentence = changeSentence(rulePath(path), list);
    byPath.set(sentence, [...(byPath.get(sentence) ?? []), path]);
  }
  if (byPath.size === 1) return [...byPath.keys()][0];
  return [...byPath].map(([sentence, at]) => `Under ${at.map((p) => `\`${p}\``).join(", ")}: ${sentence.toLowerCase()}`).join(" ");
}

/** The sentences after a field's description, in a fixed order. */
export function factSentences(field: FieldModel, paths: readonly string[]): string[] {
  const out: string[] = [];
  if (field.unit) out.push(`Unit: ${field.unit}.`);
  const allowed = allowedText(field);
  if (allowed) out.push(`Allowed: ${allowed}.`);
  const site = siteText(field);
  if (site) out.push(`${site[0].toUpperCase()}${site.slice(1)}.`);
  if (field.default !== undefined) out.push(`Default: \`${JSON.stringify(field.default)}\`.`);
  const note = paths.map((p) => providerNote(rulePath(p))).find((n) => n !== undefined);
  if (note) out.push(note);
  const top = paths.length === 1 && !paths[0].includes(".") ? paths[0] : undefined;
  if (top && isSecretProperty(top)) out.push(`Secret: stored encrypted, as input and output (${SECRET_PROPERTIES[top]}).`);
  else if (field.secret) out.push("Secret: never shown in messages, and stored encrypted.");
  out.push(changeText(field, paths));
  return out;
}
