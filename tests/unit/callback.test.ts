import {
  callbackSignMatches,
  relayCdnStatusBody,
  RelayCdnStatus,
  relayCdnStatusName,
  signCallback,
  verifyCallback,
  type RelayCdnStatusEventInput,
} from "../../trtc/callbacks";

// Spec §10's official example: a room event, but the signature algorithm is the same for every callback.
const OFFICIAL_KEY = "123654";
const OFFICIAL_BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const OFFICIAL_SIGN = "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=";

const KEY = "cbKey0123456789";
const PUSH_URL = "rtmp://3891.livepush.myqcloud.com/live/stream1?txSecret=deadbeefcafef00d&txTime=62635BDE";

/** The docs' relay sample, with its `EventTsMs` spelling, made concrete. */
const DOC_SAMPLE = `{"EventGroupId": 4, "EventType": 401, "CallbackTs": 1622186275913, "EventInfo": {"RoomId": "room_1", "RoomType": 1, "EventTsMs": 1622186275900, "UserId": "robot_1", "TaskId": "task-abc", "Payload": {"Url": "${PUSH_URL}", "Status": 2}}}`;

const verifySigned = (rawBody: string, extraHeaders: Record<string, string> = {}) =>
  verifyCallback({ rawBody, headers: { "content-type": "application/json", sign: signCallback(rawBody, KEY), ...extraHeaders }, key: KEY });

/** A wire body with some fields replaced, to probe the schema. */
function bodyWith(patch: { info?: Record<string, unknown>; payload?: Record<string, unknown>; top?: Record<string, unknown> }): string {
  const base = JSON.parse(DOC_SAMPLE);
  Object.assign(base, patch.top);
  Object.assign(base.EventInfo, patch.info);
  Object.assign(base.EventInfo.Payload, patch.payload);
  for (const o of [base, base.EventInfo, base.EventInfo.Payload]) for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return JSON.stringify(base);
}

describe("signCallback", () => {
  test("reproduces the official example exactly (real newlines and tabs)", () => {
    expect(OFFICIAL_BODY).toContain("\n\t");
    expect(signCallback(OFFICIAL_BODY, OFFICIAL_KEY)).toBe(OFFICIAL_SIGN);
    expect(signCallback(Buffer.from(OFFICIAL_BODY, "utf8"), OFFICIAL_KEY)).toBe(OFFICIAL_SIGN);
  });

  test("signs the bytes as sent: the same JSON re-serialized has another signature", () => {
    expect(signCallback(JSON.stringify(JSON.parse(OFFICIAL_BODY)), OFFICIAL_KEY)).not.toBe(OFFICIAL_SIGN);
  });

  test("callbackSignMatches accepts the official pair and rejects near misses", () => {
    expect(callbackSignMatches(OFFICIAL_BODY, OFFICIAL_KEY, OFFICIAL_SIGN)).toBe(true);
    expect(callbackSignMatches(OFFICIAL_BODY, OFFICIAL_KEY, OFFICIAL_SIGN.slice(0, -1))).toBe(false);
    expect(callbackSignMatches(OFFICIAL_BODY, OFFICIAL_KEY, OFFICIAL_SIGN.replace("k", "K"))).toBe(false);
    expect(callbackSignMatches(OFFICIAL_BODY, "123655", OFFICIAL_SIGN)).toBe(false);
    expect(callbackSignMatches(OFFICIAL_BODY.replace("8489", "8490"), OFFICIAL_KEY, OFFICIAL_SIGN)).toBe(false);
  });

  test("refuses an empty key", () => {
    expect(() => signCallback("{}", "")).toThrow(/^key must be the non-empty callback key/);
  });
});

describe("verifyCallback: signature", () => {
  test("the official example verifies, then is set aside as a room event, not a relay one", () => {
    const result = verifyCallback({ rawBody: OFFICIAL_BODY, headers: { Sign: OFFICIAL_SIGN, SdkAppId: "1400000000" }, key: OFFICIAL_KEY });
    expect(result).toMatchObject({ ok: false, reason: "unsupported-event" });
    expect(!result.ok && result.message).toContain("EventGroupId 2 / EventType 204");
  });

  test.each([
    [
      "a body changed by one character",
      (b: string) => ({ rawBody: b.replace('"Status": 2', '"Status": 4'), sign: signCallback(b, KEY), key: KEY }),
    ],
    ["a body with trailing whitespace", (b: string) => ({ rawBody: `${b}\n`, sign: signCallback(b, KEY), key: KEY })],
    ["a flipped character in Sign", (b: string) => ({ rawBody: b, sign: flip(signCallback(b, KEY)), key: KEY })],
    ["a truncated Sign", (b: string) => ({ rawBody: b, sign: signCallback(b, KEY).slice(0, 43), key: KEY })],
    ["another key", (b: string) => ({ rawBody: b, sign: signCallback(b, "otherKey"), key: KEY })],
  ])("rejects %s", (_name, make) => {
    expect(verifyCallback(make(DOC_SAMPLE))).toMatchObject({ ok: false, reason: "signature" });
  });

  test("rejects a missing Sign header and a repeated one", () => {
    expect(verifyCallback({ rawBody: DOC_SAMPLE, headers: {}, key: KEY })).toEqual({
      ok: false,
      reason: "signature",
      message: "missing Sign header",
    });
    const sign = signCallback(DOC_SAMPLE, KEY);
    expect(verifyCallback({ rawBody: DOC_SAMPLE, headers: { sign: [sign, sign] }, key: KEY })).toEqual({
      ok: false,
      reason: "signature",
      message: "more than one Sign header",
    });
  });

  test("reads Sign from Node headers, Fetch headers or an explicit value", () => {
    const sign = signCallback(DOC_SAMPLE, KEY);
    expect(verifyCallback({ rawBody: DOC_SAMPLE, headers: { sign }, key: KEY }).ok).toBe(true);
    expect(verifyCallback({ rawBody: DOC_SAMPLE, headers: new Headers({ Sign: sign }), key: KEY }).ok).toBe(true);
    expect(verifyCallback({ rawBody: Buffer.from(DOC_SAMPLE), sign, key: KEY }).ok).toBe(true);
    // An explicit sign wins over the headers.
    expect(verifyCallback({ rawBody: DOC_SAMPLE, headers: { Sign: sign }, sign: flip(sign), key: KEY }).ok).toBe(false);
  });

  test("refuses an empty key before looking at the request", () => {
    expect(() => verifyCallback({ rawBody: DOC_SAMPLE, headers: {}, key: "" })).toThrow(TypeError);
  });
});

describe("verifyCallback: the event", () => {
  test("parses the docs' sample (EventTsMs spelling) into a typed event", () => {
    expect(verifySigned(DOC_SAMPLE, { SdkAppId: "1400000000" })).toEqual({
      ok: true,
      event: {
        sdkAppId: 1400000000,
        callbackTs: 1622186275913,
        roomId: "room_1",
        roomType: 1,
        eventMsTs: 1622186275900,
        userId: "robot_1",
        taskId: "task-abc",
        url: PUSH_URL,
        status: "RUNNING",
        statusCode: 2,
      },
    });
  });

  test("accepts the field table's EventMsTs spelling, numbers as strings and numeric ids", () => {
    const body = bodyWith({
      top: { CallbackTs: "1622186275999" },
      info: { EventTsMs: undefined, EventMsTs: "1622186275950", RoomId: 8489, RoomType: 0, TaskId: 123456789 },
      payload: { Status: 4, ErrorCode: "-1003", ErrorMsg: "connect timeout" },
    });
    const result = verifySigned(body);
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        callbackTs: 1622186275999,
        eventMsTs: 1622186275950,
        roomId: "8489",
        roomType: 0,
        taskId: "123456789",
        status: "FAILURE",
        statusCode: 4,
        errorCode: -1003,
        errorMsg: "connect timeout",
      }),
    });
    expect(result.ok && result.event.sdkAppId).toBeUndefined();
  });

  test("prefers EventMsTs when both spellings are present", () => {
    const result = verifySigned(bodyWith({ info: { EventMsTs: 111, EventTsMs: 222 } }));
    expect(result.ok && result.event.eventMsTs).toBe(111);
  });

  test.each([
    ["Status 6", { payload: { Status: 6 } }, "EventInfo.Payload.Status"],
    ["Status as a string", { payload: { Status: "2" } }, "EventInfo.Payload.Status"],
    ["no Url", { payload: { Url: undefined } }, "EventInfo.Payload.Url"],
    ["no timestamp in either spelling", { info: { EventTsMs: undefined } }, "EventInfo.EventMsTs"],
    ["a non-numeric EventMsTs", { info: { EventTsMs: undefined, EventMsTs: "soon" } }, "EventInfo.EventMsTs"],
    ["an empty TaskId", { info: { TaskId: "" } }, "EventInfo.TaskId"],
    ["RoomType 2", { info: { RoomType: 2 } }, "EventInfo.RoomType"],
    ["no CallbackTs", { top: { CallbackTs: undefined } }, "CallbackTs"],
    ["a string EventType", { top: { EventType: "401" } }, "EventType"],
  ])("reports %s as a schema error at its path", (_name, patch, path) => {
    const result = verifySigned(bodyWith(patch));
    expect(result).toMatchObject({ ok: false, reason: "schema" });
    if (result.ok) return;
    expect(result.issues?.map((i) => i.path)).toContain(path);
    expect(result.message).toContain(path);
  });

  test("reports several schema errors at once", () => {
    const result = verifySigned(bodyWith({ info: { UserId: 7 }, payload: { Status: -1 } }));
    expect(!result.ok && result.issues?.map((i) => i.path).sort()).toEqual(["EventInfo.Payload.Status", "EventInfo.UserId"]);
  });

  test.each([
    ["not JSON", "{not json", "body is not valid JSON"],
    ["a JSON array", "[1,2]", "body is not a JSON object"],
    ["JSON null", "null", "body is not a JSON object"],
  ])("reports a correctly signed body that is %s as malformed", (_name, body, message) => {
    expect(verifySigned(body)).toEqual({ ok: false, reason: "malformed", message });
  });

  test("messages never quote the key, the Sign or the push URL's secret", () => {
    const bad = bodyWith({ payload: { Status: 9 } });
    const results = [
      verifySigned(bad),
      verifyCallback({ rawBody: DOC_SAMPLE, sign: flip(signCallback(DOC_SAMPLE, KEY)), key: KEY }),
      verifySigned(DOC_SAMPLE.replace("}}}", "}}")),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      const text = JSON.stringify(result);
      for (const secret of [KEY, signCallback(bad, KEY), signCallback(DOC_SAMPLE, KEY), "deadbeefcafef00d"])
        expect(text).not.toContain(secret);
    }
  });
});

describe("relayCdnStatusBody", () => {
  const event: RelayCdnStatusEventInput = {
    callbackTs: 1700000000123,
    roomId: "295066",
    roomType: 0,
    eventMsTs: 1700000000100,
    userId: "robot",
    taskId: "task-1",
    url: PUSH_URL,
    status: "RECOVERING",
    errorCode: 0,
    errorMsg: "",
  };

  test("builds the documented wire shape", () => {
    expect(JSON.parse(relayCdnStatusBody(event))).toEqual({
      EventGroupId: 4,
      EventType: 401,
      CallbackTs: 1700000000123,
      EventInfo: {
        RoomId: 295066,
        RoomType: 0,
        EventMsTs: 1700000000100,
        UserId: "robot",
        TaskId: "task-1",
        Payload: { Url: PUSH_URL, Status: 3, ErrorCode: 0, ErrorMsg: "" },
      },
    });
  });

  test("round-trips through signCallback and verifyCallback for every status", () => {
    for (const status of Object.keys(RelayCdnStatus) as Array<keyof typeof RelayCdnStatus>) {
      const input = { ...event, roomId: "room_s", roomType: 1 as const, status };
      expect(verifySigned(relayCdnStatusBody(input))).toEqual({ ok: true, event: { ...input, statusCode: RelayCdnStatus[status] } });
    }
  });
});

test("the status table matches spec §10", () => {
  expect(RelayCdnStatus).toEqual({ IDLE: 0, CONNECTING: 1, RUNNING: 2, RECOVERING: 3, FAILURE: 4, DISCONNECTING: 5 });
  expect([0, 1, 2, 3, 4, 5].map(relayCdnStatusName)).toEqual(["IDLE", "CONNECTING", "RUNNING", "RECOVERING", "FAILURE", "DISCONNECTING"]);
  expect(relayCdnStatusName(6)).toBeUndefined();
});

function flip(sign: string): string {
  const i = Math.floor(sign.length / 2);
  return sign.slice(0, i) + (sign[i] === "A" ? "B" : "A") + sign.slice(i + 1);
}
