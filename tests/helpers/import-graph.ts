/**
 * The import graph of compiled code: which files a set of entry files reaches through `require()`,
 * following relative paths and the package's references to itself (`require("pulumi-trtc-relay/impl")`
 * resolved through package.json `exports`, as Node resolves them). Other packages are leaves.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const REQUIRE = /\brequire\(\s*["']([^"']+)["']\s*\)/g;

/** A package.json's name and `exports` map (only what self-references need). */
export interface PackageInfo {
  name: string;
  exports: Record<string, string>;
}

/** Resolves one specifier from `from` to a file, or undefined for builtins and other packages. */
function resolveSpecifier(from: string, spec: string, root: string, pkg: PackageInfo): string | undefined {
  let base: string | undefined;
  if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else if (spec === pkg.name || spec.startsWith(`${pkg.name}/`)) {
    const key = spec === pkg.name ? "." : `./${spec.slice(pkg.name.length + 1)}`;
    const target = pkg.exports[key];
    if (target === undefined) throw new Error(`${relative(root, from)}: ${spec} is not exported by package.json`);
    base = resolve(root, target);
  } else return undefined;
  for (const candidate of [base, `${base}.js`, join(base, "index.js")]) {
    if (candidate.endsWith(".js") && existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative(root, from)}: cannot resolve ${spec}`);
}

/**
 * Every file reachable from `entries`, mapped to the chain of files that first reached it (entry first),
 * so a violation can be shown as the path that causes it.
 */
export function reachable(entries: readonly string[], root: string, pkg: PackageInfo): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue: string[] = [];
  for (const e of entries) {
    seen.set(e, [e]);
    queue.push(e);
  }
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const m of readFileSync(file, "utf8").matchAll(REQUIRE)) {
      const next = resolveSpecifier(file, m[1], root, pkg);
      if (next === undefined || seen.has(next)) continue;
      seen.set(next, [...(seen.get(file) as string[]), next]);
      queue.push(next);
    }
  }
  return seen;
}
