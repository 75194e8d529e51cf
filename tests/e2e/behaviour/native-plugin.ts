/**
 * The native front ends: the provider plugin `pulumi-resource-trtc` (type `trtc:index:PublishCdnStream`),
 * declared from TypeScript through the generated Node SDK `@pulumi-trtc-relay/trtc` (sdk/nodejs), and from
 * Pulumi YAML. The plugin is the archive `npm run plugin` builds, unpacked once per test process and named by
 * each project's `plugins.providers` entry in Pulumi.yaml (a project-local plugin, as a user testing a
 * build has it); taking that entry away is the plugin's "uninstall": the engine then finds no plugin for the
 * resources in state (rows run with an empty PULUMI_HOME and ambient plugins ignored).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packagePlugin, unpackPlugin } from "../../helpers/plugin";
import { REPO } from "../harness";
import { buildNodeSdk } from "../plugin-stacks";
import type { FrontEnd } from "./frontend";
import type { ProgramSpec } from "./model";
import { renderJs } from "./render-js";
import { NotExpressible, renderYaml } from "./render-yaml";

const SDK_PACKAGE = "@pulumi-trtc-relay/trtc";

let pluginDir: string | undefined;

/** The unpacked plugin, packaged on first use (one per test process) and the Node SDK compiled with it. */
function plugin(): string {
  if (pluginDir) return pluginDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-behaviour-plugin-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  pluginDir = unpackPlugin(packagePlugin(path.join(dir, "dist")), path.join(dir, "plugin"));
  buildNodeSdk();
  return pluginDir;
}

/** The Pulumi.yaml lines naming the project-local plugin. */
const pluginLines = (): string[] => ["plugins:", "  providers:", "    - name: trtc", `      path: ${plugin()}`];

/** Puts the `plugins:` section (always last in Pulumi.yaml) back, or takes it away as the uninstall does. */
function setPluginEntry(dir: string, present: boolean): void {
  const file = path.join(dir, "Pulumi.yaml");
  const text = fs.readFileSync(file, "utf8");
  const at = text.indexOf("\nplugins:\n");
  const head = at >= 0 ? text.slice(0, at + 1) : text;
  fs.writeFileSync(file, present ? `${head}${pluginLines().join("\n")}\n` : head);
}

/** Traits both native front ends share. */
const native = {
  typeToken: "trtc:index:PublishCdnStream",
  credentialNamespace: "trtc" as const,
  cliImport: true,
  importOption: true,
  // The engine's own words when a resource's plugin cannot be found (sdk/go/common/workspace/plugins.go, v3.259);
  // " at version v<x>" follows when the program asked for one (the Node SDK does, YAML does not).
  uninstalledError: /load plugin for trtc provider .*: no resource plugin 'pulumi-resource-trtc' found in the workspace/,
  importId: (sdkAppId: number, taskId: string) => `${sdkAppId}/${taskId}`,
  uninstall(dir: string) {
    setPluginEntry(dir, false);
  },
  reinstall(dir: string) {
    setPluginEntry(dir, true);
  },
  env(): Record<string, string> {
    return { PULUMI_IGNORE_AMBIENT_PLUGINS: "true" };
  },
};

/**
 * The program as docs/LANGUAGES.md tells plugin users to write it: `deleteBeforeReplace: true` on every
 * PublishCdnStream that does not set it. The engine decides `--replace`, `--target-replace`,
 * `replacementTrigger` and `replaceWith` replacements without asking the provider's Diff
 * (pkg/resource/deploy/step_generator.go, v3.259), so only the resource option can make them stop the old task
 * first; the dynamic resource sets it itself, a generated SDK cannot default it.
 */
export function asPluginUsersWrite(program: ProgramSpec): ProgramSpec {
  return {
    ...program,
    resources: program.resources.map((r) => ({ ...r, options: { deleteBeforeReplace: true, ...r.options } })),
  };
}

/** TypeScript (run as JavaScript, as the dynamic adapter does) through the generated Node SDK. */
export const nativeTs: FrontEnd = {
  ...native,
  name: "native-ts",
  createProject(dir, project, program) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      [
        `name: ${project}`,
        "runtime:",
        "  name: nodejs",
        "  options:",
        "    typescript: false",
        "main: index.js",
        ...pluginLines(),
        "",
      ].join("\n"),
    );
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: project, private: true, main: "index.js" }, null, 2)}\n`);
    // The repository's node_modules, where build-sdk-nodejs.sh linked the SDK: what `npm install` of
    // `file:<repo>/sdk/nodejs/bin` gives, with the one @pulumi/pulumi (3.248).
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
    this.writeProgram(dir, program);
  },
  writeProgram(dir, program: ProgramSpec) {
    fs.writeFileSync(
      path.join(dir, "index.js"),
      renderJs(asPluginUsersWrite(program), `const { PublishCdnStream } = require(${JSON.stringify(SDK_PACKAGE)});`),
    );
  },
};

/** Pulumi YAML; rows whose programs YAML cannot say are reported not applicable (render-yaml.ts says why). */
export const nativeYaml: FrontEnd = {
  ...native,
  name: "native-yaml",
  createProject(dir, project, program) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), [`name: ${project}`, "runtime: yaml", ...pluginLines(), ""].join("\n"));
    this.writeProgram(dir, program);
  },
  inexpressible(program) {
    try {
      renderYaml(asPluginUsersWrite(program), native.typeToken);
      return undefined;
    } catch (e) {
      if (e instanceof NotExpressible) return `not expressible in Pulumi YAML: ${e.message}`;
      throw e;
    }
  },
  writeProgram(dir, program: ProgramSpec) {
    // The program lives in Pulumi.yaml itself, ahead of the plugins section (which the uninstall takes away).
    const file = path.join(dir, "Pulumi.yaml");
    const text = fs.readFileSync(file, "utf8");
    const header = text.split("\n").slice(0, 2).join("\n");
    const installed = text.includes("\nplugins:\n");
    fs.writeFileSync(
      file,
      [header, renderYaml(asPluginUsersWrite(program), native.typeToken).trimEnd(), ...(installed ? pluginLines() : []), ""].join("\n"),
    );
  },
};
