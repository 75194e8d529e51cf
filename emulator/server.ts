/**
 * The HTTP server: `POST /` speaks TRTC's API 3.0, `/_emulator/*` is the control API, anything else is
 * a 404. Every request first passes the gate (guard/gate.ts: Host, then cross-site requests), so no
 * web page reaches any route. Idle expiry is evaluated before every request, so state read through
 * either side is current.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleApiRequest } from "./api/request";
import { CONTROL_PREFIX, handleControlRequest } from "./control/routes";
import { createCore, type EmulatorCore } from "./core";
import { handleDashboardRequest, isDashboardRoute } from "./dashboard/routes";
import { refusal } from "./guard/gate";
import { answerInternalError } from "./internal-error";
import { HostGuard } from "./guard/hosts";
import { sendJson } from "./http-io";
import { resolveOptions, type EmulatorOptions } from "./options";

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:43123` (no trailing slash). */
  readonly url: string;
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** The interface bound. */
  readonly host: string;
  /** The first accepted key pair, for clients and tests to sign with. */
  readonly secretId: string;
  /** The SecretKey of {@link secretId}. Local-only; never logged by the emulator. */
  readonly secretKey: string;
  /** The live state, for in-process inspection. */
  readonly core: EmulatorCore;
  /** Stops listening, drops open connections and timers. */
  close(): Promise<void>;
}

const urlHost = (host: string): string => {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
};

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Sends a request that passed the gate to its route; may return the route's promise. */
function route(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, pathname: string): unknown {
  core.presence.sweep();
  if (isDashboardRoute(req, pathname)) return handleDashboardRequest(core, req, res, pathname);
  if (pathname === "/") return handleApiRequest(core, req, res);
  if (pathname.startsWith(CONTROL_PREFIX)) return handleControlRequest(core, req, res, pathname);
  req.resume();
  sendJson(res, 404, { error: `no route ${pathname}: the API is POST /, the control API is under ${CONTROL_PREFIX}` });
  return undefined;
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const core = createCore(resolved);
  // Set once the port is known (port 0); until then nothing is answered.
  let guard: HostGuard | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const pathname = url.pathname;
    const refused = guard ? refusal(guard, req, url) : { statusText: "Starting", error: "trtc-emulator is still starting" };
    if (refused) {
      req.resume();
      res.statusMessage = refused.statusText;
      return sendJson(res, 403, { error: refused.error }, { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" });
    }
    const failed = (error: unknown) => answerInternalError(req, res, pathname, error, core.options.log);
    try {
      const answered: unknown = route(core, req, res, pathname);
      if (answered instanceof Promise) answered.catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  let address: AddressInfo;
  try {
    address = await listen(server, resolved.port, resolved.host);
  } catch (e) {
    core.presence.close();
    throw e;
  }
  guard = new HostGuard({ host: resolved.host, address: address.address, port: address.port }, resolved.allowHost);
  core.presence.schedule();
  const first = resolved.credentials[0];
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost(resolved.host)}:${address.port}`,
    port: address.port,
    host: resolved.host,
    secretId: first?.secretId ?? "",
    secretKey: first?.secretKey ?? "",
    core,
    close() {
      closed ??= new Promise<void>((resolve) => {
        core.presence.close();
        core.callbacks.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
