/**
 * Tencent's official Node SDK (tencentcloud-sdk-nodejs-intl-en), unchanged, runs Start, Update and Stop
 * against the emulator with TC3-HMAC-SHA256 (set-up and the loopback agent: tests/helpers/tencent-sdk.ts).
 *
 * The SDK sends its endpoint's name as `Host`. The emulator answers only Hosts it serves (its address,
 * `localhost`, `*.localhost`), so a name like `trtc.emulator.test` needs `allowHost` (`--allow-host`);
 * without it the SDK's error names the option. `trtc.localhost:<port>` works without the option.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, startBody } from "../helpers/emulator-harness";
import { SDK_TEST_HOST, type SdkCall, sdkCall, sdkClient, useLoopbackAgent } from "../helpers/tencent-sdk";

describe("emulator with Tencent's official Node SDK", () => {
  let emu: RunningEmulator;
  let client: Record<string, SdkCall>;
  const call = (action: string, req: unknown): Promise<Record<string, unknown>> => sdkCall(client, action, req);
  useLoopbackAgent();

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, allowHost: [SDK_TEST_HOST] });
    client = sdkClient(emu, emu.secretId, emu.secretKey, SDK_TEST_HOST);
  });
  afterAll(async () => {
    await emu.close();
  });

  it("starts, updates and stops a task", async () => {
    const body = startBody();
    const started = await call("StartPublishCdnStream", body);
    const taskId = started.TaskId as string;
    expect(taskId).toMatch(/\.\.$/);
    expect(started.RequestId).toEqual(expect.any(String));

    const cdn = [{ PublishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/sdk2", IsTencentCdn: 1 }];
    const updated = await call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: cdn,
    });
    expect(updated.TaskId).toBe(taskId);
    const stopped = await call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
    expect(stopped.TaskId).toBe(taskId);

    const view = (await apiFor(emu).control("GET", `tasks/${encodeURIComponent(taskId)}`)).json;
    expect(view).toMatchObject({ Status: "finished", FinishReason: "stopped", SequenceNumber: 1 });
    expect(view.Params.PublishCdnParams).toEqual(cdn);
    const log = (await apiFor(emu).control("GET", "requests")).json.requests;
    expect(log.map((e: { outcome: string }) => e.outcome)).toEqual(["ok", "ok", "ok"]);
  });

  it("surfaces the emulator's error code and RequestId through the SDK's exception", async () => {
    const err = await call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "no-such-task.." }).then(
      () => undefined,
      (e) => e,
    );
    expect(err).toMatchObject({ code: "ResourceNotFound", requestId: expect.any(String) });
  });

  it("answers trtc.localhost without the option", async () => {
    const local = sdkClient(emu);
    const started = await new Promise<Record<string, unknown>>((resolve, reject) =>
      local.StartPublishCdnStream(startBody(), (err, res) => (err ? reject(err) : resolve(res))),
    );
    expect(started.TaskId).toEqual(expect.any(String));
  });

  it("without allowHost, the SDK's error names --allow-host and nothing starts", async () => {
    const strict = await startEmulator({ port: 0 });
    try {
      const refused = sdkClient(strict, strict.secretId, strict.secretKey, SDK_TEST_HOST);
      const err = await new Promise<{ message: string; httpCode?: number }>((resolve) =>
        refused.StartPublishCdnStream(startBody(), (e) => resolve(e as { message: string })),
      );
      expect(err).toMatchObject({ httpCode: 403 });
      expect(err.message).toContain("--allow-host");
      expect(strict.core.store.listTasks()).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it("is rejected with SignatureFailure when the SDK signs with the wrong key", async () => {
    const wrong = sdkClient(emu, emu.secretId, "wrong");
    const err = await new Promise((resolve) => wrong.StartPublishCdnStream(startBody(), (e) => resolve(e)));
    expect(err).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });
});
