/**
 * `pulumi-trtc-relay/impl`: the module the provider text stored in state loads (see provider.ts); the
 * dynamic-provider front end over the shared lifecycle (lifecycle/), bound to the real client and env.
 *
 * Two generations of stored text call it, and both must keep working for as long as stacks hold them:
 * - current: `require("pulumi-trtc-relay/impl").dynamicProvider`, a ready-made `ResourceProvider`;
 * - the first releases' serialized shim: `require("pulumi-trtc-relay/impl").<method>(...)` per call, with
 *   `configure` given the config object rather than the request (tests/fixtures/provider-shim-v0.txt).
 */
import type * as pulumi from "@pulumi/pulumi";
import { markSecretArguments } from "./dynamic-secrets";
import * as lifecycle from "./lifecycle";
import { type TimedOperation, timeoutMs } from "./options";

type Props = Record<string, any>;

/**
 * The real dependencies with the deadline `customTimeouts` sets for `op`, read from the options the
 * resource handed over in `props` (the host never passes the engine's timeout on; ./options.ts).
 */
const depsFor = (props: Props | undefined, op: TimedOperation): lifecycle.LifecycleDeps => {
  const deadlineMs = timeoutMs(props, op);
  return deadlineMs === undefined ? lifecycle.defaultDeps : { ...lifecycle.defaultDeps, deadlineMs };
};

/** See lifecycle/configure.ts. */
export const configure = lifecycle.configure;
/** See lifecycle/check.ts. */
export const check = (olds: Props, news: Props) => lifecycle.check(lifecycle.defaultDeps, olds, news);
/** See lifecycle/diff.ts. */
export const diff = (id: string, olds: Props, news: Props) => lifecycle.diff(lifecycle.defaultDeps, id, olds, news);
/** See lifecycle/create.ts; bounded by `customTimeouts.create`. */
export const create = (inputs: Props) => lifecycle.create(depsFor(inputs, "create"), inputs);
/** See lifecycle/read.ts. */
export const read = (id: string, props?: Props) => lifecycle.read(lifecycle.defaultDeps, id, props);
/** See lifecycle/update.ts; bounded by `customTimeouts.update`. */
export const update = (id: string, olds: Props, news: Props) => lifecycle.update(depsFor(news, "update"), id, olds, news);
/** Stops the task (lifecycle/delete.ts), bounded by `customTimeouts.delete`; exported under the provider method's name for the first releases' shim. */
const stopTask = (id: string, props: Props): Promise<void> => lifecycle.deleteTask(depsFor(props, "delete"), id, props);
export { stopTask as delete };

/** The dynamic provider the dynamic-provider host runs for every PublishCdnStream. */
export const dynamicProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    // Synchronous hand-off before any await: the host may run other calls before this promise settles.
    configure(req.config);
  },
  async check(olds, news) {
    const checked = await check(olds, news);
    return { ...checked, inputs: markSecretArguments(checked.inputs) };
  },
  diff,
  create,
  read,
  update,
  delete: stopTask,
};
