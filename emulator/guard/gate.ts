/**
 * The one gate every request passes before any route sees it (emulator/server.ts): a Host the emulator
 * serves (hosts.ts), and, for state-changing control requests and requests that reveal secrets, no sign
 * of a foreign web page (origin.ts). The dashboard's pages only read; their forms call the control API
 * from the emulator's own origin, so they pass.
 */
import type { IncomingMessage } from "node:http";
import { CONTROL_PREFIX, REVEAL_PARAM } from "../control/routes";
import { header } from "../http-io";
import type { HostGuard } from "./hosts";
import { crossSiteReason, crossSiteRefusal } from "./origin";

/** A refused request: HTTP 403, a short status text (what SDKs that show only the status line show) and the full reason. */
export interface Refusal {
  readonly statusText: string;
  readonly error: string;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why `req` (for `url`) is refused, or undefined when it may go on to its route. */
export function refusal(guard: HostGuard, req: IncomingMessage, url: URL): Refusal | undefined {
  const host = header(req, "host");
  if (!guard.accepts(host)) return { statusText: "Host not allowed (see trtc-emulator --allow-host)", error: guard.refusal(host) };
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return undefined;
  const changes = !READ_METHODS.has((req.method ?? "GET").toUpperCase());
  if (!changes && !url.searchParams.has(REVEAL_PARAM)) return undefined;
  const reason = crossSiteReason(req);
  return reason === undefined ? undefined : { statusText: "Cross-site request refused", error: crossSiteRefusal(reason) };
}
