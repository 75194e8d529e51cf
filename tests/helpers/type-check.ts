/** `tsc -p` over a fixture project, as the type-check tests run it. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** Runs the repository's TypeScript compiler on `project` from the repository root; its exit status and output. */
export function typeCheck(project: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", project], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, out: (r.stdout + r.stderr).trim() };
}
