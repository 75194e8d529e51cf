/**
 * Which SDK secret key signs a robot's UserSig, and for how long: read from stack config
 * (`trtc:sdkSecretKey`, `trtc:sdkSecretKeys`, `trtc:userSigExpireSeconds`) or the environment, per call,
 * like every other setting (provider/config.ts stores the config synchronously in `configure`).
 *
 * Keys are held only in memory for the call that needs them. Errors name the setting and the rule broken,
 * never a key's value — not even a fragment of it, which is why JSON.parse's own message (which quotes
 * the text it choked on) is never passed on.
 */
import { ConfigError, ENV_KEYS, type SettingValues, configKey, lookup } from "../config";
import { isUnknown } from "../unknowns";

/** Default lifetime of generated UserSigs: 180 days, well past a TaskId's 30-day life (spec §13.12). */
export const DEFAULT_USERSIG_EXPIRE_SECONDS = 180 * 24 * 3600;
/** Upper bound on the configured lifetime (10 years): a longer one is almost certainly a unit mistake. */
export const MAX_USERSIG_EXPIRE_SECONDS = 10 * 365 * 24 * 3600;

/** What the provider needs to issue robot UserSigs. */
export interface UserSigSettings {
  /** The SDK secret key for an application, or undefined when none is configured for it. */
  keyFor(sdkAppId: number): string | undefined;
  /**
   * Whether an omitted robot UserSig will be generated for this (checked, possibly preview-unknown)
   * SdkAppId: a key for it, or for an unknown id any key at all (`up` checks again with the id known).
   */
  canGenerate(sdkAppId: unknown): boolean;
  /** Lifetime of each generated UserSig, in seconds. */
  readonly expireSeconds: number;
}

const where = (setting: "sdkSecretKey" | "sdkSecretKeys" | "userSigExpireSeconds"): string =>
  `${configKey(setting)} (or env ${ENV_KEYS[setting]})`;

/** Parses the per-application key object; throws a {@link ConfigError} that quotes nothing from it. */
function parseKeyMap(text: string): Map<number, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(
      `${where("sdkSecretKeys")} is not valid JSON; set it to an object of SdkAppId to key, e.g. ` +
        `\`pulumi config set --secret ${configKey("sdkSecretKeys")} '{"1400000000":"<key>"}'\`.`,
      "sdkSecretKeys",
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(`${where("sdkSecretKeys")} must be a JSON object of SdkAppId to SDK secret key.`, "sdkSecretKeys");
  }
  const keys = new Map<number, string>();
  for (const [appId, key] of Object.entries(parsed as Record<string, unknown>)) {
    // App ids are not secret, so naming the bad one helps without exposing anything.
    const id = /^\d+$/.test(appId) ? Number(appId) : NaN;
    if (!Number.isSafeInteger(id) || id < 1 || id > 0xffffffff) {
      throw new ConfigError(
        `${where("sdkSecretKeys")}: "${appId.slice(0, 20)}" is not an SdkAppId (an integer from 1 to 4294967295).`,
        "sdkSecretKeys",
      );
    }
    if (typeof key !== "string" || key.trim() === "") {
      throw new ConfigError(`${where("sdkSecretKeys")}: the key for SdkAppId ${id} must be a non-empty string.`, "sdkSecretKeys");
    }
    keys.set(id, key.trim());
  }
  return keys;
}

function parseExpire(text: string | undefined): number {
  if (text === undefined) return DEFAULT_USERSIG_EXPIRE_SECONDS;
  const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_USERSIG_EXPIRE_SECONDS) {
    throw new ConfigError(
      `${where("userSigExpireSeconds")} must be a whole number of seconds from 1 to ${MAX_USERSIG_EXPIRE_SECONDS} ` +
        `(default ${DEFAULT_USERSIG_EXPIRE_SECONDS}, 180 days).`,
      "userSigExpireSeconds",
    );
  }
  return seconds;
}

/**
 * The effective UserSig settings. A per-application key wins over the single key; the single key serves
 * every application (the common case: one stack, one TRTC app).
 *
 * `config` as for provider/config.ts `lookup`.
 *
 * @throws ConfigError when `trtc:sdkSecretKeys` or `trtc:userSigExpireSeconds` is malformed.
 */
export function resolveUserSigSettings(env: NodeJS.ProcessEnv = process.env, config?: SettingValues): UserSigSettings {
  const single = lookup("sdkSecretKey", env, config);
  const mapText = lookup("sdkSecretKeys", env, config);
  const perApp = mapText === undefined ? new Map<number, string>() : parseKeyMap(mapText);
  const expireSeconds = parseExpire(lookup("userSigExpireSeconds", env, config));
  return {
    keyFor: (sdkAppId) => perApp.get(sdkAppId) ?? single,
    canGenerate: (sdkAppId) =>
      typeof sdkAppId === "number"
        ? (perApp.get(sdkAppId) ?? single) !== undefined
        : isUnknown(sdkAppId) && (single !== undefined || perApp.size > 0),
    expireSeconds,
  };
}

/** How to make the provider generate UserSigs, for error messages (in this front end's key names). */
export const howToConfigureKey = (): string =>
  `configure the application's SDK secret key so the provider generates it: ` +
  `\`pulumi config set --secret ${configKey("sdkSecretKey")} <key>\` (or ${configKey("sdkSecretKeys")}, ` +
  `env ${ENV_KEYS.sdkSecretKey})`;
