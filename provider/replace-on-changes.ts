/**
 * The `replaceOnChanges` resource option, applied by the provider's own diff. The engine applies it only to
 * the changed paths a provider reports, and the dynamic-provider host reports none (it drops detailed
 * diffs), so the resource hands the option to its provider (options.ts) and this finds the changed
 * argument paths and matches them the way the engine does (pkg/resource/deploy/step_generator.go,
 * applyReplaceOnChanges: a changed path under an option path replaces).
 */
import { pickArguments } from "./outputs";
import { isUnknown } from "./unknowns";

/** A property path: keys, list indexes, and `*` for any key or index. */
export type PropertyPath = ReadonlyArray<string | number>;

const TOKEN = /\.?([^.[\]"]+)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]/y;

/**
 * Parses Pulumi's property path syntax (`a.b[0].c`, `a[*].c`, `a["k.with.dots"]`, `*`); undefined when
 * `text` is not one (pkg/resource ParsePropertyPath).
 */
export function parsePropertyPath(text: string): PropertyPath | undefined {
  const parts: Array<string | number> = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match || (at === 0 && text.startsWith("."))) return undefined;
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(match[2] === "*" ? "*" : Number(match[2]));
    else parts.push(JSON.parse(`"${match[3]}"`));
  }
  return parts.length > 0 ? parts : undefined;
}

/** True when `path` is `pattern` or lies under it (`*` matching any key or index). */
export function contains(pattern: PropertyPath, path: PropertyPath): boolean {
  return pattern.length <= path.length && pattern.every((part, i) => part === "*" || part === path[i]);
}

const isAbsent = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Appends the paths at which `after` differs from `before`: leaves, or where a value appeared or went. */
function diffPaths(before: unknown, after: unknown, at: Array<string | number>, out: PropertyPath[]): void {
  if (isUnknown(after)) {
    out.push(at);
    return;
  }
  if (isAbsent(before) && isAbsent(after)) return; // an empty list and no list mean the same (diff.ts)
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i < before.length && i < after.length) diffPaths(before[i], after[i], [...at, i], out);
      else out.push([...at, i]);
    }
  } else if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) diffPaths(before[key], after[key], [...at, key], out);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push(at);
  }
}

/** Every changed argument path between the old outputs and the new (kept) inputs. */
export function changedPaths(olds: Record<string, unknown>, news: Record<string, unknown>): PropertyPath[] {
  const before = pickArguments(olds) as unknown as Record<string, unknown>;
  const after = pickArguments(news) as unknown as Record<string, unknown>;
  const out: PropertyPath[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) diffPaths(before[key], after[key], [key], out);
  return out;
}

/**
 * The top-level arguments to report as replaced because a changed path lies under one of `patterns`
 * (`replaceOnChanges`); `*` alone matches every change.
 */
export function replacedByOption(patterns: readonly string[], changed: readonly PropertyPath[]): string[] {
  const parsed = patterns.map(parsePropertyPath).filter((p): p is PropertyPath => p !== undefined);
  const hits = changed.filter((path) => parsed.some((pattern) => contains(pattern, path)));
  return [...new Set(hits.map((path) => String(path[0])))];
}
