/**
 * The formatter and linter (Biome, configured once in biome.jsonc) keep the tree quiet: `npm test` fails
 * on any file they would change or flag. Fix with `npx biome check --write .`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

test("biome ci: every file formatted and lint-clean", () => {
  const r = spawnSync(process.execPath, [require.resolve("@biomejs/biome/bin/biome"), "ci", "--colors=off", "."], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const report = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`biome ci failed; run \`npx biome check --write .\` and fix what remains:\n${report.slice(0, 8000)}`);
  expect(r.status).toBe(0);
});
