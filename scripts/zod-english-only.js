// An esbuild plugin for the provider bundles (scripts/bundle-impl.js, scripts/package-plugin.js): zod's
// `locales` namespace keeps English only.
//
// Why: `import { z } from "zod"` hands esbuild the whole `z` namespace, whose `locales` member re-exports
// all ~40 of zod's message locales, so none can be tree-shaken: 265 KB of the dynamic provider's 566 KB
// bundle, compiled by every provider process before its first Check (docs/PERFORMANCE.md, "Second pass").
// zod itself configures English at import (zod/v4/classic/external.js `config(en())`) and nothing here
// selects another locale, so `z.locales.en` is all that is ever reachable.
const path = require("node:path");

/**
 * Resolves zod's `../locales/index.js` to a module exporting `en` alone. Fails the build when zod is bundled
 * but the path never came up (a zod release that moved its locales): silently bundling them all again would
 * only show as a slower provider.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    let replaced = false;
    let zodSeen = false;
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!args.importer.includes(`${path.sep}zod${path.sep}`)) return undefined;
      replaced = true;
      return { path: path.resolve(path.dirname(args.importer), "../locales/index.js"), namespace: "zod-english-only" };
    });
    build.onResolve({ filter: /^zod$/ }, () => {
      zodSeen = true;
      return undefined;
    });
    build.onEnd((result) => {
      if (zodSeen && !replaced && result.errors.length === 0) {
        throw new Error("zod-english-only: zod was bundled but its ../locales/index.js never resolved; update the plugin");
      }
    });
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from "./en.js";\n`,
      resolveDir: path.dirname(args.path),
      loader: "js",
    }));
  },
};

module.exports = { zodEnglishOnly };
