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
import { makeLifecycle } from "./lifecycle";

const lifecycle = makeLifecycle();

/** See lifecycle/configure.ts. */
export const configure = lifecycle.configure;
/** See lifecycle/check.ts. */
export const check = lifecycle.check;
/** See lifecycle/diff.ts. */
export const diff = lifecycle.diff;
/** See lifecycle/create.ts. */
export const create = lifecycle.create;
/** See lifecycle/read.ts. */
export const read = lifecycle.read;
/** See lifecycle/update.ts. */
export const update = lifecycle.update;
const stopTask = lifecycle.delete;
/** Stops the task (lifecycle/delete.ts); exported under the provider method's name for the first releases' shim. */
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
