/**
 * The two files the plugin serves from its package: package.json (the version) and the package schema.
 * Found by walking up from this module to the package root, which works from the sources (ts-jest), from
 * dist/, and from the plugin directory a tarball unpacks to: `npm run plugin` puts package.json and the
 * schema there at the same relative paths, beside the bundle.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The npm package name; the plugin's version is that package's version. */
export const PACKAGE_NAME = "pulumi-trtc-relay";

/** The package schema, relative to the package root (one file: GetSchema serves it as it is). */
export const SCHEMA_FILE = "provider/schema.json";

let root: string | undefined;

/** The directory holding this package's package.json. */
export function packageRoot(from: string = __dirname): string {
  if (root !== undefined) return root;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file) && JSON.parse(fs.readFileSync(file, "utf8")).name === PACKAGE_NAME) {
      root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`the ${PACKAGE_NAME} package.json was not found above ${from}`);
  }
}

/** The package version (semver, no leading v): GetPluginInfo's answer, and the plugin's install version. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}

/** The package schema's JSON text, as committed. */
export function schemaText(): string {
  return fs.readFileSync(path.join(packageRoot(), SCHEMA_FILE), "utf8");
}
