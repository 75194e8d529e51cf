/**
 * Finding the StartPublishCdnStream body in what a user hands the `trtc-layout` command: a bare body
 * (Pulumi camelCase or API PascalCase), a body wrapped in one object (`{"request": {...}}`,
 * `{"inputs": {...}}`, `{"StartPublishCdnStream": {...}}`), or a request pasted from Tencent's API page
 * (`POST / HTTP/1.1`, headers, blank line, JSON).
 */

/** The input could not be turned into a request body; the message says why, for the command line. */
export class LayoutInputError extends Error {
  readonly code = "LayoutInputError";
  constructor(message: string) {
    super(message);
    this.name = "LayoutInputError";
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Top-level keys of a Start/Update body, lower-cased, by which a body is recognised in either key style. */
const BODY_KEYS = new Set([
  "sdkappid",
  "roomid",
  "roomidtype",
  "agentparams",
  "withtranscoding",
  "audioparams",
  "videoparams",
  "publishcdnparams",
  "feedbackroomparams",
  "singlesubscribeparams",
  "taskid",
]);

function looksLikeBody(v: Obj): boolean {
  return Object.keys(v).some((k) => BODY_KEYS.has(k.toLowerCase()));
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // A request copied from the API page: HTTP request line and headers, a blank line, then the JSON.
    const http = /^\s*(POST|GET)\s+\S+\s+HTTP\/[\d.]+\r?\n[\s\S]*?\r?\n\r?\n([\s\S]*)$/.exec(text);
    if (http) {
      try {
        return JSON.parse(http[2]);
      } catch (second) {
        throw new LayoutInputError(`${source}: the HTTP request's body is not JSON (${(second as Error).message})`);
      }
    }
    throw new LayoutInputError(`${source}: not JSON (${(first as Error).message})`);
  }
}

/**
 * Extracts the request body from file text. Descends through at most three single-key wrappers.
 *
 * @throws LayoutInputError for text that is not JSON, a response envelope, or JSON without a body in it.
 */
export function extractTaskBody(text: string, source = "input"): Obj {
  let value = parseJson(text, source);
  for (let depth = 0; depth <= 3; depth++) {
    if (!isObj(value)) {
      throw new LayoutInputError(
        `${source}: expected a JSON object with the task's parameters, got ${Array.isArray(value) ? "a list" : typeof value}`,
      );
    }
    if (looksLikeBody(value)) return value;
    if ("Response" in value) {
      throw new LayoutInputError(
        `${source}: this is an API response ({"Response": ...}); pass the request body (with videoParams / VideoParams) instead`,
      );
    }
    const objects = Object.entries(value).filter(([, v]) => isObj(v));
    if (objects.length !== 1) break;
    value = objects[0][1];
  }
  throw new LayoutInputError(
    `${source}: no StartPublishCdnStream body found (expected keys such as videoParams or VideoParams, sdkAppId or SdkAppId)`,
  );
}

/** Splits a comma-separated command-line list, dropping blanks: `"a, b,,c"` -> `["a","b","c"]`. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
