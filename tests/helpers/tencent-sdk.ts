/**
 * Tencent's official Node SDK (tencentcloud-sdk-nodejs-intl-en), unchanged, pointed at an emulator.
 *
 * The SDK takes the signing service from the first label of its endpoint, so the endpoint must start
 * with `trtc.`: it is `trtc.localhost:<port>`. That name does not resolve on every machine, and /etc/hosts
 * is off limits, so for the test file's duration Node's global HTTP agent (which the SDK's node-fetch
 * uses) is one whose `lookup` answers loopback for `trtc.localhost` and `trtc.emulator.test`
 * ({@link useLoopbackAgent} for a test file, {@link tencentSdkClient} until its `close()`). Nothing in the SDK is
 * patched. The same SDK is how a team's own tooling starts relay tasks outside Pulumi (the tasks `pulumi import`
 * adopts).
 */
import http from "node:http";
import type { LookupFunction } from "node:net";
import { lookup as dnsLookup } from "node:dns";
import type { RunningEmulator } from "../../emulator";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK ships CommonJS without types
const tencentcloud = require("tencentcloud-sdk-nodejs-intl-en");

/** The host name the SDK is given: its first label is the signing service. */
export const SDK_HOST = "trtc.localhost";

/** A name outside `*.localhost`, which the emulator answers only when given in `allowHost` (`--allow-host`). */
export const SDK_TEST_HOST = "trtc.emulator.test";

const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== SDK_HOST && hostname !== SDK_TEST_HOST) return dnsLookup(hostname, options, callback);
  if ((options as { all?: boolean }).all)
    return (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  callback(null, "127.0.0.1", 4);
};

/** One SDK method, callback style as the SDK also offers it. */
export type SdkCall = (
  req: unknown,
  cb: (err: { code?: string; message: string; requestId?: string } | null, res: Record<string, unknown>) => void,
) => void;

/** An SDK error as the SDK raises it. */
export interface SdkError {
  code?: string;
  message: string;
  requestId?: string;
}

/** The SDK's own classes, configured as its README shows, pointed at `emu` (as `host`) over plain HTTP. */
export function sdkClient(
  emu: RunningEmulator,
  secretId = emu.secretId,
  secretKey = emu.secretKey,
  host = SDK_HOST,
): Record<string, SdkCall> {
  const { Credential, ClientProfile, HttpProfile } = tencentcloud.common;
  const profile = new ClientProfile("TC3-HMAC-SHA256", new HttpProfile("http://", `${host}:${emu.port}`, "POST", 30));
  return new tencentcloud.trtc.v20190722.Client(new Credential(secretId, secretKey), "ap-guangzhou", profile);
}

/** Calls `action` through `client`; resolves to the answer or rejects with the SDK's error. */
export const sdkCall = (client: Record<string, SdkCall>, action: string, req: unknown): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => client[action].call(client, req, (err, res) => (err ? reject(err) : resolve(res))));

/** Like {@link sdkCall}, but resolves to the SDK's error (undefined when the call succeeded). */
export const sdkError = (client: Record<string, SdkCall>, action: string, req: unknown): Promise<SdkError | undefined> =>
  sdkCall(client, action, req).then(
    () => undefined,
    (e: SdkError) => e,
  );

/** Installs the loopback agent for this test file (beforeAll) and restores Node's own afterwards. */
export function useLoopbackAgent(): void {
  const saved = http.globalAgent;
  beforeAll(() => {
    http.globalAgent = new http.Agent({ lookup: loopbackLookup } as http.AgentOptions);
  });
  afterAll(() => {
    http.globalAgent.destroy();
    http.globalAgent = saved;
  });
}

/** A TRTC client of Tencent's SDK against one emulator, with the loopback agent installed until `close()`. */
export interface TencentSdkClient {
  /** Calls `action` (e.g. `StartPublishCdnStream`) with an API-shaped body; rejects with the SDK's error. */
  call(action: string, req: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Restores Node's global HTTP agent. */
  close(): void;
}

/** The SDK's own classes over plain HTTP to the emulator at `port`; swaps Node's global agent until `close()`. */
export function tencentSdkClient(emulator: { port: number; secretId: string; secretKey: string }): TencentSdkClient {
  const saved = http.globalAgent;
  http.globalAgent = new http.Agent({ lookup: loopbackLookup } as http.AgentOptions);
  const client = sdkClient(emulator as RunningEmulator);
  return {
    call: (action, req) => sdkCall(client, action, req),
    close() {
      http.globalAgent.destroy();
      http.globalAgent = saved;
    },
  };
}
