/**
 * The command lines of the project's own tools (`npm start`, `npm run bench`, `npm run reliability`):
 * Node's `util.parseArgs` in strict mode, so an argument a tool does not know is refused, naming it, before
 * anything runs. (The published bins, trtc-emulator and trtc-layout, parse their own the same way.)
 */
import { parseArgs } from "node:util";

/** One option: a switch, a text value, or a whole number from 1 up; `value` names the value in the usage. */
export type CommandLineOption =
  | { kind: "switch"; help: string }
  | { kind: "text" | "count"; value: string; help: string; choices?: readonly string[] };

/** A tool's options by long name (without the dashes). */
export type CommandLineSpec = Readonly<Record<string, CommandLineOption>>;

/** What a command line set: `true` for switches, a string for text, a number for counts. */
export type CommandLineValues<S extends CommandLineSpec> = {
  [K in keyof S]?: S[K] extends { kind: "switch" } ? boolean : S[K] extends { kind: "count" } ? number : string;
};

/** A refused command line; the message names the argument and lists what the tool takes. */
export class CommandLineError extends Error {
  override readonly name = "CommandLineError";
}

/** `--name VALUE` forms of every option, comma-separated, for error messages. */
export function optionList(spec: CommandLineSpec): string {
  return Object.entries(spec)
    .map(([name, o]) => (o.kind === "switch" ? `--${name}` : `--${name} ${o.value}`))
    .join(", ");
}

/**
 * Parses `argv` (without node and the script). Throws {@link CommandLineError} naming the first argument
 * the tool does not know (in quotes), a value that is missing, a count that is not a whole number from 1 up
 * or a text outside its `choices`; positional arguments are refused too.
 */
export function parseCommandLine<S extends CommandLineSpec>(tool: string, argv: readonly string[], spec: S): CommandLineValues<S> {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, o]) => [name, { type: o.kind === "switch" ? "boolean" : "string" }]),
  ) as Record<string, { type: "boolean" | "string" }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (e) {
    const err = e as Error & { code?: string };
    const named = /'([^']*)'/.exec(err.message)?.[1];
    const what =
      err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `unknown option "${named}"`
        : err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
          ? `unexpected argument "${named}"`
          : err.message;
    throw new CommandLineError(`${tool}: ${what}; it takes ${optionList(spec) || "no arguments"}`);
  }
  const out: Record<string, string | boolean | number> = {};
  for (const [name, raw] of Object.entries(values)) {
    const o = spec[name];
    if (raw === undefined) continue;
    if (o.kind === "switch") out[name] = raw === true;
    else if (o.kind === "count") {
      if (!/^[1-9]\d*$/.test(String(raw))) throw new CommandLineError(`${tool}: --${name} needs a whole number from 1 up, got "${raw}"`);
      out[name] = Number(raw);
    } else {
      if (o.choices && !o.choices.includes(String(raw)))
        throw new CommandLineError(`${tool}: --${name} must be one of ${o.choices.join(", ")}, got "${raw}"`);
      out[name] = String(raw);
    }
  }
  return out as CommandLineValues<S>;
}

/**
 * Runs a tool's `main`, turning a refused command line into its message on stderr and exit status 2, and
 * any other failure into its stack and status 1.
 */
export function runTool(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    if (e instanceof CommandLineError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    process.exit(1);
  });
}
