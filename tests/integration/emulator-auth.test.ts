/**
 * TC3 verification against raw signed requests: what real clients send is accepted, and every kind of
 * tampering or misconfiguration is rejected with the code Tencent documents.
 */
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { signedRequest } from "../helpers/raw-request";
import { apiFor, codeOf, startBody, useEmulator } from "../helpers/emulator-harness";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("emulator authentication", () => {
  const emu = useEmulator({ rateLimitPerSecond: 0 });

  it("uses the documented default credentials", () => {
    expect(emu.get().secretId).toBe(DEFAULT_SECRET_ID);
    expect(emu.get().secretKey).toBe(DEFAULT_SECRET_KEY);
    expect(DEFAULT_SECRET_ID).toMatch(/^AKID/);
  });

  it("accepts the SDK style: content-type;host with application/json", async () => {
    const res = await emu.api().call("StartPublishCdnStream", startBody());
    expect(codeOf(res)).toBe("ok");
    expect(res.status).toBe(200);
    expect(res.json.Response.RequestId).toMatch(UUID_V4);
  });

  it("accepts the official vector style: content-type;host;x-tc-action with a charset", async () => {
    const res = await emu.api().call("StartPublishCdnStream", startBody(), {
      contentType: "application/json; charset=utf-8",
      signedHeaders: ["content-type", "host", "x-tc-action"],
    });
    expect(codeOf(res)).toBe("ok");
  });

  it("accepts any further signed header, recomputed from the received value", async () => {
    const res = await emu.api().call("StartPublishCdnStream", startBody(), {
      signedHeaders: ["content-type", "host", "x-tc-action", "x-tc-region", "x-tc-timestamp", "x-tc-version"],
    });
    expect(codeOf(res)).toBe("ok");
  });

  it("accepts a signature over the Host without its port, as Tencent's Node SDK signs, but no other host", async () => {
    const { hostname, host } = new URL(emu.get().url);
    const portless = await emu
      .api()
      .call("StartPublishCdnStream", startBody(), { headers: { Host: hostname }, tamper: { headers: { Host: host } } });
    expect(codeOf(portless)).toBe("ok");
    const other = await emu
      .api()
      .call("StartPublishCdnStream", startBody(), { headers: { Host: "trtc.tencentcloudapi.com" }, tamper: { headers: { Host: host } } });
    expect(codeOf(other)).toBe("AuthFailure.SignatureFailure");
  });

  it("answers a fresh RequestId for every request, errors included", async () => {
    const a = await emu.api().call("StartPublishCdnStream", startBody(), { authorization: null });
    const b = await emu.api().call("StartPublishCdnStream", startBody(), { authorization: null });
    expect(a.status).toBe(200);
    expect(a.json.Response.RequestId).toMatch(UUID_V4);
    expect(b.json.Response.RequestId).toMatch(UUID_V4);
    expect(a.json.Response.RequestId).not.toBe(b.json.Response.RequestId);
  });

  describe("rejects", () => {
    const cases: Array<[string, () => Promise<string>, string]> = [
      [
        "a missing Authorization header",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { authorization: null })),
        "AuthFailure.InvalidAuthorization",
      ],
      [
        "a non-TC3 algorithm",
        async () =>
          codeOf(
            await emu.api().call("StartPublishCdnStream", startBody(), { authorization: (a) => a.replace("TC3-HMAC-SHA256", "HMAC-SHA1") }),
          ),
        "AuthFailure.InvalidAuthorization",
      ],
      [
        "a header without Signature=",
        async () =>
          codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { authorization: (a) => a.replace(/, Signature=.*/, "") })),
        "AuthFailure.InvalidAuthorization",
      ],
      [
        "SignedHeaders without host",
        async () =>
          codeOf(
            await emu.api().call("StartPublishCdnStream", startBody(), {
              authorization: (a) => a.replace("SignedHeaders=content-type;host", "SignedHeaders=content-type"),
            }),
          ),
        "AuthFailure.InvalidAuthorization",
      ],
      [
        "a timestamp 301 s old",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { timestamp: Math.floor(Date.now() / 1000) - 301 })),
        "AuthFailure.SignatureExpire",
      ],
      [
        "a timestamp 400 s ahead",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { timestamp: Math.floor(Date.now() / 1000) + 400 })),
        "AuthFailure.SignatureExpire",
      ],
      [
        "an unknown SecretId",
        async () =>
          codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { secretId: "AKIDnobodyhasthiskey00000000000000000" })),
        "AuthFailure.SecretIdNotFound",
      ],
      [
        "a wrong SecretKey",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { secretKey: "not-the-key" })),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a tampered body",
        async () =>
          codeOf(
            await emu.api().call("StartPublishCdnStream", startBody(), { tamper: { body: JSON.stringify(startBody({ RoomId: "999" })) } }),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a tampered signed header (content-type)",
        async () =>
          codeOf(
            await emu
              .api()
              .call("StartPublishCdnStream", startBody(), { tamper: { headers: { "Content-Type": "application/json; charset=utf-8" } } }),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a tampered signed x-tc-action",
        async () =>
          codeOf(
            await emu.api().call(
              "StopPublishCdnStream",
              { SdkAppId: 1, TaskId: "x" },
              {
                signedHeaders: ["content-type", "host", "x-tc-action"],
                tamper: { headers: { "X-TC-Action": "UpdatePublishCdnStream" } },
              },
            ),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a tampered timestamp (still within 300 s)",
        async () =>
          codeOf(
            await emu.api().call("StartPublishCdnStream", startBody(), {
              tamper: { headers: { "X-TC-Timestamp": String(Math.floor(Date.now() / 1000) - 5) } },
            }),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a signed header that is not sent",
        async () =>
          codeOf(
            await emu.api().call("StartPublishCdnStream", startBody(), {
              signedHeaders: ["content-type", "host", "x-custom"],
              headers: { "x-custom": "1" },
              tamper: { headers: { "x-custom": undefined } },
            }),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a scope service other than trtc",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { service: "cvm" })),
        "AuthFailure.SignatureFailure",
      ],
      [
        "a scope date that is not the timestamp's UTC date",
        async () =>
          codeOf(
            await emu
              .api()
              .call("StartPublishCdnStream", startBody(), { authorization: (a) => a.replace(/\/\d{4}-\d{2}-\d{2}\//, "/2019-02-25/") }),
          ),
        "AuthFailure.SignatureFailure",
      ],
      [
        "an X-TC-Token for a long-term key",
        async () => codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { token: "some-session-token" })),
        "AuthFailure.TokenFailure",
      ],
      [
        "a missing X-TC-Timestamp",
        async () =>
          codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { tamper: { headers: { "X-TC-Timestamp": undefined } } })),
        "MissingParameter",
      ],
    ];
    it.each(cases)("%s", async (_name, run, code) => {
      expect(await run()).toBe(code);
    });
  });

  it("never echoes the SecretKey, the Authorization or a UserSig in an auth error", async () => {
    const body = startBody();
    const res = await emu.api().call("StartPublishCdnStream", body, { secretKey: "wrong-secret-key-value" });
    const sig = (body.AgentParams as { UserSig: string }).UserSig;
    for (const secret of ["wrong-secret-key-value", DEFAULT_SECRET_KEY, sig, "Signature="]) expect(res.text).not.toContain(secret);
  });
});

describe("emulator temporary credentials", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      credentials: [{ secretId: "AKIDtemporary000000000000000000000000", secretKey: "tmp-secret-key", token: "session-token-1" }],
    });
  });
  afterAll(() => emu.close());
  const sts = { secretId: "AKIDtemporary000000000000000000000000", secretKey: "tmp-secret-key" };

  it("accepts the matching token and rejects a missing or wrong one", async () => {
    const api = apiFor(emu);
    expect(codeOf(await api.call("StartPublishCdnStream", startBody(), { ...sts, token: "session-token-1" }))).toBe("ok");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody(), sts))).toBe("AuthFailure.TokenFailure");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody(), { ...sts, token: "session-token-2" }))).toBe(
      "AuthFailure.TokenFailure",
    );
  });

  it("replaces the default key when credentials are given", async () => {
    expect(
      codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody(), { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY })),
    ).toBe("AuthFailure.SecretIdNotFound");
  });
});

describe("emulator custom key and --no-auth", () => {
  it("accepts only the configured key pair", async () => {
    const emu = await startEmulator({ port: 0, secretId: "AKIDcustom", secretKey: "custom-key" });
    try {
      expect(emu.secretId).toBe("AKIDcustom");
      expect(codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody()))).toBe("ok");
      expect(
        codeOf(
          await apiFor(emu).call("StartPublishCdnStream", startBody(), { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
        ),
      ).toBe("AuthFailure.SecretIdNotFound");
    } finally {
      await emu.close();
    }
  });

  it("skips every auth check with auth: false but still validates the body", async () => {
    const emu = await startEmulator({ port: 0, auth: false });
    try {
      const unsigned = await signedRequest({
        url: emu.url,
        action: "StartPublishCdnStream",
        body: startBody(),
        secretId: "x",
        secretKey: "y",
        authorization: null,
      });
      expect(codeOf(unsigned)).toBe("ok");
      const stale = await apiFor(emu).call("StartPublishCdnStream", startBody(), { timestamp: 1 });
      expect(codeOf(stale)).toBe("ok");
      const invalid = await apiFor(emu).call("StartPublishCdnStream", startBody({ RoomIdType: 7 }), { authorization: null });
      expect(codeOf(invalid)).toBe("InvalidParameter");
    } finally {
      await emu.close();
    }
  });

  it("judges timestamps by the injected clock", async () => {
    const fixed = Date.UTC(2019, 1, 25, 16, 4, 25); // 1551110665
    const emu = await startEmulator({ port: 0, clock: () => fixed });
    try {
      const ts = Math.floor(fixed / 1000);
      expect(codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody(), { timestamp: ts + 299 }))).toBe("ok");
      expect(codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody()))).toBe("AuthFailure.SignatureExpire");
    } finally {
      await emu.close();
    }
  });
});
