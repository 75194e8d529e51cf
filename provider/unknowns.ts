/**
 * Preview-time unknowns. During `pulumi preview` an input that depends on another resource's unresolved
 * output reaches `check` and `diff` as this magic string (pulumi/pulumi#6310), anywhere in the tree.
 * Validation and diffing must treat it as "some value, not known yet" rather than as the string it is.
 */

/** The engine's sentinel for an unknown value. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A path of object keys and array indexes, camelCase as in the program. */
export type Path = ReadonlyArray<string | number>;

/** True for the sentinel itself. */
export const isUnknown = (value: unknown): boolean => value === UNKNOWN;

/** Every path at which the sentinel occurs (the root is `[]`). */
export function unknownPaths(value: unknown, at: Path = []): Path[] {
  if (isUnknown(value)) return [at];
  const found: Path[] = [];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...unknownPaths(item, [...at, i])));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) found.push(...unknownPaths(item, [...at, key]));
  }
  return found;
}

/** True when the sentinel occurs anywhere inside `value`. */
export const containsUnknown = (value: unknown): boolean => unknownPaths(value).length > 0;

/** True when `prefix` is `path` or an ancestor of it. */
export function isPrefix(prefix: Path, path: Path): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => part === path[i]);
}

/** True when the two paths are on one line of descent: equal, or one contains the other. */
export const related = (a: Path, b: Path): boolean => isPrefix(a, b) || isPrefix(b, a);

/**
 * Parses the validator's camelCase path text (`videoParams.layoutParams.mixLayoutList[1].imageWidth`)
 * into parts, so it can be compared with {@link unknownPaths}.
 */
export function parsePath(text: string): Path {
  const parts: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return parts;
}
