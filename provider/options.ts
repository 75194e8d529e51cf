/**
 * What PublishCdnStream does with the Pulumi resource options it is constructed with (docs/RESOURCE.md,
 * "Pulumi options"). The dynamic-provider host never tells the provider about options, so the resource
 * applies what it must itself, when it is constructed, from plain values only: no Output and no await is
 * added per resource (preview cost scales with resources).
 *
 * Two options take effect only in the provider, so the resource hands them over as the input
 * `__options` ({@link OPTIONS_KEY}), which never reaches the API and never counts as a change:
 * `replaceOnChanges` (the diff adds its replacements, replace-on-changes.ts) and `customTimeouts` (each
 * operation's API calls are bounded by its timeout, through `LifecycleDeps.deadlineMs`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { durationMs } from "./duration";
import { OPTIONS_KEY } from "./outputs";

/** The operations `customTimeouts` bounds; `read` makes no API call. */
export type TimedOperation = "create" | "update" | "delete";

/** The options handed to the provider as `__options`, as plain JSON. */
export interface ProviderOptions {
  /** Property paths whose change replaces the task. */
  replaceOnChanges?: string[];
  /** Go duration strings per operation, as the program gave them. */
  customTimeouts?: Partial<Record<TimedOperation, string>>;
}

const TIMED: readonly TimedOperation[] = ["create", "update", "delete"];

/** The `__options` input for `opts`, or undefined when there is nothing to hand over (the usual case). */
export function providerOptions(opts: pulumi.CustomResourceOptions | undefined): ProviderOptions | undefined {
  const handed: ProviderOptions = {};
  if (opts?.replaceOnChanges?.length) handed.replaceOnChanges = [...opts.replaceOnChanges];
  const timeouts = opts?.customTimeouts;
  for (const op of TIMED) {
    const value = timeouts?.[op];
    if (typeof value === "string" && value !== "") handed.customTimeouts = { ...handed.customTimeouts, [op]: value };
  }
  return handed.replaceOnChanges || handed.customTimeouts ? handed : undefined;
}

/** The options a property map carries (inputs or stored outputs); empty for older state. */
export function optionsOf(props: Record<string, unknown> | undefined): ProviderOptions {
  const value = props?.[OPTIONS_KEY];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as ProviderOptions) : {};
}

/** The deadline `customTimeouts` sets for `op` in ms, or undefined (the client's default). */
export function timeoutMs(props: Record<string, unknown> | undefined, op: TimedOperation): number | undefined {
  const text = optionsOf(props).customTimeouts?.[op];
  const ms = text === undefined ? undefined : durationMs(text);
  return ms !== undefined && ms > 0 ? ms : undefined;
}

/** `state` with the options of `from` kept beside it, so delete finds the timeout the last create or update had. */
export function withOptions<T extends object>(state: T, from: Record<string, unknown>): T {
  return from[OPTIONS_KEY] === undefined ? state : { ...state, [OPTIONS_KEY]: from[OPTIONS_KEY] };
}

/** The message refusing an option that would read a task into state (`import`, `id`). */
export function refusedReadMessage(name: string, option: "import" | "id"): string {
  return (
    `PublishCdnStream "${name}": the \`${option}\` resource option is not supported. TRTC has no Describe call for relay ` +
    `tasks, so no provider can read a running task into state from its TaskId, and Pulumi's dynamic-provider host, ` +
    `which runs this resource, cannot import at all (pulumi/pulumi#16175). Remove \`${option}\`. To manage a task that ` +
    `already runs, stop it (StopPublishCdnStream with its TaskId, or let it end after agentParams.maxIdleTime) and let ` +
    `\`pulumi up\` start it; or use the native provider plugin pulumi-resource-trtc (type trtc:index:PublishCdnStream), ` +
    `which imports a task by its TaskId.`
  );
}

/**
 * `opts` as registered with the engine; throws for options the resource refuses ({@link refusedReadMessage}).
 *
 * - `deleteBeforeReplace` defaults to true. TRTC seats a robot UserId once per room, so a replacement
 *   must stop the old task before the new one starts. The provider's diff says so for the replacements
 *   it decides, but the engine decides some without asking it (`pulumi up --replace`, `--target-replace`,
 *   `replacementTrigger`, `replaceWith`) and then reads only this option. A user who sets
 *   `deleteBeforeReplace: false` gets create-before-delete on every path, as asked.
 * - `import` and `id` are refused with a message saying why and what to use.
 */
export function registeredOptions(
  name: string,
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: readonly string[],
): pulumi.CustomResourceOptions {
  // Refused here, while the program runs: the engine's own attempt fails inside the host with a TypeError.
  if (opts?.import !== undefined) throw new Error(refusedReadMessage(name, "import"));
  if (opts?.id !== undefined) throw new Error(refusedReadMessage(name, "id"));
  return {
    ...opts,
    deleteBeforeReplace: opts?.deleteBeforeReplace ?? true,
    additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretOutputs])],
  };
}
