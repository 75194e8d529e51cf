/**
 * The dynamic front end: `PublishCdnStream` from the npm package `pulumi-trtc-relay`, a Pulumi dynamic
 * resource (type `pulumi-nodejs:dynamic/trtc:PublishCdnStream`) run by Pulumi's Node.js dynamic-provider
 * host. A project is what a user's would be: Pulumi.yaml, a JavaScript program, and node_modules holding
 * the package (this repository's, linked in, as `npm install` of the packed tarball would place it).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "../harness";
import type { FrontEnd } from "./frontend";
import type { ProgramSpec } from "./model";
import { renderJs } from "./render-js";

const PACKAGE = "pulumi-trtc-relay";
const MODULES = path.join(REPO, "node_modules");

/** The project's node_modules as a link to this repository's (which holds the package as a self-link). */
function linkModules(dir: string): void {
  const target = path.join(dir, "node_modules");
  fs.rmSync(target, { recursive: true, force: true });
  fs.symlinkSync(MODULES, target, "dir");
}

export const dynamicTs: FrontEnd = {
  name: "dynamic-ts",
  typeToken: "pulumi-nodejs:dynamic/trtc:PublishCdnStream",
  cliImport: false,
  importOption: false,
  // The stored provider text's own message (provider/provider.ts), not Node's bare "Cannot find module".
  uninstalledError:
    /Cannot find module 'pulumi-trtc-relay\/impl' from \S+: PublishCdnStream needs the npm package pulumi-trtc-relay installed there\. Its TRTC tasks still run\. Run `npm install pulumi-trtc-relay`, then this command again/,

  createProject(dir, project, program) {
    fs.mkdirSync(dir, { recursive: true });
    // JavaScript, so no run pays for ts-node; `typescript: false` keeps the host from loading it at all.
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: ${project}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`,
    );
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: project, private: true, main: "index.js" }, null, 2)}\n`);
    linkModules(dir);
    this.writeProgram(dir, program);
  },

  writeProgram(dir, program: ProgramSpec) {
    fs.writeFileSync(path.join(dir, "index.js"), renderJs(program, `const { PublishCdnStream } = require(${JSON.stringify(PACKAGE)});`));
  },

  uninstall(dir) {
    // What `npm uninstall pulumi-trtc-relay` leaves: every other package still there.
    const target = path.join(dir, "node_modules");
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target);
    for (const entry of fs.readdirSync(MODULES)) {
      if (entry === PACKAGE || entry === ".bin") continue;
      fs.symlinkSync(path.join(MODULES, entry), path.join(target, entry));
    }
  },

  reinstall(dir) {
    linkModules(dir);
  },

  env() {
    return {};
  },
};
