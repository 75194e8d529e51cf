import { inspect } from "node:util";
import { ClientErrorCode, StartOutcomeUnknownError, TencentCloudError, faultOf, isThrottling } from "../../trtc/client/errors";

const SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const USER_SIG = "eJw1zV8LgjAUBfCvIve5ZNOmba8RPfQvqiciYrmrjnSTbUEQfffULM7j79zXC06bA0rv0UQv4Nq0Nw0sbXr3I9BSbXhVuXGY";

describe("TencentCloudError", () => {
  test("carries the error as data, with defaults derived from the code", () => {
    const e = new TencentCloudError({
      code: "RequestLimitExceeded.UinLimitExceeded",
      action: "StartPublishCdnStream",
      message: "slow down",
      requestId: "r-1",
      httpStatus: 200,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: "TencentCloudError",
      code: "RequestLimitExceeded.UinLimitExceeded",
      action: "StartPublishCdnStream",
      requestId: "r-1",
      retryable: false,
      throttling: true,
      httpStatus: 200,
      attempts: 1,
      fault: "client",
      reached: "yes",
    });
  });

  test("masks secrets in the message at construction: given literals and recognised shapes", () => {
    const e = new TencentCloudError({
      code: "InvalidParameter",
      action: "StartPublishCdnStream",
      message: `bad AgentParams {"UserSig":"${USER_SIG}"} with key ${SECRET_KEY} for rtmp://h/live/s?txSecret=abcdef&txTime=1`,
      secrets: [SECRET_KEY],
    });
    for (const text of [e.message, inspect(e), JSON.stringify(e), e.stack ?? ""]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(USER_SIG);
      expect(text).not.toContain("abcdef");
    }
    expect(e.message).toContain("txTime=1");
  });

  test.each([
    ["InternalError", undefined, "server"],
    ["ServiceUnavailable", undefined, "server"],
    [ClientErrorCode.NetworkError, undefined, "server"],
    [ClientErrorCode.HttpStatusCodeError, 502, "server"],
    [ClientErrorCode.HttpStatusCodeError, 404, "client"],
    ["RequestLimitExceeded", undefined, "client"],
    ["InvalidParameter", undefined, "client"],
    ["AuthFailure.SignatureFailure", undefined, "client"],
    ["FailedOperation.TaskFinished", undefined, "client"],
  ])("faultOf(%s, %s) = %s", (code, status, fault) => {
    expect(faultOf(code, status)).toBe(fault);
  });

  test("isThrottling matches the code and its sub-codes only", () => {
    expect(isThrottling("RequestLimitExceeded")).toBe(true);
    expect(isThrottling("RequestLimitExceeded.IPLimitExceeded")).toBe(true);
    expect(isThrottling("RequestSizeLimitExceeded")).toBe(false);
    expect(isThrottling("LimitExceeded")).toBe(false);
  });

  test("toJSON is a plain object of the data fields", () => {
    const e = new TencentCloudError({
      code: ClientErrorCode.Timeout,
      action: "UpdatePublishCdnStream",
      message: "late",
      reached: "maybe",
      transportCode: "UND_ERR_HEADERS_TIMEOUT",
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "TencentCloudError",
      code: ClientErrorCode.Timeout,
      message: "late",
      action: "UpdatePublishCdnStream",
      retryable: false,
      throttling: false,
      attempts: 1,
      fault: "server",
      reached: "maybe",
      transportCode: "UND_ERR_HEADERS_TIMEOUT",
    });
  });
});

describe("StartOutcomeUnknownError", () => {
  const cause = new TencentCloudError({
    code: ClientErrorCode.Timeout,
    action: "StartPublishCdnStream",
    message: "no answer within 15000 ms",
    reached: "maybe",
    attempts: 1,
  });

  test("says a task may be running, names SdkAppId, RoomId and the robot, and how to find and stop it", () => {
    const e = new StartOutcomeUnknownError(
      { sdkAppId: 1400188366, roomId: "295066", roomIdType: 0, robotUserId: "room_295066_rtmp_1", maxIdleTime: 60 },
      cause,
    );
    expect(e).toBeInstanceOf(TencentCloudError);
    expect(e).toMatchObject({
      name: "StartOutcomeUnknownError",
      code: ClientErrorCode.StartOutcomeUnknown,
      action: "StartPublishCdnStream",
      sdkAppId: 1400188366,
      roomId: "295066",
      robotUserId: "room_295066_rtmp_1",
      retryable: false,
      reached: "maybe",
      fault: "server",
    });
    expect(e.cause).toBe(cause);
    expect(e.message).toMatch(/may be running/);
    expect(e.message).toContain("SdkAppId 1400188366");
    expect(e.message).toContain('RoomId "295066"');
    expect(e.message).toContain('UserId "room_295066_rtmp_1"');
    expect(e.message).toContain(ClientErrorCode.Timeout);
    expect(e.message).toMatch(/StopPublishCdnStream/);
    expect(e.message).toMatch(/RemoveUser \(/);
    expect(e.message).toMatch(/60 s after/);
    // What starting again does, by Tencent's documented rule, with the ordering caveat.
    expect(e.message).toMatch(/Starting it again with the same robot UserId does not leave two tasks running/);
    expect(e.message).toMatch(/kicks the one that entered first.*the new task is the one that ends/);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ sdkAppId: 1400188366, roomId: "295066", robotUserId: "room_295066_rtmp_1" });
  });

  test("points string rooms at RemoveUserByStrRoomId", () => {
    const e = new StartOutcomeUnknownError({ sdkAppId: 1, roomId: "room-a", roomIdType: 1, robotUserId: "bot" }, cause);
    expect(e.message).toContain("RemoveUserByStrRoomId");
    expect(e.message).toMatch(/30 s after/);
  });

  test("redacts secrets it is given, even inside the cause's text", () => {
    const leaky = new TencentCloudError({ code: "InternalError", action: "StartPublishCdnStream", message: "boom", requestId: "r" });
    const e = new StartOutcomeUnknownError({ sdkAppId: 1, roomId: "1", robotUserId: `bot-${SECRET_KEY}` }, leaky, [SECRET_KEY]);
    expect(e.message).not.toContain(SECRET_KEY);
  });
});
