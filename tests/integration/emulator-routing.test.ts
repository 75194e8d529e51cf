/**
 * Transport, routing and body validation, in the order of spec §12, and the response envelopes.
 */
import { startEmulator } from "../../emulator";
import { send } from "../helpers/raw-request";
import { apiFor, codeOf, startBody, useEmulator } from "../helpers/emulator-harness";

describe("emulator routing and validation", () => {
  const emu = useEmulator({ rateLimitPerSecond: 0, maxBodyBytes: 64 * 1024 });

  it("answers UnsupportedProtocol for GET, PUT and DELETE on /", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await send(emu.get().url, method, "/", {});
      expect(res.status).toBe(200);
      expect(res.json.Response.Error.Code).toBe("UnsupportedProtocol");
    }
  });

  it("answers RequestSizeLimitExceeded for a body over the limit, before looking at auth", async () => {
    const big = JSON.stringify({ pad: "x".repeat(70 * 1024) });
    const res = await emu.api().call("StartPublishCdnStream", big, { authorization: null });
    expect(codeOf(res)).toBe("RequestSizeLimitExceeded");
  });

  it("routes before authenticating: InvalidAction, NoSuchVersion, UnsupportedRegion, MissingParameter", async () => {
    const api = emu.api();
    const noAuth = { authorization: null } as const;
    expect(codeOf(await api.call("DescribeInstances", {}, noAuth))).toBe("InvalidAction");
    expect(codeOf(await api.call("StartPublishCdnStream", {}, { ...noAuth, version: "2017-03-12" }))).toBe("NoSuchVersion");
    expect(codeOf(await api.call("StartPublishCdnStream", {}, { ...noAuth, region: "ap-singapore" }))).toBe("UnsupportedRegion");
    expect(codeOf(await api.call("StartPublishCdnStream", {}, { ...noAuth, region: null }))).toBe("MissingParameter");
    expect(codeOf(await api.call("StartPublishCdnStream", {}, { ...noAuth, version: null }))).toBe("MissingParameter");
    expect(codeOf(await api.call("", {}, noAuth))).toBe("MissingParameter");
  });

  it("accepts every CN region and refuses INTL-only ones on the CN site", async () => {
    for (const region of ["ap-beijing", "ap-guangzhou", "ap-hongkong", "ap-shanghai"]) {
      expect(codeOf(await emu.api().call("StartPublishCdnStream", startBody(), { region }))).toBe("ok");
    }
  });

  it("answers InvalidParameter for a body that is not JSON or not an object", async () => {
    expect(codeOf(await emu.api().call("StartPublishCdnStream", "{not json"))).toBe("InvalidParameter");
    expect(codeOf(await emu.api().call("StartPublishCdnStream", "[1,2]"))).toBe("InvalidParameter");
  });

  it("maps schema issues: MissingParameter, UnknownParameter, InvalidParameter, naming API paths", async () => {
    const missing = startBody();
    delete missing.RoomId;
    const m = await emu.api().call("StartPublishCdnStream", missing);
    expect(codeOf(m)).toBe("MissingParameter");
    expect(m.json.Response.Error.Message).toContain("RoomId");

    const u = await emu.api().call("StartPublishCdnStream", startBody({ Colour: "red" }));
    expect(codeOf(u)).toBe("UnknownParameter");
    expect(u.json.Response.Error.Message).toContain("Colour");

    const i = await emu.api().call("StartPublishCdnStream", startBody({ RoomIdType: 2 }));
    expect(codeOf(i)).toBe("InvalidParameter");
    expect(i.json.Response.Error.Message).toContain("RoomIdType");

    const nested = startBody();
    (nested.AudioParams as { AudioEncode: { BitRate: number } }).AudioEncode.BitRate = 9999;
    const n = await emu.api().call("StartPublishCdnStream", nested);
    expect(codeOf(n)).toBe("InvalidParameter");
    expect(n.json.Response.Error.Message).toContain("AudioParams.AudioEncode.BitRate");
  });

  it("never echoes a UserSig or txSecret in a validation message", async () => {
    const body = startBody({ WithTranscoding: 5 });
    (body.AgentParams as Record<string, unknown>).UserSig = "eJwSECRETSECRETSECRETSECRETSECRET";
    (body.PublishCdnParams as Array<Record<string, unknown>>)[0].PublishCdnUrl = "http://not-rtmp/live?txSecret=supersecretvalue";
    const res = await emu.api().call("StartPublishCdnStream", body);
    expect(codeOf(res)).toBe("InvalidParameter");
    expect(res.text).not.toContain("SECRETSECRET");
    expect(res.text).not.toContain("supersecretvalue");
  });

  it("serves the success envelope with TaskId and RequestId only", async () => {
    const res = await emu.api().call("StartPublishCdnStream", startBody());
    expect(Object.keys(res.json.Response).sort()).toEqual(["RequestId", "TaskId"]);
    expect(res.json.Response.TaskId).toMatch(/^[A-Za-z0-9+-]{70}\.\.$/);
    expect(res.headers["content-type"]).toBe("application/json");
  });

  it("404s paths that are neither the API nor the control API", async () => {
    const res = await send(emu.get().url, "POST", "/v2/whatever", {}, "{}");
    expect(res.status).toBe(404);
  });
});

describe("emulator INTL site", () => {
  it("accepts ap-singapore and refuses ap-beijing", async () => {
    const emu = await startEmulator({ port: 0, site: "intl" });
    try {
      expect(codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody(), { region: "ap-singapore" }))).toBe("ok");
      expect(codeOf(await apiFor(emu).call("StartPublishCdnStream", startBody(), { region: "ap-beijing" }))).toBe("UnsupportedRegion");
    } finally {
      await emu.close();
    }
  });
});
