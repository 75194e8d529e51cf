/**
 * The stack harness shared by the end-to-end tests (tests/e2e), the benchmarks (bench/) and the
 * reliability runs: an emulator in this process, Pulumi stacks pointed at it through the real CLI on a
 * `file://` backend, and readers of what those stacks stored.
 *
 * A new end-to-end suite needs three calls:
 * @example
 * const env = await openEnv();                        // emulator on port 0 + scratch directory
 * const stack = await inlineStack(env, "proj", "dev", program);
 * await stack.up();
 * expect(await env.running()).toHaveLength(1);
 * await env.close();
 */
export { type EmulatorTask, type EnvOptions, type HarnessEnv, openEnv } from "./env";
export { type LocalStackOptions, openLocalStack, stateFilePath } from "./local-stack";
export { collector } from "./output";
export { ensurePulumiOnPath, pulumiCliVersion } from "./pulumi-cli";
export { REPO, repoRoot } from "./repo";
export { PASSPHRASE, cliEnv, type EmulatorEndpoint, emulatorConfig, inlineStack, projectStack, type StackHost } from "./stacks";
export { relayResources, revealSecrets, stateText, userArgs } from "./state";
