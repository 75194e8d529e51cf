/**
 * `npm run generate`: writes the files derived from the zod schema's metadata and the diff table (the args
 * types, the package schema, the generated sections of docs/RESOURCE.md and README.md). `--check` writes
 * nothing and exits 1 when a committed file differs, naming it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CommandLineError, type CommandLineSpec, parseCommandLine } from "../harness/command-line";
import { generate } from "./generate";
import { staleFiles } from "./stale";

/** The command line of `npm run generate -- ...`; anything else is refused, naming it. */
const OPTIONS = {
  check: { kind: "switch", help: "write nothing; exit 1 naming each committed file that differs" },
} as const satisfies CommandLineSpec;

async function main(): Promise<number> {
  const args = parseCommandLine("npm run generate", process.argv.slice(2), OPTIONS);
  const root = resolve(__dirname, "..");
  const files = await generate({ root });
  if (args.check) {
    const stale = staleFiles(root, files);
    for (const line of stale) console.error(line);
    return stale.length ? 1 : 0;
  }
  let written = 0;
  for (const [path, text] of files) {
    const target = join(root, path);
    let current: string | undefined;
    try {
      current = readFileSync(target, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    writeFileSync(target, text);
    console.log(`wrote ${path}`);
    written++;
  }
  console.log(`${files.size} generated files, ${written} changed`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof CommandLineError ? 2 : 1);
  },
);
