/**
 * Which top-level properties of a PublishCdnStream are secret, in one list used by the resource class for
 * both its inputs and its outputs.
 *
 * Pulumi secrets are per top-level property, and the dynamic-provider host cannot return secrets itself
 * (it answers `acceptSecrets: false`), so the whole nested object is made secret:
 * - as an input, by wrapping it in `pulumi.secret` in the constructor, so the stored inputs are encrypted
 *   even when the user passed a plain string;
 * - as an output, through `additionalSecretOutputs`, because the engine only re-marks output keys whose
 *   input was secret, and that rule does not cover values the provider computes.
 */

/** Properties holding credentials of some kind, each with the secret it carries. */
export const SECRET_PROPERTIES = {
  /** `userSig` authenticates the relay robot. */
  agentParams: "the robot's UserSig",
  /** `userSig` of every push-back robot. */
  feedBackRoomParams: "push-back UserSigs",
  /** Push URLs carry `txSecret` (a signed push key). */
  publishCdnParams: "txSecret in push URLs",
  /** `cloudStorage.accessKey` / `secretKey`. */
  recordParams: "storage keys",
} as const;

/** A property name listed in {@link SECRET_PROPERTIES}. */
export type SecretProperty = keyof typeof SECRET_PROPERTIES;

/** The names of {@link SECRET_PROPERTIES}, ready for `additionalSecretOutputs`. */
export const SECRET_OUTPUTS: readonly SecretProperty[] = Object.keys(SECRET_PROPERTIES) as SecretProperty[];

/** True when `name` is one of the secret properties. */
export function isSecretProperty(name: string): name is SecretProperty {
  return Object.hasOwn(SECRET_PROPERTIES, name);
}
