/**
 * Tencent's official Node SDK (tencentcloud-sdk-nodejs-intl-en), unchanged, pointed at an emulator: the way a
 * team's own tooling starts and updates relay tasks outside Pulumi (the tasks `pulumi import` adopts).
 *
 * The SDK takes the signing service from the first label of its endpoint, so the endpoint is
 * `trtc.localhost:<port>`. That name does not resolve on every machine and /etc/hosts is off limits, so
 * {@link tencentSdkClient} swaps Node's global HTTP agent (which the SDK's node-fetch uses; it takes no agent
 * option) for one that answers loopback for `trtc.localhost`, until `close()`. Nothing in the SDK is patched.
 * tests/integration/emulator-sdk.test.ts does the same.
 */
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import type { LookupFunction } from "node:net";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK ships CommonJS without types
const tencentcloud = require("tencentcloud-sdk-nodejs-intl-en");

/** The host name the SDK is given: `trtc.` gives the signing service. */
export const SDK_HOST = "trtc.localhost";

const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== SDK_HOST) return dnsLookup(hostname, options, callback);
  if ((options as { all?: boolean }).all)
    return (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: "127.0.0.1", family: 4 }]);
  callback(null, "127.0.0.1", 4);
};

type SdkCall = (
  req: unknown,
  cb: (err: { code?: string; message: string; requestId?: string } | null, res: Record<string, unknown>) => void,
) => void;

/** A TRTC client of Tencent's SDK against one emulator. */
export interface TencentSdkClient {
  /** Calls `action` (e.g. `StartPublishCdnStream`) with an API-shaped body; rejects with the SDK's error. */
  call(action: string, req: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Restores Node's global HTTP agent. */
  close(): void;
}

/** The SDK's own classes, configured as its README shows, over plain HTTP to the emulator at `port`. */
export function tencentSdkClient(emulator: { port: number; secretId: string; secretKey: string }): TencentSdkClient {
  const saved = http.globalAgent;
  http.globalAgent = new http.Agent({ lookup: loopbackLookup } as http.AgentOptions);
  const { Credential, ClientProfile, HttpProfile } = tencentcloud.common;
  const profile = new ClientProfile("TC3-HMAC-SHA256", new HttpProfile("http://", `${SDK_HOST}:${emulator.port}`, "POST", 30));
  const client: Record<string, SdkCall> = new tencentcloud.trtc.v20190722.Client(
    new Credential(emulator.secretId, emulator.secretKey),
    "ap-guangzhou",
    profile,
  );
  return {
    call: (action, req) =>
      new Promise((resolve, reject) => client[action].call(client, req, (err, res) => (err ? reject(err) : resolve(res)))),
    close() {
      http.globalAgent.destroy();
      http.globalAgent = saved;
    },
  };
}
