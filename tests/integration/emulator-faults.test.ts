/**
 * Fault injection and the request log: injected errors, dropped connections before and after the task
 * changed, counts and probabilities, and a log that never holds a secret.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody } from "../helpers/emulator-harness";

describe("emulator faults", () => {
  const lines: string[] = [];
  let emu: RunningEmulator;
  let roll = 0;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, log: (l) => lines.push(l), random: () => roll });
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    await apiFor(emu).control("POST", "reset");
    lines.length = 0;
    roll = 0;
  });

  it("answers an injected error `count` times, then acts normally", async () => {
    const api = apiFor(emu);
    const added = await api.control("POST", "faults", { action: "StartPublishCdnStream", error: "InternalError", count: 2 });
    expect(added.json.fault).toMatchObject({ id: expect.any(Number), action: "StartPublishCdnStream", error: "InternalError", count: 2 });
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("InternalError");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("InternalError");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("ok");
    expect((await api.control("GET", "tasks")).json.tasks).toHaveLength(1);
    expect((await api.control("GET", "faults")).json.faults).toEqual([]);
  });

  it("matches only its action unless it is `*`", async () => {
    const api = apiFor(emu);
    await api.control("POST", "faults", { action: "StopPublishCdnStream", error: "ServiceUnavailable" });
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("ok");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "x" }))).toBe("ServiceUnavailable");
    await api.control("DELETE", "faults");
    await api.control("POST", "faults", { action: "*", error: "InternalError" });
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("InternalError");
  });

  it("drops the connection before acting: no task is created", async () => {
    const api = apiFor(emu);
    await api.control("POST", "faults", { action: "StartPublishCdnStream", drop: "before", count: 1 });
    await expect(api.call("StartPublishCdnStream", startBody())).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await api.control("GET", "tasks")).json.tasks).toHaveLength(0);
    expect((await api.control("GET", "requests")).json.requests.at(-1).outcome).toBe("dropped:before");
  });

  it("drops the connection after acting: the task exists though no answer came", async () => {
    const api = apiFor(emu);
    await api.control("POST", "faults", { action: "StartPublishCdnStream", drop: "after", count: 1 });
    await expect(api.call("StartPublishCdnStream", startBody())).rejects.toThrow(/socket hang up|ECONNRESET/);
    const tasks = (await api.control("GET", "tasks")).json.tasks;
    expect(tasks).toHaveLength(1);
    expect(tasks[0].Status).toBe("running");
    expect((await api.control("GET", "requests")).json.requests.at(-1)).toMatchObject({
      outcome: "dropped:after:ok",
      taskId: tasks[0].TaskId,
    });
  });

  it("applies a fault only when the roll is under its probability", async () => {
    const api = apiFor(emu);
    await api.control("POST", "faults", { action: "*", error: "InternalError", probability: 0.5 });
    roll = 0.7;
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("ok");
    roll = 0.2;
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("InternalError");
    expect((await api.control("GET", "faults")).json.faults[0].hits).toBe(1);
  });

  it("delays by latencyMs (asserted generously: at least the delay)", async () => {
    const api = apiFor(emu);
    await api.control("POST", "faults", { action: "StartPublishCdnStream", latencyMs: 300, count: 1 });
    const t0 = Date.now();
    expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("ok");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it("rejects malformed fault specs with 400 and the reason", async () => {
    const api = apiFor(emu);
    for (const bad of [
      { action: "Nope", error: "InternalError" },
      { action: "*", error: "NotACode" },
      { action: "*" },
      { action: "*", drop: "sideways" },
      { action: "*", error: "InternalError", probability: 2 },
      { action: "*", error: "InternalError", extra: 1 },
    ]) {
      const res = await api.control("POST", "faults", bad);
      expect(res.status).toBe(400);
      expect(typeof res.json.error).toBe("string");
    }
  });

  it("logs action, outcome, latency, RequestId and a SecretId prefix, and no secret", async () => {
    const api = apiFor(emu);
    const body = startBody();
    const res = await api.call("StartPublishCdnStream", body, { signedHeaders: ["content-type", "host", "x-tc-action"] });
    await api.call("StartPublishCdnStream", body, { secretKey: "wrong-key-123456" });
    const log = (await api.control("GET", "requests")).json.requests;
    expect(log[0]).toMatchObject({
      action: "StartPublishCdnStream",
      outcome: "ok",
      requestId: res.json.Response.RequestId,
      taskId: res.json.Response.TaskId,
      secretId: "AKIDtrtc…",
    });
    expect(typeof log[0].latencyMs).toBe("number");
    expect(log[1].outcome).toBe("AuthFailure.SignatureFailure");
    expect(lines).toHaveLength(2);
    const everything = JSON.stringify(log) + lines.join("\n");
    const userSig = (body.AgentParams as { UserSig: string }).UserSig;
    for (const secret of [emu.secretKey, emu.secretId, userSig, "txSecret", "wrong-key-123456", "Signature=", "TC3-HMAC"]) {
      expect(everything).not.toContain(secret);
    }
  });
});
