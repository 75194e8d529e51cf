/**
 * The generated Python SDK (sdk/python, package pulumi_trtc) byte-compiles, imports, and names the resource's
 * arguments as provider/schema.json does, in snake_case mapped back to the schema's camelCase. Compiled and imported
 * only: Pulumi's Python SDK cannot be installed here (PyPI is unreachable), so the import runs against a stand-in
 * `pulumi` package (tests/fixtures/python-pulumi-stub) that records what the SDK registers.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { SDK_NAMES } from "../../codegen/package-schema";

const ROOT = join(__dirname, "..", "..");
const SDK = join(ROOT, "sdk", "python");
const schema = JSON.parse(readFileSync(join(ROOT, "provider", "schema.json"), "utf8"));
const resource = schema.resources["trtc:index:PublishCdnStream"];

/** Pulumi's Python names for the schema's camelCase ones (pkg/codegen/python PyName, for names without acronyms). */
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sdk-python-"));
  // What `pip install` would leave beside the package: the SDK reads its own version from it when imported.
  const version = /^VERSION = "([^"]+)"$/m.exec(readFileSync(join(SDK, "setup.py"), "utf8"))![1];
  const distInfo = join(work, "site", `${SDK_NAMES.python}-${version}.dist-info`);
  mkdirSync(distInfo, { recursive: true });
  writeFileSync(join(distInfo, "METADATA"), `Metadata-Version: 2.1\nName: ${SDK_NAMES.python}\nVersion: ${version}\n`);
  env = {
    ...process.env,
    PYTHONPATH: [join(ROOT, "tests", "fixtures", "python-pulumi-stub"), SDK, join(work, "site")].join(delimiter),
    PYTHONPYCACHEPREFIX: join(work, "pycache"), // no __pycache__ in the committed tree
    PYTHONDONTWRITEBYTECODE: "",
  };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("every file byte-compiles (python3 -m compileall)", () => {
  const r = spawnSync("python3", ["-m", "compileall", "-q", SDK], { encoding: "utf8", env });
  expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toEqual({ status: 0, out: "" });
});

describe("imported against the pulumi stand-in", () => {
  let facts: Record<string, any>;
  beforeAll(() => {
    const r = spawnSync("python3", [join(ROOT, "tests", "fixtures", "python-sdk-facts.py")], { encoding: "utf8", env });
    if (r.status !== 0) throw new Error(`python-sdk-facts.py failed:\n${r.stderr}`);
    facts = JSON.parse(r.stdout);
  });

  test("PublishCdnStream is a custom resource of type trtc:index:PublishCdnStream, and Provider a provider", () => {
    expect(facts).toMatchObject({ isCustomResource: true, typeToken: "trtc:index:PublishCdnStream", providerClass: true });
    expect(facts.version).toBe(schema.version);
  });

  test("PublishCdnStreamArgs takes every input in snake_case, required exactly as the schema says", () => {
    const inputs = Object.keys(resource.inputProperties);
    expect(facts.args.map((a: any) => a.name).sort()).toEqual(inputs.map(snake).sort());
    expect(
      facts.args
        .filter((a: any) => a.required)
        .map((a: any) => a.name)
        .sort(),
    ).toEqual(resource.requiredInputs.map(snake).sort());
    expect(facts.args.map((a: any) => a.name)).toEqual(expect.arrayContaining(["sdk_app_id", "room_id", "agent_params"]));
  });

  test("each snake_case name maps back to the schema's camelCase (inputs and outputs)", () => {
    expect(facts.argWireNames).toEqual(Object.fromEntries(Object.keys(resource.inputProperties).map((k) => [snake(k), k])));
    expect(facts.outputWireNames).toEqual(Object.fromEntries(Object.keys(resource.properties).map((k) => [snake(k), k])));
  });

  test("constructing registers the type with secret arguments wrapped, and refuses a missing required argument", () => {
    const secrets = Object.keys(resource.inputProperties).filter((k) => resource.inputProperties[k].secret);
    expect(facts.registered).toEqual({
      type: "trtc:index:PublishCdnStream",
      name: "live",
      secretProps: ["agent_params"], // the only secret argument given
      additionalSecretOutputs: secrets.sort(),
      version: schema.version,
    });
    expect(facts.missingRequired).toBe("Missing required property 'sdk_app_id'");
  });
});
