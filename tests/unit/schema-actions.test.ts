/** The shared action table: constants, schemas per site, responses, and the rule lists. */
import { readFileSync } from "node:fs";
import { ACTIONS, ACTION_NAMES, API_VERSION, HOSTS, REGIONS, SERVICE, isActionName } from "../../trtc/actions";
import { ErrorResponse, SCHEMAS, START_RULES, STOP_RULES, TaskResponse, UPDATE_RULES, structInfoOf, type Rule } from "../../trtc/schema";
import { INVALID_BODIES } from "../fixtures/invalid-bodies";

const SEED_PAGE = readFileSync("/work/shared/seed/StartPublishCdnStream.txt", "utf8");

describe("constants (spec §0, §1, §7.1)", () => {
  test("version, service, regions and hosts", () => {
    expect(API_VERSION).toBe("2019-07-22");
    expect(SERVICE).toBe("trtc");
    expect(REGIONS).toEqual({
      cn: ["ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai"],
      intl: ["ap-guangzhou", "ap-hongkong", "ap-singapore"],
    });
    expect(HOSTS).toEqual({ cn: "trtc.tencentcloudapi.com", intl: "trtc.intl.tencentcloudapi.com" });
  });

  test("the three actions, each with 20 req/s and only Start not repeatable", () => {
    expect(ACTION_NAMES).toEqual(["StartPublishCdnStream", "UpdatePublishCdnStream", "StopPublishCdnStream"]);
    expect(ACTION_NAMES.map((a) => [a, ACTIONS[a].rateLimitPerSecond, ACTIONS[a].repeatable])).toEqual([
      ["StartPublishCdnStream", 20, false],
      ["UpdatePublishCdnStream", 20, true],
      ["StopPublishCdnStream", 20, true],
    ]);
    expect(ACTIONS.UpdatePublishCdnStream.errors).toContain("FailedOperation.RequestOutdated");
    expect(isActionName("StopPublishCdnStream")).toBe(true);
    expect(isActionName("toString")).toBe(false);
    expect(isActionName(undefined)).toBe(false);
  });

  test("the table holds the schemas built once at load, one per site", () => {
    expect(ACTIONS.StartPublishCdnStream.request.cn).toBe(SCHEMAS.cn.StartPublishCdnStreamRequest);
    expect(ACTIONS.StartPublishCdnStream.request.intl).toBe(SCHEMAS.intl.StartPublishCdnStreamRequest);
    expect(ACTIONS.StartPublishCdnStream.request.cn).not.toBe(ACTIONS.StartPublishCdnStream.request.intl);
    expect(ACTIONS.StartPublishCdnStream.rules).toBe(START_RULES);
    expect(ACTIONS.UpdatePublishCdnStream.rules).toBe(UPDATE_RULES);
    expect(ACTIONS.StopPublishCdnStream.rules).toBe(STOP_RULES);
  });
});

describe("request schemas per site (spec §13.4)", () => {
  const keys = (schema: unknown) => structInfoOf(schema)?.keys;

  test("Start, Update and Stop declare the documented top-level fields", () => {
    expect(keys(SCHEMAS.cn.StartPublishCdnStreamRequest)).toEqual([
      "SdkAppId",
      "RoomId",
      "RoomIdType",
      "AgentParams",
      "WithTranscoding",
      "AudioParams",
      "VideoParams",
      "SingleSubscribeParams",
      "PublishCdnParams",
      "SeiParams",
      "FeedBackRoomParams",
      "RecordParams",
    ]);
    expect(keys(SCHEMAS.cn.UpdatePublishCdnStreamRequest)).toEqual([
      "SdkAppId",
      "TaskId",
      "SequenceNumber",
      "WithTranscoding",
      "AudioParams",
      "VideoParams",
      "SingleSubscribeParams",
      "PublishCdnParams",
      "SeiParams",
      "FeedBackRoomParams",
    ]);
    expect(keys(SCHEMAS.cn.StopPublishCdnStreamRequest)).toEqual(["SdkAppId", "TaskId", "RecordKey"]);
  });

  test("the CN-only and INTL-only fields are where the spec says", () => {
    expect(keys(SCHEMAS.intl.StopPublishCdnStreamRequest)).toEqual(["SdkAppId", "TaskId"]);
    expect(keys(SCHEMAS.cn.McuLayout)).toContain("EnableStreamSEI");
    expect(keys(SCHEMAS.intl.McuLayout)).not.toContain("EnableStreamSEI");
    expect(keys(SCHEMAS.intl.McuLayoutParams)).not.toContain("EnableStreamSEI");
    expect(keys(SCHEMAS.intl.CloudStorage)).toContain("EndpointUrl");
    expect(keys(SCHEMAS.cn.CloudStorage)).not.toContain("EndpointUrl");
    expect(structInfoOf(SCHEMAS.intl.StopPublishCdnStreamRequest)?.siteOnly.get("RecordKey")).toBe("cn");
  });

  test("all 27 structs of spec §5 exist and are strict", () => {
    const structs = [
      "AgentParams",
      "McuAudioParams",
      "AudioEncode",
      "McuUserInfoParams",
      "MixUserInfo",
      "McuVideoParams",
      "VideoEncode",
      "McuLayoutParams",
      "McuLayout",
      "UserMediaStream",
      "MaxVideoUser",
      "McuCustomCrop",
      "McuBackgroundCustomRender",
      "McuWaterMarkParams",
      "McuWaterMarkImage",
      "McuWaterMarkText",
      "SingleSubscribeParams",
      "McuPublishCdnParam",
      "McuSeiParams",
      "McuLayoutVolume",
      "McuPassThrough",
      "McuFeedBackRoomParams",
      "McuRecordParams",
      "McuStorageParams",
      "CloudStorage",
      "McuCloudVod",
      "McuTencentVod",
    ] as const;
    for (const name of structs) {
      expect(structInfoOf(SCHEMAS.cn[name])?.name).toBe(name);
      expect(SCHEMAS.cn[name].safeParse({ NotAField: 1 }).success).toBe(false);
    }
  });
});

describe("responses (spec §2.3, §8.1)", () => {
  const outputs = [...SEED_PAGE.matchAll(/Output Example\n\n([\s\S]*?)\n\n(?:Example\d|5\. Developer)/g)].map((m) => JSON.parse(m[1]));

  test("the seven official outputs parse as task responses", () => {
    expect(outputs).toHaveLength(7);
    for (const out of outputs) expect(TaskResponse.parse(out).Response.TaskId.length).toBeGreaterThan(10);
  });

  test("the error envelope parses as an error, not as a success; extra fields are kept", () => {
    const envelope = {
      Response: {
        Error: { Code: "AuthFailure.SignatureFailure", Message: "bad signature" },
        RequestId: "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6",
      },
    };
    expect(ErrorResponse.parse(envelope).Response.Error.Code).toBe("AuthFailure.SignatureFailure");
    expect(TaskResponse.safeParse(envelope).success).toBe(false);
    expect(TaskResponse.parse({ Response: { TaskId: "t", RequestId: "r", Future: 1 } }).Response).toEqual({
      TaskId: "t",
      RequestId: "r",
      Future: 1,
    });
    expect(ErrorResponse.safeParse({ Response: { TaskId: "t", RequestId: "r" } }).success).toBe(false);
  });
});

describe("cross-field rules", () => {
  const all: Rule[] = [...new Set([...START_RULES, ...UPDATE_RULES, ...STOP_RULES])];

  test("have unique ids, a summary and a spec citation", () => {
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) expect([r.id, /§\d/.test(r.source), r.summary.length > 10]).toEqual([r.id, true, true]);
  });

  // A rule no corpus case breaks is a rule nobody has seen work.
  test.each(all.map((r) => [r.id, r] as const))("%s is broken by at least one corpus case", (_, rule) => {
    const hits = INVALID_BODIES.filter((c) => {
      let fired = false;
      if (c.body && typeof c.body === "object" && !Array.isArray(c.body))
        rule.check(c.body as Record<string, unknown>, () => (fired = true), { site: c.site ?? "cn" });
      return fired;
    });
    expect(hits.length).toBeGreaterThan(0);
  });

  test("rules never throw on garbage", () => {
    const garbage: unknown[] = [
      {},
      { VideoParams: [] },
      { VideoParams: { LayoutParams: { MixLayoutList: [null, 1, "x", []] } } },
      { AudioParams: { SubscribeAudioList: [{ UserInfo: 5 }] } },
      { RecordParams: { RecordFormat: "mp4" } },
      { FeedBackRoomParams: [null] },
    ];
    for (const body of garbage)
      for (const r of all) expect(() => r.check(body as Record<string, unknown>, () => undefined, { site: "cn" })).not.toThrow();
  });
});
