/** The official examples: copied byte-exactly, valid on both sites, and unchanged by a casing round trip. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { toApiCase, toPulumiCase } from "../../trtc/casing";
import { validateRequest } from "../../trtc/validate";
import { SEED_FILES, seed, seedText } from "../fixtures/bodies";

const SEED_PAGE = readFileSync("/work/shared/seed/StartPublishCdnStream.txt", "utf8");
const files = Object.entries(SEED_FILES);
const startFiles = files.filter(([, action]) => action === "StartPublishCdnStream");

describe("seed fixtures", () => {
  test("every file in tests/fixtures/seed is listed, and the seed page's 7 Start examples are all there", () => {
    const onDisk = readdirSync(join(__dirname, "../fixtures/seed")).filter((f) => f.endsWith(".json"));
    expect(onDisk.sort()).toEqual(Object.keys(SEED_FILES).sort());
    expect(startFiles).toHaveLength(7);
    expect(SEED_PAGE.match(/X-TC-Action: StartPublishCdnStream/g)).toHaveLength(7);
  });

  test.each(startFiles.map(([f]) => f))("%s is a byte-exact copy of an example on the seed page", (file) => {
    const text = seedText(file);
    expect(text.endsWith("}\n")).toBe(true);
    expect(SEED_PAGE).toContain(`parameters>\n\n${text.slice(0, -1)}\n\nOutput Example`);
  });

  test("the seven Start examples are seven different bodies", () => {
    expect(new Set(startFiles.map(([f]) => JSON.stringify(seed(f)))).size).toBe(7);
  });

  test.each(files)("%s validates as %s on both sites", (file, action) => {
    for (const site of ["cn", "intl"] as const) {
      const result = validateRequest(action, seed(file), { site });
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  test.each(files)("%s survives toApiCase(toPulumiCase(x))", (file) => {
    const original = seed(file);
    const camel = toPulumiCase(original);
    expect(JSON.stringify(camel)).not.toContain('"SdkAppId"');
    expect(JSON.parse(JSON.stringify(toApiCase(camel)))).toEqual(JSON.parse(seedText(file)));
    expect(JSON.stringify(toApiCase(camel))).toBe(JSON.stringify(JSON.parse(seedText(file))));
  });

  test("validation returns the same content (nothing stripped, nothing defaulted), keys in documented order", () => {
    for (const [file, action] of files) {
      const result = validateRequest(action, seed(file));
      expect(result.ok && result.value).toEqual(seed(file));
    }
    const start = validateRequest("StartPublishCdnStream", seed("start-mix-audio-video-cdn.json"));
    expect(start.ok && Object.keys(start.value).slice(0, 4)).toEqual(["SdkAppId", "RoomId", "RoomIdType", "AgentParams"]);
  });
});
