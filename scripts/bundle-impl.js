// Replaces tsc's dist/provider/impl.js (what `pulumi-trtc-relay/impl`, the provider text in state, loads)
// by one esbuild bundle of provider/impl.ts and everything it imports.
//
// Why: the dynamic-provider host loads this module once per `pulumi preview`/`up`/`destroy`, before it can
// answer the first Check, so every operation waits for it. Loaded file by file it cost 240 ms of CPU on the
// benchmark machine (docs/PERFORMANCE.md, "Preview"), a third of it resolving and reading ~60 files
// and another third zod's CommonJS entry, which loads all of zod's ~40 locales to use one; bundled from the
// ES modules and with zod's unused locales left out (scripts/zod-english-only.js), it loads in about 100 ms.
// undici stays out of the bundle, required from node_modules by the client at the first API call: a preview
// never makes one, and its 536 KB would otherwise be compiled by every provider process (another ~20 ms).
//
// Plain `tsc` output still works (it is what ensure-dist and `npm run bench:client` leave): this is speed only.
// Prints nothing on stdout.
const path = require("node:path");
const esbuild = require("esbuild");
const { zodEnglishOnly } = require("./zod-english-only");

if (process.argv.length > 2) {
  process.stderr.write(`bundle-impl.js: unknown argument ${JSON.stringify(process.argv[2])} (it takes none)\n`);
  process.exit(2);
}

const root = path.resolve(__dirname, "..");
esbuild
  .build({
    entryPoints: [path.join(root, "provider", "impl.ts")],
    outfile: path.join(root, "dist", "provider", "impl.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    sourcemap: true,
    legalComments: "eof", // the bundled packages' licence headers stay in the file
    // @pulumi/pulumi: type-only today; a runtime import must be the program's own copy, never a second one.
    // undici: a dependency of this package, loaded only when the client is (provider/lifecycle/deps.ts).
    external: ["@pulumi/pulumi", "@pulumi/pulumi/*", "undici"],
    plugins: [zodEnglishOnly],
    logLevel: "warning",
  })
  .catch(() => process.exit(1)); // esbuild has printed the errors
