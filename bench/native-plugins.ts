/**
 * Builds and installs the two provider plugins the native variants run: `pulumi-resource-trtc` exactly as
 * `npm run plugin` packages it, and the bench's no-op plugin packaged the same way (an esbuild bundle and a
 * sh launcher), both with `pulumi plugin install resource <name> <version> --file <archive>` into the
 * benchmark's own PULUMI_HOME, as a YAML or SDK user installs the plugin.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cliEnv, repoRoot } from "../harness";
import { NATIVE_NOOP_VERSION, NATIVE_PACKAGES } from "./native-variants";

/** The installed versions, for the program's `version` resource option. */
export interface NativePlugins {
  native: string;
  nativeNoop: string;
}

/** The no-op plugin as an archive in `dir` (esbuild bundle + launcher, like scripts/package-plugin.js). */
function packageNoop(dir: string): string {
  const name = `pulumi-resource-${NATIVE_PACKAGES.nativeNoop}`;
  const stage = path.join(dir, "noop-stage");
  fs.mkdirSync(stage, { recursive: true });
  require("esbuild").buildSync({
    entryPoints: [path.join(repoRoot(), "bench", "native-noop", "plugin.ts")],
    outfile: path.join(stage, `${name}.js`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    logLevel: "warning",
  });
  fs.writeFileSync(
    path.join(stage, name),
    `#!/bin/sh\nTRTCNOOP_VERSION=${NATIVE_NOOP_VERSION} exec node "$(dirname "$0")/${name}.js" "$@"\n`,
    { mode: 0o755 },
  );
  const archive = path.join(dir, `${name}-v${NATIVE_NOOP_VERSION}.tar.gz`);
  execFileSync("tar", ["-czf", archive, "-C", stage, name, `${name}.js`]);
  return archive;
}

/** Packages both plugins into `<stateDir>/plugins` and installs them into the stacks' PULUMI_HOME. */
export function installNativePlugins(stateDir: string): NativePlugins {
  const dir = path.join(stateDir, "plugins");
  fs.mkdirSync(dir, { recursive: true });
  const version: string = JSON.parse(fs.readFileSync(path.join(repoRoot(), "package.json"), "utf8")).version;
  const real = execFileSync(process.execPath, [path.join(repoRoot(), "scripts", "package-plugin.js"), "--out", dir], { encoding: "utf8" })
    .trim()
    .split("\n")
    .at(-1) as string;
  const env = { ...process.env, ...cliEnv(stateDir), PULUMI_HOME: path.join(stateDir, "home") };
  const install = (name: string, v: string, archive: string) =>
    execFileSync("pulumi", ["plugin", "install", "resource", name, v, "--file", archive], { env, stdio: "pipe" });
  install(NATIVE_PACKAGES.native, version, real);
  install(NATIVE_PACKAGES.nativeNoop, NATIVE_NOOP_VERSION, packageNoop(dir));
  return { native: version, nativeNoop: NATIVE_NOOP_VERSION };
}
