// `npm run plugin`: packages the native provider plugin `pulumi-resource-trtc` as the archive Pulumi installs,
// dist/plugin/pulumi-resource-trtc-v<version>-<os>-<arch>.tar.gz, holding at its root:
// - pulumi-resource-trtc: a POSIX sh launcher (the engine executes it by that name; Node must be on PATH),
// - pulumi-resource-trtc.js: provider/native bundled by esbuild with everything it requires (gRPC, protobuf
//   stubs, the lifecycle, the TRTC client), so the plugin runs from its own directory with no node_modules:
//   the engine starts it with the *program's* directory as working directory,
// - package.json (name and version) and the package schema, at the paths provider/native/package-files.ts
//   reads them from.
// Install: `pulumi plugin install resource trtc <version> --file <archive>`. The version is package.json's,
// which the plugin also reports (the engine's plugin cache matches versions exactly).
// Prints the archive's path on stdout. `--out DIR` writes there instead of dist/plugin (the tests package
// into their own directory, so parallel test files never share one).
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const SCHEMA_FILE = "provider/native/schema.json"; // provider/native/package-files.ts SCHEMA_FILE
const NAME = "pulumi-resource-trtc";

/** Pulumi's names for Node's platform and architecture (the engine's download URLs use these). */
const OS = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform] ?? process.platform;
const ARCH = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;

const LAUNCHER = `#!/bin/sh
# ${NAME} ${pkg.version}: the TRTC relay provider plugin (${pkg.name}). Needs Node.js ${pkg.engines.node} on PATH.
command -v node >/dev/null 2>&1 || { echo "${NAME}: Node.js (${pkg.engines.node}) is not on PATH" >&2; exit 1; }
exec node "$(dirname "$0")/${NAME}.js" "$@"
`;
const LAUNCHER_CMD = `@echo off\r\nnode "%~dp0${NAME}.js" %*\r\n`;

async function main() {
  const at = process.argv.indexOf("--out");
  const outDir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, "dist", "plugin");
  const base = `${NAME}-v${pkg.version}-${OS}-${ARCH}`;
  // Staged outside the repository: a second package.json named pulumi-trtc-relay under it would make
  // jest's module map see the package twice.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-plugin-stage-"));
  fs.mkdirSync(path.join(stage, path.dirname(SCHEMA_FILE)), { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });

  await esbuild.build({
    entryPoints: [path.join(root, "provider", "native", "bin.ts")],
    outfile: path.join(stage, `${NAME}.js`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "eof", // the bundled packages' licence headers stay in the file
    logLevel: "warning",
  });
  fs.writeFileSync(path.join(stage, NAME), LAUNCHER, { mode: 0o755 });
  const files = [NAME, `${NAME}.js`, "package.json", SCHEMA_FILE];
  if (OS === "windows") {
    fs.writeFileSync(path.join(stage, `${NAME}.cmd`), LAUNCHER_CMD);
    files.push(`${NAME}.cmd`);
  }
  const meta = { name: pkg.name, version: pkg.version, description: pkg.description, license: pkg.license, private: true };
  fs.writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(meta, null, 2)}\n`);
  fs.copyFileSync(path.join(root, SCHEMA_FILE), path.join(stage, SCHEMA_FILE));

  const archive = path.join(outDir, `${base}.tar.gz`);
  // Reproducible: listed order, fixed times and owners.
  execFileSync("tar", ["--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-czf", archive, "-C", stage, ...files]);
  fs.rmSync(stage, { recursive: true, force: true });
  process.stdout.write(`${archive}\n`);
}

main().catch((e) => {
  console.error(`package-plugin: ${e.stack ?? e}`);
  process.exit(1);
});
