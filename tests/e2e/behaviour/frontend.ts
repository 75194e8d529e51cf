/**
 * A Pulumi front end of PublishCdnStream, as the behaviour suite needs it: how to lay out a project that
 * declares the row's program, and how to take the front end's code away and give it back. Everything else
 * (the CLI, the emulator, assertions) is the runner's and the rows', so a second front end runs the same
 * table by implementing this interface (see README in this folder).
 */
import type { FrontEndTraits, ProgramSpec } from "./model";

/** One way a Pulumi program declares a PublishCdnStream. */
export interface FrontEnd extends FrontEndTraits {
  /** The resource's type token, part of every URN (`pulumi-nodejs:dynamic/trtc:PublishCdnStream`). */
  readonly typeToken: string;
  /**
   * Creates `dir` as a project named `project` that declares `program`: Pulumi.yaml, the program, and
   * whatever the program needs to find the front end (node_modules, a plugin). The stack is created by
   * the runner afterwards with `pulumi stack init`.
   */
  createProject(dir: string, project: string, program: ProgramSpec): void;
  /** Replaces the program of a project made by {@link createProject}. */
  writeProgram(dir: string, program: ProgramSpec): void;
  /** Removes the front end's code from the project, as `npm uninstall` (or deleting a plugin) would. */
  uninstall(dir: string): void;
  /** Undoes {@link uninstall}. */
  reinstall(dir: string): void;
  /** Environment the CLI needs for this front end (PATH entries for a plugin, say); merged into every run. */
  env(): Record<string, string>;
  /** What the engine says when a PublishCdnStream must be deleted but the front end's code is gone. */
  readonly uninstalledError: RegExp;
  /** The stack-config namespace of the credentials and region (`tencentcloud`, the default, or the plugin's `trtc`). */
  readonly credentialNamespace?: "tencentcloud" | "trtc";
  /** Why this front end cannot express `program` (a construct its language lacks), or undefined when it can. */
  inexpressible?(program: ProgramSpec): string | undefined;
  /** The id `pulumi import` and the `import` option take for a running task (front ends that import). */
  importId?(sdkAppId: number, taskId: string): string;
}
