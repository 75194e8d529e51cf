/**
 * What each setting is, in the words of the package schema's config variables (codegen/ writes them into
 * provider/schema.json): its type, whether it is secret, its default and its meaning. Keyed by
 * {@link Setting}, so a setting added to config.ts without a description here does not compile.
 *
 * In the package schema every setting is in the `trtc:` namespace (`trtc:secretKey`), as a native provider
 * plugin reads it; the dynamic provider reads the credentials and the region from `tencentcloud:*` instead
 * (config.ts). The environment fallbacks are the same for both.
 */
import { REGIONS } from "../trtc/actions";
import { DEFAULT_ENDPOINT, DEFAULT_REGION, REQUEST_TIMEOUT_MS, type Setting } from "./config";
import { DEFAULT_USERSIG_EXPIRE_SECONDS, MAX_USERSIG_EXPIRE_SECONDS } from "./usersig/settings";

const codes = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");

/** One setting, as documented. */
export interface SettingDoc {
  /** `string`, or `integer` for a whole number (given as a string in stack config). */
  readonly type: "string" | "integer";
  /** Credentials and SDK secret keys: stack config must hold them encrypted (`pulumi config set --secret`). */
  readonly secret?: boolean;
  /** What the provider uses when neither stack config nor the environment sets it. */
  readonly default?: string | number;
  readonly description: string;
}

/** Every setting the provider reads. */
export const SETTING_DOCS: Readonly<Record<Setting, SettingDoc>> = {
  secretId: { type: "string", description: "Tencent Cloud SecretId of the API key that calls TRTC." },
  secretKey: { type: "string", secret: true, description: "Tencent Cloud SecretKey of that API key." },
  securityToken: {
    type: "string",
    secret: true,
    description: "Session token of temporary (STS) credentials, sent as `X-TC-Token`.",
  },
  region: {
    type: "string",
    default: DEFAULT_REGION,
    description:
      `Region of the TRTC API calls (\`X-TC-Region\`). China site: ${codes(REGIONS.cn)}; international site: ` +
      `${codes(REGIONS.intl)}. Changing it replaces every task.`,
  },
  endpoint: {
    type: "string",
    default: DEFAULT_ENDPOINT,
    description:
      "TRTC API endpoint: a host name (https is assumed) or a URL, e.g. `https://trtc.intl.tencentcloudapi.com` for " +
      "the international site or `http://127.0.0.1:<port>` for the local emulator. Hosts containing `.intl.` are " +
      "validated against the international site's rules. Changing it replaces every task.",
  },
  requestTimeoutMs: {
    type: "integer",
    description: `Per-request timeout in milliseconds, from ${REQUEST_TIMEOUT_MS.min} to ${REQUEST_TIMEOUT_MS.max}; the client's default when unset.`,
  },
  sdkSecretKey: {
    type: "string",
    secret: true,
    description:
      "The TRTC application's SDK secret key, for any SdkAppId: with it, robots without a `userSig` get one " +
      "generated (docs/USERSIG.md).",
  },
  sdkSecretKeys: {
    type: "string",
    secret: true,
    description: 'SDK secret keys per application, as a JSON object `{"<SdkAppId>": "<key>"}`; wins over `sdkSecretKey`.',
  },
  userSigExpireSeconds: {
    type: "integer",
    default: DEFAULT_USERSIG_EXPIRE_SECONDS,
    description: `Lifetime in seconds of the UserSigs the provider generates, at most ${MAX_USERSIG_EXPIRE_SECONDS}.`,
  },
};
