/**
 * What PublishCdnStream does with the Pulumi resource options it is constructed with (docs/RESOURCE.md,
 * "Pulumi options"). The dynamic-provider host never tells the provider about options, so the resource
 * applies what it must itself, when it is constructed, from plain values only: no Output and no await is
 * added per resource (preview cost scales with resources).
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * `opts` as registered with the engine.
 *
 * - `deleteBeforeReplace` defaults to true. TRTC seats a robot UserId once per room, so a replacement
 *   must stop the old task before the new one starts. The provider's diff says so for the replacements
 *   it decides, but the engine decides some without asking it (`pulumi up --replace`, `--target-replace`,
 *   `replacementTrigger`, `replaceWith`) and then reads only this option. A user who sets
 *   `deleteBeforeReplace: false` gets create-before-delete on every path, as asked.
 */
export function registeredOptions(
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: readonly string[],
): pulumi.CustomResourceOptions {
  return {
    ...opts,
    deleteBeforeReplace: opts?.deleteBeforeReplace ?? true,
    additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretOutputs])],
  };
}
