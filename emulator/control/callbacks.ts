/**
 * Control routes of the callback sender (see docs/EMULATOR.md, "Callbacks"):
 * `GET|PUT|DELETE /_emulator/callback` (the target), `GET|DELETE /_emulator/callbacks` (what was sent and
 * how it was answered) and `POST /_emulator/callbacks/faults` (a push URL blips or fails).
 */
import type { IncomingMessage } from "node:http";
import type { EmulatorCore } from "../core";
import { bad, type JsonReply, ok, readJsonBody } from "../http-io";
import { checkCallbackOptions } from "../callbacks/config";
import type { PushFaultSpec } from "../callbacks/push-state";

/** Callback settings and fault specs are a few fields. */
const MAX_BODY = 64 * 1024;

/** Checks a fault body; returns the spec or a message naming the field. */
export function parsePushFault(value: unknown): PushFaultSpec | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "body must be a JSON object";
  const b = value as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !["taskId", "url", "kind", "errorCode", "errorMsg"].includes(k));
  if (extra.length > 0) return `unknown field(s): ${extra.join(", ")}`;
  if (typeof b.taskId !== "string" || b.taskId.length === 0) return "taskId must be the TaskId of a running task";
  if (b.url !== undefined && (typeof b.url !== "string" || b.url.length === 0))
    return "url must be one of the task's push URLs (as sent or as shown redacted)";
  if (b.kind !== "recover" && b.kind !== "fail")
    return `kind must be "recover" (RECOVERING then RUNNING) or "fail" (RECOVERING, FAILURE, IDLE)`;
  if (b.errorCode !== undefined && !Number.isSafeInteger(b.errorCode)) return "errorCode must be an integer";
  if (b.errorMsg !== undefined && typeof b.errorMsg !== "string") return "errorMsg must be a string";
  if (b.kind === "recover" && (b.errorCode !== undefined || b.errorMsg !== undefined))
    return 'errorCode and errorMsg go with kind "fail" only';
  return b as unknown as PushFaultSpec;
}

async function targetRoutes(core: EmulatorCore, req: IncomingMessage, method: string): Promise<JsonReply> {
  if (method === "GET") return ok(core.callbacks.config());
  if (method === "DELETE") return ok(core.callbacks.configure(undefined));
  if (method !== "PUT") return bad(405, "use GET, PUT or DELETE");
  const body = await readJsonBody(req, MAX_BODY);
  if ("error" in body) return body.error;
  const target = checkCallbackOptions(body.value);
  return typeof target === "string" ? bad(400, target) : ok(core.callbacks.configure(target));
}

async function historyRoutes(core: EmulatorCore, req: IncomingMessage, method: string, rest: string[]): Promise<JsonReply> {
  if (rest.length === 0) {
    if (method === "GET") return ok({ target: core.callbacks.config(), counts: core.callbacks.counts(), callbacks: core.callbacks.list() });
    if (method === "DELETE") {
      core.callbacks.clearHistory();
      return ok({ callbacks: core.callbacks.list() });
    }
    return bad(405, "use GET or DELETE");
  }
  if (rest.length !== 1 || rest[0] !== "faults") return bad(404, "use GET callbacks or POST callbacks/faults");
  if (method !== "POST") return bad(405, "use POST");
  const body = await readJsonBody(req, MAX_BODY);
  if ("error" in body) return body.error;
  const spec = parsePushFault(body.value);
  if (typeof spec === "string") return bad(400, spec);
  const task = core.store.getTask(spec.taskId);
  if (!task) return bad(404, `no task ${spec.taskId}`);
  const sent = core.callbacks.fault(task, spec);
  return typeof sent === "string" ? bad(409, sent) : ok({ callbacks: sent });
}

/** Answers `/_emulator/callback[...]` (`head` "callback") and `/_emulator/callbacks[...]` (`head` "callbacks"). */
export function callbackRoutes(core: EmulatorCore, req: IncomingMessage, method: string, head: string, rest: string[]): Promise<JsonReply> {
  if (head === "callback")
    return rest.length === 0 ? targetRoutes(core, req, method) : Promise.resolve(bad(404, "use /_emulator/callback"));
  return historyRoutes(core, req, method, rest);
}
