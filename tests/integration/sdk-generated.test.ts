/**
 * The SDKs under sdk/ are committed as codegen/sdkgen writes them from provider/schema.json: this suite regenerates
 * them into a temporary folder and compares, naming any stale file and `npm run generate:sdk`. A schema changed
 * without regenerating is caught (negative control). The generator is a Go program, built once and cached.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SDK_NAMES } from "../../codegen/package-schema";
import { generateSdks, SDK_COMMAND, sdkgenBinary, sdkStaleFiles } from "../../codegen/sdks";

const ROOT = join(__dirname, "..", "..");
const SCHEMA = join(ROOT, "provider", "schema.json");
// The first run builds the generator with Go (about a minute on 2 idle cores; several on a loaded machine).
const FIRST_BUILD = 20 * 60_000;

let binary: string;
let work: string;
beforeAll(() => {
  binary = sdkgenBinary(ROOT);
  work = mkdtempSync(join(tmpdir(), "sdk-generated-"));
}, FIRST_BUILD);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test(`sdk/ is what the generator writes from provider/schema.json (else: run \`${SDK_COMMAND}\`)`, () => {
  const out = join(work, "current");
  generateSdks(binary, SCHEMA, out);
  const stale = sdkStaleFiles(ROOT, out);
  if (stale.length > 0) throw new Error(`Generated SDKs are out of date:\n${stale.join("\n")}`);
  expect(JSON.parse(readFileSync(join(ROOT, "sdk", "nodejs", "package.json"), "utf8")).name).toBe(SDK_NAMES.nodejs);
  expect(readFileSync(join(ROOT, "sdk", "python", "setup.py"), "utf8")).toContain(`setup(name='${SDK_NAMES.python}'`);
  expect(readFileSync(join(ROOT, "sdk", "go", "go.mod"), "utf8")).toContain(`module ${SDK_NAMES.go.replace(/\/trtc$/, "")}\n`);
});

describe("negative controls", () => {
  test("a property added to the schema without regenerating makes each language's SDK stale, naming the command", () => {
    const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
    schema.types["trtc:index:AgentParams"].properties.rejoinDelay = { type: "integer", description: "Seconds." };
    const altered = join(work, "altered.json");
    writeFileSync(altered, JSON.stringify(schema));
    const out = join(work, "altered");
    generateSdks(binary, altered, out);
    const stale = sdkStaleFiles(ROOT, out);
    const files = stale.map((line) => line.split(" ")[0]);
    expect(files).toEqual(
      expect.arrayContaining(["sdk/nodejs/types/input.ts", "sdk/python/pulumi_trtc/_inputs.py", "sdk/go/trtc/pulumiTypes.go"]),
    );
    for (const line of stale) expect(line).toContain(`run \`${SDK_COMMAND}\``);
  });

  test("an edited, a deleted and an extra file are each named; build outputs are not", () => {
    const copy = join(work, "copy");
    for (const lang of ["nodejs", "python", "go"]) cpSync(join(ROOT, "sdk", lang), join(copy, "sdk", lang), { recursive: true });
    writeFileSync(join(copy, "sdk", "nodejs", "index.ts"), "// edited by hand\n");
    rmSync(join(copy, "sdk", "go", "go.mod"));
    writeFileSync(join(copy, "sdk", "python", "pulumi_trtc", "extra.py"), "");
    cpSync(join(copy, "sdk", "nodejs", "utilities.ts"), join(copy, "sdk", "nodejs", "bin", "utilities.js"));
    cpSync(join(copy, "sdk", "python", "setup.py"), join(copy, "sdk", "python", "pulumi_trtc", "__pycache__", "x.pyc"));
    const out = join(work, "current");
    const stale = sdkStaleFiles(copy, out);
    expect(stale.map((line) => line.split(" ").slice(0, 3).join(" "))).toEqual([
      "sdk/nodejs/index.ts is stale",
      "sdk/python/pulumi_trtc/extra.py is no",
      "sdk/go/go.mod is missing:",
    ]);
  });
});
