/**
 * The control API under `/_emulator/` (unauthenticated JSON; see docs/EMULATOR.md for curl examples):
 * inspect and reset state, tell the emulator who is in which room, move task time, inject faults, read
 * the request log and the rate counters. It is how tests drive what a real cloud would do on its own.
 * Task views mask UserSigs, `txSecret` values and storage keys unless asked with `?reveal=secrets`; the
 * gate in front (guard/gate.ts) keeps foreign Hosts and cross-site requests out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { callbackRoutes } from "./callbacks";
import { appRoutes } from "./apps";
import type { EmulatorCore } from "../core";
import { resetCore } from "../core";
import { parseFault } from "../api/faults";
import { bad, type JsonReply, ok, readJsonBody, sendJson } from "../http-io";
import { ACTION_NAMES } from "../api/router";
import { maskedTask } from "../state/masked";
import { finishTask, iso, type TaskRecord } from "../state/task";

/** URL prefix of every control route. */
export const CONTROL_PREFIX = "/_emulator/";

/**
 * The query parameter that asks for task views with their secrets (`?reveal=secrets`); without it,
 * UserSigs, `txSecret` values and storage keys are masked (emulator/state/masked.ts).
 */
export const REVEAL_PARAM = "reveal";

/** The one value of {@link REVEAL_PARAM} that reveals. */
export const REVEAL_VALUE = "secrets";

/** What `?reveal=` asked for: true to reveal, false to mask, or a message for a value it does not know. */
export function revealRequested(url: URL): boolean | string {
  const values = url.searchParams.getAll(REVEAL_PARAM);
  if (values.length === 0) return false;
  if (values.every((v) => v === REVEAL_VALUE)) return true;
  return `${REVEAL_PARAM} must be "${REVEAL_VALUE}" (to show UserSigs, txSecret values and storage keys) or absent (masked)`;
}

/** Control bodies are tiny; anything bigger is a mistake. */
const MAX_CONTROL_BODY = 1024 * 1024;

const jsonBody = (req: IncomingMessage) => readJsonBody(req, MAX_CONTROL_BODY);

function taskRoutes(core: EmulatorCore, method: string, rest: string[], reveal: boolean): JsonReply {
  const show = (task: TaskRecord): TaskRecord => (reveal ? task : maskedTask(task));
  if (rest.length === 0) {
    if (method !== "GET") return bad(405, "use GET");
    return ok({ tasks: core.store.listTasks().map(show) });
  }
  const task = core.store.getTask(rest[0]);
  if (!task) return bad(404, `no task ${rest[0]}`);
  if (rest.length === 1 && method === "GET") return ok(show(task));
  if (rest.length === 2 && rest[1] === "expire" && method === "POST") {
    finishTask(task, "expired", core.clock.now());
    core.store.putTask(task);
    core.callbacks.sync(task, "expired");
    return ok(show(task));
  }
  return bad(404, "use GET tasks/<TaskId> or POST tasks/<TaskId>/expire");
}

async function roomRoutes(core: EmulatorCore, req: IncomingMessage, method: string, rest: string[]): Promise<JsonReply> {
  if (rest.length === 0) return method === "GET" ? ok({ rooms: core.store.listRooms() }) : bad(405, "use GET");
  if (rest.length !== 2 || method !== "PUT") return bad(404, 'use PUT rooms/<SdkAppId>/<RoomId> with {"anchors": [...]}');
  const sdkAppId = Number(rest[0]);
  if (!Number.isSafeInteger(sdkAppId) || sdkAppId < 0) return bad(400, "SdkAppId must be a non-negative integer");
  const body = await jsonBody(req);
  if ("error" in body) return body.error;
  const anchors = (body.value as { anchors?: unknown }).anchors;
  if (!Array.isArray(anchors) || !anchors.every((a) => typeof a === "string"))
    return bad(400, "anchors must be an array of UserId strings");
  return ok(core.presence.setAnchors(sdkAppId, rest[1], anchors as string[]));
}

async function faultRoutes(core: EmulatorCore, req: IncomingMessage, method: string): Promise<JsonReply> {
  if (method === "GET") return ok({ faults: core.faults.list() });
  if (method === "DELETE") {
    core.faults.clear();
    return ok({ faults: [] });
  }
  if (method !== "POST") return bad(405, "use GET, POST or DELETE");
  const body = await jsonBody(req);
  if ("error" in body) return body.error;
  const spec = parseFault(body.value, ACTION_NAMES);
  return typeof spec === "string" ? bad(400, spec) : ok({ fault: core.faults.add(spec) });
}

async function clockRoutes(core: EmulatorCore, req: IncomingMessage, method: string): Promise<JsonReply> {
  const view = (expired: string[] = []) => ({
    now: iso(core.clock.now()),
    wallNow: iso(core.clock.wallNow()),
    offsetSeconds: core.clock.offset() / 1000,
    expired,
  });
  if (method === "GET") return ok(view());
  if (method !== "POST") return bad(405, "use GET or POST");
  const body = await jsonBody(req);
  if ("error" in body) return body.error;
  const seconds = (body.value as { advanceSeconds?: unknown }).advanceSeconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
    return bad(400, "advanceSeconds must be a non-negative number");
  core.clock.advance(seconds * 1000);
  core.store.setClockOffset(core.clock.offset());
  return ok(view(core.presence.sweep().map((t) => t.TaskId)));
}

async function dispatch(core: EmulatorCore, req: IncomingMessage, method: string, parts: string[], reveal: boolean): Promise<JsonReply> {
  const [head, ...rest] = parts;
  switch (head) {
    case "health":
      return ok({ status: "ok" });
    case "tasks":
      return taskRoutes(core, method, rest, reveal);
    case "rooms":
      return roomRoutes(core, req, method, rest);
    case "faults":
      return faultRoutes(core, req, method);
    case "clock":
      return clockRoutes(core, req, method);
    case "callback":
    case "callbacks":
      return callbackRoutes(core, req, method, head, rest);
    case "apps":
      return appRoutes(core.options.sdkSecretKeys, req, method, rest);
    case "requests":
      return method === "GET" ? ok({ requests: core.requestLog.list() }) : bad(405, "use GET");
    case "stats": {
      if (method !== "GET") return bad(405, "use GET");
      return ok({ ...core.limiter.snapshot(), tasks: core.store.countTasks() });
    }
    case "reset":
      if (method !== "POST") return bad(405, "use POST");
      resetCore(core);
      return ok({ status: "ok" });
    default:
      return bad(404, `no control route ${parts.join("/")}; see docs/EMULATOR.md`);
  }
}

/** Answers one request whose path starts with {@link CONTROL_PREFIX}. */
export async function handleControlRequest(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== "POST" && req.method !== "PUT") req.resume();
  try {
    const parts = pathname.slice(CONTROL_PREFIX.length).split("/").filter(Boolean).map(decodeURIComponent);
    const reveal = revealRequested(new URL(req.url ?? "/", "http://emulator.invalid"));
    if (typeof reveal === "string") {
      req.resume();
      return sendJson(res, 400, { error: reveal });
    }
    const reply = await dispatch(core, req, (req.method ?? "GET").toUpperCase(), parts, reveal);
    sendJson(res, reply.status, reply.body);
  } catch (e) {
    sendJson(res, 500, { error: `control API failure: ${(e as Error).message}` });
  }
}
