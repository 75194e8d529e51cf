/**
 * Cross-site request forgery: any web page can make the browser send a form POST (or a `fetch` in
 * `no-cors` mode) to `http://127.0.0.1:<port>/_emulator/reset`, and the browser attaches no credential the
 * emulator could check. What the browser does attach is where the request comes from: `Origin` on every
 * POST, PUT and DELETE (Fetch standard, "append a request `Origin` header") and `Sec-Fetch-Site` (W3C
 * Fetch Metadata) in current browsers. A request that carries either and does not come from the
 * emulator's own pages is refused. Tools (curl, Node's fetch, the SDKs) send neither and are unaffected.
 */
import type { IncomingMessage } from "node:http";
import { header } from "../http-io";
import { hostKey } from "./hosts";

/** `Sec-Fetch-Site` values of a request the emulator's own page (or the user typing a URL) made. */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * Why `req` looks cross-site, or undefined when it does not: `Sec-Fetch-Site` other than `same-origin`
 * or `none`, or an `Origin` other than `http://` plus the request's own Host. `Origin: null` (sandboxed
 * frames, `file:` pages, redirects across origins) is foreign too.
 */
export function crossSiteReason(req: IncomingMessage): string | undefined {
  const site = header(req, "sec-fetch-site")?.trim().toLowerCase();
  if (site !== undefined && !OWN_FETCH_SITES.has(site)) return `Sec-Fetch-Site is "${site}"`;
  const origin = header(req, "origin");
  if (origin === undefined) return undefined;
  const own = hostKey(header(req, "host") ?? "");
  let from: string | undefined;
  try {
    const url = new URL(origin);
    from = url.protocol === "http:" ? hostKey(url.host) : undefined;
  } catch {
    from = undefined;
  }
  if (own === undefined || from !== own) return `Origin ${JSON.stringify(origin)} is not this emulator's own`;
  return undefined;
}

/** The answer to a refused cross-site request, naming what was seen and what to do instead. */
export function crossSiteRefusal(reason: string): string {
  return (
    `trtc-emulator refused a cross-site request (${reason}): state-changing control requests and requests ` +
    "for revealed secrets are accepted only from the emulator's own pages or from tools that send no " +
    "Origin (curl, scripts, SDKs)."
  );
}
