/**
 * Where the repository is, whether the harness runs compiled (dist/harness, as `npm run bench` runs it) or
 * from source (jest, ts-node).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The nearest ancestor of `from` holding this package's package.json; throws when there is none. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "pulumi-trtc-relay") return dir;
    if (path.dirname(dir) === dir) throw new Error(`harness: no pulumi-trtc-relay package.json above ${from}`);
  }
}

/** The repository root (the dynamic provider resolves `pulumi-trtc-relay` from here). */
export const REPO = repoRoot();
