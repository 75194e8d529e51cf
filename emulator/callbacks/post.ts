/**
 * One callback attempt: POST a signed body and report what came back within the answer window. Only an
 * HTTP 200 counts as delivered (spec §10: "must answer HTTP 200"); the answer body is ignored.
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/** How one attempt ended. */
export interface AttemptOutcome {
  /** `answered`: an HTTP status arrived in time; `timeout`: it did not; `error`: the connection failed. */
  outcome: "answered" | "timeout" | "error";
  httpStatus?: number;
  /** Why the connection failed (a system error code or message; never contains the body or the key). */
  error?: string;
  latencyMs: number;
}

/** What to send. */
export interface PostInput {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** Sends callbacks over keep-alive connections and can abort everything in flight when the emulator closes. */
export class CallbackPoster {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 4 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 4 });
  private readonly inFlight = new Set<ClientRequest>();

  /** Makes one attempt; never rejects. */
  post(input: PostInput): Promise<AttemptOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    return new Promise((resolve) => {
      let settled = false;
      const settle = (o: Omit<AttemptOutcome, "latencyMs">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(req);
        resolve({ ...o, latencyMs: elapsed() });
      };
      const secure = input.url.startsWith("https:");
      const req = (secure ? httpsRequest : httpRequest)(input.url, {
        method: "POST",
        agent: secure ? this.https : this.http,
        headers: { ...input.headers, "Content-Length": String(Buffer.byteLength(input.body)) },
      });
      this.inFlight.add(req);
      const timer = setTimeout(() => {
        settle({ outcome: "timeout" });
        req.destroy();
      }, input.timeoutMs);
      req.on("response", (res) => {
        // Drain so the socket can be reused; the answer's body carries nothing the sender needs.
        res.resume();
        settle({ outcome: "answered", httpStatus: res.statusCode });
      });
      req.on("error", (e: NodeJS.ErrnoException) => settle({ outcome: "error", error: e.code ?? e.message }));
      req.end(input.body);
    });
  }

  /** Aborts every attempt in flight and closes idle connections. */
  close(): void {
    for (const req of this.inFlight) req.destroy(new Error("emulator closed"));
    this.inFlight.clear();
    this.http.destroy();
    this.https.destroy();
  }
}
