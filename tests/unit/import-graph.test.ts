/**
 * The folders' promise, checked on the compiled code: the TRTC library (trtc/), the emulator and the layout
 * renderer never reach the Pulumi side (provider/), directly or through the package's own name; nothing at run
 * time reaches the generator (codegen/); the dynamic front end and the shared lifecycle never reach the plugin's
 * front end (provider/native/).
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT, ensureDist } from "../helpers/ensure-dist";
import { reachable, type PackageInfo } from "../helpers/import-graph";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageInfo;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );
}

/** The chains from `folder`'s files into `forbidden`, as readable lines. */
function violations(root: string, info: PackageInfo, folder: string, forbidden: string): string[] {
  const graph = reachable(jsFiles(join(root, "dist", folder)), root, info);
  const banned = `${join(root, "dist", forbidden)}/`;
  return [...graph.entries()]
    .filter(([file]) => file.startsWith(banned))
    .map(([, chain]) => chain.map((f) => relative(root, f)).join(" -> "));
}

beforeAll(() => {
  expect(ensureDist()).toBe(true);
}, 120_000);

test.each(["trtc", "emulator", "layout"])("%s/ never reaches provider/", (folder) => {
  expect(violations(ROOT, pkg, folder, "provider")).toEqual([]);
});

// codegen/ is a build tool outside the compiled package: were runtime code to import it, tsc would compile it into
// dist/codegen/ and the walker would find the chain.
test.each(["trtc", "emulator", "layout", "provider"])("%s/ never reaches codegen/", (folder) => {
  expect(violations(ROOT, pkg, folder, "codegen")).toEqual([]);
});

test("the dynamic front end and the lifecycle never reach the plugin's front end (provider/native/)", () => {
  const native = `${join(ROOT, "dist", "provider", "native")}/`;
  const rest = jsFiles(join(ROOT, "dist", "provider")).filter((f) => !f.startsWith(native));
  const graph = reachable(rest, ROOT, pkg);
  const chains = [...graph.entries()]
    .filter(([file]) => file.startsWith(native))
    .map(([, chain]) => chain.map((f) => relative(ROOT, f)).join(" -> "));
  expect(chains).toEqual([]);
});

test("the package root and /impl reach provider/ and trtc/ (the walker follows self-references)", () => {
  const graph = reachable([join(ROOT, "dist", "emulator", "index.js")], ROOT, pkg);
  expect([...graph.keys()].some((f) => f.includes(`${join("dist", "trtc")}/`))).toBe(true);
});

test("negative control: a library file that requires the package's /impl is reported with its chain", () => {
  const root = mkdtempSync(join(tmpdir(), "import-graph-"));
  mkdirSync(join(root, "dist", "trtc"), { recursive: true });
  mkdirSync(join(root, "dist", "provider"), { recursive: true });
  writeFileSync(join(root, "dist", "trtc", "a.js"), 'require("./b");\n');
  writeFileSync(join(root, "dist", "trtc", "b.js"), 'const x = require("pulumi-trtc-relay/impl"); require("node:fs");\n');
  writeFileSync(join(root, "dist", "provider", "impl.js"), "module.exports = {};\n");
  const info: PackageInfo = { name: "pulumi-trtc-relay", exports: { "./impl": "./dist/provider/impl.js" } };
  expect(violations(root, info, "trtc", "provider")).toEqual(["dist/trtc/b.js -> dist/provider/impl.js"]);
});
