/**
 * The answer to a request whose handler threw: the emulator keeps serving, the client gets an error it can
 * read, and the cause goes to the log. Without this an exception in any handler (a bug, or state an older
 * emulator wrote) became an unhandled rejection and ended the whole process, losing every task it held in
 * memory.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { redactText } from "../trtc/redact";
import { sendJson } from "./http-io";

/**
 * Answers `res` for a handler that threw `error`: TRTC's `InternalError` shape (HTTP 200, as API 3.0 answers
 * every error) on the API route `POST /`, a JSON 500 elsewhere; nothing when the handler had already begun
 * its answer (the connection is then closed). The message names no value from the request, so no secret
 * reaches the client; the stack, redacted, goes to `log` (the emulator's `log` option, else stderr).
 */
export function answerInternalError(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  error: unknown,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  const where = `${req.method ?? "?"} ${pathname}`;
  log(`trtc-emulator: internal error handling ${where}: ${redactText(String((error as Error)?.stack ?? error))}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  req.resume();
  const message = `trtc-emulator: internal error handling ${where}; see the emulator log`;
  if (pathname === "/") {
    sendJson(res, 200, { Response: { Error: { Code: "InternalError", Message: message }, RequestId: randomUUID() } });
  } else {
    sendJson(res, 500, { error: message });
  }
}
