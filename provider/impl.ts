/**
 * `pulumi-trtc-relay/impl`: the module the provider text stored in state loads (see provider.ts).
 *
 * Two generations of stored text call it, and both must keep working for as long as stacks hold them:
 * - current: `require("pulumi-trtc-relay/impl").dynamicProvider`, a ready-made `ResourceProvider`;
 * - the first releases' serialized shim: `require("pulumi-trtc-relay/impl").<method>(...)` per call, with
 *   `configure` given the config object rather than the request (tests/fixtures/provider-shim-v0.txt).
 */
import type * as pulumi from "@pulumi/pulumi";
import { check, configure, create, delete as stopTask, diff, read, update } from "./lifecycle";

export { check, configure, create, diff, read, update };
/** Stops the task; exported under the provider method's name for the first releases' shim. */
export { stopTask as delete };

/** The dynamic provider the dynamic-provider host runs for every PublishCdnStream. */
export const dynamicProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    // Synchronous hand-off before any await: the host may run other calls before this promise settles.
    configure(req.config);
  },
  check,
  diff,
  create,
  read,
  update,
  delete: stopTask,
};
