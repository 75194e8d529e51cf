/** camelCase <-> PascalCase over every struct the API uses. */
import { convertKeys, formatPath, toApiCase, toApiKey, toPulumiCase, toPulumiKey } from "../../trtc/casing";
import { FULL_START, DYNAMIC_START } from "../fixtures/bodies";
import { INVALID_BODIES } from "../fixtures/invalid-bodies";

describe("key conversion", () => {
  test.each([
    ["SdkAppId", "sdkAppId"],
    ["EnableStreamSEI", "enableStreamSEI"],
    ["BackGroundColor", "backGroundColor"],
    ["UnSubscribeAudioList", "unSubscribeAudioList"],
    ["McuStorageParams", "mcuStorageParams"],
  ])("%s <-> %s", (api, pulumi) => {
    expect(toPulumiKey(api)).toBe(pulumi);
    expect(toApiKey(pulumi)).toBe(api);
  });

  test("empty key is left alone", () => {
    expect(toApiKey("")).toBe("");
    expect(toPulumiKey("")).toBe("");
  });

  test("values are never touched, including strings that look like keys and nulls", () => {
    const body = { RoomId: "RoomId", List: ["A", { X: null }], N: 1 };
    expect(toPulumiCase(body)).toEqual({ roomId: "RoomId", list: ["A", { x: null }], n: 1 });
    expect(convertKeys(toPulumiCase(body), "api")).toEqual(body);
  });
});

describe("round trip over every struct", () => {
  const bodies: Array<[string, unknown]> = [
    ["FULL_START", FULL_START],
    ["DYNAMIC_START", DYNAMIC_START],
    ...INVALID_BODIES.map((c): [string, unknown] => [c.name, c.body]),
  ];

  test.each(bodies.filter(([, b]) => b !== undefined && !Array.isArray(b)))("%s", (_, body) => {
    // Only the first letter changes, so bodies written with API keys come back exactly (the camelCase-key
    // case in the corpus is the exception: its stray key becomes PascalCase, which is what toApiCase is for).
    const back = toApiCase(toPulumiCase(body));
    const keysOf = (v: unknown): string[] => (v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : []);
    expect(keysOf(back).every((k) => /^[A-Z0-9]/.test(k))).toBe(true);
    expect(JSON.stringify(toPulumiCase(back))).toBe(JSON.stringify(toPulumiCase(body)));
  });
});

describe("formatPath", () => {
  test("camelCase for users, PascalCase for the API", () => {
    const path = ["VideoParams", "LayoutParams", "MixLayoutList", 1, "LocationX"];
    expect(formatPath(path)).toBe("videoParams.layoutParams.mixLayoutList[1].locationX");
    expect(formatPath(path, "api")).toBe("VideoParams.LayoutParams.MixLayoutList[1].LocationX");
  });

  test("list index at the root and empty path", () => {
    expect(formatPath([0, "UserInfo"])).toBe("[0].userInfo");
    expect(formatPath([])).toBe("");
  });
});
