/**
 * The files derived from the one table (zod schema metadata + DIFF_RULES) are committed, so this suite
 * regenerates them in memory and compares, writing nothing; and it shows that a field added to a struct
 * without regenerating is caught, naming the command to run.
 */
import { join } from "node:path";
import { z } from "zod";
import { generate, SCHEMA_PATH } from "../../codegen/generate";
import { staleFiles } from "../../codegen/stale";
import { DIFF_RULES } from "../../provider/diff";
import { SECRET_OUTPUTS } from "../../provider/secrets";
import { type Builder, builderFor, type Site } from "../../trtc/schema/builder";
import { int } from "../../trtc/schema/common";
import { buildRequestSchemas } from "../../trtc/schema/requests";
import { SCHEMAS } from "../../trtc/schema";

const ROOT = join(__dirname, "..", "..");
const TIMEOUT = 120_000;

/** The real schema sets, with `extra` added to the struct `name` on both sites. */
function schemasWith(name: string, extra: Record<string, z.ZodType>) {
  const build = (site: Site) => {
    const b = builderFor(site);
    const altered: Builder = {
      ...b,
      struct: ((n: string, shape: z.ZodRawShape, doc?: { description: string }) =>
        b.struct(n, n === name ? { ...shape, ...extra } : shape, doc)) as Builder["struct"],
    };
    return buildRequestSchemas(altered);
  };
  return { cn: build("cn"), intl: build("intl") };
}

let committed: Map<string, string>;
beforeAll(async () => {
  committed = await generate({ root: ROOT });
}, TIMEOUT);

test("every generated file is committed as the generator writes it (else: run `npm run generate`)", () => {
  const stale = staleFiles(ROOT, committed);
  if (stale.length > 0) throw new Error(`Generated files are out of date:\n${stale.join("\n")}`);
  expect([...committed.keys()].sort()).toEqual(
    [
      "README.md",
      "docs/RESOURCE.md",
      SCHEMA_PATH,
      ...["agent", "audio", "destinations", "index", "layout", "record", "sei", "users", "video", "watermark"].map(
        (f) => `provider/args/${f}.ts`,
      ),
    ].sort(),
  );
});

describe("a field added to a zod struct without running the generator", () => {
  let stale: string[];
  beforeAll(async () => {
    const schemas = schemasWith("AgentParams", {
      RejoinDelay: int(1, 60).optional().meta({ description: "Seconds before the robot rejoins.", unit: "s" }),
    });
    stale = staleFiles(ROOT, await generate({ root: ROOT, schemas }));
  }, TIMEOUT);

  test("makes the committed args, docs and package schema stale, and says which command to run", () => {
    const files = stale.map((line) => line.split(" ")[0]);
    expect(files).toEqual(expect.arrayContaining(["provider/args/agent.ts", "docs/RESOURCE.md", SCHEMA_PATH]));
    for (const line of stale) expect(line).toContain("run `npm run generate`");
  });

  test("without a description, stops the generator naming the field and the fix", async () => {
    const schemas = schemasWith("AgentParams", { RejoinDelay: int(1, 60).optional() });
    await expect(generate({ root: ROOT, schemas })).rejects.toThrow(
      /AgentParams\.RejoinDelay: has no description: add `\.meta\(\{ description: \.\.\. \}\)`, then run `npm run generate`/,
    );
  });
});

describe("JSON Schema from the same metadata (z.toJSONSchema)", () => {
  const json = (site: Site) =>
    z.toJSONSchema(SCHEMAS[site].StartPublishCdnStreamRequest, { unrepresentable: "any" }) as Record<string, any>;

  test("carries description, unit, default, range and secret, and each site's own range", () => {
    const cn = json("cn");
    const idle = cn.properties.AgentParams.properties.MaxIdleTime;
    expect(idle).toMatchObject({ type: "integer", minimum: 5, maximum: 86400, unit: "s", default: 30 });
    expect(idle.description).toMatch(/stops by itself/);
    expect(cn.properties.AgentParams.properties.UserSig).toMatchObject({ type: "string", secret: true });
    expect(cn.required).toEqual(["SdkAppId", "RoomId", "RoomIdType", "AgentParams", "WithTranscoding"]);
    expect(cn.properties.PublishCdnParams.maxItems).toBe(10);
    const fps = (j: Record<string, any>) => j.properties.VideoParams.properties.VideoEncode.properties.Fps;
    expect([fps(cn).minimum, fps(json("intl")).minimum]).toEqual([1, 0]);
  });
});

describe("the package schema", () => {
  const schema = () => JSON.parse(committed.get(SCHEMA_PATH)!) as Record<string, any>;
  const resource = () => schema().resources["trtc:index:PublishCdnStream"];

  test("flags replaceOnChanges exactly on the arguments every change of which replaces", () => {
    const flagged = Object.entries(resource().properties)
      .filter(([, p]: [string, any]) => p.replaceOnChanges)
      .map(([k]) => k);
    const always = DIFF_RULES.filter((r) => (r.from ?? "args") === "args" && !r.path.includes(".") && r.change === "replace");
    expect(flagged.sort()).toEqual(always.map((r) => r.path).sort());
    for (const sometimes of ["videoParams", "singleSubscribeParams", "publishCdnParams", "feedBackRoomParams", "audioParams"]) {
      expect({ sometimes, flagged: resource().properties[sometimes].replaceOnChanges }).toEqual({ sometimes, flagged: undefined });
    }
    expect(Object.values(resource().inputProperties).some((p: any) => p.replaceOnChanges)).toBe(false);
    expect(schema().types["trtc:index:McuAudioParams"].properties.audioEncode.replaceOnChanges).toBe(true);
  });

  test("types integers that can exceed 2^31 as number, and bounded ones as integer", () => {
    expect(resource().properties.sdkAppId.type).toBe("number");
    expect(resource().properties.sequenceNumber.type).toBe("number");
    expect(resource().properties.roomIdType.type).toBe("integer");
    expect(schema().types["trtc:index:AgentParams"].properties.maxIdleTime.type).toBe("integer");
  });

  test("marks the secret arguments, secret fields and secret settings", () => {
    const secretInputs = Object.entries(resource().inputProperties)
      .filter(([, p]: [string, any]) => p.secret)
      .map(([k]) => k);
    expect(secretInputs.sort()).toEqual([...SECRET_OUTPUTS].sort());
    expect(schema().types["trtc:index:CloudStorage"].properties.secretKey.secret).toBe(true);
    const secretSettings = Object.entries(schema().config.variables)
      .filter(([, v]: [string, any]) => v.secret)
      .map(([k]) => k);
    expect(secretSettings.sort()).toEqual(["sdkSecretKey", "sdkSecretKeys", "secretKey", "securityToken"]);
    expect(Object.keys(schema().provider.inputProperties)).toEqual(Object.keys(schema().config.variables));
  });

  test("every reference names a type it defines, and every type is used", () => {
    const text = committed.get(SCHEMA_PATH)!;
    const refs = new Set([...text.matchAll(/"#\/types\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].sort()).toEqual(Object.keys(schema().types).sort());
  });
});
