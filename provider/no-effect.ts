/**
 * The no-effect warnings for a resource's arguments, shared by both front ends: fields Tencent documents as
 * "only takes effect in …" (the shared table, trtc/schema/rules/no-effect.ts) are accepted, as Tencent
 * accepts them, and the user is told. The dynamic resource logs them with `pulumi.log.warn`
 * (no-effect-warnings.ts); the plugin sends them to the engine's log from Check (native/check.ts). Messages
 * name the camelCase property and the deciding value only: never a UserSig, push URL or key.
 */
import { toApiCase } from "../trtc/casing";
import { formatNoEffect, noEffectFields } from "../trtc/validate";
import { dependsOnUnknown } from "./check";
import { isArgument } from "./outputs";
import { unknownPaths } from "./unknowns";

/**
 * The warnings for arguments (camelCase, as the program passed them):
 * `videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 …`.
 * A warning that a preview-time unknown value could decide (the field, or the value it depends on, is not
 * known yet) is left out: it is given once the value is known.
 */
export function noEffectWarnings(args: Record<string, unknown>): string[] {
  const known = Object.fromEntries(Object.entries(args ?? {}).filter(([key]) => isArgument(key)));
  const unknowns = unknownPaths(known);
  return noEffectFields(toApiCase(known))
    .filter((field) => !dependsOnUnknown(field, unknowns))
    .map(formatNoEffect);
}
