/**
 * How TrtcClient maps each answer to a TencentCloudError: every documented code of spec §2.4/§3.4/§4.3
 * (plus the common codes the retry table cares about), non-200 answers and garbage, with no secret in any
 * field. Real HTTP server on port 0; one attempt per call so each answer's own flags are visible.
 */
import { inspect } from "node:util";
import { ACTIONS, type ActionName } from "../../trtc/actions";
import { TrtcClient } from "../../trtc/client/client";
import { ClientErrorCode, StartOutcomeUnknownError, TencentCloudError } from "../../trtc/client/errors";
import { FULL_START, MIX, STOP, UPDATE, clone } from "../fixtures/bodies";
import { apiError, useScriptedServer } from "../helpers/scripted-server";

const SECRET_KEY = "errors-test-secret-key-0123456789";
const TOKEN = "errors-test-session-token-abcdef";

const fixture = useScriptedServer();

const client = (maxAttempts = 1) =>
  new TrtcClient({
    credentials: { secretId: "AKIDerrors000000000000000000000000", secretKey: SECRET_KEY, token: TOKEN },
    region: "ap-guangzhou",
    endpoint: fixture.server.url,
    dispatcher: fixture.agent,
    maxAttempts,
    backoff: { baseMs: 1, throttledBaseMs: 1, capMs: 2 },
  });

const BODIES: Record<ActionName, unknown> = { StartPublishCdnStream: MIX, UpdatePublishCdnStream: UPDATE, StopPublishCdnStream: STOP };

/** What the client must do with one answer of `code`, written out by hand (not derived from the table). */
const RETRYABLE: Record<ActionName, string[]> = {
  StartPublishCdnStream: ["RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "AuthFailure.SignatureExpire"],
  UpdatePublishCdnStream: [
    "RequestLimitExceeded",
    "RequestLimitExceeded.UinLimitExceeded",
    "AuthFailure.SignatureExpire",
    "InternalError",
    "ServiceUnavailable",
  ],
  StopPublishCdnStream: [
    "RequestLimitExceeded",
    "RequestLimitExceeded.UinLimitExceeded",
    "AuthFailure.SignatureExpire",
    "InternalError",
    "ServiceUnavailable",
  ],
};
const COMMON = [
  "RequestLimitExceeded",
  "RequestLimitExceeded.UinLimitExceeded",
  "AuthFailure.SignatureExpire",
  "AuthFailure.SignatureFailure",
  "ServiceUnavailable",
  "UnknownParameter",
];

const cases = (Object.keys(ACTIONS) as ActionName[]).flatMap((action) =>
  [...new Set([...ACTIONS[action].errors, ...COMMON])].map((code) => [action, code] as const),
);

describe("documented error codes", () => {
  test("the documented lists are all covered (spec §2.4, §3.4, §4.3)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12 + 12 + 9);
  });

  test.each(cases)("%s answered %s", async (action, code) => {
    fixture.server.script(apiError(code, `scripted ${code}`, "req-0123"));
    const error = await client()
      .call(action, clone(BODIES[action]))
      .catch((e: unknown) => e);
    expect(fixture.server.calls).toHaveLength(1);
    if (action === "StartPublishCdnStream" && code === "InternalError") {
      // The task may exist: not retried, and explained instead of rethrown.
      expect(error).toBeInstanceOf(StartOutcomeUnknownError);
      expect(error).toMatchObject({ code: ClientErrorCode.StartOutcomeUnknown, retryable: false, requestId: "req-0123", cause: { code } });
      return;
    }
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).toMatchObject({
      code,
      action,
      requestId: "req-0123",
      httpStatus: 200,
      attempts: 1,
      reached: "yes",
      retryable: RETRYABLE[action].includes(code),
      throttling: code.startsWith("RequestLimitExceeded"),
      fault: /^(InternalError|ServiceUnavailable)/.test(code) ? "server" : "client",
    });
    expect((error as Error).message).toBe(`${action} failed with ${code}: scripted ${code} (RequestId req-0123)`);
  });
});

describe("answers that are not Tencent errors", () => {
  test("HTTP 502 is an HttpStatusCodeError that may have reached the server: Update retries it", async () => {
    fixture.server.script({ reply: "<html>bad gateway</html>", status: 502 });
    const error = await client()
      .updatePublishCdnStream(clone(UPDATE) as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ClientErrorCode.HttpStatusCodeError,
      httpStatus: 502,
      reached: "maybe",
      retryable: true,
      fault: "server",
    });
    expect((error as Error).message).toContain("HTTP 502");
  });

  test("HTTP 502 to a Start is an unknown outcome", async () => {
    fixture.server.script({ reply: "bad gateway", status: 502 });
    await expect(client().startPublishCdnStream(clone(MIX) as never)).rejects.toBeInstanceOf(StartOutcomeUnknownError);
  });

  test("HTTP 404 is a definite refusal: not retryable, the client's fault", async () => {
    fixture.server.script({ reply: "not found", status: 404 }, { reply: "not found", status: 404 });
    await expect(client(5).stopPublishCdnStream(clone(STOP) as never)).rejects.toMatchObject({
      code: ClientErrorCode.HttpStatusCodeError,
      httpStatus: 404,
      retryable: false,
      fault: "client",
      attempts: 1,
    });
    expect(fixture.server.calls).toHaveLength(1);
  });

  test.each([
    ["not JSON", "{oops"],
    ["no Response", JSON.stringify({ Result: {} })],
    ["no TaskId", JSON.stringify({ Response: { RequestId: "r" } })],
  ])("a 200 with %s is an InvalidResponse", async (_, reply) => {
    fixture.server.script({ reply });
    await expect(client().updatePublishCdnStream(clone(UPDATE) as never)).rejects.toMatchObject({
      code: ClientErrorCode.InvalidResponse,
      httpStatus: 200,
      reached: "maybe",
    });
  });
});

describe("secrets never reach an error", () => {
  const SECRETS = [
    SECRET_KEY,
    TOKEN,
    (FULL_START.AgentParams as { UserSig: string }).UserSig,
    "storageSecretKeyValue",
    "eJwSIG-feedback",
    "0123abcd", // the txSecret of every FULL_START push URL
  ];

  const leaks = (error: unknown): string[] => {
    const texts = [String(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), (error as Error).stack ?? ""];
    for (const [k, v] of Object.entries(error as object)) texts.push(`${k}=${typeof v === "string" ? v : inspect(v, { depth: 10 })}`);
    return SECRETS.filter((s) => texts.some((t) => t.includes(s)));
  };

  test("a server that echoes the whole request (body, Authorization, token) into its message", async () => {
    fixture.server.script({
      dynamic: (call) =>
        apiError("UnknownParameter", `cannot use ${call.body} signed ${call.headers.authorization} token ${call.headers["x-tc-token"]}`),
    });
    const body = { ...clone(UPDATE), PublishCdnParams: FULL_START.PublishCdnParams, FeedBackRoomParams: FULL_START.FeedBackRoomParams };
    const error = await client()
      .updatePublishCdnStream(body as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    // The echo really contained the secrets (so the test can fail), and the error kept none of them.
    expect(fixture.server.calls[0].body).toContain("eJwSIG-feedback");
    expect((error as Error).message).toMatch(
      /UnknownParameter: cannot use .*PublishCdnUrl.*txTime=62635BDE.* signed TC3-HMAC-SHA256 \*\*\* token \*\*\*/,
    );
    expect(leaks(error)).toEqual([]);
  });

  test("a Start whose outcome is unknown, with the whole request quoted by a 502 page", async () => {
    const sig = (FULL_START.AgentParams as { UserSig: string }).UserSig;
    // Secrets first and near the 200-character excerpt cut, where half a secret could survive a naive mask.
    const page = `key=${SECRET_KEY} ${"x".repeat(180 - SECRET_KEY.length)} ${TOKEN} sig ${sig} for ${JSON.stringify(FULL_START)}`;
    fixture.server.script({ reply: page, status: 502 });
    const error = await client()
      .startPublishCdnStream(clone(FULL_START) as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(leaks(error)).toEqual([]);
    expect((error as Error).message).toContain('"room_295066_relay"');
    expect((error as Error).message).toContain("HTTP 502");
  });
});
