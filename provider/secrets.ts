/**
 * Which properties of a PublishCdnStream hold secrets, in one place used by the resource class for both
 * its inputs and its outputs.
 *
 * The dynamic-provider host cannot return secrets itself (it answers `acceptSecrets: false`), so:
 * - as inputs, the constructor wraps each secret **leaf** ({@link SECRET_LEAVES}) in `pulumi.secret`, so
 *   the stored inputs are encrypted even when the user passed a plain string. Only the leaf: a secret is an
 *   Output, and an Output is known or unknown as a whole, so wrapping a whole list would make one unknown
 *   push URL hide the list's shape from preview (issue 19: an update previewed as a replacement). The engine
 *   stores a list holding a secret as wholly secret, and an object's secret fields as secret;
 * - as outputs, the whole top-level property, through `additionalSecretOutputs`, because the engine only
 *   re-marks output values whose input was secret, and that rule does not cover values the provider
 *   computes (a UserSig generated at Start).
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

/**
 * The secret leaves under a property: `true` is the secret value itself, `*` any item of a list. What the
 * constructor wraps, and what a front end that handles secrets itself (the native provider) re-wraps.
 */
export type SecretTree = true | { readonly [key: string]: SecretTree };

/** The secret leaves of each secret property. */
export const SECRET_LEAVES: Readonly<Record<SecretProperty, SecretTree>> = {
  agentParams: { userSig: true },
  feedBackRoomParams: { "*": { userSig: true } },
  publishCdnParams: { "*": { publishCdnUrl: true } },
  recordParams: { mcuStorageParams: { cloudStorage: { accessKey: true, secretKey: true } } },
};
