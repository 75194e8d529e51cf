/**
 * Where credentials, region and endpoint come from: stack config read by `configure`, else the
 * environment variables Tencent's own tools read. Never resource inputs, never captured by the serialized
 * provider, never stored in state.
 *
 * `configure` runs once per provider process, and the host may start other calls before it finishes, so
 * {@link storeConfig} copies every key synchronously into a module-level object. Reading happens per call,
 * so a rotated environment variable takes effect without an `up`.
 */
import type { TrtcCredentials } from "../trtc/client/client";
import { DEFAULT_ENDPOINT, siteOfHost } from "../trtc/client/endpoint";
import type { Site } from "../trtc/schema";

/** The stack-config keys this provider reads (the ones pulumi-tencentcloud users already have). */
export const CONFIG_KEYS = {
  secretId: "tencentcloud:secretId",
  secretKey: "tencentcloud:secretKey",
  securityToken: "tencentcloud:securityToken",
  region: "tencentcloud:region",
  endpoint: "trtc:endpoint",
  requestTimeoutMs: "trtc:requestTimeoutMs",
  /** One TRTC SDK secret key, for any SdkAppId (provider/usersig/settings.ts). Set it as a secret. */
  sdkSecretKey: "trtc:sdkSecretKey",
  /** JSON object of per-application SDK secret keys, `{"1400188366": "..."}`; wins over `sdkSecretKey`. Secret. */
  sdkSecretKeys: "trtc:sdkSecretKeys",
  /** Lifetime in seconds of the UserSigs the provider generates. */
  userSigExpireSeconds: "trtc:userSigExpireSeconds",
} as const;

/** The environment fallbacks, key for key. */
export const ENV_KEYS = {
  secretId: "TENCENTCLOUD_SECRET_ID",
  secretKey: "TENCENTCLOUD_SECRET_KEY",
  securityToken: "TENCENTCLOUD_SECURITY_TOKEN",
  region: "TENCENTCLOUD_REGION",
  endpoint: "TRTC_ENDPOINT",
  requestTimeoutMs: "TRTC_REQUEST_TIMEOUT_MS",
  sdkSecretKey: "TRTC_SDK_SECRET_KEY",
  sdkSecretKeys: "TRTC_SDK_SECRET_KEYS",
  userSigExpireSeconds: "TRTC_USERSIG_EXPIRE_SECONDS",
} as const;

/** The public China-site endpoint, used when nothing overrides it (the client's default). */
export { DEFAULT_ENDPOINT };
/** The region used when neither config nor environment names one. */
export const DEFAULT_REGION = "ap-guangzhou";

/** Bounds of `requestTimeoutMs`, in milliseconds. */
export const REQUEST_TIMEOUT_MS = { min: 100, max: 600_000 } as const;

/** A name of {@link CONFIG_KEYS}. */
export type Setting = keyof typeof CONFIG_KEYS;

/** The part of Pulumi's `ConfigureRequest.config` this module uses. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Stack config captured by the last `configure`; empty until then (then only the environment counts). */
const stackConfig: Partial<Record<Setting, string>> = {};

/** Copies this provider's keys out of the stack config, synchronously and without throwing. */
export function storeConfig(source: ConfigSource | undefined): void {
  for (const setting of Object.keys(CONFIG_KEYS) as Setting[]) {
    let value: string | undefined;
    try {
      value = source?.get(CONFIG_KEYS[setting]);
    } catch {
      value = undefined; // a throwing configure leaves the provider cached unconfigured; fall back to env
    }
    if (value !== undefined && value.trim() !== "") stackConfig[setting] = value.trim();
    else delete stackConfig[setting];
  }
}

/** Forgets stored stack config (tests). */
export function clearConfig(): void {
  for (const setting of Object.keys(stackConfig) as Setting[]) delete stackConfig[setting];
}

/** One setting: stack config if set, else its environment variable, else undefined (trimmed, never empty). */
export function lookup(setting: Setting, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env[ENV_KEYS[setting]]?.trim();
  return stackConfig[setting] ?? (fromEnv ? fromEnv : undefined);
}

/** Which of Tencent's two sites an endpoint belongs to; decides a few validation ranges (spec §13.4). */
export type { Site };

/** Where calls go; needed by check (site) and diff (endpoint/region changes) without any credentials. */
export interface Target {
  /** Absolute URL with scheme, no trailing slash. */
  endpoint: string;
  /** X-TC-Region. */
  region: string;
  /** Validation flavour: `.intl.` hosts are the international site. */
  site: Site;
  /**
   * Per-request timeout in ms when configured; the client's default otherwise. A setting, not part of where
   * the task lives: slow networks (and the reliability runs) need it, and it never causes a replacement.
   */
  timeoutMs?: number;
}

/** Long-term or temporary credentials: the client's own type. */
export type Credentials = TrtcCredentials;

/** Thrown for unusable settings; names the keys to set, never their values. */
export class ConfigError extends Error {
  /** A stable code, like the API's, so callers can match on it. */
  readonly code = "ClientError.Configuration";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Normalises `host`, `host:port` or a URL into `scheme://host[:port]`; https unless given. */
export function normalizeEndpoint(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(
      `The TRTC endpoint is not a valid URL; set ${CONFIG_KEYS.endpoint} or ${ENV_KEYS.endpoint} to e.g. ` +
        `${DEFAULT_ENDPOINT} or http://127.0.0.1:<port>.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`The TRTC endpoint must use http or https (${CONFIG_KEYS.endpoint} / ${ENV_KEYS.endpoint}).`);
  }
  return `${url.protocol}//${url.host}`;
}

/** The effective endpoint, region and validation site. */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const endpoint = normalizeEndpoint(lookup("endpoint", env) ?? DEFAULT_ENDPOINT);
  const region = lookup("region", env) ?? DEFAULT_REGION;
  const site = siteOfHost(new URL(endpoint).hostname);
  const timeout = lookup("requestTimeoutMs", env);
  if (timeout === undefined) return { endpoint, region, site };
  const timeoutMs = Number(timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < REQUEST_TIMEOUT_MS.min || timeoutMs > REQUEST_TIMEOUT_MS.max) {
    throw new ConfigError(
      `The request timeout must be a whole number of milliseconds from ${REQUEST_TIMEOUT_MS.min} to ${REQUEST_TIMEOUT_MS.max}; set ` +
        `${CONFIG_KEYS.requestTimeoutMs} or ${ENV_KEYS.requestTimeoutMs}.`,
    );
  }
  return { endpoint, region, site, timeoutMs };
}

/** The credentials to sign with, or a {@link ConfigError} naming every way to provide them. */
export function resolveCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const secretId = lookup("secretId", env);
  const secretKey = lookup("secretKey", env);
  const token = lookup("securityToken", env);
  const missing: string[] = [];
  if (!secretId) missing.push(`${CONFIG_KEYS.secretId} (or env ${ENV_KEYS.secretId})`);
  if (!secretKey) missing.push(`${CONFIG_KEYS.secretKey} as a secret (or env ${ENV_KEYS.secretKey})`);
  if (missing.length > 0) {
    throw new ConfigError(
      `Tencent Cloud credentials are missing: set ${missing.join(" and ")}, e.g. ` +
        `\`pulumi config set ${CONFIG_KEYS.secretId} AKID...\` and ` +
        `\`pulumi config set --secret ${CONFIG_KEYS.secretKey} ...\`.`,
    );
  }
  return token ? { secretId: secretId!, secretKey: secretKey!, token } : { secretId: secretId!, secretKey: secretKey! };
}
