/**
 * Where the emulator sends relay-to-CDN callbacks and how patiently (spec §10). One resolver serves
 * `startEmulator({ callback })`, the CLI flags and `PUT /_emulator/callback`, so the three accept exactly
 * the same settings and name a bad one the same way.
 */
import { redactUrl } from "../../trtc/redact";

/** Documented answer window: the receiver must answer HTTP 200 within 5 s. */
export const DEFAULT_ANSWER_TIMEOUT_MS = 5_000;
/** Documented pause between retries after the immediate one. */
export const DEFAULT_RETRY_INTERVAL_MS = 10_000;
/** Documented give-up point, measured from the first attempt. */
export const DEFAULT_GIVE_UP_AFTER_MS = 60_000;

/** The callback target as a caller gives it; the timings default to the documented values. */
export interface CallbackOptions {
  /** The receiver, `http://` or `https://` (the TRTC console's "callback URL"). */
  url: string;
  /** The callback key: 1 to 32 letters or digits, as the TRTC console allows. Signs every body. */
  key: string;
  /** How long a receiver has to answer one attempt; default {@link DEFAULT_ANSWER_TIMEOUT_MS}. */
  answerTimeoutMs?: number;
  /** Pause between retries after the immediate one; default {@link DEFAULT_RETRY_INTERVAL_MS}. */
  retryIntervalMs?: number;
  /** No attempt starts this long after the first one; default {@link DEFAULT_GIVE_UP_AFTER_MS}. */
  giveUpAfterMs?: number;
}

/** A validated target with every timing filled in. */
export interface CallbackTarget {
  url: string;
  key: string;
  answerTimeoutMs: number;
  retryIntervalMs: number;
  giveUpAfterMs: number;
}

/** The target as the control API shows it: the key is never echoed, and the URL is redacted. */
export interface CallbackTargetView {
  enabled: boolean;
  url: string | null;
  keySet: boolean;
  answerTimeoutMs: number;
  retryIntervalMs: number;
  giveUpAfterMs: number;
}

const KEY_RULE = /^[A-Za-z0-9]{1,32}$/;
const FIELDS = new Set(["url", "key", "answerTimeoutMs", "retryIntervalMs", "giveUpAfterMs"]);
/** Upper bound for every timing: an hour is already far beyond anything Tencent does. */
const MAX_MS = 3_600_000;

/**
 * Checks a target; returns it with defaults applied, or a message naming the field (in `prefix` form,
 * e.g. `callback.key`) and the rule broken. Never quotes the key.
 */
export function checkCallbackOptions(value: unknown, prefix = ""): CallbackTarget | string {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return `${prefix || "callback"} must be an object with url and key`;
  const o = value as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !FIELDS.has(k));
  if (extra.length > 0) return `unknown field(s): ${extra.map((k) => prefix + k).join(", ")}`;
  let parsed: URL | undefined;
  try {
    parsed = typeof o.url === "string" ? new URL(o.url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
    return `${prefix}url must be an absolute http:// or https:// URL`;
  if (typeof o.key !== "string" || !KEY_RULE.test(o.key)) return `${prefix}key must be 1 to 32 letters or digits (the TRTC console's rule)`;
  const timings: Record<string, number> = {
    answerTimeoutMs: DEFAULT_ANSWER_TIMEOUT_MS,
    retryIntervalMs: DEFAULT_RETRY_INTERVAL_MS,
    giveUpAfterMs: DEFAULT_GIVE_UP_AFTER_MS,
  };
  for (const name of Object.keys(timings)) {
    const v = o[name];
    if (v === undefined) continue;
    if (!(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_MS))
      return `${prefix}${name} must be an integer from 1 to ${MAX_MS}`;
    timings[name] = v as number;
  }
  return {
    url: o.url as string,
    key: o.key,
    ...(timings as Pick<CallbackTarget, "answerTimeoutMs" | "retryIntervalMs" | "giveUpAfterMs">),
  };
}

/** For `startEmulator`: the target, `undefined` when none was given, or a RangeError naming the field. */
export function resolveCallbackOptions(value: CallbackOptions | undefined): CallbackTarget | undefined {
  if (value === undefined) return undefined;
  const checked = checkCallbackOptions(value, "callback.");
  if (typeof checked === "string") throw new RangeError(`trtc-emulator: ${checked}`);
  return checked;
}

/** The control API's view of a target (or of none). */
export function viewTarget(target: CallbackTarget | undefined): CallbackTargetView {
  return {
    enabled: target !== undefined,
    url: target ? redactUrl(target.url) : null,
    keySet: target !== undefined,
    answerTimeoutMs: target?.answerTimeoutMs ?? DEFAULT_ANSWER_TIMEOUT_MS,
    retryIntervalMs: target?.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS,
    giveUpAfterMs: target?.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS,
  };
}
