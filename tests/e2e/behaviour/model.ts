/**
 * The Pulumi behaviour suite's vocabulary: a row is a workflow a careful user runs (a program, CLI steps,
 * emulator faults) and what must then be true of the emulator, the state and the engine's output. Rows are
 * data, so every Pulumi front end of PublishCdnStream runs the same table: the dynamic TypeScript resource
 * today, the native provider plugin (`trtc:index:PublishCdnStream`) once it exists. A front end only renders
 * programs and installs itself (frontend.ts); the runner (runner.ts) drives the CLI and the emulator.
 */
import type { TrtcClient } from "../../../trtc/client/client";
import type { EmulatorTask } from "../harness";

/** JSON, the leaves of every program value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Another resource's output, e.g. `{ $ref: "other", prop: "sequenceNumber" }`. */
export interface Ref {
  $ref: string;
  prop: string;
}

/** A string built from text and outputs (`pulumi.interpolate`; `${other.prop}` in YAML). */
export interface Interpolate {
  $interpolate: Array<string | Expr>;
}

/** A secret stack-config value of the project's namespace (`config.requireSecret(key)`). */
export interface SecretConfig {
  $secretConfig: string;
}

/** A value the program marks secret itself (`pulumi.secret(value)`). */
export interface Secret {
  $secret: Expr;
}

/**
 * A value known only once `after` is known (`after.apply(v => value)`): wholly unknown in a preview where
 * `after` is. Inside `value`, {@link It} stands for the resolved output.
 */
export interface After {
  $after: Ref;
  value: Expr;
}

/** The resolved output inside {@link After}'s value. */
export interface It {
  $it: true;
}

/** An output of another stack of the same backend (`new StackReference(stack).getOutput(name)`). */
export interface StackOutput {
  $stackOutput: { project: string; stack: string; name: string };
}

/** A program value: JSON with outputs, config, secrets and stack references inside. */
export type Expr = Json | Ref | Interpolate | SecretConfig | Secret | After | It | StackOutput | Expr[] | { [key: string]: Expr };

/** The resource options a row may set; every front end maps them to its language's spelling. */
export interface OptionSpec {
  deleteBeforeReplace?: boolean;
  replaceOnChanges?: string[];
  customTimeouts?: { create?: string; update?: string; delete?: string };
  ignoreChanges?: string[];
  retainOnDelete?: boolean;
  protect?: boolean;
  /** Earlier names of this resource. */
  aliases?: Array<{ name: string }>;
  /** The `import` option: adopt the task with this id instead of starting one. */
  import?: string;
  /** The `id` option: read an existing resource instead of managing one. */
  id?: string;
  replacementTrigger?: Expr;
  /** Names of resources of the same program whose replacement replaces this one. */
  replaceWith?: string[];
  /** Names of resources of the same program. */
  dependsOn?: string[];
}

/** One PublishCdnStream of a program. */
export interface ResourceSpec {
  /** The resource name (the last part of its URN). */
  name: string;
  /** The arguments, camelCase as the resource takes them. */
  args: { [key: string]: Expr };
  options?: OptionSpec;
}

/** A whole program: PublishCdnStreams in order, and stack outputs. */
export interface ProgramSpec {
  resources: ResourceSpec[];
  outputs?: Record<string, Expr>;
}

/** What the emulator's Start does when a robot UserId is already seated (docs/EMULATOR.md). */
export type CollisionMode = "refuse" | "kick";

/** The engine's verdict for one resource in a run, from its event log. */
export type Op = "create" | "update" | "replace" | "delete" | "same" | "read" | "refresh" | "import";

/** What one CLI run must show. */
export interface RunExpect {
  /** Exit status 0 (true) or not. */
  ok: boolean;
  /** The verdict per resource name; resources not listed are not checked. */
  ops?: Record<string, Op | "none">;
  /** Text the engine's output (stdout and stderr) must contain. */
  output?: Array<string | RegExp>;
  /** Values that must not appear anywhere in the output (computed when the step runs). */
  hidden?: (ctx: RowContext) => string[] | Promise<string[]>;
}

/** The result of one CLI run. */
export interface RunResult {
  argv: string[];
  code: number | null;
  /** stdout and stderr, interleaved as received. */
  output: string;
  /** Ops per resource name (PublishCdnStreams only). */
  ops: Record<string, Op>;
  ms: number;
}

/** A PublishCdnStream as state holds it, secrets revealed. */
export interface StateResource {
  name: string;
  urn: string;
  id: string;
  inputs: Record<string, any>;
  outputs: Record<string, any>;
  protect?: boolean;
  retainOnDelete?: boolean;
}

/** What assertions and step arguments can see. */
export interface RowContext {
  /** The front end running the row. */
  fe: { name: string; typeToken: string; uninstalledError: RegExp; importId?: (sdkAppId: number, taskId: string) => string };
  /** The emulator's robot-collision mode for this run. */
  mode: CollisionMode;
  /** The stack name (`dev`) and project of the row's main project. */
  project: string;
  stack: string;
  /** The URN of a resource of a project (default: the row's main project). */
  urn(name: string, project?: string): string;
  emulator: {
    url: string;
    /** The API SecretKey the stack signs with (a secret the rows look for in output and state). */
    secretKey: string;
    tasks(): Promise<EmulatorTask[]>;
    running(): Promise<EmulatorTask[]>;
    requests(): Promise<Array<{ action: string; outcome: string; taskId?: string }>>;
    control(method: string, route: string, body?: unknown): Promise<any>;
    /** A TRTC API client signed with the emulator's key: what a user's own tooling outside Pulumi uses. */
    client(): TrtcClient;
  };
  /** The PublishCdnStreams in a project's state, secrets revealed (`pulumi stack export --show-secrets`). */
  state(project?: string): Promise<StateResource[]>;
  /** The raw state file, as the file backend stores it. */
  stateText(project?: string): string;
  /** Every CLI run so far; `last` is the latest. */
  runs: RunResult[];
  last(): RunResult;
  /** Values one step leaves for a later one (TaskIds, counts). */
  vars: Record<string, any>;
  /** A path in the row's scratch directory (for plan files and the like). */
  file(name: string): string;
}

/** A CLI argument, fixed or computed when the step runs (a URN, a file path). */
export type Arg = string | ((ctx: RowContext) => string);

/** One step of a row. */
export type Step =
  /** Writes (or rewrites) a project's program (computed when it needs a value from an earlier step); the first one also creates its stack. */
  | { kind: "program"; program: ProgramSpec | ((ctx: RowContext) => ProgramSpec); project?: string }
  /**
   * Runs `pulumi <args>` in a project, e.g. `["up"]`, `["preview", "--save-plan", file]`; `byMode` replaces
   * `expect` in the robot-collision modes where the outcome differs.
   */
  | { kind: "pulumi"; args: Arg[]; expect: RunExpect; byMode?: Partial<Record<CollisionMode, RunExpect>>; project?: string }
  /** Runs `pulumi up <args>` and sends SIGINT `signals` times once `inFlight` Starts have reached the emulator. */
  | { kind: "interrupt"; args: Arg[]; signals: 1 | 2; inFlight: number; expect: RunExpect }
  /** Acts on the emulator (faults, rooms, clock, tasks) the way a test or an outside actor would. */
  | { kind: "emulator"; what: string; act: (ctx: RowContext) => Promise<void> }
  /** Removes the front end's code from the project (npm uninstall, a deleted plugin), or puts it back. */
  | { kind: "uninstall" }
  | { kind: "reinstall" }
  /** Asserts on the emulator, the state and earlier runs. */
  | { kind: "verify"; what: string; check: (ctx: RowContext) => Promise<void> };

/** One workflow of the table. */
export interface Row {
  /** Stable short name, e.g. `replace-cli`; `BEHAVIOUR_ROWS=a,b` runs only these. */
  id: string;
  /** The workflow, as a user would name it. */
  workflow: string;
  /** The outcome a careful user expects, in words (the table's second column). */
  expected: string;
  /** The item of issue 19 this row was written for, when it is one of the seven. */
  item?: number;
  /**
   * Why a front end cannot run this row, or undefined when it can; such rows are reported and counted as
   * "not applicable", never skipped in silence.
   */
  notApplicable?: (fe: FrontEndTraits) => string | undefined;
  /** Run once per robot-collision mode the emulator has (the expectations read `ctx.mode`). */
  perCollisionMode?: boolean;
  /** Stack config of every project of the row (the project namespace unless the key has one). */
  config?: Record<string, { value: string; secret?: boolean }>;
  steps: Step[];
}

/** What rows may ask of a front end when deciding whether they apply. */
export interface FrontEndTraits {
  name: string;
  /** `pulumi import <type> <name> <id>` adopts a running task. */
  cliImport: boolean;
  /** The `import` resource option adopts a running task (else the resource refuses it). */
  importOption: boolean;
}
