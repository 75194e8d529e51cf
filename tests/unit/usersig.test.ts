import { deflateSync } from "node:zlib";
import { genUserSig, verifyUserSig } from "../../trtc/usersig";
import { decodeUserSig, encodeUserSig, userSigHmac, type UserSigDoc } from "../../trtc/usersig/token";

// The reference implementation; only tests may load it (it is a dev dependency without types). Its
// package.json names "main" twice and jest's resolver takes the first, a file that does not exist, so the
// module file is named directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api: ReferenceApi } = require("tls-sig-api-v2/TLSSigAPIv2") as {
  Api: new (
    sdkappid: number,
    key: string,
  ) => {
    genUserSig(userid: string, expire: number): string;
    genSig(userid: string, expire: number, userBuf: Buffer | string | null): string;
    genPrivateMapKey(userid: string, expire: number, roomid: number, privilegeMap: number): string;
    genPrivateMapKeyWithStringRoomID(userid: string, expire: number, roomstr: string, privilegeMap: number): string;
  };
};

const KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"; // the reference README's sample key
const OTHER_KEY = "0000000000000000000000000000000000000000000000000000000000000000";
const T0 = 1_700_000_000; // a fixed "now", UNIX seconds

/** Runs `fn` with Date.now() pinned, as the reference reads the clock only through Date.now(). */
function atTime<R>(seconds: number, fn: () => R): R {
  const spy = jest.spyOn(Date, "now").mockReturnValue(seconds * 1000 + 456);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}

const reference = (sdkAppId: number, key = KEY) => new ReferenceApi(sdkAppId, key);

/** Decodes, edits and re-encodes a UserSig without re-signing it. */
function tamper(userSig: string, edit: (doc: UserSigDoc) => UserSigDoc): string {
  const doc = decodeUserSig(userSig);
  if (!doc) throw new Error("test setup: not a UserSig");
  return encodeUserSig(edit(doc));
}

describe("genUserSig matches tls-sig-api-v2 byte for byte", () => {
  const cases: Array<[number, string, number, number]> = [
    [1400000000, "xiaojun", 86400 * 180, T0],
    [1400000000, "trtc_partner_test_1", 86400, T0 + 1],
    [20012345, "relay-robot_01", 300, 1_600_000_000],
    [4294967295, "a", 1, 1],
    [1400188366, "用户_β", 604800, T0],
    [1400188366, "x".repeat(32), 2147483647, T0],
  ];

  test.each(cases)("sdkAppId %i, userId %j, expire %i, time %i", (sdkAppId, userId, expire, time) => {
    const theirs = atTime(time, () => reference(sdkAppId).genUserSig(userId, expire));
    expect(genUserSig({ sdkAppId, secretKey: KEY, userId, expireSeconds: expire, now: () => time + 0.999 })).toBe(theirs);
    // The default clock is Date.now(), floored like the reference.
    expect(atTime(time, () => genUserSig({ sdkAppId, secretKey: KEY, userId, expireSeconds: expire }))).toBe(theirs);
  });

  test("with a binary user buffer", () => {
    const buf = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    const theirs = atTime(T0, () => reference(1400000000).genSig("xiaojun", 3600, buf));
    expect(genUserSig({ sdkAppId: 1400000000, secretKey: KEY, userId: "xiaojun", expireSeconds: 3600, now: () => T0, userBuf: buf })).toBe(
      theirs,
    );
    // A Uint8Array that is not a Buffer gives the same ticket.
    const plain = new Uint8Array(buf);
    expect(
      genUserSig({ sdkAppId: 1400000000, secretKey: KEY, userId: "xiaojun", expireSeconds: 3600, now: () => T0, userBuf: plain }),
    ).toBe(theirs);
  });

  test("with a string user buffer (UTF-8, as the reference takes it)", () => {
    const theirs = atTime(T0, () => reference(1400000001).genSig("u1", 600, "abc-é"));
    expect(genUserSig({ sdkAppId: 1400000001, secretKey: KEY, userId: "u1", expireSeconds: 600, now: () => T0, userBuf: "abc-é" })).toBe(
      theirs,
    );
  });

  test.each([
    ["numeric room", (api: ReturnType<typeof reference>) => api.genPrivateMapKey("xiaojun", 300, 10000, 255)],
    ["string room", (api: ReturnType<typeof reference>) => api.genPrivateMapKeyWithStringRoomID("xiaojun", 300, "1000000040", 42)],
  ])("with the user buffer of a PrivateMapKey (%s)", (_name, issue) => {
    const theirs = atTime(T0, () => issue(reference(1400000000)));
    const userBuf = Buffer.from(decodeUserSig(theirs)!["TLS.userbuf"]!, "base64");
    expect(userBuf.length).toBeGreaterThan(23);
    expect(genUserSig({ sdkAppId: 1400000000, secretKey: KEY, userId: "xiaojun", expireSeconds: 300, now: () => T0, userBuf })).toBe(
      theirs,
    );
  });

  test("document fields keep the reference's order and JSON types", () => {
    const doc = decodeUserSig(genUserSig({ sdkAppId: 1400000000, secretKey: KEY, userId: "42", expireSeconds: 60, now: () => T0 }))!;
    expect(Object.keys(doc)).toEqual(["TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"]);
    expect(doc).toMatchObject({ "TLS.ver": "2.0", "TLS.identifier": "42", "TLS.sdkappid": 1400000000, "TLS.time": T0, "TLS.expire": 60 });
    expect(Buffer.from(doc["TLS.sig"], "base64")).toHaveLength(32);
  });
});

describe("genUserSig refuses unusable input before signing", () => {
  const ok = { sdkAppId: 1400000000, secretKey: KEY, userId: "robot", expireSeconds: 60 };
  test.each([
    ["sdkAppId of 0", { sdkAppId: 0 }, /^sdkAppId must be an integer from 1 to 4294967295$/],
    ["fractional sdkAppId", { sdkAppId: 1.5 }, /^sdkAppId must be/],
    ["sdkAppId over 32 bits", { sdkAppId: 2 ** 32 }, /^sdkAppId must be/],
    ["empty secretKey", { secretKey: "" }, /^secretKey must be a non-empty string$/],
    ["empty userId", { userId: "" }, /^userId must be a non-empty string$/],
    ["userId with a newline", { userId: "robot\nTLS.sdkappid:1" }, /^userId must not contain control characters$/],
    ["expireSeconds of 0", { expireSeconds: 0 }, /^expireSeconds must be a positive integer/],
    ["fractional expireSeconds", { expireSeconds: 86400.5 }, /^expireSeconds must be a positive integer/],
    ["a clock returning NaN", { now: () => Number.NaN }, /^now must return non-negative UNIX seconds$/],
    ["a numeric userBuf", { userBuf: 42 as unknown as string }, /^userBuf must be a string or a Uint8Array$/],
  ])("%s", (_name, patch, message) => {
    expect(() => genUserSig({ ...ok, ...patch })).toThrow(message);
  });

  test("error messages never carry the secret key", () => {
    const secretKey = "s3cr3t-key-value";
    for (const patch of [{ sdkAppId: -1 }, { userId: "" }, { expireSeconds: -5 }]) {
      try {
        genUserSig({ ...ok, secretKey, ...patch });
        throw new Error("expected a throw");
      } catch (e) {
        expect(String((e as Error).message)).not.toContain(secretKey);
        expect((e as Error).message).not.toBe("expected a throw");
      }
    }
  });
});

describe("verifyUserSig", () => {
  const sdkAppId = 1400000000;
  const theirs = atTime(T0, () => reference(sdkAppId).genUserSig("xiaojun", 3600));
  const opts = (patch: Partial<Parameters<typeof verifyUserSig>[1]> = {}) => ({ sdkAppId, secretKey: KEY, now: () => T0 + 10, ...patch });

  test("accepts the reference's UserSigs and reports who and until when", () => {
    expect(verifyUserSig(theirs, opts({ userId: "xiaojun" }))).toEqual({
      ok: true,
      identifier: "xiaojun",
      sdkAppId,
      issuedAt: T0,
      expiresAt: T0 + 3600,
    });
  });

  test("accepts the reference's PrivateMapKey and returns its user buffer", () => {
    const key = atTime(T0, () => reference(sdkAppId).genPrivateMapKeyWithStringRoomID("xiaojun", 300, "room-7", 255));
    const result = verifyUserSig(key, opts());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.userBuf?.subarray(-6).toString("latin1")).toBe("room-7");
  });

  test("accepts a ticket in the Go reference's layout (other key order, stored uncompressed, trailing newline)", () => {
    const fields = { "TLS.identifier": "go_user", "TLS.sdkappid": sdkAppId, "TLS.time": T0, "TLS.expire": 100 };
    const sig = userSigHmac(KEY, fields).toString("base64");
    const json = `${JSON.stringify({ "TLS.ver": "2.0", "TLS.identifier": "go_user", "TLS.sdkappid": sdkAppId, "TLS.expire": 100, "TLS.time": T0, "TLS.sig": sig })}\n`;
    const token = deflateSync(json, { level: 0 }).toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
    expect(verifyUserSig(token, opts({ userId: "go_user" }))).toMatchObject({ ok: true, identifier: "go_user", expiresAt: T0 + 100 });
  });

  test("is valid through the last second and expired one second later (Go reference semantics)", () => {
    expect(verifyUserSig(theirs, opts({ now: () => T0 + 3600.9 })).ok).toBe(true);
    expect(verifyUserSig(theirs, opts({ now: () => T0 + 3601 }))).toEqual({ ok: false, reason: "expired" });
  });

  test("defaults to the system clock", () => {
    expect(atTime(T0 + 5, () => verifyUserSig(theirs, { sdkAppId, secretKey: KEY })).ok).toBe(true);
    expect(atTime(T0 + 7200, () => verifyUserSig(theirs, { sdkAppId, secretKey: KEY }))).toEqual({ ok: false, reason: "expired" });
  });

  test("rejects a ticket signed with another key", () => {
    const foreign = atTime(T0, () => reference(sdkAppId, OTHER_KEY).genUserSig("xiaojun", 3600));
    expect(verifyUserSig(foreign, opts())).toEqual({ ok: false, reason: "signature" });
  });

  test("rejects a ticket for another application", () => {
    const foreign = atTime(T0, () => reference(1400000001).genUserSig("xiaojun", 3600));
    expect(verifyUserSig(foreign, opts())).toEqual({ ok: false, reason: "sdkappid" });
  });

  test("rejects a ticket for another user when userId is given", () => {
    expect(verifyUserSig(theirs, opts({ userId: "xiaojun2" }))).toEqual({ ok: false, reason: "identifier" });
  });

  test.each([
    [
      "a flipped character in TLS.sig",
      (d: UserSigDoc) => ({ ...d, "TLS.sig": (d["TLS.sig"][0] === "A" ? "B" : "A") + d["TLS.sig"].slice(1) }),
    ],
    ["a truncated TLS.sig", (d: UserSigDoc) => ({ ...d, "TLS.sig": d["TLS.sig"].slice(0, 20) })],
    ["a changed identifier", (d: UserSigDoc) => ({ ...d, "TLS.identifier": "mallory" })],
    ["a longer lifetime", (d: UserSigDoc) => ({ ...d, "TLS.expire": d["TLS.expire"] * 10 })],
    ["a later issue time", (d: UserSigDoc) => ({ ...d, "TLS.time": d["TLS.time"] + 1 })],
    ["an added user buffer", (d: UserSigDoc) => ({ ...d, "TLS.userbuf": "AAAA" })],
  ])("rejects %s as a bad signature", (_name, edit) => {
    expect(verifyUserSig(tamper(theirs, edit), opts())).toEqual({ ok: false, reason: "signature" });
  });

  test("rejects every single-character change of the encoded ticket", () => {
    const alphabet = "AB*-_";
    let checked = 0;
    for (let i = 0; i < theirs.length; i++) {
      const replacement = [...alphabet].find((c) => c !== theirs[i])!;
      const altered = theirs.slice(0, i) + replacement + theirs.slice(i + 1);
      const result = verifyUserSig(altered, opts());
      expect(result.ok).toBe(false);
      checked++;
    }
    expect(checked).toBe(theirs.length);
  });

  test.each([
    ["an empty string", ""],
    ["characters outside the alphabet", "eJw!!!not+a/sig="],
    ["base64 that is not zlib", Buffer.from("hello world").toString("base64").replace(/=/g, "_")],
    ["zlib that is not JSON", deflateSync("not json").toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_")],
    ["JSON of the wrong version", encodeUserSig({ ...decodeUserSig(theirs)!, "TLS.ver": "1.0" as "2.0" })],
    [
      "JSON with a string sdkappid",
      deflateSync(JSON.stringify({ ...decodeUserSig(theirs)!, "TLS.sdkappid": String(sdkAppId) }))
        .toString("base64")
        .replace(/\+/g, "*")
        .replace(/\//g, "-")
        .replace(/=/g, "_"),
    ],
    ["an absurdly long token", "A".repeat(10000)],
    ["a non-string", 12345 as unknown as string],
  ])("rejects %s as malformed", (_name, token) => {
    expect(verifyUserSig(token, opts())).toEqual({ ok: false, reason: "malformed" });
  });

  test("round-trips its own tickets, with and without a user buffer", () => {
    const plain = genUserSig({ sdkAppId, secretKey: KEY, userId: "robot", expireSeconds: 60, now: () => T0 });
    expect(verifyUserSig(plain, opts({ userId: "robot" }))).toMatchObject({ ok: true, identifier: "robot" });
    const withBuf = genUserSig({ sdkAppId, secretKey: KEY, userId: "robot", expireSeconds: 60, now: () => T0, userBuf: "perm" });
    const result = verifyUserSig(withBuf, opts({ userId: "robot" }));
    expect(result.ok && result.userBuf?.toString()).toBe("perm");
  });

  test("refuses unusable options with an error naming the property", () => {
    expect(() => verifyUserSig(theirs, { sdkAppId, secretKey: "" })).toThrow(/^secretKey must be a non-empty string$/);
    expect(() => verifyUserSig(theirs, { sdkAppId: 0, secretKey: KEY })).toThrow(/^sdkAppId must be a positive integer$/);
  });

  test("results never carry the key or the signature", () => {
    const sig = decodeUserSig(theirs)!["TLS.sig"];
    for (const result of [
      verifyUserSig(theirs, opts()),
      verifyUserSig(theirs, opts({ secretKey: OTHER_KEY })),
      verifyUserSig(theirs, opts({ now: () => T0 + 1e6 })),
    ]) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(OTHER_KEY);
      expect(text).not.toContain(sig);
    }
  });
});
