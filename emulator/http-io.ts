/**
 * Reading bodies and writing answers over node:http: Tencent's response envelopes for the API, JSON
 * replies for the control API, and the dashboard's pages.
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

/** Writes a whole answer of `contentType` with its length; a HEAD request gets the headers only. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
  head = false,
): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": String(Buffer.byteLength(body)), ...headers });
  res.end(head ? undefined : body);
}

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendBody(res, status, "application/json", JSON.stringify(value), headers);
}

/** A control-API answer before it is written: HTTP status and JSON body. */
export interface JsonReply {
  status: number;
  body: unknown;
}

/** A 200 control answer. */
export const ok = (body: unknown): JsonReply => ({ status: 200, body });

/** A control-API refusal: `status` with `{"error": message}`. */
export const bad = (status: number, error: string): JsonReply => ({ status, body: { error } });

/**
 * Reads a control route's JSON body of at most `limit` bytes: `{}` when empty, else the parsed value; a
 * 413 or 400 reply when it is too large or not JSON (the parser's own message is left out: it could quote
 * a secret the body carried).
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<{ value: unknown } | { error: JsonReply }> {
  const read = await readBody(req, limit);
  if (read.tooLarge) return { error: bad(413, "body too large") };
  if (read.body.length === 0) return { value: {} };
  try {
    return { value: JSON.parse(read.body.toString("utf8")) };
  } catch {
    return { error: bad(400, "body is not valid JSON") };
  }
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
