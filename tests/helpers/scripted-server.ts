/**
 * A scripted fake Tencent API server on port 0, for client tests that need exact control of the answers:
 * each request takes the next step of a script (a reply, an error envelope, a slow reply, a dropped
 * connection) and is recorded with its raw headers, body and arrival time.
 *
 * With `tls: true` it serves HTTPS with a throwaway self-signed certificate (made with the openssl CLI),
 * which makes one more failure real: a connection dropped during the TLS handshake, before the client
 * could write a single byte of the request.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One scripted answer. */
export type Step =
  /** Answer with `body` (JSON-encoded unless a string) after `delayMs`. */
  | { reply: unknown; status?: number; headers?: Record<string, string>; delayMs?: number }
  /**
   * Destroy the connection: `before-read` as soon as it is accepted (over TLS: before the handshake
   * completes, so no request byte was written), `after-read` once the whole request body was read.
   */
  | { drop: "before-read" | "after-read" }
  /** Decide from the request itself (e.g. an error message that quotes it). */
  | { dynamic: (call: Omit<RecordedCall, "step">) => Step };

/** One request as the server saw it. */
export interface RecordedCall {
  /** `performance.now()` when the request head arrived (same clock as the test process). */
  at: number;
  /** Connection serial number, to tell reused keep-alive connections from new ones. */
  connection: number;
  method: string;
  url: string;
  /** Lower-cased header map. */
  headers: http.IncomingHttpHeaders;
  /** Header names and values exactly as sent, in order. */
  rawHeaders: string[];
  /** Body text exactly as received (empty for a `before-read` drop of a reused connection). */
  body: string;
  /** The body parsed as JSON, if it is JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely
  /** What the server did with it. */
  step: Step;
}

/** A running scripted server. */
export interface ScriptedServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** `127.0.0.1:<port>`. */
  host: string;
  /** Every request, in arrival order. */
  calls: RecordedCall[];
  /** Arrival times of connections dropped before any request was read. */
  dropsBeforeRead: number[];
  /** Connections accepted so far. */
  connections(): number;
  /** The CA certificate to trust (HTTPS servers only). */
  ca?: string;
  /** Appends steps to the script; when it runs out, `fallback` answers. */
  script(...steps: Step[]): void;
  /** Steps not yet used. */
  remaining(): number;
  /** Forgets unused steps and recorded calls (between tests). */
  reset(): void;
  close(): Promise<void>;
}

/** Options of {@link startScriptedServer}. */
export interface ScriptedServerOptions {
  /** Serve HTTPS with a throwaway self-signed certificate. */
  tls?: boolean;
  /** The answer when the script is empty. Default: {@link ok} with the request's TaskId, if any. */
  fallback?: (call: Omit<RecordedCall, "step">) => Step;
}

/** A Tencent success envelope for a relay action. */
export const ok = (TaskId = "task-0001", RequestId: string = randomUUID()): Step => ({ reply: { Response: { TaskId, RequestId } } });

/** A Tencent error envelope (HTTP 200, as Tencent answers API errors). */
export const apiError = (Code: string, Message = `${Code} (scripted)`, RequestId: string = randomUUID()): Step => ({
  reply: { Response: { Error: { Code, Message }, RequestId } },
});

let certCache: { key: string; cert: string } | undefined;

/** A self-signed certificate for 127.0.0.1, made once per process. */
function selfSigned(): { key: string; cert: string } {
  if (certCache) return certCache;
  const dir = mkdtempSync(join(tmpdir(), "scripted-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "pipe" },
    );
    certCache = { key: readFileSync(join(dir, "key.pem"), "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8") };
    return certCache;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isDrop = (s: Step | undefined, when: "before-read" | "after-read"): boolean => !!s && "drop" in s && s.drop === when;

/** Starts a scripted server on 127.0.0.1, port 0. */
export async function startScriptedServer(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const steps: Step[] = [];
  const calls: RecordedCall[] = [];
  const dropsBeforeRead: number[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const connectionIds = new WeakMap<Socket, number>();
  let connectionCount = 0;
  const fallback = options.fallback ?? ((call) => ok(typeof call.json?.TaskId === "string" ? call.json.TaskId : undefined));

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const at = performance.now();
    const head = {
      at,
      connection: connectionIds.get(req.socket) ?? -1,
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      rawHeaders: req.rawHeaders,
    };
    // A reused keep-alive connection never passes through 'connection': drop it here, unread.
    if (isDrop(steps[0], "before-read")) {
      calls.push({ ...head, body: "", json: undefined, step: steps.shift() as Step });
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      let step = steps.shift() ?? fallback({ ...head, body, json });
      while ("dynamic" in step) step = step.dynamic({ ...head, body, json });
      calls.push({ ...head, body, json, step });
      if ("drop" in step) {
        req.socket.destroy();
        return;
      }
      const send = (): void => {
        const text = typeof step.reply === "string" ? step.reply : JSON.stringify(step.reply);
        res.writeHead(step.status ?? 200, { "Content-Type": "application/json", ...step.headers });
        res.end(text);
      };
      if (!step.delayMs) return send();
      const t = setTimeout(() => {
        timers.delete(t);
        if (!res.destroyed) send();
      }, step.delayMs);
      timers.add(t);
    });
  };

  const cert = options.tls ? selfSigned() : undefined;
  const server: http.Server | https.Server = cert
    ? https.createServer({ key: cert.key, cert: cert.cert }, handler)
    : http.createServer(handler);
  server.on("connection", (socket: Socket) => {
    connectionIds.set(socket, ++connectionCount);
    if (isDrop(steps[0], "before-read")) {
      steps.shift();
      dropsBeforeRead.push(performance.now());
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Accepted sockets are drained by the client's keep-alive; never let them hold a test process open.
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `${cert ? "https" : "http"}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    calls,
    dropsBeforeRead,
    connections: () => connectionCount,
    ca: cert?.cert,
    script: (...more) => void steps.push(...more),
    remaining: () => steps.length,
    reset: () => {
      steps.splice(0);
      calls.splice(0);
      dropsBeforeRead.splice(0);
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A scripted server and an undici Agent for one test file, started and closed with the file's hooks. */
export interface ScriptedServerFixture {
  readonly server: ScriptedServer;
  readonly agent: import("undici").Agent;
}

/**
 * Registers beforeAll/afterAll (and a beforeEach reset unless `reset: false`) for a scripted server and a
 * fresh Agent, so connection reuse never leaks between test files. Read the fields inside tests only.
 */
export function useScriptedServer(opts: { reset?: boolean } = {}): ScriptedServerFixture {
  const fixture = {} as { server: ScriptedServer; agent: import("undici").Agent };
  beforeAll(async () => {
    const { Agent } = await import("undici");
    fixture.server = await startScriptedServer();
    fixture.agent = new Agent();
  });
  afterAll(async () => {
    await fixture.agent?.close();
    await fixture.server?.close();
  });
  if (opts.reset !== false) beforeEach(() => fixture.server.reset());
  return fixture;
}
