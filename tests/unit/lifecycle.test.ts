/**
 * The provider methods over a scripted in-process API (the HTTP path is covered by the integration tests
 * against the emulator): which body each call sends, what state results, and how failures are kept.
 */
import { identifiersOf, withoutIdentifiers } from "../../provider/identifiers";
import { StartOutcomeUnknownError, TencentCloudError } from "../../trtc/client/errors";
import { clearConfig } from "../../provider/config";
import { ResourceInitError } from "../../provider/init-error";
import { makeLifecycle, type TaskApi } from "../../provider/lifecycle";
import { seedArgs, storedState } from "../helpers/stream-args";

type Call = { action: keyof TaskApi; body: Record<string, any> };
type Script = Partial<Record<keyof TaskApi, Array<(body: Record<string, any>) => unknown>>>;

const ENV = {
  TENCENTCLOUD_SECRET_ID: "AKIDunit",
  TENCENTCLOUD_SECRET_KEY: "unit-secret-key-value",
  TRTC_ENDPOINT: "http://127.0.0.1:9",
  TENCENTCLOUD_REGION: "ap-guangzhou",
};

/** A lifecycle whose API answers from `script` (default: success) and records every call and target. */
function harness(script: Script = {}, env: Record<string, string> = ENV) {
  const calls: Call[] = [];
  const targets: string[] = [];
  const logs: string[] = [];
  let n = 0;
  const answer = (action: keyof TaskApi) => async (body: Record<string, any>) => {
    calls.push({ action, body });
    const next = script[action]?.shift();
    if (next) return next(body);
    return { TaskId: body.TaskId ?? `task-${++n}`, RequestId: `req-${++n}` };
  };
  const api: TaskApi = {
    startPublishCdnStream: answer("startPublishCdnStream") as TaskApi["startPublishCdnStream"],
    updatePublishCdnStream: answer("updatePublishCdnStream") as TaskApi["updatePublishCdnStream"],
    stopPublishCdnStream: answer("stopPublishCdnStream") as TaskApi["stopPublishCdnStream"],
  };
  const lifecycle = makeLifecycle({
    connect: (target) => {
      targets.push(target.endpoint);
      return api;
    },
    env: () => env,
    log: (line) => logs.push(line),
  });
  return { lifecycle, calls, targets, logs };
}

const apiError =
  (code: string, extra: Partial<ConstructorParameters<typeof TencentCloudError>[0]> = {}) =>
  () => {
    throw new TencentCloudError({ code, message: `${code} happened`, action: "UpdatePublishCdnStream", requestId: "rid", ...extra });
  };

/** Every `undefined`, at any depth: the value that makes the host fail after Start succeeded. */
const hasUndefined = (v: unknown): boolean =>
  v === undefined || (v !== null && typeof v === "object" && Object.values(v).some(hasUndefined));

afterEach(() => clearConfig());

describe("create", () => {
  test("Starts with the API-cased arguments and stores inputs as applied plus computed values", async () => {
    const { lifecycle, calls } = harness();
    const args = seedArgs("mix-audio-video-cdn");
    const result = await lifecycle.create({ ...args, seiParams: undefined, __provider: "code" });
    expect(calls).toHaveLength(1);
    expect(calls[0].action).toBe("startPublishCdnStream");
    expect(calls[0].body.SdkAppId).toBe(1400188366);
    expect(calls[0].body.AgentParams.UserId).toBe("trtc_partner_test_1");
    expect(Object.keys(calls[0].body)).not.toContain("__provider");
    expect(result.id).toBe("task-1");
    expect(result.outs).toEqual({
      ...args,
      taskId: "task-1",
      sequenceNumber: 0,
      requestId: "req-2",
      endpoint: "http://127.0.0.1:9",
      region: "ap-guangzhou",
    });
    expect(hasUndefined(result.outs)).toBe(false);
  });

  test("missing credentials fail before any call, naming the config keys", async () => {
    const { lifecycle, calls } = harness({}, { TRTC_ENDPOINT: "http://127.0.0.1:9" });
    await expect(lifecycle.create(seedArgs("mix-audio-only-cdn"))).rejects.toThrow(/tencentcloud:secretId.*tencentcloud:secretKey/);
    expect(calls).toHaveLength(0);
  });

  test("credentials from stack config (configure) are used, synchronously", async () => {
    const { lifecycle, calls } = harness({}, { TRTC_ENDPOINT: "http://127.0.0.1:9" });
    const config = { "tencentcloud:secretId": "AKIDcfg", "tencentcloud:secretKey": "cfg-key" } as Record<string, string>;
    lifecycle.configure({ get: (k) => config[k] });
    await lifecycle.create(seedArgs("mix-audio-only-cdn"));
    expect(calls).toHaveLength(1);
  });

  test("a Start failure is a plain failure: nothing to keep", async () => {
    const { lifecycle } = harness({ startPublishCdnStream: [apiError("InvalidParameter.SdkAppId")] });
    const error = await lifecycle.create(seedArgs("mix-audio-only-cdn")).catch((e) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).not.toHaveProperty("id");
  });

  test("a Start whose outcome is unknown: the client's error plus what the next up does, nothing kept", async () => {
    const cause = new TencentCloudError({
      code: "ClientError.Timeout",
      message: "no answer",
      action: "StartPublishCdnStream",
      reached: "maybe",
    });
    const lost = new StartOutcomeUnknownError(
      { sdkAppId: 1400188366, roomId: "295066", roomIdType: 0, robotUserId: "trtc_partner_test_1" },
      cause,
    );
    const { lifecycle, calls } = harness({
      startPublishCdnStream: [
        () => {
          throw lost;
        },
      ],
    });
    const error = await lifecycle.create(seedArgs("mix-audio-video-cdn")).catch((e) => e);
    expect(calls).toHaveLength(1);
    expect(error).not.toBeInstanceOf(ResourceInitError);
    expect(error.cause).toBe(lost);
    // The client's message comes first, with the room id and robot UserId named by their arguments.
    expect(error.message.startsWith(withoutIdentifiers(lost.message, identifiersOf(seedArgs("mix-audio-video-cdn"))))).toBe(true);
    expect(error.message).not.toMatch(/trtc_partner_test_1|295066/);
    expect(error.message).toMatch(/Running `pulumi up` again starts the task again with the same robot UserId/);
  });

  test("arguments that cannot be stored fail before Start is sent", async () => {
    const { lifecycle, calls } = harness();
    await expect(lifecycle.create({ ...seedArgs("mix-audio-only-cdn"), huge: BigInt(1) })).rejects.toThrow(/BigInt/);
    expect(calls).toHaveLength(0);
  });

  test("a failure after Start succeeded throws an error carrying the id, properties and reasons", async () => {
    // A malformed answer stands in for "anything after Start": its RequestId cannot be stored.
    const { lifecycle, calls } = harness({ startPublishCdnStream: [() => ({ TaskId: "task-1", RequestId: BigInt(7) })] });
    const args = { ...seedArgs("mix-audio-only-cdn"), __provider: "provider-code" };
    const error = await lifecycle.create(args).catch((e) => e);
    expect(calls).toHaveLength(1); // Start was sent
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.id).toBe("task-1");
    expect(error.properties).toMatchObject({
      taskId: "task-1",
      sdkAppId: 1400188366,
      sequenceNumber: 0,
      endpoint: "http://127.0.0.1:9",
      __provider: "provider-code",
    });
    expect(error.reasons).toEqual([expect.stringMatching(/task-1.*kept in state/)]);
    expect(hasUndefined(error.properties)).toBe(false);
  });
});

describe("update", () => {
  const olds = () => storedState(seedArgs("mix-audio-video-cdn"), { sequenceNumber: 4 });

  test("sends SequenceNumber + 1, WithTranscoding and the changed group complete; keeps the TaskId", async () => {
    const { lifecycle, calls } = harness();
    const news = seedArgs("mix-audio-video-cdn");
    news.publishCdnParams.push({ publishCdnUrl: "rtmp://x/live/b", isTencentCdn: 0 });
    const { outs } = await lifecycle.update("task-1", olds(), { ...news, __provider: "new" });
    expect(calls).toEqual([
      {
        action: "updatePublishCdnStream",
        body: {
          SdkAppId: 1400188366,
          TaskId: "task-1",
          SequenceNumber: 5,
          WithTranscoding: 1,
          PublishCdnParams: [
            { PublishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/trtc_publishcdn_test1", IsTencentCdn: 1 },
            { PublishCdnUrl: "rtmp://x/live/b", IsTencentCdn: 0 },
          ],
        },
      },
    ]);
    expect(outs).toEqual({
      ...news,
      taskId: "task-1",
      sequenceNumber: 5,
      requestId: "req-1",
      endpoint: "http://127.0.0.1:9",
      region: "ap-guangzhou",
    });
  });

  test("removing seiParams sends SeiParams {} and stores no seiParams", async () => {
    const { lifecycle, calls } = harness();
    const old = storedState(seedArgs("mix-layout-sei"), { sequenceNumber: 0 });
    const news = seedArgs("mix-layout-sei");
    delete news.seiParams;
    const { outs } = await lifecycle.update("task-1", old, news);
    expect(calls[0].body).toEqual({ SdkAppId: 1400188366, TaskId: "task-1", SequenceNumber: 1, WithTranscoding: 1, SeiParams: {} });
    expect(outs).not.toHaveProperty("seiParams");
  });

  test("nothing to send (e.g. after init errors): no call, state refreshed, counters kept", async () => {
    const { lifecycle, calls } = harness();
    const { outs } = await lifecycle.update("task-1", olds(), seedArgs("mix-audio-video-cdn"));
    expect(calls).toHaveLength(0);
    expect(outs).toMatchObject({ taskId: "task-1", sequenceNumber: 4, requestId: "req-1" });
  });

  test("a finished task: the error keeps the state, marked finished, and says what to do", async () => {
    const { lifecycle } = harness({ updatePublishCdnStream: [apiError("FailedOperation.TaskFinished")] });
    const news = seedArgs("mix-audio-video-cdn");
    news.seiParams = { layoutVolume: {} };
    const error = await lifecycle.update("task-1", olds(), { ...news, __provider: "new-code" }).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.id).toBe("task-1");
    expect(error.properties).toMatchObject({ finished: true, taskId: "task-1", sequenceNumber: 4, __provider: "new-code" });
    // Tencent gives no reason: the message lists the likely causes, naming the arguments holding this task's
    // robot UserIds and rooms (never their values: provider/identifiers.ts), and what to do.
    expect(error.message).toMatch(/no longer running; TRTC does not say why/);
    expect(error.message).toMatch(/idle expiry.*maxIdleTime/);
    expect(error.message).toContain("its robot UserId (`<agentParams.userId>` in room <roomId>) was used elsewhere in the room");
    expect(error.message).not.toMatch(/trtc_partner_test_1|295066/);
    expect(error.message).toMatch(/give this resource a robot UserId of its own.*run `pulumi up` again/s);
    expect(error.message).not.toMatch(/ended on its own/);
    // What the next operations make of that state:
    expect(await lifecycle.diff("task-1", error.properties, news)).toEqual({
      changes: true,
      replaces: ["finished"],
      deleteBeforeReplace: true,
    });
    expect(await lifecycle.read("task-1", error.properties)).toEqual({ id: "" });
  });

  test.each(["ResourceNotFound", "FailedOperation.TaskNotExist"])("%s is treated as finished too", async (code) => {
    const { lifecycle } = harness({ updatePublishCdnStream: [apiError(code)] });
    const news = { ...seedArgs("mix-audio-video-cdn"), seiParams: { layoutVolume: {} } };
    await expect(lifecycle.update("task-1", olds(), news)).rejects.toMatchObject({ properties: { finished: true } });
  });

  test("an outdated SequenceNumber on the first attempt is retried once with a time-based number", async () => {
    const { lifecycle, calls, logs } = harness({ updatePublishCdnStream: [apiError("FailedOperation.RequestOutdated")] });
    const before = Date.now();
    const news = { ...seedArgs("mix-audio-video-cdn"), seiParams: { layoutVolume: {} } };
    const { outs } = await lifecycle.update("task-1", olds(), news);
    expect(calls.map((c) => c.body.SequenceNumber)).toEqual([5, expect.any(Number)]);
    expect(calls[1].body.SequenceNumber).toBeGreaterThanOrEqual(before);
    expect(outs.sequenceNumber).toBe(calls[1].body.SequenceNumber);
    expect(logs.join("\n")).toMatch(/outdated/);
  });

  test("a lost answer keeps the consumed SequenceNumber so it is never reused", async () => {
    const lost = apiError("ClientError.Timeout", { requestId: undefined, reached: "maybe" });
    const { lifecycle } = harness({ updatePublishCdnStream: [lost] });
    const news = { ...seedArgs("mix-audio-video-cdn"), seiParams: { layoutVolume: {} } };
    const error = await lifecycle.update("task-1", olds(), news).catch((e) => e);
    expect(error).toBeInstanceOf(ResourceInitError);
    expect(error.properties.sequenceNumber).toBe(5);
    expect(error.properties).not.toHaveProperty("seiParams"); // the old arguments: the change is not known to have applied
  });

  test("a definite refusal is a plain failure and leaves state alone", async () => {
    const { lifecycle } = harness({ updatePublishCdnStream: [apiError("InvalidParameter")] });
    const news = { ...seedArgs("mix-audio-video-cdn"), seiParams: { layoutVolume: {} } };
    const error = await lifecycle.update("task-1", olds(), news).catch((e) => e);
    expect(error).toBeInstanceOf(TencentCloudError);
    expect(error).not.toHaveProperty("properties");
  });

  test("a change that needs replacement is refused rather than half-applied", async () => {
    const { lifecycle, calls } = harness();
    await expect(lifecycle.update("task-1", olds(), { ...seedArgs("mix-audio-video-cdn"), roomId: "1" })).rejects.toThrow(
      /roomId.*replacement/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe("delete", () => {
  const props = () => storedState(seedArgs("mix-audio-only-cdn"), { taskId: "task-9" });

  test("Stops the stored TaskId at the stored endpoint", async () => {
    const { lifecycle, calls, targets } = harness({}, { ...ENV, TRTC_ENDPOINT: "http://127.0.0.1:7777" });
    await lifecycle.delete("task-9", props());
    expect(calls).toEqual([{ action: "stopPublishCdnStream", body: { SdkAppId: 1400188366, TaskId: "task-9" } }]);
    expect(targets).toEqual(["http://127.0.0.1:9"]);
  });

  test.each(["FailedOperation.TaskFinished", "ResourceNotFound", "FailedOperation.TaskNotExist", "InvalidParameter.TaskId"])(
    "%s counts as stopped",
    async (code) => {
      const { lifecycle } = harness({ stopPublishCdnStream: [apiError(code)] });
      await expect(lifecycle.delete("task-9", props())).resolves.toBeUndefined();
    },
  );

  test("other errors keep the resource in state", async () => {
    const { lifecycle } = harness({ stopPublishCdnStream: [apiError("AuthFailure.SignatureFailure")] });
    await expect(lifecycle.delete("task-9", props())).rejects.toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });

  test("a task recorded as finished needs no call (and no credentials)", async () => {
    const { lifecycle, calls } = harness({}, {});
    await lifecycle.delete("task-9", { ...props(), finished: true });
    expect(calls).toHaveLength(0);
  });

  test("a refused loopback endpoint falls back to the configured one (emulator restarted elsewhere)", async () => {
    const refused = apiError("ClientError.NetworkError", { requestId: undefined, reached: "no" });
    const { lifecycle, targets, calls } = harness({ stopPublishCdnStream: [refused] }, { ...ENV, TRTC_ENDPOINT: "http://127.0.0.1:7777" });
    await lifecycle.delete("task-9", props());
    expect(targets).toEqual(["http://127.0.0.1:9", "http://127.0.0.1:7777"]);
    expect(calls).toHaveLength(2);
  });

  test("a refused non-loopback endpoint does not fall back", async () => {
    const refused = apiError("ClientError.NetworkError", { requestId: undefined, reached: "no" });
    const { lifecycle, targets } = harness({ stopPublishCdnStream: [refused] });
    const cloud = { ...props(), endpoint: "https://trtc.tencentcloudapi.com" };
    await expect(lifecycle.delete("task-9", cloud)).rejects.toMatchObject({ code: "ClientError.NetworkError" });
    expect(targets).toEqual(["https://trtc.tencentcloudapi.com"]);
  });
});

describe("read, check, diff", () => {
  test("read returns the stored state (TRTC cannot be asked), without undefined", async () => {
    const { lifecycle, calls } = harness();
    const props = storedState(seedArgs("mix-audio-only-cdn"));
    expect(await lifecycle.read("task-1", { ...props, junk: undefined })).toEqual({ id: "task-1", props });
    expect(calls).toHaveLength(0);
  });

  test("read without state is `pulumi import`: the import id is parsed, no call made (more in lifecycle-import.test.ts)", async () => {
    const { lifecycle, calls } = harness();
    expect(await lifecycle.read("1400188366/task-1")).toMatchObject({ id: "task-1", props: { sdkAppId: 1400188366 } });
    await expect(lifecycle.read("task-1")).rejects.toThrow(/is not <sdkAppId>\/<taskId>/);
    expect(calls).toHaveLength(0);
  });

  test("check reports a bad endpoint as a resource-level failure instead of throwing", async () => {
    const { lifecycle } = harness({}, { TRTC_ENDPOINT: "ftp://nope" });
    const result = await lifecycle.check({}, seedArgs("mix-audio-only-cdn"));
    expect(result.failures).toEqual([{ property: "", reason: expect.stringMatching(/trtc:endpoint/) }]);
  });

  test("check needs no credentials", async () => {
    const { lifecycle } = harness({}, {});
    expect((await lifecycle.check({}, seedArgs("mix-audio-only-cdn"))).failures).toEqual([]);
  });

  test("diff: replacement always deletes before creating; updates do not ask for it", async () => {
    const { lifecycle } = harness();
    const old = storedState(seedArgs("mix-audio-video-cdn"));
    expect(await lifecycle.diff("task-1", old, { ...seedArgs("mix-audio-video-cdn"), roomId: "9" })).toEqual({
      changes: true,
      replaces: ["roomId"],
      deleteBeforeReplace: true,
    });
    expect(await lifecycle.diff("task-1", old, { ...seedArgs("mix-audio-video-cdn"), seiParams: {} })).toEqual({ changes: true });
    expect(await lifecycle.diff("task-1", old, seedArgs("mix-audio-video-cdn"))).toEqual({ changes: false });
  });

  test("diff: pointing config at another endpoint replaces", async () => {
    const { lifecycle } = harness({}, { ...ENV, TRTC_ENDPOINT: "https://trtc.tencentcloudapi.com" });
    const old = storedState(seedArgs("mix-audio-video-cdn"));
    expect(await lifecycle.diff("task-1", old, seedArgs("mix-audio-video-cdn"))).toMatchObject({ replaces: ["endpoint"] });
  });
});
