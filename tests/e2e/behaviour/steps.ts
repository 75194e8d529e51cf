/** Short constructors for the steps rows are made of (model.ts has the full shapes). */
import type { Arg, Op, ProgramSpec, RowContext, RunExpect, Step } from "./model";

/** Writes the program (creating the project and its stack the first time). */
export const write = (program: ProgramSpec | ((ctx: RowContext) => ProgramSpec), project?: string): Step => ({
  kind: "program",
  program,
  project,
});

/** `pulumi <args>` with expectations. */
export const pulumi = (args: Arg[], expect: RunExpect, project?: string): Step => ({ kind: "pulumi", args, expect, project });

/** A `pulumi up` that succeeds with these ops. */
export const up = (ops: Record<string, Op | "none"> = {}, args: Arg[] = [], more: Partial<RunExpect> = {}): Step =>
  pulumi(["up", ...args], { ok: true, ops, ...more });

/** A `pulumi up` that fails, showing `output`. */
export const upFails = (output: Array<string | RegExp>, args: Arg[] = [], more: Partial<RunExpect> = {}): Step =>
  pulumi(["up", ...args], { ok: false, output, ...more });

/** A `pulumi preview` that succeeds with these ops. */
export const preview = (ops: Record<string, Op | "none">, args: Arg[] = [], more: Partial<RunExpect> = {}): Step =>
  pulumi(["preview", ...args], { ok: true, ops, ...more });

/** An emulator action. */
export const emulator = (what: string, act: (ctx: RowContext) => Promise<void>): Step => ({ kind: "emulator", what, act });

/** An assertion. */
export const verify = (what: string, check: (ctx: RowContext) => Promise<void>): Step => ({ kind: "verify", what, check });

/** Adds an emulator fault (docs/EMULATOR.md, Faults). */
export const fault = (spec: Record<string, unknown>): Step =>
  emulator(`fault ${JSON.stringify(spec)}`, async (ctx) => {
    await ctx.emulator.control("POST", "faults", spec);
  });

/** Removes every emulator fault. */
export const clearFaults: Step = emulator("clear faults", async (ctx) => {
  await ctx.emulator.control("DELETE", "faults");
});

/** A URN argument of a resource of the row's main project. */
export const urnOf =
  (name: string): Arg =>
  (ctx) =>
    ctx.urn(name);
