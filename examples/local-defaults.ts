/**
 * What every example falls back to when its stack config does not say otherwise, chosen so `pulumi up`
 * works out of the box against the local emulator. None of these are valid on Tencent Cloud; set real
 * values with `pulumi config set --secret robotUserSig ...` and friends.
 *
 * The placeholder push URL carries a `txSecret` on purpose: it is the value a state-file check can look
 * for to prove push URLs are stored encrypted.
 */
import * as pulumi from "@pulumi/pulumi";

/** The SdkAppId of Tencent's own examples; the emulator accepts any. */
export const LOCAL_SDK_APP_ID = 1400188366;

/** A stand-in UserSig. The emulator does not verify UserSigs; Tencent Cloud does. */
export const LOCAL_USERSIG = "local-emulator-usersig-replace-me-with-pulumi-config";

/** A Tencent CDN push URL for `stream` with a placeholder `txSecret` (secret-shaped, not a real key). */
export const localPushUrl = (stream: string): string =>
  `rtmp://3891.livepush.myqcloud.com/live/${stream}?txSecret=0f1e2d3c4b5a69788796a5b4c3d2e1f0&txTime=7FFFFFFF`;

/** A secret stack setting, or the local default wrapped as a secret so it is never stored in plaintext. */
export function secretSetting(cfg: pulumi.Config, key: string, localDefault: string): pulumi.Output<string> {
  return cfg.getSecret(key) ?? pulumi.secret(localDefault);
}

/**
 * Makes a module's default-exported program runnable by `pulumi up` as well as importable.
 * Pulumi's CommonJS loader calls `module.exports` only when it is itself a function (it unwraps
 * `default` for ES modules only), so the module object becomes the program, keeping `.default` for imports.
 */
export function exportProgram<T extends (...args: never[]) => unknown>(mod: NodeModule, program: T): void {
  mod.exports = Object.assign(program, { default: program, __esModule: true });
}
