/**
 * Tencent's official Node SDK (tencentcloud-sdk-nodejs-intl-en), unchanged, runs Start, Update and Stop
 * against the emulator with TC3-HMAC-SHA256.
 *
 * The SDK takes the signing service from the first label of its endpoint, so the endpoint must start
 * with `trtc.`, and it sends that name as `Host`. The emulator answers only Hosts it serves (its address,
 * `localhost`, `*.localhost`), so a name like `trtc.emulator.test` needs `allowHost` (`--allow-host`);
 * without it the SDK's error names the option. (`trtc.localhost:<port>` works without the option.)
 * These names do not resolve here, and /etc/hosts is off limits, so the test swaps Node's global HTTP
 * agent (which the SDK's node-fetch uses) for one whose `lookup` answers loopback for them. Nothing in
 * the SDK is patched.
 */
import http from "node:http";
import type { LookupFunction } from "node:net";
import { lookup as dnsLookup } from "node:dns";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, startBody } from "../helpers/emulator-harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK ships CommonJS without types
const tencentcloud = require("tencentcloud-sdk-nodejs-intl-en");

const HOST = "trtc.emulator.test";

const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== HOST && hostname !== "trtc.localhost") return dnsLookup(hostname, options, callback);
  if ((options as { all?: boolean }).all)
    return (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  callback(null, "127.0.0.1", 4);
};

type SdkCall = (
  req: unknown,
  cb: (err: { code?: string; message: string; requestId?: string } | null, res: Record<string, unknown>) => void,
) => void;

describe("emulator with Tencent's official Node SDK", () => {
  let emu: RunningEmulator;
  let client: Record<string, SdkCall>;
  const savedAgent = http.globalAgent;
  /** The SDK's own classes, configured as its README shows, pointed at the emulator over plain HTTP. */
  const sdkClient = (secretId: string, secretKey: string, host = HOST, port = emu.port): Record<string, SdkCall> => {
    const { Credential, ClientProfile, HttpProfile } = tencentcloud.common;
    const profile = new ClientProfile("TC3-HMAC-SHA256", new HttpProfile("http://", `${host}:${port}`, "POST", 30));
    return new tencentcloud.trtc.v20190722.Client(new Credential(secretId, secretKey), "ap-guangzhou", profile);
  };
  const call = (action: string, req: unknown): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => client[action].call(client, req, (err, res) => (err ? reject(err) : resolve(res))));

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, allowHost: [HOST] });
    http.globalAgent = new http.Agent({ lookup: loopbackLookup } as http.AgentOptions);
    client = sdkClient(emu.secretId, emu.secretKey);
  });
  afterAll(async () => {
    http.globalAgent.destroy();
    http.globalAgent = savedAgent;
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
    const local = sdkClient(emu.secretId, emu.secretKey, "trtc.localhost");
    const started = await new Promise<Record<string, unknown>>((resolve, reject) =>
      local.StartPublishCdnStream(startBody(), (err, res) => (err ? reject(err) : resolve(res))),
    );
    expect(started.TaskId).toEqual(expect.any(String));
  });

  it("without allowHost, the SDK's error names --allow-host and nothing starts", async () => {
    const strict = await startEmulator({ port: 0 });
    try {
      const refused = sdkClient(strict.secretId, strict.secretKey, HOST, strict.port);
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
    const wrong = sdkClient(emu.secretId, "wrong");
    const err = await new Promise((resolve) => wrong.StartPublishCdnStream(startBody(), (e) => resolve(e)));
    expect(err).toMatchObject({ code: "AuthFailure.SignatureFailure" });
  });
});
