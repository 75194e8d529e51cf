/**
 * TrtcClient on the wire, against a real HTTP server on port 0: what it sends, byte for byte, and what it
 * keeps to itself.
 */
import { inspect } from "node:util";
import { API_VERSION } from "../../trtc/actions";
import { TrtcClient } from "../../trtc/client/client";
import { REQUEST_CLIENT, stripNulls } from "../../trtc/client/wire";
import { canonicalRequest, parseAuthorization, signature, stringToSign, tc3Authorization } from "../../trtc/client/sign";
import { ValidationError } from "../../trtc/validate";
import { FULL_START, MIX, STOP, UPDATE, clone, patch } from "../fixtures/bodies";
import { useScriptedServer } from "../helpers/scripted-server";

const SECRET_ID = "AKIDwiretest00000000000000000000000";
const SECRET_KEY = "wire-test-secret-key-0123456789ab";
const TOKEN = "sts-session-token-value-0123456789";
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

const fixture = useScriptedServer();

const client = (extra: Partial<ConstructorParameters<typeof TrtcClient>[0]> = {}) =>
  new TrtcClient({
    credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: "ap-guangzhou",
    endpoint: fixture.server.url,
    dispatcher: fixture.agent,
    now: () => NOW,
    ...extra,
  });

/** Header names and values as sent, minus the framing headers undici adds. */
const sentHeaders = (raw: string[]): [string, string][] => {
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
  return pairs.filter(([k]) => !["content-length", "connection"].includes(k.toLowerCase()));
};

describe("TrtcClient wire format (spec §7.7)", () => {
  test("Start sends POST / with the SDK's headers in the SDK's order and a body without nulls", async () => {
    const body = { ...clone(MIX), SeiParams: null, RecordParams: undefined };
    const result = await client().startPublishCdnStream(body as never);
    expect(result).toEqual({ TaskId: "task-0001", RequestId: expect.any(String) });
    expect(fixture.server.calls).toHaveLength(1);
    const [call] = fixture.server.calls;
    expect(call.method).toBe("POST");
    expect(call.url).toBe("/");
    const expectedBody = JSON.stringify(stripNulls(body));
    expect(call.body).toBe(expectedBody);
    expect(call.body).not.toContain("null");
    expect(call.body).not.toContain("SeiParams");
    const auth = tc3Authorization({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      service: "trtc",
      host: fixture.server.host,
      timestamp: NOW / 1000,
      payload: expectedBody,
    });
    expect(sentHeaders(call.rawHeaders)).toEqual([
      // undici always writes the Host header name in lower case; names are case-insensitive (RFC 9110).
      ["host", fixture.server.host],
      ["X-TC-Action", "StartPublishCdnStream"],
      ["X-TC-Region", "ap-guangzhou"],
      ["X-TC-Timestamp", String(NOW / 1000)],
      ["X-TC-Version", API_VERSION],
      ["X-TC-RequestClient", REQUEST_CLIENT],
      ["Content-Type", "application/json"],
      ["Authorization", auth],
    ]);
    expect(Number(call.headers["content-length"])).toBe(Buffer.byteLength(expectedBody));
  });

  test("the signature verifies with sign.ts: scope service trtc (not the host), signed headers content-type;host", async () => {
    await client().stopPublishCdnStream(clone(STOP) as never);
    const [call] = fixture.server.calls;
    const parsed = parseAuthorization(call.headers.authorization);
    expect(parsed).toMatchObject({ secretId: SECRET_ID, date: "2026-01-02", service: "trtc", signedHeaders: ["content-type", "host"] });
    const canonical = canonicalRequest(
      "POST",
      { "content-type": String(call.headers["content-type"]), host: String(call.headers.host) },
      call.body,
    );
    const expected = signature(SECRET_KEY, parsed!.date, "trtc", stringToSign(Number(call.headers["x-tc-timestamp"]), "trtc", canonical));
    expect(parsed!.signature).toBe(expected);
    const forged = signature("another-key", parsed!.date, "trtc", stringToSign(Number(call.headers["x-tc-timestamp"]), "trtc", canonical));
    expect(parsed!.signature).not.toBe(forged);
  });

  test("X-TC-Token and X-TC-Language are sent only when set", async () => {
    await client({ credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN }, language: "en-US" }).updatePublishCdnStream(
      clone(UPDATE) as never,
    );
    await client().updatePublishCdnStream(clone(UPDATE) as never);
    const [withToken, without] = fixture.server.calls;
    expect(withToken.headers["x-tc-token"]).toBe(TOKEN);
    expect(withToken.headers["x-tc-language"]).toBe("en-US");
    expect(sentHeaders(withToken.rawHeaders).map(([k]) => k)).toEqual([
      "host",
      "X-TC-Action",
      "X-TC-Region",
      "X-TC-Timestamp",
      "X-TC-Version",
      "X-TC-Token",
      "X-TC-RequestClient",
      "X-TC-Language",
      "Content-Type",
      "Authorization",
    ]);
    expect(without.headers["x-tc-token"]).toBeUndefined();
    expect(without.headers["x-tc-language"]).toBeUndefined();
  });

  test("Update returns TaskId and RequestId from the answer and sends the SequenceNumber unchanged", async () => {
    fixture.server.script({ reply: { Response: { TaskId: "t-upd", RequestId: "r-upd", Extra: 1 } } });
    await expect(client().updatePublishCdnStream(clone(UPDATE) as never)).resolves.toEqual({ TaskId: "t-upd", RequestId: "r-upd" });
    expect(fixture.server.calls[0].json.SequenceNumber).toBe(UPDATE.SequenceNumber);
  });

  test("a uint64 SequenceNumber given as a bigint or a decimal string goes out digit for digit, and is signed that way", async () => {
    const sent: string[] = [];
    for (const SequenceNumber of [18446744073709551615n, "1732900000000000001", 1732900000000000000] as const) {
      await client().updatePublishCdnStream({ ...(clone(UPDATE) as never as object), SequenceNumber } as never);
      sent.push(fixture.server.calls[fixture.server.calls.length - 1].body);
    }
    expect(sent.map((b) => /"SequenceNumber":([^,}]*)/.exec(b)?.[1])).toEqual([
      "18446744073709551615",
      "1732900000000000001",
      "1732900000000000000",
    ]);
    // Apart from SequenceNumber, the body is JSON.stringify's, byte for byte, and the signature covers it.
    expect(sent[0]).toBe(
      JSON.stringify({ ...clone(UPDATE), SequenceNumber: 0 }).replace('"SequenceNumber":0', '"SequenceNumber":18446744073709551615'),
    );
    const call = fixture.server.calls[fixture.server.calls.length - 3];
    const expected = tc3Authorization({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      service: "trtc",
      host: fixture.server.host,
      timestamp: NOW / 1000,
      payload: sent[0],
    });
    expect(call.headers.authorization).toBe(expected);
  });

  test("a SequenceNumber string that is not decimal digits, or past uint64, is refused before sending", async () => {
    for (const SequenceNumber of ["1e3", "-1", "18446744073709551616"]) {
      await expect(client().updatePublishCdnStream({ ...(clone(UPDATE) as never as object), SequenceNumber } as never)).rejects.toThrow(
        /sequenceNumber: must be an integer from 0 to 18446744073709551615/,
      );
    }
    expect(fixture.server.calls).toHaveLength(0);
  });

  test("call() returns the whole Response for any action of the table", async () => {
    fixture.server.script({ reply: { Response: { TaskId: "t", RequestId: "r", Extra: 1 } } });
    await expect(client().call("StopPublishCdnStream", clone(STOP))).resolves.toEqual({ TaskId: "t", RequestId: "r", Extra: 1 });
  });
});

describe("validation before sending", () => {
  test("an invalid body throws ValidationError naming camelCase paths, and nothing is sent", async () => {
    const bad = patch(MIX, { "AgentParams.MaxIdleTime": 3, SdkAppId: undefined });
    const error = await client()
      .startPublishCdnStream(bad as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/agentParams\.maxIdleTime/);
    expect((error as ValidationError).message).toMatch(/sdkAppId/);
    expect(fixture.server.calls).toHaveLength(0);
  });

  test("the site follows the host: an intl-only field is rejected for the cn endpoint", async () => {
    const cnOnly = { ...clone(STOP), RecordKey: "rk" };
    await expect(client({ site: "intl" }).stopPublishCdnStream(cnOnly as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(client().stopPublishCdnStream(cnOnly as never)).resolves.toMatchObject({ TaskId: STOP.TaskId });
    expect(fixture.server.calls).toHaveLength(1);
  });

  test.each([
    [{ credentials: { secretId: "", secretKey: "k" } }, /credentials\.secretId/],
    [{ credentials: { secretId: "AKID", secretKey: " " } }, /credentials\.secretKey/],
    [{ region: "ap-singapore" }, /region must be one of .*ap-guangzhou.* on the cn site, got "ap-singapore"/],
    [{ endpoint: "http://127.0.0.1:1/v2" }, /endpoint must not have a path/],
    [{ endpoint: "ftp://x" }, /endpoint must use https/],
    [{ timeoutMs: 0 }, /timeoutMs must be a positive integer/],
    [{ rateLimitPerSecond: -1 }, /rateLimitPerSecond must be a positive integer or Infinity/],
  ])("bad options %j throw before any request", (bad, message) => {
    expect(() => client(bad as never)).toThrow(message);
  });

  test("a secretKey that fails validation is never echoed", () => {
    expect(() => client({ credentials: { secretId: "", secretKey: SECRET_KEY } })).toThrow(/^(?!.*wire-test-secret)/s);
  });
});

describe("what the client keeps to itself", () => {
  test("inspect and JSON.stringify of a client show neither the secret key nor the token", () => {
    const c = client({ credentials: { secretId: SECRET_ID, secretKey: SECRET_KEY, token: TOKEN } });
    for (const text of [inspect(c), inspect(c, { showHidden: true, depth: 10 }), JSON.stringify(c), String(Object.values(c))]) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(TOKEN);
    }
    expect(JSON.parse(JSON.stringify(c))).toEqual({ region: "ap-guangzhou", endpoint: `${fixture.server.url}/`, site: "cn" });
  });

  test("a FULL_START with UserSigs, storage keys and txSecret URLs still sends every one of them verbatim", async () => {
    await client().startPublishCdnStream(clone(FULL_START) as never);
    expect(fixture.server.calls[0].json).toEqual(FULL_START);
  });
});
