/** validateRequest, ValidationError and formatIssue: what users and the emulator see. */
import {
  ISSUE_ERROR_CODES,
  ValidationError,
  assertValidRequest,
  formatIssue,
  issueErrorCode,
  validateRequest,
  type ValidationIssue,
} from "../../trtc/validate";
import { FULL_START, MIX, patch, seed } from "../fixtures/bodies";
import { INVALID_BODIES } from "../fixtures/invalid-bodies";

const issuesOf = (action: Parameters<typeof validateRequest>[0], body: unknown, site?: "cn" | "intl"): ValidationIssue[] => {
  const r = validateRequest(action, body, { site });
  return r.ok ? [] : r.issues;
};

describe("messages", () => {
  test("the documented examples, word for word", () => {
    const body = patch(MIX, {
      "VideoParams.LayoutParams.MixLayoutList[1].LocationX": 760,
      "AgentParams.MaxIdleTime": 3,
      PublishCdnParams: Array.from({ length: 11 }, (_, i) => ({ PublishCdnUrl: `rtmp://a.example/live/${i}` })),
    });
    expect(issuesOf("StartPublishCdnStream", body).map(formatIssue)).toEqual([
      "agentParams.maxIdleTime: must be an integer from 5 to 86400 (got 3)",
      "publishCdnParams: at most 10 CDN targets (got 11)",
      "videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1400) exceeds videoEncode.width (1280)",
    ]);
  });

  test("every failing property is listed, each with camelCase and API paths and a kind", () => {
    const body = patch(FULL_START, {
      SdkAppId: "x",
      "AgentParams.UserId": undefined,
      "VideoParams.VideoEncode.Gop": 9,
      "VideoParams.LayoutParams.MixLayoutList[1].Colour": "0x000000",
      "RecordParams.RecordFormat": ["mp4", "aac"],
      "AudioParams.AudioEncode.Channel": 1,
    });
    const issues = issuesOf("StartPublishCdnStream", body);
    expect(issues.map((i) => [i.path, i.apiPath, i.kind])).toEqual([
      ["sdkAppId", "SdkAppId", "invalid"],
      ["agentParams.userId", "AgentParams.UserId", "missing"],
      ["videoParams.videoEncode.gop", "VideoParams.VideoEncode.Gop", "invalid"],
      ["videoParams.layoutParams.mixLayoutList[1].colour", "VideoParams.LayoutParams.MixLayoutList[1].Colour", "unknown"],
      ["recordParams.recordFormat", "RecordParams.RecordFormat", "invalid"],
      ["audioParams.audioEncode.channel", "AudioParams.AudioEncode.Channel", "invalid"],
    ]);
  });

  test("several unknown keys in one object become one issue each", () => {
    const issues = issuesOf("StopPublishCdnStream", { ...seed("stop-task.json"), A: 1, B: 2 });
    expect(issues.map((i) => [i.path, i.kind])).toEqual([
      ["a", "unknown"],
      ["b", "unknown"],
    ]);
  });

  test("a field failing several checks gets one message", () => {
    const issues = issuesOf("StartPublishCdnStream", patch(FULL_START, { "RecordParams.RecordKey": "" }));
    expect(issues.filter((i) => i.path === "recordParams.recordKey")).toHaveLength(1);
  });

  test("null is a wrong value, not an absent one (the SDKs never send null)", () => {
    expect(issuesOf("StopPublishCdnStream", { SdkAppId: 1, TaskId: null })).toEqual([
      { path: "taskId", apiPath: "TaskId", rule: "must be a non-empty string of at most 512 characters (got null)", kind: "invalid" },
    ]);
  });

  test("rule texts speak camelCase: no API key appears in them", () => {
    const apiKey =
      /\b(SdkAppId|RoomId|AgentParams|VideoEncode|LayoutParams|MixLayoutList|LocationX|ImageWidth|WithTranscoding|PublishCdnParams|FeedBackRoomParams|MixLayoutMode|UniRecord|PayloadType|WaterMarkType|BackgroundRenderMode)\b/;
    const offenders = INVALID_BODIES.flatMap((c) => issuesOf(c.action, c.body, c.site))
      .filter((i) => i.kind !== "unknown" && apiKey.test(i.rule))
      .map(formatIssue);
    expect(offenders).toEqual([]);
  });
});

describe("secrets never appear in messages", () => {
  const secrets = {
    sig: "eJxSECRET-user-sig-value",
    tx: "txsecretvalue0123456789",
    sk: "storage-secret-key-value",
    ak: "storage-access-key-value",
  };
  const body = patch(FULL_START, {
    "AgentParams.UserSig": [secrets.sig],
    "FeedBackRoomParams[0].UserSig": { value: secrets.sig },
    "PublishCdnParams[0].PublishCdnUrl": `https://push.example.com/live/a?txSecret=${secrets.tx}`,
    "PublishCdnParams[1].PublishCdnUrl": `rtmp://push.example.com/live/${"a".repeat(2100)}?txSecret=${secrets.tx}`,
    "RecordParams.McuStorageParams.CloudStorage.SecretKey": [secrets.sk],
    "RecordParams.McuStorageParams.CloudStorage.AccessKey": 42,
  });

  test("bad UserSigs, push URLs and storage keys are reported without their values", () => {
    const issues = issuesOf("StartPublishCdnStream", body);
    expect(issues.map((i) => i.path)).toEqual([
      "agentParams.userSig",
      "publishCdnParams[0].publishCdnUrl",
      "publishCdnParams[1].publishCdnUrl",
      "feedBackRoomParams[0].userSig",
      "recordParams.mcuStorageParams.cloudStorage.accessKey",
      "recordParams.mcuStorageParams.cloudStorage.secretKey",
    ]);
    const error = new ValidationError("StartPublishCdnStream", issues);
    const everything = `${error.message}\n${JSON.stringify(issues)}\n${JSON.stringify(error)}`;
    for (const s of Object.values(secrets)) expect(everything).not.toContain(s);
    expect(issues.find((i) => i.path === "agentParams.userSig")?.rule).toBe("must be a non-empty string (got a list)");
  });
});

describe("sites", () => {
  const fps0 = patch(seed("start-relay-single-audio-video.json"), { "VideoParams.VideoEncode.Fps": 0 });

  test('default site is "cn"', () => {
    expect(issuesOf("StartPublishCdnStream", fps0).map(formatIssue)).toEqual([
      "videoParams.videoEncode.fps: must be an integer from 1 to 60 (got 0)",
    ]);
    expect(validateRequest("StopPublishCdnStream", { ...seed("stop-task.json"), RecordKey: "k" }).ok).toBe(true);
  });

  test("intl accepts fps 0 and rejects the China-only recordKey", () => {
    expect(validateRequest("StartPublishCdnStream", fps0, { site: "intl" }).ok).toBe(true);
    expect(issuesOf("StopPublishCdnStream", { ...seed("stop-task.json"), RecordKey: "k" }, "intl")).toEqual([
      {
        path: "recordKey",
        apiPath: "RecordKey",
        kind: "unknown",
        rule: 'is only accepted on the China (cn) site, not on the international (intl) site (site "intl")',
      },
    ]);
  });

  test("unknown action or site is a programming error", () => {
    expect(() => validateRequest("DescribePublishCdnStream" as never, {})).toThrow(TypeError);
    expect(() => validateRequest("StopPublishCdnStream", {}, { site: "eu" as never })).toThrow(/unknown site "eu"/);
  });
});

describe("ValidationError and assertValidRequest", () => {
  test("carries the action, every issue, a fixed code and no retry", () => {
    const issues = issuesOf("StopPublishCdnStream", {});
    const e = new ValidationError("StopPublishCdnStream", issues);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: "ValidationError",
      code: "ClientError.InvalidParameter",
      action: "StopPublishCdnStream",
      retryable: false,
      requestId: undefined,
    });
    expect(e.issues).toHaveLength(2);
    expect(e.message).toBe("Invalid StopPublishCdnStream request (2 problems):\n  - sdkAppId: is required\n  - taskId: is required");
  });

  test("assertValidRequest returns the body or throws the error", () => {
    expect(assertValidRequest("StopPublishCdnStream", seed("stop-task.json"))).toEqual(seed("stop-task.json"));
    expect(() => assertValidRequest("StopPublishCdnStream", { SdkAppId: 1 })).toThrow(ValidationError);
  });

  test("formatIssue names the body when the path is empty", () => {
    expect(issuesOf("StopPublishCdnStream", "text").map(formatIssue)).toEqual(["(request body): must be a JSON object"]);
  });
});

describe("issueErrorCode (the emulator's answer)", () => {
  const issue = (kind: ValidationIssue["kind"]): ValidationIssue => ({ path: "p", apiPath: "P", rule: "r", kind });

  test("maps kinds to API codes, unknown before missing before invalid", () => {
    expect(ISSUE_ERROR_CODES).toEqual({ unknown: "UnknownParameter", missing: "MissingParameter", invalid: "InvalidParameter" });
    expect(issueErrorCode([issue("invalid"), issue("missing"), issue("unknown")])).toBe("UnknownParameter");
    expect(issueErrorCode([issue("invalid"), issue("missing")])).toBe("MissingParameter");
    expect(issueErrorCode([issue("invalid")])).toBe("InvalidParameter");
  });

  test("matches the corpus' kinds", () => {
    const missing = INVALID_BODIES.find((c) => c.name === "stop without taskId");
    const result = missing && validateRequest(missing.action, missing.body);
    expect(result && !result.ok && issueErrorCode(result.issues)).toBe("MissingParameter");
  });
});
