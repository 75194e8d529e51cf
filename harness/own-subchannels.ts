/**
 * Gives each of this process's gRPC clients to a Pulumi engine its own subchannels.
 *
 * Automation API inline programs run in the test (or benchmark) process and reach each CLI run's engine and
 * resource monitor through `@pulumi/pulumi`'s gRPC clients. grpc-js shares one subchannel per address across
 * every client of the process. A CLI that exits while the program still calls it (killed mid-up, or stopped at
 * a failed check) leaves the subchannel to its 127.0.0.1 port backing off after `ECONNREFUSED`; a later CLI
 * that listens on the same port is then handed that subchannel, and the program's first call
 * (`setRootResource`) fails at once with `14 UNAVAILABLE: No connection established. Last error: null`. The
 * Automation API host takes any gRPC error for "the engine went away" and ends the run as a success with
 * nothing registered: an up that deploys nothing, or a preview that passes empty. Seen in the bad-input corpus
 * (3 of 159 previews under load) and once in CI (an up after the SIGKILL scenarios of
 * tests/e2e/reliability-faults.test.ts reported done=0). tests/integration/own-subchannels.test.ts reproduces
 * it with two clients and a reused port.
 *
 * This sets grpc-js's `grpc.use_local_subchannel_pool` in `settings.grpcClientOptions` (internal to
 * `@pulumi/pulumi`, read each time it creates a client). It configures this process's clients only, never
 * the engine, the provider or a user's program.
 */

/** The channel option that gives a client its own subchannel pool (grpc-js channel-options). */
export const LOCAL_SUBCHANNEL_POOL = "grpc.use_local_subchannel_pool";

/**
 * The options `@pulumi/pulumi` creates its engine and monitor clients with (`runtime/settings`), as loaded in
 * this module registry (jest gives each test file its own).
 */
export function pulumiClientOptions(): Record<string, unknown> {
  const settings = require("@pulumi/pulumi/runtime/settings") as { grpcClientOptions?: Record<string, unknown> };
  if (!settings.grpcClientOptions) throw new Error("@pulumi/pulumi/runtime/settings no longer exports grpcClientOptions");
  return settings.grpcClientOptions;
}

/** Sets {@link LOCAL_SUBCHANNEL_POOL} on `@pulumi/pulumi`'s client options; idempotent. */
export function ownSubchannels(): void {
  pulumiClientOptions()[LOCAL_SUBCHANNEL_POOL] = 1;
}
