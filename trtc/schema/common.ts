/**
 * Field-level building blocks for the TRTC schemas: integers with ranges, documented enums, strings with
 * lengths or patterns, colours, URLs and bounded lists.
 *
 * Every helper gives all of its checks one message, written in the user's terms ("must be an integer from 5
 * to 86400 (got 3)"), so a property never produces two different complaints for one mistake. Helpers marked
 * `secret` never print the offending value: UserSigs, push URLs carrying `txSecret`, storage keys.
 *
 * Each helper also records what it enforces as metadata (meta.ts): the rule text, what enumerated values
 * mean, a list's bound and the secret flag, so documentation is derived from the checks, never restated.
 */
import { z } from "zod";

/**
 * Largest integer a JavaScript number carries exactly. Kept for callers that need a safe bound; the API's
 * own bound is {@link MAX_UINT64}.
 */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * Largest value of Tencent's `uint64`, the type the API metadata gives every `Integer` field (spec §0;
 * tccli `api.json`, e.g. `UpdatePublishCdnStreamRequest.SequenceNumber` "type": "uint64"). A field with no
 * documented range accepts anything up to this; values past 2^53 arrive as bigints (trtc/json.ts).
 */
export const MAX_UINT64 = 18446744073709551615n;

/** Describes a value for a message without ever dumping much of it. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** The JSON type of a value, which is all a message may reveal about a secret. */
export function typeOfValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Options shared by the field helpers. */
export interface FieldOptions {
  /** Never echo the value (only its JSON type) in messages. */
  secret?: boolean;
}

/**
 * The zod error callback for a field: "is required" when absent, else the rule plus what was received.
 * Absent is told apart here because zod reports a missing key as a type error on `undefined`.
 */
export function ruleError(rule: string, opts: FieldOptions = {}) {
  return (iss: { input?: unknown }): string => {
    if (iss.input === undefined) return "is required";
    if (opts.secret) return typeof iss.input === "string" ? rule : `${rule} (got ${typeOfValue(iss.input)})`;
    return `${rule} (got ${describeValue(iss.input)})`;
  };
}

/**
 * The rule text for an integer range, e.g. "must be an integer from 5 to 86400"; without `max`, the range
 * ends at uint64's top ("must be an integer from 0 to 18446744073709551615"), so a message never calls a
 * large valid-looking value out of range without saying where the range ends.
 */
export function intRule(min: number, max?: number): string {
  return `must be an integer from ${min} to ${max ?? MAX_UINT64}`;
}

/**
 * An integer in [min, max] (inclusive). Without `max` it is a documented-as-uint64 field with no narrower
 * range: see {@link uint64}.
 */
export function int(min: number, max: number, rule?: string): z.ZodInt;
export function int(min?: number): ReturnType<typeof uint64>;
export function int(min = 0, max?: number, rule = intRule(min, max)) {
  if (max === undefined) return uint64(min, rule);
  const error = ruleError(rule);
  return z.int({ error }).min(min, { error }).max(max, { error }).meta({ rule });
}

/** Exclusive upper bound of a JavaScript number holding a uint64: 2^64 (the double nearest 2^64 − 1). */
const UINT64_LIMIT_AS_NUMBER = 2 ** 64;

/**
 * A uint64 (spec §0: every Integer is uint64) from `min` to 18446744073709551615: a JavaScript number
 * (exact up to 2^53; beyond that the double it holds) or a bigint (exact over the whole range). The
 * client sends both as bare JSON integers and the emulator reads integers past 2^53 back as bigints
 * (trtc/json.ts), so `SequenceNumber: 18446744073709551615n` round-trips byte for byte.
 */
export function uint64(min = 0, rule = intRule(min)) {
  const error = ruleError(rule);
  const lowest = BigInt(min);
  const inRange = (v: number | bigint): boolean =>
    typeof v === "bigint" ? v >= lowest && v <= MAX_UINT64 : Number.isInteger(v) && v >= min && v < UINT64_LIMIT_AS_NUMBER;
  return z
    .union([z.number({ error }), z.bigint({ error })], { error })
    .refine(inRange, { error })
    .meta({ rule });
}

/** One of a few documented integers; `labels` (same order) say what each means in the message. */
export function oneOf<const V extends readonly [number, ...number[]]>(values: V, labels?: readonly string[]) {
  const listed = values.map((v, i) => (labels?.[i] ? `${v} (${labels[i]})` : String(v))).join(", ");
  const rule = `must be one of ${listed}`;
  return z.literal(values, { error: ruleError(rule) }).meta(labels ? { rule, enumDescriptions: labels } : { rule });
}

/** One of a few documented strings. */
export function oneOfText<const V extends readonly [string, ...string[]]>(values: V) {
  const rule = `must be one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
  return z.literal(values, { error: ruleError(rule) }).meta({ rule });
}

/** Options of {@link text}. */
export interface TextOptions extends FieldOptions {
  /** Minimum length in characters; default 1 because the API treats "" as absent-but-present garbage. */
  min?: number;
  /** Maximum length in characters. */
  max?: number;
  /** Maximum length in UTF-8 bytes (TRTC limits identifiers in bytes). */
  maxBytes?: number;
  /** Pattern the whole value must match. */
  pattern?: RegExp;
  /** The rule text; derived from the limits when omitted. */
  rule?: string;
}

/** A string with optional length, byte-length and pattern limits, all reported with one message. */
export function text(opts: TextOptions = {}) {
  const min = opts.min ?? 1;
  const limits = [
    opts.max !== undefined ? `at most ${opts.max} characters` : "",
    opts.maxBytes !== undefined ? `at most ${opts.maxBytes} bytes` : "",
  ].filter(Boolean);
  const base = min > 0 ? "must be a non-empty string" : "must be a string";
  const rule = opts.rule ?? (limits.length ? `${base} of ${limits.join(" and ")}` : base);
  const error = ruleError(rule, opts);
  let schema = z.string({ error });
  if (min > 0) schema = schema.min(min, { error });
  if (opts.max !== undefined) schema = schema.max(opts.max, { error });
  if (opts.pattern) schema = schema.regex(opts.pattern, { error });
  const meta = opts.secret ? { rule, secret: true } : { rule };
  const maxBytes = opts.maxBytes;
  if (maxBytes === undefined) return schema.meta(meta);
  return schema.refine((v) => Buffer.byteLength(v, "utf8") <= maxBytes, { error }).meta(meta);
}

/** `0xRRGGBB`, the only colour notation the API documents (spec §5.6, §5.28). */
export function colour() {
  return text({ pattern: /^0x[0-9a-fA-F]{6}$/, rule: "must be a colour written 0xRRGGBB, e.g. 0xFF0000" });
}

/**
 * An image or template URL that TRTC downloads. The documented charset and size limits make an image
 * silently not show rather than fail the request (spec §2.2(15)), so only the scheme is enforced — UNSURE:
 * a URL without http(s) can never be fetched, so rejecting it early is the helpful reading.
 */
export function httpUrl() {
  return text({ max: 2048, pattern: /^https?:\/\/\S+$/i, rule: "must be an http:// or https:// URL of at most 2048 characters" });
}

/** Options of {@link list}. */
export interface ListOptions {
  /** Most entries allowed. */
  max?: number;
  /** What one entry is, plural, for "at most 10 CDN targets". */
  noun?: string;
}

/** A JSON array of `item`, optionally bounded. */
export function list<T extends z.ZodType>(item: T, opts: ListOptions = {}) {
  const schema = z.array(item, { error: ruleError("must be a list") });
  if (opts.max === undefined) return schema.meta({ rule: "must be a list" });
  const max = opts.max;
  const noun = opts.noun ?? "entries";
  // A refinement rather than `.max()`: zod's length check aborts before the entries are parsed, and
  // users should hear about bad entries and too many entries in one go.
  return schema
    .refine((v) => v.length <= max, {
      when: (payload) => Array.isArray(payload.value),
      error: (iss: { input?: unknown }) =>
        `at most ${max} ${noun} (got ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)})`,
    })
    .meta({ rule: `must be a list of at most ${max} ${noun}`, maxItems: max });
}

/** SEI payload types TRTC lets a caller use: 100–254 except 244, Tencent's own timestamp SEI (spec §5.20). */
export function isCustomSeiPayloadType(v: number): boolean {
  return v >= 100 && v <= 254 && v !== 244;
}

/** An SEI `PayloadType`; pass-through SEI also allows 5 (user_data_unregistered, with a UUID; spec §5.21). */
export function seiPayloadType(allowFive: boolean) {
  const rule = allowFive
    ? "must be 5 or an integer from 100 to 254 other than 244"
    : "must be an integer from 100 to 254 other than 244 (244 is reserved by Tencent)";
  const error = ruleError(rule);
  // The bounds as checks too (aborting, so a value outside them gets one message), so JSON Schema sees them.
  return z
    .int({ error })
    .min(allowFive ? 5 : 100, { error, abort: true })
    .max(254, { error, abort: true })
    .refine((v) => isCustomSeiPayloadType(v) || (allowFive && v === 5), { error })
    .meta({ rule });
}
