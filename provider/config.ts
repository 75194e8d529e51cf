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

/**
 * Where one setting is read: the one table both front ends read (what each setting means, its type and
 * whether it is secret are in config-docs.ts, keyed by the same names, for the package schema).
 */
export interface SettingSpec {
  /** The dynamic provider's stack-config key (the credential keys pulumi-tencentcloud users already have). */
  readonly stackKey: string;
  /** The environment variable read when config does not set it. */
  readonly env: string;
}

/**
 * Every setting, keyed by its name. The dynamic provider reads {@link SettingSpec.stackKey}; the provider
 * plugin (`pulumi-resource-trtc`) receives only its own package's config, `trtc:<name>`, with the namespace
 * stripped (pulumi/pulumi `deploy/target.go` GetPackageConfig), so there the name itself is the key.
 */
export const SETTINGS = {
  secretId: {
    stackKey: "tencentcloud:secretId",
    env: "TENCENTCLOUD_SECRET_ID",
  },
  secretKey: {
    stackKey: "tencentcloud:secretKey",
    env: "TENCENTCLOUD_SECRET_KEY",
  },
  securityToken: {
    stackKey: "tencentcloud:securityToken",
    env: "TENCENTCLOUD_SECURITY_TOKEN",
  },
  region: {
    stackKey: "tencentcloud:region",
    env: "TENCENTCLOUD_REGION",
  },
  endpoint: {
    stackKey: "trtc:endpoint",
    env: "TRTC_ENDPOINT",
  },
  requestTimeoutMs: {
    stackKey: "trtc:requestTimeoutMs",
    env: "TRTC_REQUEST_TIMEOUT_MS",
  },
  sdkSecretKey: {
    stackKey: "trtc:sdkSecretKey",
    env: "TRTC_SDK_SECRET_KEY",
  },
  sdkSecretKeys: {
    stackKey: "trtc:sdkSecretKeys",
    env: "TRTC_SDK_SECRET_KEYS",
  },
  userSigExpireSeconds: {
    stackKey: "trtc:userSigExpireSeconds",
    env: "TRTC_USERSIG_EXPIRE_SECONDS",
  },
} as const satisfies Record<string, SettingSpec>;

/** A name of {@link SETTINGS}. */
export type Setting = keyof typeof SETTINGS;

/** The setting names, in table order. */
export const SETTING_NAMES = Object.keys(SETTINGS) as Setting[];

const column = <K extends keyof SettingSpec>(k: K) =>
  Object.fromEntries(SETTING_NAMES.map((name) => [name, SETTINGS[name][k]])) as { readonly [S in Setting]: (typeof SETTINGS)[S][K] };

/** The dynamic provider's stack-config keys, setting by setting (a column of {@link SETTINGS}). */
export const CONFIG_KEYS = column("stackKey");

/** The environment fallbacks, setting by setting (a column of {@link SETTINGS}). */
export const ENV_KEYS = column("env");

/** The provider plugin's config namespace: its package name. */
export const PACKAGE_NAMESPACE = "trtc";

/**
 * How the front end that runs in this process names settings: `stack` (the dynamic provider,
 * {@link CONFIG_KEYS}) or `package` (the plugin, `trtc:<setting>`). A process runs one front end only.
 */
export type ConfigNaming = "stack" | "package";

let naming: ConfigNaming = "stack";

/** Sets the naming used by {@link storeConfig} sources and by every message; the plugin sets `package` at start. */
export function useConfigNaming(next: ConfigNaming): void {
  naming = next;
}

/** The config key a user sets for `setting`, as this process's front end names it (for messages). */
export function configKey(setting: Setting): string {
  return naming === "package" ? `${PACKAGE_NAMESPACE}:${setting}` : CONFIG_KEYS[setting];
}

/** The public China-site endpoint, used when nothing overrides it (the client's default). */
export { DEFAULT_ENDPOINT };
/** The region used when neither config nor environment names one. */
export const DEFAULT_REGION = "ap-guangzhou";

/** Bounds of `requestTimeoutMs`, in milliseconds. */
export const REQUEST_TIMEOUT_MS = { min: 100, max: 600_000 } as const;

/** The part of Pulumi's `ConfigureRequest.config` this module uses. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Setting values as config gives them (trimmed, never empty). */
export type SettingValues = Partial<Record<Setting, string>>;

/** Stack config captured by the last `configure`; empty until then (then only the environment counts). */
const stackConfig: SettingValues = {};

/**
 * Copies this provider's keys out of the config, synchronously and without throwing. `source` answers the
 * keys of the current naming ({@link useConfigNaming}): stack keys, or the plugin's bare setting names.
 */
export function storeConfig(source: ConfigSource | undefined): void {
  for (const setting of SETTING_NAMES) {
    let value: string | undefined;
    try {
      value = source?.get(naming === "package" ? setting : CONFIG_KEYS[setting]);
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

/**
 * One setting: config if set, else its environment variable, else undefined (trimmed, never empty).
 * `config` is what configure stored, unless a caller judges other values (the plugin's CheckConfig).
 */
export function lookup(setting: Setting, env: NodeJS.ProcessEnv, config: SettingValues = stackConfig): string | undefined {
  const configured = config[setting];
  if (configured !== undefined) return configured;
  // Only now: each read of process.env copies the variable out of the C environment, and the lifecycle
  // resolves its settings several times per resource (docs/PERFORMANCE.md).
  const fromEnv = env[ENV_KEYS[setting]]?.trim();
  return fromEnv ? fromEnv : undefined;
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
  /** The setting at fault, when it is one (the plugin's CheckConfig reports the failure on it). */
  readonly setting?: Setting;
  constructor(message: string, setting?: Setting) {
    super(message);
    this.name = "ConfigError";
    if (setting !== undefined) this.setting = setting;
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
      `The TRTC endpoint is not a valid URL; set ${configKey("endpoint")} or ${ENV_KEYS.endpoint} to e.g. ` +
        `${DEFAULT_ENDPOINT} or http://127.0.0.1:<port>.`,
      "endpoint",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`The TRTC endpoint must use http or https (${configKey("endpoint")} / ${ENV_KEYS.endpoint}).`, "endpoint");
  }
  return `${url.protocol}//${url.host}`;
}

/** The last target {@link resolveTarget} built, by the setting values it was built from. */
let lastTarget: { key: string; target: Target } | undefined;

/**
 * The effective endpoint, region and validation site; `config` as for {@link lookup}. Check and diff
 * resolve it for every resource, and parsing the endpoint twice with WHATWG URL was about 25 ms of check's
 * 336 ms for 200 resources (docs/PERFORMANCE.md, "Second pass"), so the last result is reused while the
 * three settings read the same. Each call still reads them: a rotated variable applies at once.
 */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env, config?: SettingValues): Target {
  const rawEndpoint = lookup("endpoint", env, config) ?? DEFAULT_ENDPOINT;
  const region = lookup("region", env, config) ?? DEFAULT_REGION;
  const timeout = lookup("requestTimeoutMs", env, config);
  const key = JSON.stringify([rawEndpoint, region, timeout]);
  if (lastTarget?.key === key) return { ...lastTarget.target };
  const target = buildTarget(rawEndpoint, region, timeout);
  lastTarget = { key, target };
  return { ...target };
}

/** {@link resolveTarget} from the settings' values; throws {@link ConfigError} for a bad endpoint or timeout. */
function buildTarget(rawEndpoint: string, region: string, timeout: string | undefined): Target {
  const endpoint = normalizeEndpoint(rawEndpoint);
  const site = siteOfHost(new URL(endpoint).hostname);
  if (timeout === undefined) return { endpoint, region, site };
  const timeoutMs = Number(timeout);
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < REQUEST_TIMEOUT_MS.min || timeoutMs > REQUEST_TIMEOUT_MS.max) {
    throw new ConfigError(
      `The request timeout must be a whole number of milliseconds from ${REQUEST_TIMEOUT_MS.min} to ${REQUEST_TIMEOUT_MS.max}; set ` +
        `${configKey("requestTimeoutMs")} or ${ENV_KEYS.requestTimeoutMs}.`,
      "requestTimeoutMs",
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
  if (!secretId) missing.push(`${configKey("secretId")} (or env ${ENV_KEYS.secretId})`);
  if (!secretKey) missing.push(`${configKey("secretKey")} as a secret (or env ${ENV_KEYS.secretKey})`);
  if (missing.length > 0) {
    throw new ConfigError(
      `Tencent Cloud credentials are missing: set ${missing.join(" and ")}, e.g. ` +
        `\`pulumi config set --plaintext ${configKey("secretId")} AKID...\` and ` +
        `\`pulumi config set --secret ${configKey("secretKey")} ...\`.`,
    );
  }
  return token ? { secretId: secretId!, secretKey: secretKey!, token } : { secretId: secretId!, secretKey: secretKey! };
}
