// Makes `require("pulumi-trtc-relay/...")` resolve inside this repository, as it does in a user's project:
// the serialized dynamic provider loads its implementation by package name at run time, and Node does not
// resolve a package's own name from its source tree.
const fs = require("node:fs");
const path = require("node:path");
if (process.argv.length > 2) {
  process.stderr.write(`link-self.js: unknown argument ${JSON.stringify(process.argv[2])} (it takes none)\n`);
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-trtc-relay");
try {
  const st = fs.lstatSync(link);
  if (st.isSymbolicLink() && path.resolve(path.dirname(link), fs.readlinkSync(link)) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync("..", link, "dir");
