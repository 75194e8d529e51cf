/**
 * The end-to-end suites' entry to the shared stack harness (harness/): importing it puts the Pulumi CLI on
 * PATH and gives engine tests their long jest timeout. It re-exports the whole harness, so every name the
 * suites imported from here before the harness moved out of this file still works (`E2eEnv` is
 * `HarnessEnv`).
 */
import { ensurePulumiOnPath } from "../../harness";

export * from "../../harness";
export type { HarnessEnv as E2eEnv } from "../../harness";

ensurePulumiOnPath();
// Each engine operation spawns the CLI and a provider process; a scenario takes tens of seconds.
jest.setTimeout(600_000);
