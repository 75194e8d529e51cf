/**
 * One HTTP exchange over undici, with every failure sorted into a few named kinds and, crucially, whether
 * the request may have reached the server. That second fact decides whether a Start may be repeated.
 *
 * "Reached" is observed, not guessed from error codes: undici calls a request's `onRequestStart` right
 * before it writes the first byte on a connected socket. A failure before that call provably sent nothing
 * (`sent: "no"`); after it, the server may have read the request (`sent: "maybe"`).
 */
import { Agent, request, type Dispatcher } from "undici";

/** How an exchange failed. */
export type TransportFailureKind =
  /** Connecting failed: refused, DNS, unreachable, TLS handshake. */
  | "connect"
  /** Connecting took longer than the connect timeout. */
  | "connect-timeout"
  /** No complete answer within the request timeout (or undici's headers/body timeouts). */
  | "timeout"
  /** The connection broke after the request was handed to it (reset, closed, hang-up). */
  | "socket"
  /** The caller's signal aborted the exchange (the operation deadline). */
  | "aborted"
  /** Anything else undici reported (malformed answer, invalid arguments). */
  | "protocol";

/** Whether any request bytes may have reached the server. */
export type Sent = "no" | "maybe";

/** A failed exchange, classified. */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    readonly sent: Sent,
    /** Node/undici error code, e.g. `ECONNREFUSED`, `UND_ERR_SOCKET`. */
    readonly transportCode: string | undefined,
    message: string,
    /** The abort reason, for `aborted`. */
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

/** One request to send. */
export interface WireRequest {
  /** Absolute URL, e.g. `https://trtc.tencentcloudapi.com/`. */
  url: string;
  /** Headers exactly as they must go on the wire (Host included). */
  headers: Record<string, string>;
  /** Body bytes as signed. */
  body: string;
  /** Whole-exchange timeout: connect, write, headers and body. */
  timeoutMs: number;
  /** Aborts the exchange (the operation deadline). */
  signal?: AbortSignal;
  /** Undici dispatcher. Default: the shared keep-alive Agent of {@link defaultDispatcher}. */
  dispatcher?: Dispatcher;
  /** Called when the request starts on a connected socket (the rate limiter logs its grant then). */
  onStart?: () => void;
}

/** An HTTP answer, read in full. */
export interface WireResponse {
  /** HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** Body text. */
  body: string;
}

/** Node/undici codes of failures that happen while connecting (before any request byte can be written). */
const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL"]);
/** Codes of undici's own timeouts. */
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
/** Codes of a connection that broke under an exchange. */
const SOCKET_CODES = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE", "UND_ERR_CLOSED", "ECONNABORTED"]);

/** Keep-alive for reuse across the many calls of one deployment; connect timeout well under the request timeout. */
const AGENT_OPTIONS: Agent.Options = { keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000, connect: { timeout: 10_000 } };

/** More than the resolution of undici's internal timers (1 s), so that they never fire before ours. */
const UNDICI_TIMER_SLACK_MS = 1_500;

let shared: Agent | undefined;

/** The process-wide keep-alive Agent, created on first use. */
export function defaultDispatcher(): Agent {
  shared ??= new Agent(AGENT_OPTIONS);
  return shared;
}

/** Closes the shared Agent (tests and short-lived scripts call this so the process can exit promptly). */
export async function closeDefaultDispatcher(): Promise<void> {
  const agent = shared;
  shared = undefined;
  await agent?.close();
}

class TimeoutMarker extends Error {}

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof e?.code === "string") return e.code;
  if (typeof e?.cause?.code === "string") return e.cause.code;
  return undefined;
};

/** Sorts an undici/Node failure into a kind, given whether the request had started on a socket. */
export function classifyFailure(err: unknown, started: boolean, reason?: { timeout: boolean; aborted: boolean }): TransportError {
  const sent: Sent = started ? "maybe" : "no";
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (reason?.timeout)
    return new TransportError(
      started ? "timeout" : "connect-timeout",
      sent,
      code,
      `no answer within the request timeout${started ? "" : " (still connecting)"}`,
    );
  if (reason?.aborted) return new TransportError("aborted", sent, code, "aborted by the operation deadline", err);
  if (code === "UND_ERR_CONNECT_TIMEOUT") return new TransportError("connect-timeout", sent, code, `connect timeout: ${detail}`);
  if (code?.startsWith("UND_ERR_INVALID")) return new TransportError("protocol", sent, code, `invalid request: ${detail}`);
  if (!started || (code !== undefined && CONNECT_CODES.has(code)))
    return new TransportError("connect", sent, code, `connection failed: ${detail}`);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return new TransportError("timeout", sent, code, `timeout: ${detail}`);
  if (code !== undefined && SOCKET_CODES.has(code)) return new TransportError("socket", sent, code, `connection broken: ${detail}`);
  return new TransportError("protocol", sent, code, `HTTP failure: ${detail}`);
}

/** Wraps a dispatcher so that it reports when this request starts on a socket. */
function observed(dispatcher: Dispatcher, onStart: () => void): Dispatcher {
  return dispatcher.compose(
    (dispatch) => (opts, handler) =>
      dispatch(opts, {
        ...bindAll(handler),
        onRequestStart(controller: { aborted?: boolean }, context: unknown) {
          const result = (handler as { onRequestStart?: (c: unknown, x: unknown) => void }).onRequestStart?.(controller, context);
          // A handler that aborts here (its signal fired before the socket was ready) stops undici writing.
          if (!controller.aborted) onStart();
          return result;
        },
      } as Dispatcher.DispatchHandler),
  );
}

/** Copies a handler's methods bound to it, so a wrapper can override one and delegate the rest. */
function bindAll(handler: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ["onRequestUpgrade", "onResponseStart", "onResponseData", "onResponseEnd", "onResponseError"]) {
    const fn = (handler as Record<string, unknown>)[name];
    if (typeof fn === "function") out[name] = fn.bind(handler);
  }
  return out;
}

/**
 * Sends one POST and reads the whole answer. Resolves for any HTTP status (the caller decides what a
 * non-200 means); rejects only with a {@link TransportError}.
 */
export async function sendRequest(req: WireRequest): Promise<WireResponse> {
  let started = false;
  const controller = new AbortController();
  const why = { timeout: false, aborted: false };
  const timer = setTimeout(() => {
    why.timeout = true;
    controller.abort(new TimeoutMarker("request timeout"));
  }, req.timeoutMs);
  const onOuterAbort = (): void => {
    why.aborted = true;
    controller.abort(req.signal?.reason);
  };
  if (req.signal?.aborted) onOuterAbort();
  else req.signal?.addEventListener("abort", onOuterAbort, { once: true });
  try {
    const res = await request(req.url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      signal: controller.signal,
      // Our own timer above is the timeout. undici's are only a backstop: its low-resolution timers may
      // fire up to ~500 ms off, which would cut a short timeout early.
      headersTimeout: req.timeoutMs + UNDICI_TIMER_SLACK_MS,
      bodyTimeout: req.timeoutMs + UNDICI_TIMER_SLACK_MS,
      dispatcher: observed(req.dispatcher ?? defaultDispatcher(), () => {
        started = true;
        req.onStart?.();
      }),
    });
    const body = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    return { status: res.statusCode, headers, body };
  } catch (err) {
    throw classifyFailure(err, started, why);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener("abort", onOuterAbort);
  }
}
