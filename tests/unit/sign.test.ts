import { canonicalRequest, parseAuthorization, scopeDate, signingKey, stringToSign, tc3Authorization } from "../../trtc/client/sign";
import { createHash } from "node:crypto";

const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const base = {
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  action: "DescribeInstances",
  timestamp: 1551113065,
  payload,
  contentType: "application/json; charset=utf-8",
};

describe("tc3Authorization", () => {
  test("payload of the official example is 86 bytes with the documented hash", () => {
    expect(Buffer.byteLength(payload)).toBe(86);
    expect(createHash("sha256").update(payload).digest("hex")).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
  });

  test("reproduces the current official vector (spec §7.4), every intermediate step", () => {
    const secretId = `AKID${"*".repeat(32)}`;
    const secretKey = "*".repeat(32);
    const headers = { "content-type": base.contentType, host: base.host, "x-tc-action": base.action };
    const canonical = canonicalRequest("POST", headers, payload);
    expect(canonical).toBe(
      "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    );
    const sts = stringToSign(base.timestamp, "cvm", canonical);
    expect(sts).toBe(
      "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
    );
    expect(signingKey(secretKey, "2019-02-25", "cvm").toString("hex")).toBe(
      "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af",
    );
    expect(tc3Authorization({ ...base, secretId, secretKey, signedHeaders: ["content-type", "host", "x-tc-action"] })).toBe(
      "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f",
    );
  });

  test("reproduces the earlier official vector (spec §7.5), signing content-type;host", () => {
    const auth = tc3Authorization({
      ...base,
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    });
    expect(auth).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });

  test("scope date is the UTC date, not the local one", () => {
    expect(scopeDate(1551113065)).toBe("2019-02-25");
    expect(scopeDate(1551139199)).toBe("2019-02-25");
    expect(scopeDate(1551139200)).toBe("2019-02-26");
  });

  test("refuses a signed-header list without content-type and host", () => {
    expect(() => tc3Authorization({ ...base, secretId: "a", secretKey: "b", signedHeaders: ["host"] })).toThrow(/content-type and host/);
  });

  test("parseAuthorization reads back what tc3Authorization wrote and rejects garbage", () => {
    const auth = tc3Authorization({ ...base, secretId: "AKIDx", secretKey: "k", service: "trtc" });
    expect(parseAuthorization(auth)).toMatchObject({
      secretId: "AKIDx",
      service: "trtc",
      date: "2019-02-25",
      signedHeaders: ["content-type", "host"],
    });
    expect(parseAuthorization("Basic abc")).toBeUndefined();
    expect(parseAuthorization(auth.replace("Signature=", "Sig="))).toBeUndefined();
  });
});
