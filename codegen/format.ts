/**
 * Biome, the repository's formatter, applied to generated text before it is written or compared, so the
 * committed files are exactly what `npx biome ci` accepts and the staleness check compares like with like.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";

/** `text` formatted as Biome formats the file at `path` (relative to `root`), read from standard input. */
export function biomeFormat(root: string, path: string, text: string): Promise<string> {
  const bin = join(root, "node_modules", ".bin", "biome");
  return new Promise((resolve, reject) => {
    const child = execFile(
      bin,
      ["format", `--stdin-file-path=${path}`],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`biome could not format generated ${path}: ${stderr || err.message}`));
        else resolve(stdout);
      },
    );
    child.stdin!.end(text);
  });
}
