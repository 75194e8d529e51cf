/**
 * Routing by common parameters (spec §7.2, §12.2): X-TC-Action, X-TC-Version and X-TC-Region are checked
 * against the shared action table before authentication, the order Tencent's gateway appears to use, and
 * each routed action is dispatched to its handler.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ACTION_NAMES, API_VERSION, REGIONS, isActionName, type ActionName } from "../../trtc/actions";
import type { Site } from "../../trtc/schema";
import { apiErrors, type ApiError } from "./errors";
import type { Handler } from "./handlers/context";
import { startHandler } from "./handlers/start";
import { stopHandler } from "./handlers/stop";
import { updateHandler } from "./handlers/update";

/** Which Tencent site the emulator imitates: decides the accepted regions and the schema variant. */
export type { Site };

/** One handler per action of the shared table; the compiler insists every action has one. */
export const HANDLERS: Readonly<Record<ActionName, Handler>> = {
  StartPublishCdnStream: startHandler,
  UpdatePublishCdnStream: updateHandler,
  StopPublishCdnStream: stopHandler,
};

/** The emulated action names, from the shared table. */
export { ACTION_NAMES };

/** A routed request, or why it could not be routed (with the action as received, for the log). */
export type RouteResult = { ok: true; action: ActionName; region: string } | { ok: false; error: ApiError; action: string };

const first = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim();
};

/** Checks action, version and region headers. */
export function route(headers: IncomingHttpHeaders, site: Site): RouteResult {
  const action = first(headers, "x-tc-action");
  if (!action) return { ok: false, action: "", error: apiErrors.missingParameter(["X-TC-Action"]) };
  if (!isActionName(action)) return { ok: false, action, error: apiErrors.invalidAction(action) };
  const version = first(headers, "x-tc-version");
  if (!version) return { ok: false, action, error: apiErrors.missingParameter(["X-TC-Version"]) };
  if (version !== API_VERSION) return { ok: false, action, error: apiErrors.noSuchVersion(version, API_VERSION) };
  const region = first(headers, "x-tc-region");
  const allowed: readonly string[] = REGIONS[site];
  if (!region) return { ok: false, action, error: apiErrors.missingParameter(["X-TC-Region"]) };
  if (!allowed.includes(region)) return { ok: false, action, error: apiErrors.unsupportedRegion(region, allowed) };
  return { ok: true, action, region };
}
