/**
 * `check`: validate the arguments offline with the shared schema table before any API call, and report
 * every problem as a CheckFailure naming the camelCase property, so `pulumi preview` lists them all.
 *
 * Preview-time unknowns (see unknowns.ts) are "some value": an issue is dropped when it could be caused by
 * one — its path is, contains or lies inside an unknown value, or its rule text quotes the sentinel or
 * names the unknown field (cross-field rules name the other field in camelCase, e.g. "exceeds
 * videoEncode.width"). Dropping too much in preview is harmless: `up` checks again with every value known.
 */
import { toApiCase, toPulumiKey } from "../trtc/casing";
import { validateRequest, type ValidationIssue } from "../trtc/validate";
import { ENV_KEYS, type Site, configKey } from "./config";
import { IDENTIFIER_KEYS, identifiersOf, withoutIdentifiers } from "./identifiers";
import { COMPUTED_KEYS, argumentsOf, isArgument } from "./outputs";
import { isSecretProperty } from "./secrets";
import { mentionsUnknown, parsePath, related, unknownPaths, type Path } from "./unknowns";
import { howToConfigureKey } from "./usersig/settings";

/** One problem, in the dynamic provider's shape. */
export interface CheckFailure {
  /** camelCase path; `""` for the resource as a whole, or when the reason starts with it (`path: rule`, valuesHidden). */
  property: string;
  /** The rule broken, in the user's terms. */
  reason: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when the issue might only exist because some value is not known yet. */
export function dependsOnUnknown(issue: Pick<ValidationIssue, "path" | "rule">, unknowns: readonly Path[]): boolean {
  if (unknowns.length === 0) return false;
  if (mentionsUnknown(issue.rule)) return true;
  const at = parsePath(issue.path);
  return unknowns.some((u) => {
    if (related(u, at)) return true;
    const name = [...u].reverse().find((part): part is string => typeof part === "string");
    return name !== undefined && new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(name)}([^A-Za-z0-9_]|$)`).test(issue.rule);
  });
}

/** Whether the provider can issue a robot's UserSig for an application (provider/usersig/settings.ts). */
export type CanGenerateUserSig = (sdkAppId: unknown) => boolean;

/** Stands in for a UserSig the provider will generate at Start, so the shared schema judges the rest. */
const GENERATED_LATER = "generated-at-start";
const FEEDBACK_SIG = /^feedBackRoomParams\[\d+\]\.userSig$/;

/**
 * Fills the push-back robots' missing UserSigs with a stand-in when the provider will generate them; the
 * shared schema (which requires them, as the API does) stays strict for the client and the emulator.
 */
function asSent(body: Record<string, any>, canGenerate: CanGenerateUserSig | undefined): Record<string, any> {
  if (!canGenerate?.(body.SdkAppId) || !Array.isArray(body.FeedBackRoomParams)) return body;
  const FeedBackRoomParams = body.FeedBackRoomParams.map((robot: unknown) =>
    robot !== null && typeof robot === "object" && !Array.isArray(robot) && (robot as Record<string, unknown>).UserSig === undefined
      ? { ...robot, UserSig: GENERATED_LATER }
      : robot,
  );
  return { ...body, FeedBackRoomParams };
}

/** The rule text for an issue, with the way out spelled out where the provider offers one. */
function reasonFor(issue: ValidationIssue, howToGenerate: string): string {
  if (issue.kind === "missing" && FEEDBACK_SIG.test(issue.path)) {
    return `${issue.rule}: set ${issue.path} to the push-back robot's UserSig, or ${howToGenerate}`;
  }
  return issue.rule;
}

/** Settings users may mistake for arguments; each comes from stack config or the environment instead. */
const SETTINGS = ["region", "endpoint", "secretId", "secretKey", "securityToken"] as const;

/**
 * Arguments the schema cannot judge. A computed output name or a setting (`region`, `endpoint`,
 * credentials) would be dropped by argumentsOf without a word, and a PascalCase key (`SdkAppId`, or
 * `agentParams.UserId`) would pass, since toApiCase turns it into the API's own spelling; JavaScript and
 * untyped programs can write either. `args` is `argumentsOf(news)`, passed in when the caller already has it.
 */
export function misplacedArguments(news: Record<string, unknown>, args: unknown = argumentsOf(news)): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const [key, value] of Object.entries(news)) {
    if (value === undefined) continue;
    const setting = SETTINGS.find((s) => s === key);
    if (setting) {
      failures.push({
        property: key,
        reason: `is not an argument: the ${key} comes from the ${configKey(setting)} stack config (or ${ENV_KEYS[setting]})`,
      });
    } else if ((COMPUTED_KEYS as readonly string[]).includes(key)) {
      failures.push({ property: key, reason: "is not an argument: it is an output the provider sets" });
    }
  }
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        const path = at ? `${at}.${key}` : key;
        if (toPulumiKey(key) !== key) {
          failures.push({
            property: path,
            reason: `is written in PascalCase: did you mean ${toPulumiKey(key)}? (argument names are camelCase)`,
          });
        }
        walk(item, path);
      }
    }
  };
  walk(args, "");
  return failures;
}

/**
 * The checked inputs (no `__provider`, no `undefined`) and the failures to report. `canGenerate` says
 * whether an omitted push-back robot UserSig will be generated at Start (a key is configured).
 * `secretArguments` names top-level arguments the program marked secret (only the plugin is told).
 */
export function checkArguments(
  news: Record<string, unknown>,
  site: Site,
  canGenerate?: CanGenerateUserSig,
  secretArguments: ReadonlySet<string> = new Set(),
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const inputs = argumentsOf(news) as unknown as Record<string, unknown>;
  const misplaced = misplacedArguments(news, inputs);
  const result = validateRequest("StartPublishCdnStream", asSent(toApiCase(inputs), canGenerate), { site });
  if (result.ok) return { inputs, failures: valuesHidden(misplaced, news, secretArguments) };
  const unknowns = unknownPaths(inputs);
  const named = new Set(misplaced.map((f) => f.property)); // `secretKey`: one message, not also "not a known property"
  // Rules quote the value they reject ("(got \"44x66\")"); a room id, UserId or URL may be secret (identifiers.ts).
  const ids = identifiersOf(inputs);
  const failures = result.issues
    .filter((issue) => !dependsOnUnknown(issue, unknowns) && !named.has(issue.path))
    .map((issue) => ({ property: issue.path, reason: withoutIdentifiers(reasonFor(issue, howToConfigureKey()), ids) }));
  return { inputs, failures: valuesHidden([...misplaced, ...failures], news, secretArguments) };
}

/**
 * The engine prints `value {…}` beside a failure that names a top-level property, taken from the
 * program's inputs with secrets unwrapped (CLI v3.259: `property publishCdnParams value {&{{map[
 * publishCdnUrl:{rtmp://…?txSecret=…}]}}}`); what check returns cannot change that. Where the value may hold
 * a credential or a value the program may have marked secret — a secret argument, one the program marked
 * secret (the plugin knows which), `roomId` (identifiers.ts: the dynamic host cannot know), or a name check
 * does not recognise (a misplaced `userSig`) — the failure is reported on the resource instead, as `property: rule`.
 */
function valuesHidden(failures: CheckFailure[], news: Record<string, unknown>, secretArguments: ReadonlySet<string>): CheckFailure[] {
  return failures.map((f) => {
    const printed = f.property !== "" && news[f.property] !== undefined;
    if (
      !printed ||
      (isArgument(f.property) && !isSecretProperty(f.property) && !secretArguments.has(f.property) && !IDENTIFIER_KEYS.has(f.property))
    )
      return f;
    return { property: "", reason: `${f.property}: ${f.reason}` }; // formatIssue's `path: rule`
  });
}
