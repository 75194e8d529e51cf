/**
 * Pulumi-style camelCase <-> TRTC API PascalCase.
 *
 * Every key in the TRTC API 3.0 bodies is PascalCase and starts with an upper-case ASCII letter, and the
 * API has no free-form maps, so changing only the first letter of each key is total and reversible:
 * `SdkAppId` <-> `sdkAppId`, `EnableStreamSEI` <-> `enableStreamSEI`, `BackGroundColor` <-> `backGroundColor`.
 * Values (strings, numbers, arrays) are never touched.
 */

/** The key transform a {@link convertKeys} call applies. */
export type KeyCase = "api" | "pulumi";

/** `sdkAppId` -> `SdkAppId`. */
export function toApiKey(key: string): string {
  return key.length === 0 ? key : key[0].toUpperCase() + key.slice(1);
}

/** `SdkAppId` -> `sdkAppId`. */
export function toPulumiKey(key: string): string {
  return key.length === 0 ? key : key[0].toLowerCase() + key.slice(1);
}

/** Recursively renames every object key; arrays and scalars pass through. */
export function convertKeys<T = unknown>(value: unknown, to: KeyCase): T {
  const rename = to === "api" ? toApiKey : toPulumiKey;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) out[rename(k)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** camelCase body -> API body. */
export const toApiCase = <T = Record<string, unknown>>(value: unknown): T => convertKeys<T>(value, "api");

/** API body -> camelCase body. */
export const toPulumiCase = <T = Record<string, unknown>>(value: unknown): T => convertKeys<T>(value, "pulumi");

/**
 * Formats a path of keys and indexes the way users write it in a Pulumi program:
 * `["VideoParams","LayoutParams","MixLayoutList",1]` -> `videoParams.layoutParams.mixLayoutList[1]`.
 */
export function formatPath(path: ReadonlyArray<string | number | symbol>, to: KeyCase = "pulumi"): string {
  const rename = to === "api" ? toApiKey : toPulumiKey;
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += (out ? "." : "") + rename(String(part));
  }
  return out;
}
