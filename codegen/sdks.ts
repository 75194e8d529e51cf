/**
 * The SDKs generated from provider/schema.json (sdk/nodejs, sdk/python, sdk/go) by codegen/sdkgen, a Go program over
 * Pulumi's own code generators (shared/spec/pulumi-native-provider.md §5). `npm run generate:sdk` writes them; the
 * staleness test generates into a temporary folder and compares with {@link sdkStaleFiles}.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** The languages codegen/sdkgen generates, each into sdk/<language>. */
export const SDK_LANGUAGES = ["nodejs", "python", "go"] as const;

/** The command that brings the committed SDKs up to date with provider/schema.json. */
export const SDK_COMMAND = "npm run generate:sdk";

/**
 * What building or using an SDK leaves in its folder, which the generated .gitignore files (sdk/nodejs,
 * sdk/python) exclude: not generated, so never compared.
 */
const BUILD_OUTPUTS = new Set(["bin", "node_modules", "__pycache__", ".mypy_cache", "build", "dist"]);

/**
 * The path of the generator binary, built with Go on first use (scripts/sdkgen.sh; minutes the first time, then
 * cached by the hash of its source). Throws with the build's output when Go cannot build it.
 */
export function sdkgenBinary(root: string): string {
  const r = spawnSync("bash", [join(root, "scripts", "sdkgen.sh"), "--binary"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/sdkgen.sh --binary failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout.trim();
}

/** Runs the generator on `schemaPath`, writing `out`/<language> for every language. Throws with its stderr. */
export function generateSdks(binary: string, schemaPath: string, out: string): void {
  const r = spawnSync(binary, [schemaPath, out, ...SDK_LANGUAGES], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`sdkgen ${schemaPath} failed (exit ${r.status}):\n${r.stderr}`);
}

function files(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return BUILD_OUTPUTS.has(e.name) || e.name.endsWith(".egg-info") ? [] : files(join(dir, e.name), base);
    return [relative(base, join(dir, e.name))];
  });
}

/**
 * One line per committed SDK file under `root`/sdk that differs from the one in `generated` (a folder the generator
 * wrote), is missing, or is no longer generated; each names the file and {@link SDK_COMMAND}. Empty when current.
 */
export function sdkStaleFiles(root: string, generated: string): string[] {
  const out: string[] = [];
  const fix = `run \`${SDK_COMMAND}\` and commit the result`;
  for (const lang of SDK_LANGUAGES) {
    const want = new Set(files(join(generated, lang)));
    const have = new Set(files(join(root, "sdk", lang)));
    for (const path of [...new Set([...want, ...have])].sort()) {
      const shown = join("sdk", lang, path);
      if (!have.has(path)) {
        out.push(`${shown} is missing: ${fix}`);
      } else if (!want.has(path)) {
        out.push(`${shown} is no longer generated: ${fix} (it deletes the file)`);
      } else {
        const [a, b] = [readFileSync(join(root, "sdk", lang, path), "utf8"), readFileSync(join(generated, lang, path), "utf8")];
        if (a === b) continue;
        const [al, bl] = [a.split("\n"), b.split("\n")];
        const at = al.findIndex((l, i) => l !== bl[i]);
        const line = at < 0 ? bl.length : at;
        out.push(
          `${shown} is stale (line ${line + 1}: committed ${JSON.stringify(al[line] ?? "")}, generated ${JSON.stringify(bl[line] ?? "")}): ${fix}`,
        );
      }
    }
  }
  return out;
}
