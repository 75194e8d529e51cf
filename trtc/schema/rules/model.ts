/**
 * What a cross-field rule is, and safe readers for the raw body it inspects.
 *
 * Rules run on the body as received, even when the schema already found problems, so that one call lists
 * every mistake. The readers therefore return `undefined` for anything of the wrong type, and a rule only
 * judges values that are individually valid; the schema has already reported the rest.
 */
import type { Site } from "../builder";

/** A property path in API keys and list indexes, e.g. `["VideoParams", "LayoutParams", "MixLayoutList", 1]`. */
export type Path = ReadonlyArray<string | number>;

/** A JSON object as parsed. */
export type Json = Record<string, unknown>;

/** Records one broken rule: where, what (in camelCase, the user's terms), and whether something is absent. */
export type Report = (path: Path, rule: string, kind?: "invalid" | "missing") => void;

/** What a rule may know besides the body. */
export interface RuleContext {
  /** The site the request is for. */
  readonly site: Site;
}

/** One documented cross-field rule. */
export interface Rule {
  /** Stable identifier, used by tests and docs. */
  readonly id: string;
  /** Where the rule comes from, e.g. `spec §2.2(7)`. */
  readonly source: string;
  /** The rule in one sentence. */
  readonly summary: string;
  /** Reports every violation in `body` (never throws on malformed input). */
  check(body: Json, report: Report, ctx: RuleContext): void;
}

/** The value as an object, or undefined. */
export const obj = (v: unknown): Json | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);

/** The value as a list, or an empty list (so loops need no guard). */
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** The value as a safe integer, or undefined. */
export const int = (v: unknown): number | undefined => (Number.isSafeInteger(v) ? (v as number) : undefined);

/** The value as a string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The body the rules are running over now, with what {@link perRun} readers derived from it. */
let running: { body: Json; derived: Map<unknown, unknown> } | undefined;

/**
 * Runs `run` (the rules over `body`) with {@link perRun} readers sharing their results: five rules walk the
 * mix's user list and three its layout cells, and deriving those per rule was about 29 ms of the rules' 95 ms
 * in a preview's 200 checks (docs/PERFORMANCE.md, "Second pass"). Rules never change the body and run
 * synchronously, so one run's results cannot reach another's.
 */
export function withSharedReaders(body: Json, run: () => void): void {
  const outer = running;
  running = { body, derived: new Map() };
  try {
    run();
  } finally {
    running = outer;
  }
}

/**
 * `derive`, computed once per {@link withSharedReaders} run for its body (and every time outside one). Every
 * rule of a run gets the same value, so `derive` should return a readonly type.
 */
export function perRun<T>(derive: (body: Json) => T): (body: Json) => T {
  return (body) => {
    if (running?.body !== body) return derive(body);
    if (!running.derived.has(derive)) running.derived.set(derive, derive(body));
    return running.derived.get(derive) as T;
  };
}

/** Follows `keys` from `root`, returning undefined at the first missing or non-object step. */
export function at(root: unknown, ...keys: ReadonlyArray<string | number>): unknown {
  let v: unknown = root;
  for (const k of keys) {
    if (typeof k === "number") v = Array.isArray(v) ? v[k] : undefined;
    else v = obj(v)?.[k];
    if (v === undefined) return undefined;
  }
  return v;
}

/** The value of `key` in `o` if `o` has it, treating a present-but-null key as present. */
export const has = (o: Json | undefined, key: string): boolean => o !== undefined && o[key] !== undefined;
