/**
 * JSON for Tencent Cloud API bodies, whose integers are uint64 (spec §0): `JSON.parse` rounds an integer
 * past 2^53 to the nearest double (18446744073709551615 becomes 18446744073709551616) and `JSON.stringify`
 * cannot write a bigint at all. These two functions, on the well-kept `lossless-json`, keep every integer
 * exact: integers past 2^53 are read as bigints and bigints are written as bare JSON integers. For any
 * value without bigints they produce exactly what `JSON.stringify` does, so ordinary bodies (and their
 * TC3 signatures) are unchanged byte for byte.
 */
import { isInteger, isSafeNumber, parse, stringify } from "lossless-json";

/** A number token as a JS value: a bigint for an integer a double cannot hold exactly, else a number. */
const readNumber = (digits: string): number | bigint => (isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number(digits));

/**
 * Parses API JSON. Integers beyond `Number.MAX_SAFE_INTEGER` become bigints, every other number a JS
 * number (as `JSON.parse`). Throws a `SyntaxError`-like error on invalid JSON and, unlike `JSON.parse`, on
 * an object with the same key twice (which no SDK sends).
 */
export function parseApiJson(text: string): unknown {
  return parse(text, null, readNumber);
}

/** Writes API JSON: `JSON.stringify` output, with bigints as bare integers. `space` as in JSON.stringify. */
export function stringifyApiJson(value: unknown, space?: number): string {
  const text = stringify(value, undefined, space);
  if (text === undefined) throw new TypeError("stringifyApiJson: the value has no JSON form");
  return text;
}

/**
 * A copy of `value` in which each number that is an integer beyond 2^53 is the bigint of the exact value
 * the double holds, so it is written as that integer rather than as `JSON.stringify`'s shortest
 * round-trip digits (`18446744073709549568`, not `18446744073709550000`). Safe numbers are untouched.
 */
export function exactIntegers<T>(value: T): T {
  if (typeof value === "number") return (Number.isInteger(value) && !Number.isSafeInteger(value) ? BigInt(value) : value) as T;
  if (Array.isArray(value)) return value.map(exactIntegers) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = exactIntegers(v);
    return out as T;
  }
  return value;
}
