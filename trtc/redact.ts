/**
 * Secret masking for anything that may be printed: error messages, request logs, recorded bodies.
 *
 * Two complementary nets, because neither alone is enough:
 * - by shape: TC3 `Authorization` values, `X-TC-Token` headers, `txSecret=`-style URL parameters, UserSig
 *   tokens and secret-named JSON fields are recognised wherever they appear in free text;
 * - by value: the exact secrets a caller holds (SecretKey, session token, UserSigs of the request body) are
 *   replaced wherever they appear, whatever surrounds them.
 *
 * The emulator's request log uses the same helpers, so there is one definition of "a secret" in the package.
 */

/** What a masked secret is replaced with. Short and greppable; never a hash (hashes of short secrets leak). */
export const MASK = "***";

/**
 * Object keys (compared case-insensitively, so `UserSig` and `userSig` both match) whose values are
 * credentials in the TRTC API or in our own options: robot UserSigs, storage keys, session tokens.
 * `SecretId`/`AccessKey`-style key *ids* are kept: they name a key without granting anything, and support
 * needs them to find the account.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "usersig",
  "secretkey",
  "token",
  "sessiontoken",
  "x-tc-token",
  "authorization",
  "password",
  "txsecret",
]);

/**
 * URL query parameters that carry a push/pull authentication secret. `txSecret` is Tencent CSS's hotlink
 * key; `sign`/`auth_key`/`token`/`secret`/`usersig` cover the other CDN authentication schemes. `txTime`
 * (an expiry, public by design) is kept because it is what a user needs to debug an expired push URL.
 */
export const SECRET_QUERY_PARAMS: ReadonlySet<string> = new Set([
  "txsecret",
  "sign",
  "auth_key",
  "token",
  "secret",
  "usersig",
  "signature",
]);

/** Secrets shorter than this are not replaced by value: masking every "1" in a message helps nobody. */
const MIN_LITERAL_LENGTH = 6;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const queryParamNames = [...SECRET_QUERY_PARAMS].map(escapeRegExp).join("|");
const keyNames = [...SECRET_KEYS].map(escapeRegExp).join("|");

/** Ordered shape rules; each keeps the name of what it masks so the text stays readable. */
const SHAPE_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // A whole TC3 Authorization value: the signature is derived from the secret key and replayable for 5 min.
  [/TC3-HMAC-SHA256\s+Credential=[^\s,]+,\s*SignedHeaders=[^\s,]+,\s*Signature=[0-9a-fA-F]+/g, `TC3-HMAC-SHA256 ${MASK}`],
  // `Authorization: ...` / `X-TC-Token: ...` header lines in dumps.
  [/\b(authorization|x-tc-token)(\s*[:=]\s*)(?!\*\*\*|TC3-HMAC-SHA256 \*\*\*)(?:(?:Bearer|Basic)\s+)?[^\s,;]+/gi, `$1$2${MASK}`],
  // `?txSecret=abc&` / `&sign=...` in URLs (rtmp push URLs, image URLs).
  [new RegExp(`([?&;](?:${queryParamNames})=)[^&#\\s"'\\\\]*`, "gi"), `$1${MASK}`],
  // `"UserSig": "..."` / `"secretKey":"..."` in JSON text, any casing, escaped quotes tolerated.
  [new RegExp(`(\\\\?"(?:${keyNames})\\\\?"\\s*:\\s*\\\\?")(?:[^"\\\\]|\\\\(?!"))*`, "gi"), `$1${MASK}`],
  // `UserSig=...` / `secretKey: ...` in non-JSON text (log lines, inspect output).
  [new RegExp(`\\b((?:${keyNames})['"]?\\s*[=:]\\s*['"]?)(?!\\*\\*\\*)[^\\s,;&"'}\\\\]+`, "gi"), `$1${MASK}`],
  // A bare TLS-Sig-API v2 UserSig: base64 of zlib data starts `eJ` and runs for dozens of characters.
  [/\beJ[wxyz][A-Za-z0-9+/=*_-]{24,}/g, MASK],
];

/**
 * Masks secrets in free text: first every literal in `secrets` (longest first, so a token that contains
 * a shorter secret is masked whole), then every secret recognised by shape.
 */
export function redactText(text: string, secrets: Iterable<string | undefined> = []): string {
  let out = text;
  const literals = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length >= MIN_LITERAL_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  for (const literal of literals) out = out.split(literal).join(MASK);
  for (const [pattern, replacement] of SHAPE_RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Masks secrets in one URL (query parameters by name, credentials in `user:pass@`). */
export function redactUrl(url: string): string {
  return redactText(url).replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, `$1${MASK}@`);
}

/** Copies a header map with the values of secret headers masked (names are kept so a reader sees they were sent). */
export function redactHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    out[name] = SECRET_KEYS.has(name.toLowerCase()) ? MASK : redactText(text);
  }
  return out;
}

/**
 * Deep-copies a JSON-like value with secret-named fields masked and every string passed through
 * {@link redactText}. Used for request bodies before they are kept in an error, a log or a test record.
 */
export function redactValue<T>(value: T, secrets: Iterable<string | undefined> = []): T {
  const known = [...secrets];
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && SECRET_KEYS.has(key.toLowerCase()) && v !== undefined && v !== null) return MASK;
    if (typeof v === "string") return redactText(v, known);
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) out[k] = walk(inner, k);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Every string in a request body that is a secret by its field name (UserSigs, storage SecretKeys), so a
 * message that quotes one in an unexpected form is still masked by value.
 */
export function secretsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === "string") {
      if (key !== undefined && SECRET_KEYS.has(key.toLowerCase())) found.push(v);
      return;
    }
    if (Array.isArray(v)) v.forEach((item) => walk(item));
    else if (v !== null && typeof v === "object") for (const [k, inner] of Object.entries(v as Record<string, unknown>)) walk(inner, k);
  };
  walk(value);
  return found;
}
