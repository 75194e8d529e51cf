/**
 * A small relay-to-CDN callback receiver: point the TRTC console's relay callback URL (or the emulator)
 * at it, and it verifies every callback and logs each task's push status per URL, secrets masked.
 *
 * Run:  TRTC_CALLBACK_KEY=yourKey npx ts-node examples/callback-receiver/index.ts [port]
 * (port also from $PORT; default 0 picks a free port; the URL is printed). The key is read from the
 * environment only, never argv, because argv is visible to every user of the machine in `ps`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { redactText } from "../../trtc/redact";
import { redactUrl, verifyCallback, type RelayCdnStatusEvent } from "../../trtc/callbacks";
import { StatusBoard } from "./status-board";

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  /** The callback key configured in the TRTC console. */
  key: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`; use `0.0.0.0` to accept Tencent's servers. */
  host?: string;
  /** Where log lines go (already redacted). Default `console.log`. */
  log?: (line: string) => void;
  /** Largest body accepted, bytes. Real callbacks are well under 2 KiB. Default 64 KiB. */
  maxBodyBytes?: number;
}

/** A running receiver. */
export interface Receiver {
  /** Base URL, e.g. `http://127.0.0.1:41234/`; any path is accepted. */
  url: string;
  /** Every verified relay-to-CDN event, in arrival order. */
  events: RelayCdnStatusEvent[];
  /** Latest status per task and URL, ordered by the events' timestamps. */
  board: StatusBoard;
  /** Resolves with the first event (already received or future) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (event: RelayCdnStatusEvent) => boolean, timeoutMs?: number): Promise<RelayCdnStatusEvent>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners("data");
        req.resume(); // discard the rest; the 413 goes out with Connection: close
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Starts a receiver; see {@link ReceiverOptions}. Throws before listening if `key` is empty. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const { key, port = 0, host = "127.0.0.1", log = console.log, maxBodyBytes = DEFAULT_MAX_BODY } = options;
  if (typeof key !== "string" || key.length === 0) throw new TypeError("key must be the non-empty callback key from the TRTC console");
  const events: RelayCdnStatusEvent[] = [];
  const board = new StatusBoard();
  const waiters = new Set<(event: RelayCdnStatusEvent) => void>();
  // Every line passes the package's redaction once more: ErrorMsg text from Tencent may quote a URL too.
  const say = (line: string) => log(redactText(line, [key]));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      return reply(res, 405, { code: 405, message: "callbacks are POSTed" });
    }
    const rawBody = await readBody(req, maxBodyBytes);
    if (rawBody === undefined) {
      res.setHeader("Connection", "close");
      return reply(res, 413, { code: 413, message: `body larger than ${maxBodyBytes} bytes` });
    }
    const result = verifyCallback({ rawBody, headers: req.headers, key });
    if (!result.ok) {
      say(`rejected callback (${result.reason}): ${result.message}`);
      // A genuine event of another type is acknowledged so Tencent stops retrying it for a minute.
      if (result.reason === "unsupported-event") return reply(res, 200, { code: 0 });
      return reply(res, result.reason === "signature" ? 401 : 400, {
        code: result.reason === "signature" ? 401 : 400,
        message: result.message,
      });
    }
    const event = result.event;
    events.push(event);
    const change = board.record(event);
    const error = event.errorCode ? ` (error ${event.errorCode}${event.errorMsg ? `: ${event.errorMsg}` : ""})` : "";
    const where = `task ${event.taskId} ${redactUrl(event.url)}`;
    say(
      change.applied
        ? `${where}: ${change.previous ?? "-"} -> ${event.status}${error}`
        : `${where}: ${change.current} (late ${event.status} from ${new Date(event.eventMsTs).toISOString()} ignored)`,
    );
    for (const waiter of waiters) waiter(event);
    reply(res, 200, { code: 0 });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, { code: 500, message: "internal error" });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}/`;

  return {
    url,
    events,
    board,
    waitFor(predicate, timeoutMs = 30_000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = (event: RelayCdnStatusEvent) => {
          if (!predicate(event)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(event);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching callback within ${timeoutMs} ms (${events.length} received)`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

if (require.main === module) {
  const key = process.env.TRTC_CALLBACK_KEY;
  const [portArg, ...extra] = process.argv.slice(2);
  const given = portArg ?? process.env.PORT ?? "0";
  const port = /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (extra.length > 0) {
    console.error(`callback-receiver: unknown argument "${extra[0]}" (it takes one: [port])`);
    process.exit(2);
  }
  if (!key) {
    console.error("set TRTC_CALLBACK_KEY to the callback key configured in the TRTC console");
    process.exit(2);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`callback-receiver: port must be an integer from 0 to 65535, got "${given}"`);
    process.exit(2);
  }
  startReceiver({ key, port, host: process.env.HOST ?? "127.0.0.1" }).then(
    (receiver) => {
      console.log(`relay callback receiver listening on ${receiver.url}`);
      const stop = () => void receiver.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (err: Error) => {
      console.error(`cannot start: ${err.message}`);
      process.exit(1);
    },
  );
}
