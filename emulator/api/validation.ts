/**
 * Body validation: parses the JSON, then runs the shared schema (trtc/validate.ts, the same rules
 * the client applies before sending) and turns its issues into Tencent's codes (spec §12.5):
 * an undefined field -> `UnknownParameter`, a missing required one -> `MissingParameter`, anything else
 * (type, range, enum, cross-field rule) -> `InvalidParameter`.
 *
 * When issues of several kinds occur, the shared `issueErrorCode` picks the code (unknown, then missing,
 * then invalid) and the message lists the API paths of that kind, each with the rule it broke.
 */
import { parseApiJson } from "../../trtc/json";
import { redactText, secretsIn } from "../../trtc/redact";
import { ISSUE_ERROR_CODES, issueErrorCode, validateRequest, type ValidationIssue } from "../../trtc/validate";
import type { ActionName } from "../../trtc/actions";
import { apiErrors, type ApiError } from "./errors";
import type { Site } from "./router";

/** At most this many issues are spelled out in one message. */
const MAX_LISTED = 10;

/** A body ready for its handler, or the error to answer. */
export type ValidatedBody = { ok: true; body: Record<string, unknown> } | { ok: false; error: ApiError };

const apiPathOf = (issue: ValidationIssue): string => issue.apiPath;

const list = (items: string[]): string[] =>
  items.length > MAX_LISTED ? [...items.slice(0, MAX_LISTED), `and ${items.length - MAX_LISTED} more`] : items;

/** `Path rule` per issue, at most {@link MAX_LISTED}, with any secret of `body` masked. */
export function issueDetails(issues: readonly ValidationIssue[], body: unknown): string[] {
  // Rules come from the shared schema and should never quote secrets, but a message is the last place a
  // UserSig or txSecret could escape, so it is masked by value and by shape regardless.
  return list(issues.map((i) => `${apiPathOf(i) || "(body)"} ${i.rule}`)).map((t) => redactText(t, secretsIn(body)));
}

/** The single API error Tencent would answer for a set of schema issues. */
export function issuesToError(issues: readonly ValidationIssue[], body: unknown): ApiError {
  const code = issueErrorCode(issues);
  const kind = (Object.keys(ISSUE_ERROR_CODES) as Array<ValidationIssue["kind"]>).find((k) => ISSUE_ERROR_CODES[k] === code);
  const chosen = issues.filter((i) => i.kind === kind);
  const shown = chosen.length > 0 ? chosen : [...issues];
  // Rules come from the shared schema and should never quote secrets, but a message is the last place a
  // UserSig or txSecret could escape, so it is masked by value and by shape regardless.
  const mask = (items: string[]): string[] => list(items).map((t) => redactText(t, secretsIn(body)));
  if (code === "MissingParameter") return apiErrors.missingParameter(mask(shown.map(apiPathOf)));
  const details = mask(shown.map((i) => `${apiPathOf(i) || "(body)"} ${i.rule}`));
  if (code === "UnknownParameter") return apiErrors.unknownParameter(details);
  return apiErrors.invalidParameter(details.join("; "));
}

/** Parses and validates a request body for `action`. */
export function parseAndValidate(action: ActionName, raw: Buffer, site: Site): ValidatedBody {
  let body: unknown;
  try {
    // uint64 integers past 2^53 (a SequenceNumber in nanoseconds) are read exactly, as bigints.
    body = parseApiJson(raw.length === 0 ? "{}" : raw.toString("utf8"));
  } catch {
    return { ok: false, error: apiErrors.invalidParameter("the request body is not valid JSON (or repeats a key).") };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, error: apiErrors.invalidParameter("the request body must be a JSON object.") };
  }
  const result = validateRequest(action, body, { site });
  if (!result.ok) return { ok: false, error: issuesToError(result.issues, body) };
  return { ok: true, body: body as Record<string, unknown> };
}
