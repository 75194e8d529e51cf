/** Which committed files differ from what the generator produces, said so that the fix is obvious. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The command that brings generated files up to date. */
export const GENERATE_COMMAND = "npm run generate";

/** One line per stale file (missing, or first differing line), empty when all are current. Writes nothing. */
export function staleFiles(root: string, generated: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of generated) {
    const target = join(root, path);
    if (!existsSync(target)) {
      out.push(`${path} is missing: run \`${GENERATE_COMMAND}\` and commit the result`);
      continue;
    }
    const committed = readFileSync(target, "utf8");
    if (committed === text) continue;
    const [a, b] = [committed.split("\n"), text.split("\n")];
    const line = a.findIndex((l, i) => l !== b[i]);
    const at = line < 0 ? b.length : line;
    out.push(
      `${path} is stale (line ${at + 1}: committed ${JSON.stringify(a[at] ?? "")}, generated ${JSON.stringify(b[at] ?? "")}): ` +
        `run \`${GENERATE_COMMAND}\` and commit the result`,
    );
  }
  return out;
}
