/**
 * The serialized provider loads compiled code (`pulumi-trtc-relay/impl` -> dist/provider/impl.js),
 * so tests that run it need dist/ current. `npm test` builds first; this covers running one file alone.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The repository root. */
export const ROOT = join(__dirname, "..", "..");
/** What the shim requires at run time. */
export const IMPL = join(ROOT, "dist", "provider", "impl.js");

/** Newest modification time of the .ts files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : entry.name.endsWith(".ts") ? statSync(path).mtimeMs : 0);
  }
  return latest;
}

/** Compiles the package when dist/ is missing or older than its sources; true if dist/ is usable. */
export function ensureDist(): boolean {
  const stale =
    !existsSync(IMPL) ||
    statSync(IMPL).mtimeMs <
      Math.max(...["trtc", "provider", "emulator", "layout", "harness", "scripts", "bench"].map((d) => newest(join(ROOT, d))));
  if (stale) {
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.json")], {
        cwd: ROOT,
        stdio: "pipe",
      });
    } catch {
      // Type errors in files others are still writing do not stop tsc from emitting; existence decides.
    }
  }
  return existsSync(IMPL);
}
