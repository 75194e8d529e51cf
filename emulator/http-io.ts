/**
 * Reading bodies and writing Tencent's response envelopes over node:http.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError } from "./api/errors";

/** Tencent's documented TC3 POST body limit (spec §7.1). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A body read up to a limit; `tooLarge` when it went over (the rest is discarded, not buffered). */
export type BodyResult = { tooLarge: false; body: Buffer } | { tooLarge: true };

/** Reads the whole body, or stops buffering once it exceeds `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    req.on("end", () => {
      ended = true;
      resolve(over ? { tooLarge: true } : { tooLarge: false, body: Buffer.concat(chunks) });
    });
    req.on("error", reject);
    // A client that hangs up mid-body never sends "end"; settle so the request does not linger.
    req.on("close", () => {
      if (!ended) reject(new Error("the client closed the connection before the body was complete"));
    });
  });
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** `{"Response":{...fields,"RequestId"}}`, HTTP 200. */
export function sendSuccess(res: ServerResponse, requestId: string, fields: Record<string, unknown>): void {
  sendJson(res, 200, { Response: { ...fields, RequestId: requestId } }, { "X-TC-TraceId": requestId });
}

/** `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, HTTP 200 as Tencent answers API errors (spec §8.1). */
export function sendError(res: ServerResponse, requestId: string, error: ApiError, headers: Record<string, string> = {}): void {
  sendJson(
    res,
    200,
    { Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId } },
    { "X-TC-TraceId": requestId, ...headers },
  );
}

/** The first value of a request header, or undefined. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
