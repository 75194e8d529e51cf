#!/usr/bin/env node
/**
 * `trtc-layout <file> [-o out.svg] [--png out.png] [--users a,b,c] [--audio-only x,y]`
 *
 * Draws the video layout of a StartPublishCdnStream body. The SVG goes to `-o` (or stdout), the PNG to
 * `--png`; the problems found are listed on stderr. Exit status: 0 drawn (even with problems, which the
 * drawing shows), 1 unreadable input or unwritable output, 2 bad command line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { LayoutInputError, extractTaskBody, splitList } from "./input";
import { svgToPng } from "./png";
import { renderLayout } from "./render";
import type { Problem, RenderResult } from "./types";

/** Usage text printed by `--help` and after a command-line mistake. */
export const USAGE = `usage: trtc-layout <file|-> [-o out.svg] [--png out.png] [--users a,b,c] [--audio-only x,y]

Draws the video layout of a StartPublishCdnStream body (Pulumi camelCase or API PascalCase JSON, a body
wrapped in one object, or a request copied from Tencent's API page).

  -o, --output <file>     write the SVG here (default: stdout)
      --png <file>        also write a PNG (needs Chromium at /usr/bin/chromium)
      --users <a,b,c>     users in the room, in entry order (dynamic layouts, anonymous cells)
      --audio-only <x,y>  which users publish audio only
  -h, --help              show this help`;

/** Where the command writes; replaceable so tests can run {@link main} in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** One problem per line, with the API spelling of the path too when the input was API-style. */
export function formatProblem(p: Problem, keyStyle: RenderResult["keyStyle"]): string {
  const api = keyStyle === "api" && p.apiPath ? ` [${p.apiPath}]` : "";
  return `${p.severity === "error" ? "error  " : "warning"} ${p.message}${api}`;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT"
        ? "no such file"
        : err.code === "EISDIR"
          ? "is a directory"
          : err.code === "EACCES"
            ? "permission denied"
            : err.message;
    throw new LayoutInputError(`${file}: cannot read (${why})`);
  }
}

function write(file: string, data: string | Buffer): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new LayoutInputError(`${file}: cannot write (${(e as Error).message})`);
  }
}

/** Runs the command with `argv` (without `node` and the script); resolves to the exit status. */
export async function main(argv: ReadonlyArray<string>, io: CliIo = processIo): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by the assignment below (parseArgs infers from its options)
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        png: { type: "string" },
        users: { type: "string" },
        "audio-only": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    io.stderr(`trtc-layout: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`trtc-layout: expected exactly one input file (got ${positionals.length})\n${USAGE}\n`);
    return 2;
  }
  const file = positionals[0];
  try {
    const body = extractTaskBody(readInput(file), file === "-" ? "stdin" : file);
    const result = renderLayout(body, {
      users: values.users !== undefined ? splitList(values.users) : undefined,
      audioOnlyUsers: values["audio-only"] !== undefined ? splitList(values["audio-only"]) : undefined,
    });
    if (values.output !== undefined && values.output !== "-") write(values.output, result.svg);
    else io.stdout(result.svg);
    if (values.png !== undefined) write(values.png, await svgToPng(result.svg, result.canvas));
    const { width, height, assumed } = result.canvas;
    const where = [values.output && values.output !== "-" ? values.output : undefined, values.png].filter(Boolean).join(" and ");
    io.stderr(
      `trtc-layout: ${result.kind} layout ${width}×${height}${assumed ? " (assumed)" : ""}, ${result.cells.length} cells, ${result.problems.length} problem(s)${where ? ` -> ${where}` : ""}\n`,
    );
    for (const p of result.problems) io.stderr(`${formatProblem(p, result.keyStyle)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`trtc-layout: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`trtc-layout: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
