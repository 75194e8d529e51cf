/**
 * Server-side throttling and the counters clients' own limiters are checked against. No timing
 * assertions: a frozen injected clock puts a whole burst in one window, so the counts are exact.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody } from "../helpers/emulator-harness";

describe("emulator rate limit", () => {
  let now = Date.UTC(2030, 0, 1, 0, 0, 0, 100);
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      clock: () => now,
      credentials: [{ secretId: "AKIDsecond", secretKey: "second-key" }],
      secretId: "AKIDfirst",
      secretKey: "first-key",
    });
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    await apiFor(emu).control("POST", "reset");
  });
  const ts = () => Math.floor(now / 1000);

  it("admits 20 of a 30-request burst and answers RequestLimitExceeded to the rest", async () => {
    const api = apiFor(emu);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "nope" }, { timestamp: ts() })),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "RequestLimitExceeded")).toHaveLength(10);
    expect(codes.filter((c) => c === "ResourceNotFound")).toHaveLength(20);

    const stats = (await api.control("GET", "stats")).json;
    expect(stats.limitPerSecond).toBe(20);
    expect(stats.requests.StopPublishCdnStream).toBe(30);
    expect(stats.throttled.StopPublishCdnStream).toBe(10);
    expect(stats.maxPerSecond.StopPublishCdnStream).toBe(20);
    expect(stats.maxReceivedPerSecond.StopPublishCdnStream).toBe(30);
    const log = (await api.control("GET", "requests")).json.requests;
    expect(log.filter((e: { outcome: string }) => e.outcome === "RequestLimitExceeded")).toHaveLength(10);
  });

  it("opens a new window each second", async () => {
    const api = apiFor(emu);
    for (let i = 0; i < 20; i++) expect(codeOf(await api.call("StartPublishCdnStream", startBody(), { timestamp: ts() }))).toBe("ok");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody(), { timestamp: ts() }))).toBe("RequestLimitExceeded");
    now += 1000;
    expect(codeOf(await api.call("StartPublishCdnStream", startBody(), { timestamp: ts() }))).toBe("ok");
    const stats = (await api.control("GET", "stats")).json;
    expect(stats.maxPerSecond.StartPublishCdnStream).toBe(20);
    expect(stats.throttled.StartPublishCdnStream).toBe(1);
  });

  it("counts each action and each SecretId separately", async () => {
    const api = apiFor(emu);
    const stop = () => api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "nope" }, { timestamp: ts() });
    for (let i = 0; i < 20; i++) await stop();
    expect(codeOf(await stop())).toBe("RequestLimitExceeded");
    expect(
      codeOf(
        await api.call(
          "UpdatePublishCdnStream",
          { SdkAppId: APP, TaskId: "nope", SequenceNumber: 1, WithTranscoding: 1 },
          { timestamp: ts() },
        ),
      ),
    ).toBe("ResourceNotFound");
    const other = await api.call(
      "StopPublishCdnStream",
      { SdkAppId: APP, TaskId: "nope" },
      { timestamp: ts(), secretId: "AKIDsecond", secretKey: "second-key" },
    );
    expect(codeOf(other)).toBe("ResourceNotFound");
  });

  it("does not count requests that fail authentication", async () => {
    const api = apiFor(emu);
    await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "nope" }, { timestamp: ts(), authorization: null });
    const stats = (await api.control("GET", "stats")).json;
    expect(stats.requests.StopPublishCdnStream).toBeUndefined();
  });
});

describe("emulator rate limit off", () => {
  it("admits everything with rateLimitPerSecond 0 but still counts", async () => {
    const now = Date.UTC(2030, 0, 1);
    const emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, clock: () => now });
    try {
      const api = apiFor(emu);
      const codes = await Promise.all(
        Array.from({ length: 30 }, () =>
          api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "nope" }, { timestamp: Math.floor(now / 1000) }),
        ),
      );
      expect(codes.map(codeOf).every((c) => c === "ResourceNotFound")).toBe(true);
      const stats = (await api.control("GET", "stats")).json;
      expect(stats.limitPerSecond).toBe(0);
      expect(stats.maxPerSecond.StopPublishCdnStream).toBe(30);
      expect(stats.maxReceivedPerSlidingSecond.StopPublishCdnStream).toBe(30);
    } finally {
      await emu.close();
    }
  });
});

describe("emulator rate limit, sliding window", () => {
  /**
   * 20 requests at 0.900 s, then more at 1.100 s and at 1.899 s: a new fixed second, but the same 1000 ms
   * as the first 20; at 1.900 s, exactly 1000 ms after them, they are out of the window. The frozen injected clock makes every count exact. The fixed window (the default) is the control:
   * the same requests pass there, so the test sees what the sliding mode changes.
   */
  const run = async (rateWindow: "fixed" | "sliding") => {
    let now = Date.UTC(2030, 0, 1, 0, 0, 0, 900);
    const emu = await startEmulator({ port: 0, clock: () => now, rateWindow });
    try {
      const api = apiFor(emu);
      const stop = async () =>
        codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "nope" }, { timestamp: Math.floor(now / 1000) }));
      const codes: Record<string, string[]> = { first: [], later: [], edge: [], windowPassed: [] };
      for (let i = 0; i < 20; i++) codes.first.push(await stop());
      now += 200; // 1.100 s: a new fixed second, 200 ms after the first 20
      for (let i = 0; i < 3; i++) codes.later.push(await stop());
      now += 799; // 1.899 s: 999 ms after the first 20, still inside their 1000 ms
      codes.edge.push(await stop());
      now += 1; // 1.900 s: exactly 1000 ms after, so the window (now - 1000, now] no longer holds them
      codes.windowPassed.push(await stop());
      return { codes, stats: (await api.control("GET", "stats")).json };
    } finally {
      await emu.close();
    }
  };

  it("refuses a request while the last 1000 ms hold 20 admitted ones, whatever the wall-clock second", async () => {
    const { codes, stats } = await run("sliding");
    expect(codes.first.every((c) => c === "ResourceNotFound")).toBe(true);
    expect(codes.later).toEqual(["RequestLimitExceeded", "RequestLimitExceeded", "RequestLimitExceeded"]);
    expect(codes.edge).toEqual(["RequestLimitExceeded"]);
    expect(codes.windowPassed).toEqual(["ResourceNotFound"]);
    expect(stats.window).toBe("sliding");
    expect(stats.throttled.StopPublishCdnStream).toBe(4);
    expect(stats.maxReceivedPerSlidingSecond.StopPublishCdnStream).toBe(24);
  });

  it("control: the fixed window (the default) admits the same requests, since they fall in a new second", async () => {
    const { codes, stats } = await run("fixed");
    expect(codes.later).toEqual(["ResourceNotFound", "ResourceNotFound", "ResourceNotFound"]);
    expect(codes.edge).toEqual(["ResourceNotFound"]);
    expect(stats.window).toBe("fixed");
    expect(stats.throttled.StopPublishCdnStream).toBeUndefined();
  });

  it("rejects an unknown window, naming the option", async () => {
    await expect(startEmulator({ port: 0, rateWindow: "rolling" as never })).rejects.toThrow(/rateWindow must be "fixed" or "sliding"/);
  });
});
