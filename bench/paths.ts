/**
 * Where the repository is, whether the bench runs compiled (dist/bench) or under ts-node (bench/).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The nearest ancestor of this file holding this package's package.json. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "pulumi-trtc-relay") return dir;
    if (path.dirname(dir) === dir) throw new Error(`bench: no pulumi-trtc-relay package.json above ${from}`);
  }
}
