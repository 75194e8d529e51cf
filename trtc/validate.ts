/**
 * Request validation with errors users can act on: every broken rule, each named by its camelCase path
 * (what the user wrote in their Pulumi program) and its PascalCase API path (what the emulator reports),
 * with the rule in the user's terms and never a secret value.
 */
import type { z } from "zod";
import { ACTIONS, type ActionName, type RequestOf } from "./actions";
import { formatPath, toApiKey, toPulumiKey } from "./casing";
import { type Site, noEffectNotices, runRules, structInfoOf } from "./schema";

/** One broken rule. */
export interface ValidationIssue {
  /** camelCase path, e.g. `videoParams.layoutParams.mixLayoutList[1]`; "" for the body itself. */
  path: string;
  /** PascalCase API path, e.g. `VideoParams.LayoutParams.MixLayoutList[1]`. */
  apiPath: string;
  /** The rule broken, in camelCase terms, e.g. `must be an integer from 5 to 86400 (got 3)`. */
  rule: string;
  /** `missing`: a required property is absent; `unknown`: an undeclared property; `invalid`: anything else. */
  kind: "missing" | "invalid" | "unknown";
}

/** What {@link validateRequest} returns; `value` is a copy of the body with keys in documented order. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Options of {@link validateRequest}. */
export interface ValidateOptions {
  /** Which site's metadata to validate against (spec §13.4). Default `"cn"`. */
  site?: Site;
}

/**
 * The API error code the emulator answers for each kind (spec §12.5): undeclared field → UnknownParameter,
 * missing required field → MissingParameter, wrong type or value → InvalidParameter. A JSON `null` counts
 * as a wrong value, not as absent (UNSURE in §12.5): the SDKs strip nulls, so one reaching here is a bug.
 */
export const ISSUE_ERROR_CODES = {
  unknown: "UnknownParameter",
  missing: "MissingParameter",
  invalid: "InvalidParameter",
} as const satisfies Record<ValidationIssue["kind"], string>;

/**
 * The one error code for a failed request. Tencent's precedence is not published (spec §12.5, UNSURE);
 * unknown keys are reported first (the gateway rejects undeclared fields before reading values), then
 * missing ones, then the rest.
 */
export function issueErrorCode(issues: readonly ValidationIssue[]): (typeof ISSUE_ERROR_CODES)[ValidationIssue["kind"]] {
  for (const kind of ["unknown", "missing", "invalid"] as const) {
    if (issues.some((i) => i.kind === kind)) return ISSUE_ERROR_CODES[kind];
  }
  return ISSUE_ERROR_CODES.invalid;
}

/** `videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1400) exceeds videoEncode.width (1280)`. */
export function formatIssue(i: ValidationIssue): string {
  return `${i.path || "(request body)"}: ${i.rule}`;
}

/** A request that failed validation before it was sent; carries every issue. Never retryable. */
export class ValidationError extends Error {
  /** Same namespace as the SDKs' client-side errors, so callers can match on code alone. */
  readonly code = "ClientError.InvalidParameter";
  /** Resending the same body cannot help. */
  readonly retryable = false;
  /** No request reached the server. */
  readonly requestId = undefined;
  override readonly name = "ValidationError";

  /**
   * @param action The action whose request was refused.
   * @param issues Every broken rule (non-empty); they are already free of secret values.
   */
  constructor(
    readonly action: ActionName,
    readonly issues: ValidationIssue[],
  ) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`Invalid ${action} request (${count}):\n${issues.map((i) => `  - ${formatIssue(i)}`).join("\n")}`);
  }
}

/**
 * Validates an API-shaped (PascalCase) body for `action`: the site's strict schema, then the action's
 * cross-field rules, all of them, so that one call lists every problem.
 */
export function validateRequest<A extends ActionName>(
  action: A,
  body: unknown,
  opts: ValidateOptions = {},
): ValidationResult<RequestOf<A>> {
  const site = opts.site ?? "cn";
  const entry = ACTIONS[action];
  if (!entry) throw new TypeError(`unknown TRTC action ${JSON.stringify(action)}`);
  const schema: z.ZodType | undefined = entry.request[site];
  if (!schema) throw new TypeError(`unknown site ${JSON.stringify(site)}; expected "cn" or "intl"`);

  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const add = (path: ReadonlyArray<PropertyKey>, rule: string, kind: ValidationIssue["kind"]) => {
    const apiPath = formatPath(path, "api");
    const key = `${apiPath}\u0000${rule}`;
    if (seen.has(key)) return; // several failed checks of one field share one message
    seen.add(key);
    issues.push({ path: formatPath(path, "pulumi"), apiPath, rule, kind });
  };

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) {
      if (iss.code === "unrecognized_keys") {
        for (const key of iss.keys) add([...iss.path, key], unknownKeyRule(schema, iss.path, key, site), "unknown");
      } else if (iss.path.length === 0) {
        add([], "must be a JSON object", "invalid");
      } else {
        // zod reports an absent key as a type (or literal) mismatch on `undefined`.
        const absent = valueAt(body, iss.path) === undefined;
        add(iss.path, iss.message, absent ? "missing" : "invalid");
      }
    }
  }
  runRules(entry.rules, body, (path, rule, kind = "invalid") => add(path, rule, kind), { site });

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data as RequestOf<A> };
}

/** Like {@link validateRequest}, but returns the body or throws a {@link ValidationError}. */
export function assertValidRequest<A extends ActionName>(action: A, body: unknown, opts: ValidateOptions = {}): RequestOf<A> {
  const result = validateRequest(action, body, opts);
  if (!result.ok) throw new ValidationError(action, result.issues);
  return result.value;
}

/** A field the request may carry but that has no effect where it is (trtc/schema/rules/no-effect.ts). */
export interface NoEffectField {
  /** camelCase path, e.g. `videoParams.layoutParams.maxVideoUser`. */
  path: string;
  /** PascalCase API path, e.g. `VideoParams.LayoutParams.MaxVideoUser`. */
  apiPath: string;
  /** Why, in camelCase terms: `has no effect: it only takes effect with …`. */
  rule: string;
  /** The no-effect rule that found it. */
  ruleId: string;
}

/**
 * The fields of an API-shaped (PascalCase) Start or Update body that Tencent accepts but documents as
 * taking effect only elsewhere ("only takes effect in …"). Never an error: the one policy for the class is
 * to accept the request and tell the user (the resource's warning, the layout picture, the emulator log).
 */
export function noEffectFields(body: unknown): NoEffectField[] {
  return noEffectNotices(body).map((n) => ({
    path: formatPath(n.path, "pulumi"),
    apiPath: formatPath(n.path, "api"),
    rule: n.rule,
    ruleId: n.ruleId,
  }));
}

/** `videoParams.layoutParams.maxVideoUser: has no effect: …`. */
export const formatNoEffect = (f: NoEffectField): string => `${f.path}: ${f.rule}`;

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** The schema that validates the value at `path`, looking through optional wrappers and lists. */
function schemaAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): unknown {
  type Def = { type: string; innerType?: unknown; element?: unknown; shape?: Record<string, unknown> };
  const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (s: unknown): unknown => {
    while (defOf(s)?.type === "optional") s = defOf(s)?.innerType;
    return s;
  };
  let s: unknown = unwrap(root);
  for (const seg of path) {
    const def = defOf(s);
    s = unwrap(typeof seg === "number" ? (def?.type === "array" ? def.element : undefined) : def?.shape?.[String(seg)]);
  }
  return s;
}

/** Why `key` is unknown: it belongs to the other site, or is likely a typo of a known key, or is simply not there. */
function unknownKeyRule(root: z.ZodType, parent: ReadonlyArray<PropertyKey>, key: string, site: Site): string {
  const info = structInfoOf(schemaAt(root, parent));
  if (!info) return "is not a known property";
  const onlyOn = info.siteOnly.get(key);
  if (onlyOn) return `is only accepted on the ${SITE_NAMES[onlyOn]} site, not on the ${SITE_NAMES[site]} site (site "${site}")`;
  // A camelCase key means the body skipped toApiCase; say so rather than suggest the same-looking name.
  if (toApiKey(key) !== key && info.keys.includes(toApiKey(key))) {
    return `is written in camelCase; the API expects ${toApiKey(key)} (convert the body with toApiCase)`;
  }
  const guess = closestKey(key, info.keys);
  const suffix = guess ? `; did you mean ${toPulumiKey(guess)}?` : "";
  return `is not a known property of ${info.name}${suffix}`;
}

const SITE_NAMES: Record<Site, string> = { cn: "China (cn)", intl: "international (intl)" };

/** A known key within two edits of `key`, ignoring case (`BackgroundColor` → `BackGroundColor`). */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: { key: string; d: number } | undefined;
  for (const candidate of known) {
    const d = editDistance(k, candidate.toLowerCase(), 2);
    if (d <= 2 && (!best || d < best.d)) best = { key: candidate, d };
  }
  return best?.key;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}
