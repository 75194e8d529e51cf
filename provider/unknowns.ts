/**
 * Preview-time unknowns. During `pulumi preview` an input that depends on another resource's unresolved
 * output reaches `check` and `diff` as a magic string (pulumi/pulumi#6310), anywhere in the tree.
 * Validation and diffing must treat it as "some value, not known yet" rather than as the string it is.
 *
 * The Node.js SDK (and so the dynamic provider) only ever sends {@link UNKNOWN}; other SDKs, YAML and the
 * engine itself may send the typed sentinels of {@link UNKNOWN_SENTINELS} to a native provider plugin.
 */

/** The engine's sentinel for an unknown value (the untyped, string form every SDK can send). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Every unknown sentinel of Pulumi's wire format, by the type of the value that is not known yet
 * (pulumi/pulumi `sdk/go/common/resource/plugin/rpc.go`, `UnknownStringValue` … `UnknownArchiveValue`).
 */
export const UNKNOWN_SENTINELS = {
  string: UNKNOWN,
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
} as const;

const SENTINELS: ReadonlySet<unknown> = new Set(Object.values(UNKNOWN_SENTINELS));

/** A path of object keys and array indexes, camelCase as in the program. */
export type Path = ReadonlyArray<string | number>;

/** True for any of the seven sentinels itself. */
export const isUnknown = (value: unknown): boolean => SENTINELS.has(value);

/** True when `text` quotes any sentinel (a rule message that echoes an unknown value). */
export const mentionsUnknown = (text: string): boolean => Object.values(UNKNOWN_SENTINELS).some((s) => text.includes(s));

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
