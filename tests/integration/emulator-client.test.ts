/**
 * Our TrtcClient against the emulator: the happy path, every server-side error path surfacing as a
 * TencentCloudError with the right code, and the client's recovery behaviour under injected faults
 * (InternalError, lost answers, throttling, clock skew), checked from the emulator's side.
 */
import { TrtcClient } from "../../trtc/client/client";
import { TencentCloudError } from "../../trtc/client/errors";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, audioOnlyStartBody, startBody, uniqueRobot } from "../helpers/emulator-harness";

type AnyBody = Parameters<TrtcClient["startPublishCdnStream"]>[0];
const asStart = (b: Record<string, unknown>) => b as unknown as AnyBody;

/** Resolves to the thrown error (or fails the test when nothing is thrown). */
async function failure(p: Promise<unknown>): Promise<TencentCloudError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(TencentCloudError);
    return e as TencentCloudError;
  }
  throw new Error("expected the call to fail");
}

describe("TrtcClient against the emulator", () => {
  let emu: RunningEmulator;
  let client: TrtcClient;
  const make = (extra: Partial<ConstructorParameters<typeof TrtcClient>[0]> = {}) =>
    new TrtcClient({
      credentials: { secretId: emu.secretId, secretKey: emu.secretKey },
      region: "ap-guangzhou",
      endpoint: emu.url,
      backoff: { baseMs: 1, throttledBaseMs: 1, capMs: 5 },
      ...extra,
    });

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, maxConcurrentTasks: 50 });
    client = make();
  });
  afterAll(() => emu.close());
  beforeEach(async () => {
    await apiFor(emu).control("POST", "reset");
  });
  const log = async () => (await apiFor(emu).control("GET", "requests")).json.requests as Array<{ action: string; outcome: string }>;
  const task = async (id: string) => (await apiFor(emu).control("GET", `tasks/${encodeURIComponent(id)}`)).json;

  it("starts, updates and stops a task", async () => {
    const body = startBody();
    const { TaskId } = await client.startPublishCdnStream(asStart(body));
    await client.updatePublishCdnStream({
      SdkAppId: APP,
      TaskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: [{ PublishCdnUrl: "rtmp://a.example/live/b", IsTencentCdn: 0 }],
    });
    await client.stopPublishCdnStream({ SdkAppId: APP, TaskId });
    expect(await task(TaskId)).toMatchObject({ Status: "finished", FinishReason: "stopped", SequenceNumber: 1 });
    expect((await log()).map((e) => e.outcome)).toEqual(["ok", "ok", "ok"]);
  });

  it("surfaces each server-side rule as a TencentCloudError with code and RequestId", async () => {
    const { TaskId } = await client.startPublishCdnStream(asStart(startBody()));
    const audioOnly = await client.startPublishCdnStream(asStart(audioOnlyStartBody()));
    await client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: 3, WithTranscoding: 1 });

    const cases: Array<[Promise<unknown>, string]> = [
      [client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: 3, WithTranscoding: 1 }), "FailedOperation.RequestOutdated"],
      [
        client.updatePublishCdnStream({
          SdkAppId: APP,
          TaskId,
          SequenceNumber: 4,
          WithTranscoding: 1,
          AudioParams: { AudioEncode: { SampleRate: 16000, Channel: 1, BitRate: 32 } },
        }),
        "InvalidParameter",
      ],
      [
        client.updatePublishCdnStream({
          SdkAppId: APP,
          TaskId: audioOnly.TaskId,
          SequenceNumber: 1,
          WithTranscoding: 1,
          VideoParams: { VideoEncode: { Width: 640, Height: 360, Fps: 15, BitRate: 800, Gop: 2 } },
        }),
        "InvalidParameter",
      ],
      [client.stopPublishCdnStream({ SdkAppId: 1400000001, TaskId }), "ResourceNotFound"],
      [
        client.updatePublishCdnStream({ SdkAppId: APP, TaskId: "no-such-task..", SequenceNumber: 1, WithTranscoding: 1 }),
        "ResourceNotFound",
      ],
    ];
    for (const [call, code] of cases) {
      const e = await failure(call);
      expect({ code: e.code, requestId: typeof e.requestId }).toEqual({ code, requestId: "string" });
      expect(e.retryable).toBe(false);
    }
    await client.stopPublishCdnStream({ SdkAppId: APP, TaskId });
    expect((await failure(client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: 9, WithTranscoding: 1 }))).code).toBe(
      "FailedOperation.TaskFinished",
    );
  });

  it("surfaces a colliding robot's refusal (robotCollision: refuse) as InvalidParameter, not retried", async () => {
    const refusing = await startEmulator({ port: 0, robotCollision: "refuse" });
    try {
      const strict = new TrtcClient({
        credentials: { secretId: refusing.secretId, secretKey: refusing.secretKey },
        region: "ap-guangzhou",
        endpoint: refusing.url,
      });
      const robot = uniqueRobot();
      await strict.startPublishCdnStream(asStart(startBody({ AgentParams: { UserId: robot } })));
      const e = await failure(strict.startPublishCdnStream(asStart(startBody({ AgentParams: { UserId: robot } }))));
      expect({ code: e.code, requestId: typeof e.requestId, retryable: e.retryable }).toEqual({
        code: "InvalidParameter",
        requestId: "string",
        retryable: false,
      });
    } finally {
      await refusing.close();
    }
  });

  it("gets RestrictedConcurrency from the emulator's limit", async () => {
    const small = await startEmulator({ port: 0, maxConcurrentTasks: 1 });
    try {
      const c = new TrtcClient({
        credentials: { secretId: small.secretId, secretKey: small.secretKey },
        region: "ap-guangzhou",
        endpoint: small.url,
      });
      await c.startPublishCdnStream(asStart(startBody()));
      expect((await failure(c.startPublishCdnStream(asStart(startBody())))).code).toBe("FailedOperation.RestrictedConcurrency");
    } finally {
      await small.close();
    }
  });

  it("retries an Update answered InternalError with the same SequenceNumber, applied once", async () => {
    const { TaskId } = await client.startPublishCdnStream(asStart(startBody()));
    await apiFor(emu).control("POST", "faults", { action: "UpdatePublishCdnStream", error: "InternalError", count: 1 });
    await client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: 1, WithTranscoding: 1 });
    const updates = (await log()).filter((e) => e.action === "UpdatePublishCdnStream").map((e) => e.outcome);
    expect(updates).toEqual(["InternalError", "ok"]);
    expect((await task(TaskId)).History.filter((h: { Action: string }) => h.Action === "UpdatePublishCdnStream")).toHaveLength(1);
  });

  it("recognises an Update whose answer was lost but which was applied", async () => {
    const { TaskId } = await client.startPublishCdnStream(asStart(startBody()));
    await apiFor(emu).control("POST", "faults", { action: "UpdatePublishCdnStream", drop: "after", count: 1 });
    const result = await client.updatePublishCdnStream({ SdkAppId: APP, TaskId, SequenceNumber: 1, WithTranscoding: 1 });
    expect(result.appliedByEarlierAttempt).toBe(true);
    expect((await log()).filter((e) => e.action === "UpdatePublishCdnStream").map((e) => e.outcome)).toEqual([
      "dropped:after:ok",
      "FailedOperation.RequestOutdated",
    ]);
  });

  it("never repeats a Start whose answer was lost, and reports the outcome as unknown", async () => {
    await apiFor(emu).control("POST", "faults", { action: "StartPublishCdnStream", drop: "after", count: 1 });
    const e = await failure(client.startPublishCdnStream(asStart(startBody())));
    expect(e.code).toBe("ClientError.StartOutcomeUnknown");
    expect((await log()).filter((x) => x.action === "StartPublishCdnStream")).toHaveLength(1);
    expect((await apiFor(emu).control("GET", "tasks")).json.tasks).toHaveLength(1);
  });

  it("retries a Start refused by the rate limit, since the gateway refused it before it ran", async () => {
    await apiFor(emu).control("POST", "faults", { action: "StartPublishCdnStream", error: "RequestLimitExceeded", count: 2 });
    await client.startPublishCdnStream(asStart(startBody()));
    expect((await log()).map((e) => e.outcome)).toEqual(["RequestLimitExceeded", "RequestLimitExceeded", "ok"]);
  });

  it("re-signs with the emulator's clock after SignatureExpire", async () => {
    const ahead = await startEmulator({ port: 0, clock: () => Date.now() + 3_600_000 });
    try {
      const c = new TrtcClient({
        credentials: { secretId: ahead.secretId, secretKey: ahead.secretKey },
        region: "ap-guangzhou",
        endpoint: ahead.url,
      });
      await c.startPublishCdnStream(asStart(startBody()));
      const outcomes = (await apiFor(ahead).control("GET", "requests")).json.requests.map((e: { outcome: string }) => e.outcome);
      expect(outcomes).toEqual(["AuthFailure.SignatureExpire", "ok"]);
    } finally {
      await ahead.close();
    }
  });

  it("fails fast with the wrong key, without leaking it", async () => {
    const wrong = make({ credentials: { secretId: emu.secretId, secretKey: "a-wrong-secret-key" } });
    const e = await failure(wrong.startPublishCdnStream(asStart(startBody())));
    expect(e.code).toBe("AuthFailure.SignatureFailure");
    expect(JSON.stringify(e) + e.message + String(e.stack)).not.toContain("a-wrong-secret-key");
  });

  it("keeps a 30-request burst within the emulator's 20/s limit", async () => {
    const bodies = Array.from({ length: 30 }, () => asStart(startBody()));
    await Promise.all(bodies.map((b) => client.startPublishCdnStream(b)));
    const stats = (await apiFor(emu).control("GET", "stats")).json;
    expect(stats.requests.StartPublishCdnStream).toBe(30);
    expect(stats.throttled.StartPublishCdnStream ?? 0).toBe(0);
    // What the client sent per fixed second (throttled or not), so an over-eager limiter fails here.
    expect(stats.maxReceivedPerSecond.StartPublishCdnStream).toBeLessThanOrEqual(20);
    // Measured, not asserted: the strict sliding-window view of the client's pacing.
    console.log(`client burst of 30: max ${stats.maxReceivedPerSlidingSecond.StartPublishCdnStream} in any 1000 ms`);
  });
});
