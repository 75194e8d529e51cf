/**
 * Raw, signed TRTC requests over node:http for tests that need byte-level control: the exact Host header,
 * Content-Type, SignedHeaders, timestamp and body, and tampering with any of them after signing. The
 * signature comes from the shared signer (trtc/client/sign.ts); nothing here re-implements TC3.
 *
 * Also a tiny JSON helper for the emulator's control API.
 */
import { request as httpRequest } from "node:http";
import { tc3Authorization } from "../../trtc/client/sign";

/** An HTTP answer, with the body parsed as JSON when it is JSON. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into answers
}

/** What to send; everything but `url` and `action` has a realistic default. */
export interface SignedRequest {
  /** Emulator base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** X-TC-Action; also the action signed when `signedHeaders` lists `x-tc-action`. */
  action: string;
  /** A JSON-able body, or the exact body text. Default `{}`. */
  body?: unknown;
  secretId: string;
  secretKey: string;
  /** X-TC-Region; `null` omits the header. Default `ap-guangzhou`. */
  region?: string | null;
  /** X-TC-Version; `null` omits it. Default `2019-07-22`. */
  version?: string | null;
  /** X-TC-Token to send (unsigned unless listed). */
  token?: string;
  /** UNIX seconds. Default now. */
  timestamp?: number;
  /** Default `application/json`. */
  contentType?: string;
  /** Default `["content-type", "host"]` as the SDKs sign. */
  signedHeaders?: string[];
  /** Credential-scope service. Default `trtc`. */
  service?: string;
  /** Further headers, sent and signable. */
  headers?: Record<string, string>;
  /** Applied after signing, to prove tampering is caught: a different body, changed or removed headers. */
  tamper?: { body?: string; headers?: Record<string, string | undefined> };
  /** Rewrites the computed Authorization header (e.g. to forge the scope date); `null` sends none. */
  authorization?: ((computed: string) => string) | null;
  /** HTTP method. Default POST. */
  method?: string;
  /** Request path. Default `/`. */
  path?: string;
}

/** Sends one HTTP request with exactly these headers and body. */
export function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawResponse> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs and sends one API request; returns the raw answer. */
export function signedRequest(r: SignedRequest): Promise<RawResponse> {
  const host = new URL(r.url).host;
  const payload = r.body === undefined ? "{}" : typeof r.body === "string" ? r.body : JSON.stringify(r.body);
  const timestamp = r.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = r.contentType ?? "application/json";
  const headers: Record<string, string> = {
    Host: host,
    "Content-Type": contentType,
    "X-TC-Action": r.action,
    "X-TC-Timestamp": String(timestamp),
    ...(r.version === null ? {} : { "X-TC-Version": r.version ?? "2019-07-22" }),
    ...(r.region === null ? {} : { "X-TC-Region": r.region ?? "ap-guangzhou" }),
    ...(r.token ? { "X-TC-Token": r.token } : {}),
    ...r.headers,
  };
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const computed = tc3Authorization({
    secretId: r.secretId,
    secretKey: r.secretKey,
    service: r.service ?? "trtc",
    host,
    action: r.action,
    timestamp,
    payload,
    contentType,
    signedHeaders: r.signedHeaders,
    headers: lower,
    method: r.method ?? "POST",
  });
  if (r.authorization !== null) headers.Authorization = r.authorization ? r.authorization(computed) : computed;
  for (const [name, value] of Object.entries(r.tamper?.headers ?? {})) {
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    if (value !== undefined) headers[name] = value;
  }
  const sent = r.tamper?.body ?? payload;
  return send(r.url, r.method ?? "POST", r.path ?? "/", headers, sent);
}

/** A control-API call: JSON in, JSON out. */
export async function control(url: string, method: string, path: string, body?: unknown): Promise<RawResponse> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = text === undefined ? {} : { "Content-Type": "application/json" };
  return send(url, method, `/_emulator/${path.replace(/^\//, "")}`, headers, text);
}
