import { inspect } from "node:util";
import { MASK, redactHeaders, redactText, redactUrl, redactValue, secretsIn } from "../../trtc/redact";

const SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const USER_SIG = "eJw1zV8LgjAUBfCvIve5ZNOmba8RPfQvqiciYrmrjnSTbUEQfffULM7j79zXC06bA0rv0UQv4Nq0Nw0sbXr3I9BSbXhVuXGY";
const AUTH =
  "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/trtc/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

describe("redactText", () => {
  test("masks a whole TC3 Authorization value, keeping the algorithm name", () => {
    const out = redactText(`sent Authorization: ${AUTH} and failed`);
    expect(out).not.toContain("72e494ea");
    expect(out).not.toContain("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019");
    expect(out).toContain("sent Authorization: ");
    expect(out).toContain("and failed");
  });

  test("masks X-TC-Token header lines but keeps the header name", () => {
    expect(redactText("X-TC-Token: sts-token-value-123\nX-TC-Region: ap-guangzhou")).toBe(`X-TC-Token: ${MASK}\nX-TC-Region: ap-guangzhou`);
  });

  test("masks txSecret in an rtmp push URL and keeps txTime (an expiry) and the rest", () => {
    const url = "rtmp://3891.livepush.myqcloud.com/live/s1?bizid=3891&txSecret=0123456789abcdef0123456789abcdef&txTime=62635BDE";
    expect(redactText(`bad url ${url}.`)).toBe(
      `bad url rtmp://3891.livepush.myqcloud.com/live/s1?bizid=3891&txSecret=${MASK}&txTime=62635BDE.`,
    );
  });

  test.each([
    ["?sign=abcdef123456&t=1", `?sign=${MASK}&t=1`],
    ["?auth_key=1-0-0-deadbeef", `?auth_key=${MASK}`],
    ["&TXSECRET=abc", `&TXSECRET=${MASK}`],
  ])("masks other CDN auth parameters: %s", (input, expected) => {
    expect(redactText(`rtmp://h/app/s${input}`)).toBe(`rtmp://h/app/s${expected}`);
  });

  test("masks secret-named JSON fields in any casing, escaped or not", () => {
    const json = JSON.stringify({ AgentParams: { UserId: "robot_1", UserSig: "abc-def-ghi", MaxIdleTime: 30 }, secretKey: "k" });
    const out = redactText(json);
    expect(out).toBe(`{"AgentParams":{"UserId":"robot_1","UserSig":"${MASK}","MaxIdleTime":30},"secretKey":"${MASK}"}`);
    const escaped = JSON.stringify({ message: json });
    expect(redactText(escaped)).not.toContain("abc-def-ghi");
  });

  test("masks key=value and inspect-style key: 'value' pairs", () => {
    expect(redactText("UserSig=abcdef123 next")).toBe(`UserSig=${MASK} next`);
    expect(redactText(`{ secretKey: '${SECRET_KEY}', region: 'ap-guangzhou' }`)).toBe(`{ secretKey: '${MASK}', region: 'ap-guangzhou' }`);
  });

  test("masks a bare TLS-Sig UserSig by its shape", () => {
    expect(redactText(`robot signed with ${USER_SIG} joined`)).toBe(`robot signed with ${MASK} joined`);
  });

  test("masks given literal secrets wherever they appear, longest first", () => {
    const out = redactText(`key=${SECRET_KEY}; again:${SECRET_KEY}x`, [SECRET_KEY, SECRET_KEY.slice(0, 10), undefined]);
    expect(out).not.toContain(SECRET_KEY.slice(0, 10));
    expect(out.split(MASK).length - 1).toBe(2);
  });

  test("does not mask short literals, so a secret of '1' cannot garble the message", () => {
    expect(redactText("SdkAppId 1400188366", ["1"])).toBe("SdkAppId 1400188366");
  });

  test("leaves ordinary text alone, including codes that contain secret words", () => {
    const text = "AuthFailure.TokenFailure: token error for SdkAppId 1400188366, RoomId 295066, TaskId -m97l2ZU7";
    expect(redactText(text)).toBe(text);
  });
});

describe("redactHeaders / redactUrl / redactValue / secretsIn", () => {
  test("redactHeaders masks Authorization and X-TC-Token by name, keeps the others", () => {
    const out = redactHeaders({ Authorization: AUTH, "X-TC-Token": "tok", "X-TC-Action": "StartPublishCdnStream", Absent: undefined });
    expect(out).toEqual({ Authorization: MASK, "X-TC-Token": MASK, "X-TC-Action": "StartPublishCdnStream" });
  });

  test("redactUrl masks user:password@ and secret query parameters", () => {
    expect(redactUrl("rtmp://user:pw@push.example.com/live/s?txSecret=abc&txTime=1")).toBe(
      `rtmp://${MASK}@push.example.com/live/s?txSecret=${MASK}&txTime=1`,
    );
  });

  test("redactValue deep-copies with secret fields and secret-bearing strings masked", () => {
    const body = {
      AgentParams: { UserId: "robot_1", UserSig: USER_SIG },
      PublishCdnParams: [{ PublishCdnUrl: "rtmp://h/live/s?txSecret=abc&txTime=1", IsTencentCdn: 1 }],
      RecordParams: { McuStorageParams: { CloudStorage: { AccessKey: "AKIDcos", SecretKey: SECRET_KEY, Bucket: "b" } } },
    };
    const out = redactValue(body);
    expect(out).toEqual({
      AgentParams: { UserId: "robot_1", UserSig: MASK },
      PublishCdnParams: [{ PublishCdnUrl: `rtmp://h/live/s?txSecret=${MASK}&txTime=1`, IsTencentCdn: 1 }],
      RecordParams: { McuStorageParams: { CloudStorage: { AccessKey: "AKIDcos", SecretKey: MASK, Bucket: "b" } } },
    });
    expect(body.AgentParams.UserSig).toBe(USER_SIG);
    expect(inspect(out, { depth: 10 })).not.toContain(SECRET_KEY);
  });

  test("secretsIn collects the values of secret-named fields at any depth", () => {
    const body = { AgentParams: { UserSig: "sig-a" }, FeedBackRoomParams: [{ UserSig: "sig-b" }], Other: { userSig: 3 } };
    expect(secretsIn(body).sort()).toEqual(["sig-a", "sig-b"]);
  });
});
