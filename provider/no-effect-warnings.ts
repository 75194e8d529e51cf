/**
 * Tells the user, when the program runs, about arguments that have no effect where they are: fields
 * Tencent documents as "only takes effect in …" (the shared table, trtc/schema/rules/no-effect.ts). They
 * are accepted, as Tencent accepts them, so check does not fail; and a dynamic provider's check can only
 * return failures, never warnings, so the resource itself warns, through `pulumi.log.warn`, once the
 * argument values are known (the plugin, whose Check can log, warns from there: native/check.ts). The
 * messages are no-effect.ts's.
 */
import * as pulumi from "@pulumi/pulumi";
import { noEffectWarnings } from "./no-effect";

export { noEffectWarnings };

/** What {@link warnNoEffect} logs with; `pulumi.log.warn` by default. */
export type WarnFn = (message: string, resource?: pulumi.Resource) => unknown;

/**
 * Once `args` resolve, warns on `resource` about each argument without effect. Unknown values (preview
 * before a dependency exists) are never judged: the callback only runs with known values.
 */
export function warnNoEffect(args: object, resource: pulumi.Resource, warn: WarnFn = pulumi.log.warn): void {
  pulumi.output(args as Record<string, pulumi.Input<unknown>>).apply((resolved) => {
    for (const message of noEffectWarnings(resolved as Record<string, unknown>)) warn(message, resource);
  });
}
