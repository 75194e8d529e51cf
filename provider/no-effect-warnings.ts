/**
 * Tells the user, when the program runs, about arguments that have no effect where they are: fields
 * Tencent documents as "only takes effect in …" (the shared table, trtc/schema/rules/no-effect.ts). They
 * are accepted, as Tencent accepts them, so check does not fail; and a dynamic provider's check can only
 * return failures, never warnings, so the resource itself warns, through `pulumi.log.warn`, once the
 * argument values are known. Messages name the camelCase property and the deciding value only: never a
 * UserSig, push URL or key.
 */
import * as pulumi from "@pulumi/pulumi";
import { toApiCase } from "../trtc/casing";
import { formatNoEffect, noEffectFields } from "../trtc/validate";
import { isArgument } from "./outputs";

/** What {@link warnNoEffect} logs with; `pulumi.log.warn` by default. */
export type WarnFn = (message: string, resource?: pulumi.Resource) => unknown;

/**
 * The warnings for resolved arguments (camelCase, as the program passed them):
 * `videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 …`.
 */
export function noEffectWarnings(args: Record<string, unknown>): string[] {
  const known = Object.fromEntries(Object.entries(args ?? {}).filter(([key]) => isArgument(key)));
  return noEffectFields(toApiCase(known)).map(formatNoEffect);
}

/**
 * Once `args` resolve, warns on `resource` about each argument without effect. Unknown values (preview
 * before a dependency exists) are never judged: the callback only runs with known values.
 */
export function warnNoEffect(args: object, resource: pulumi.Resource, warn: WarnFn = pulumi.log.warn): void {
  pulumi.output(args as Record<string, pulumi.Input<unknown>>).apply((resolved) => {
    for (const message of noEffectWarnings(resolved as Record<string, unknown>)) warn(message, resource);
  });
}
