/**
 * Room ids, UserIds and URLs out of the provider's messages.
 *
 * A dynamic provider is never told which values the program marked secret (the engine strips the marks
 * before every call), and the CLI masks only secret *config* values in what it prints. So a room id the
 * program wrapped in `pulumi.secret` would reach the terminal through any message that quotes it: an API
 * error ("collides with a robot … in room 295066"), a lost Start ("RoomId \"295066\""), a failed check
 * ("(got \"44x66\")"). The provider prints none of these values: each is replaced by the path of the
 * argument that holds it (`<roomId>`, `<agentParams.userId>`, `<publishCdnParams[0].publishCdnUrl>`),
 * which the user can look up in their own program. TaskIds, codes and numbers stay.
 */
import { isUnknown } from "./unknowns";

/** An identifying value of the arguments and the path of the argument holding it. */
export interface Identifier {
  value: string;
  path: string;
}

/** Keys whose string values identify a room or a user. */
export const IDENTIFIER_KEYS: ReadonlySet<string> = new Set(["roomId", "userId"]);

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

const depth = (path: string): number => path.split(/[.[]/).length;

/**
 * Every room id, UserId and URL in the argument maps `sources` (the shallowest argument naming a value wins,
 * then the first), longest first, so a UserId containing a room id is replaced whole.
 */
export function identifiersOf(...sources: unknown[]): Identifier[] {
  const found = new Map<string, string>();
  const add = (value: string, path: string) => {
    if (value === "" || isUnknown(value)) return;
    const known = found.get(value);
    // The shallowest argument naming the value wins (`<roomId>` rather than a cell's roomId), then the first.
    if (known === undefined || depth(path) < depth(known)) found.set(value, path);
  };
  const walk = (value: unknown, path: string, key: string): void => {
    if (typeof value === "string") {
      if (IDENTIFIER_KEYS.has(key)) add(value, path);
      else if (URL_LIKE.test(value)) {
        add(value, path);
        add(value.split("?")[0], path); // as messages quote it with its query redacted
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, key));
    else if (value !== null && typeof value === "object") {
      for (const [k, item] of Object.entries(value)) walk(item, path ? `${path}.${k}` : k, k);
    }
  };
  for (const args of sources) walk(args, "", "");
  return [...found].map(([value, path]) => ({ value, path })).sort((a, b) => b.value.length - a.value.length);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `text` with each identifier value replaced by `<path>`. A value is replaced where it stands alone (not
 * inside a longer word or number); values shorter than 3 characters only where quoted, so a room "1"
 * does not turn "attempt 1" into nonsense.
 */
export function withoutIdentifiers(text: string, ids: readonly Identifier[]): string {
  let out = text;
  for (const { value, path } of ids) {
    const pattern =
      value.length >= 3
        ? new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])`, "g")
        : new RegExp(`(?<=["'\`])${escapeRegExp(value)}(?=["'\`])`, "g");
    out = out.replace(pattern, `<${path}>`);
  }
  return out;
}

/**
 * The error with the identifier values of the argument maps `args` taken out of its message, stack and init-failure
 * reasons (what the dynamic host prints); other fields (code, request id, TaskId) are kept. Changed in
 * place: the host reads the error the lifecycle throws.
 */
export function scrubbed<E>(error: E, ...args: unknown[]): E {
  if (!(error instanceof Error)) return error;
  const ids = identifiersOf(...args);
  if (ids.length === 0) return error;
  const message = withoutIdentifiers(error.message, ids);
  if (message !== error.message) Object.defineProperty(error, "message", { value: message, writable: true, configurable: true });
  if (typeof error.stack === "string") error.stack = withoutIdentifiers(error.stack, ids);
  const withReasons = error as Error & { reasons?: unknown };
  if (Array.isArray(withReasons.reasons)) {
    const reasons = withReasons.reasons.map((r) => (typeof r === "string" ? withoutIdentifiers(r, ids) : r));
    Object.defineProperty(error, "reasons", { value: reasons, writable: true, configurable: true, enumerable: true });
  }
  return error;
}
