/**
 * Copying and comparing request JSON. JSON round-trips rather than `structuredClone` and
 * `util.isDeepStrictEqual`, because those compare or carry prototypes, and bodies parsed in one realm
 * (a jest sandbox, a worker) must compare equal to the same JSON parsed in another. The round-trip is the
 * API's lossless one (trtc/json.ts), so a uint64 past 2^53 (a bigint) survives it exactly.
 */
import { parseApiJson, stringifyApiJson } from "../../trtc/json";

/** A deep copy of a JSON value. */
export const cloneJson = <T>(value: T): T => (value === undefined ? value : (parseApiJson(stringifyApiJson(value)) as T));

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((item, i) => jsonEqual(item, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  return keys.length === Object.keys(bo).filter((k) => bo[k] !== undefined).length && keys.every((k) => jsonEqual(ao[k], bo[k]));
}
