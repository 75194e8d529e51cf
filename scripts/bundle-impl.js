// Replaces tsc's dist/provider/impl.js (what `pulumi-trtc-relay/impl`, the provider text in state, loads)
// by one esbuild bundle of provider/impl.ts and everything it imports.
//
// Why: the dynamic-provider host loads this module once per `pulumi preview`/`up`/`destroy`, before it can
// answer the first Check, so every operation waits for it. Loaded file by file it cost 240 ms of CPU on the
// benchmark machine (docs/PERFORMANCE.md, "Provider load"), a third of it resolving and reading ~60 files
// and another third zod's CommonJS entry, which loads all of zod's ~40 locales to use one; bundled from the
// ES modules, unused locales are left out and the whole module loads in about 155 ms. The client (undici)
// stays lazily evaluated: esbuild keeps `require()` of it inside the function that calls it.
//
// Plain `tsc` output still works (it is what ensure-dist and `npm run bench:client` leave): this is speed only.
// Prints nothing on stdout.
const path = require("node:path");
const esbuild = require("esbuild");

if (process.argv.length > 2) {
  process.stderr.write(`bundle-impl.js: unknown argument ${JSON.stringify(process.argv[2])} (it takes none)\n`);
  process.exit(2);
}

const root = path.resolve(__dirname, "..");
esbuild.buildSync({
  entryPoints: [path.join(root, "provider", "impl.ts")],
  outfile: path.join(root, "dist", "provider", "impl.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minify: true,
  sourcemap: true,
  legalComments: "eof", // the bundled packages' licence headers stay in the file
  // Type-only today; a runtime import must be the program's own copy, never a second one.
  external: ["@pulumi/pulumi", "@pulumi/pulumi/*"],
  logLevel: "warning",
});
