/**
 * One TRTC API request through the checks in Tencent's order (spec §12): method, size, routing,
 * authentication, throttling, body and schema, then injected faults and the action's handler. Every
 * request is answered with a fresh UUID v4 RequestId and logged, whatever its outcome.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { redactText } from "../../trtc/redact";
import { authenticate, claimedSecretId } from "./auth";
import type { EmulatorCore } from "../core";
import { apiErrors, INJECTABLE_ERRORS, type ApiError } from "./errors";
import type { HandlerResult } from "./handlers/context";
import { header, readBody, sendError, sendSuccess } from "../http-io";
import { secretIdPrefix } from "./request-log";
import { HANDLERS, route } from "./router";
import { parseAndValidate } from "./validation";

/** Rate-limit key for requests that name no SecretId (only possible with auth off). */
const ANONYMOUS = "anonymous";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers one request to `/`. Never throws: an unexpected failure is answered as `InternalError`. */
export async function handleApiRequest(core: EmulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  const at = new Date(core.clock.wallNow()).toISOString();
  const entry = {
    action: header(req, "x-tc-action")?.trim() ?? "",
    secretId: undefined as string | undefined,
    taskId: undefined as string | undefined,
  };
  const log = (outcome: string): void =>
    core.requestLog.add({
      at,
      action: entry.action,
      outcome,
      latencyMs: Math.round(performance.now() - started),
      requestId,
      secretId: secretIdPrefix(entry.secretId),
      taskId: entry.taskId,
    });
  // The Date header follows the injected clock: clients learn server time from it after SignatureExpire.
  res.setHeader("Date", new Date(core.clock.wallNow()).toUTCString());
  const fail = (error: ApiError, headers?: Record<string, string>): void => {
    sendError(res, requestId, error, headers);
    log(error.code);
  };

  try {
    const method = (req.method ?? "").toUpperCase();
    if (method !== "POST") {
      req.resume();
      return fail(apiErrors.unsupportedProtocol(method));
    }
    const read = await readBody(req, core.options.maxBodyBytes);
    if (read.tooLarge) return fail(apiErrors.requestSizeLimitExceeded(core.options.maxBodyBytes), { Connection: "close" });

    const routed = route(req.headers, core.options.site);
    if (!routed.ok) return fail(routed.error);
    const { action } = routed;

    if (core.options.auth) {
      const auth = authenticate(method, req.headers, read.body, core.options.credentials, core.clock.wallNow());
      entry.secretId = auth.secretId;
      if (!auth.ok) return fail(auth.error);
    } else {
      entry.secretId = claimedSecretId(req.headers);
    }

    if (!core.limiter.admit(action, entry.secretId ?? ANONYMOUS, core.clock.wallNow())) {
      return fail(apiErrors.requestLimitExceeded(action, core.limiter.limit));
    }

    const parsed = parseAndValidate(action, read.body, core.options.site);
    if (!parsed.ok) return fail(parsed.error);
    if (typeof parsed.body.TaskId === "string") entry.taskId = parsed.body.TaskId;

    const fault = core.faults.take(action);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop === "before") {
      req.socket.destroy();
      return log("dropped:before");
    }
    if (fault?.error) return fail(INJECTABLE_ERRORS[fault.error]());

    core.presence.sweep();
    const result: HandlerResult = HANDLERS[action](parsed.body, {
      store: core.store,
      clock: core.clock,
      presence: core.presence,
      requestId,
      maxConcurrentTasks: core.options.maxConcurrentTasks,
      sdkSecretKeys: core.options.sdkSecretKeys,
      robotCollision: core.options.robotCollision,
    });
    entry.taskId = result.taskId ?? entry.taskId;
    if (result.ok) {
      // The kicked robot's pushes end before the new robot's begin: one seat, one pusher at a time.
      for (const task of result.kicked ?? []) core.callbacks.sync(task, "kicked");
      core.callbacks.sync(core.store.getTask(result.taskId), action);
    }
    if (fault?.drop === "after") {
      req.socket.destroy();
      return log(`dropped:after:${result.ok ? "ok" : result.error.code}`);
    }
    if (!result.ok) return fail(result.error);
    sendSuccess(res, requestId, result.fields);
    log("ok");
  } catch (e) {
    if (req.socket.destroyed) return log("client-closed");
    core.options.log?.(`trtc-emulator: internal error: ${redactText(String((e as Error)?.stack ?? e))}`);
    if (!res.headersSent) fail(apiErrors.internalError("unexpected emulator failure; see the emulator log."));
  }
}
