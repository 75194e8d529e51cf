/**
 * The request log (`GET /_emulator/requests`, and one line per request to `log` / `--verbose`).
 *
 * Entries are built from a fixed set of non-secret fields rather than by redacting a request after the
 * fact: no body, no headers, so no UserSig, txSecret, SecretKey, token or Authorization can leak; the
 * SecretId is cut to a prefix that identifies a key without disclosing it.
 */

/** One API request as logged. */
export interface RequestLogEntry {
  /** Wall-clock ISO time the request arrived. */
  at: string;
  /** X-TC-Action as received (may be unknown or empty). */
  action: string;
  /** `ok`, or the error code answered, or `dropped` when a fault cut the connection. */
  outcome: string;
  /** Time from arrival to answer (or drop). */
  latencyMs: number;
  /** The RequestId answered (also for errors). */
  requestId: string;
  /** First characters of the SecretId, when the Authorization header named one. */
  secretId?: string;
  /** The task created or addressed, when known. */
  taskId?: string;
  /**
   * Fields the request carried that have no effect where they are (the shared no-effect table,
   * trtc/schema/rules/no-effect.ts), as `API.Path has no effect: …`; names and enum values only, no secret.
   */
  notices?: string[];
}

/** How many characters of a SecretId the log keeps. */
export const SECRET_ID_PREFIX_CHARS = 8;

/** `AKIDtrtcemulator0000` -> `AKIDtrtc…`: enough to tell keys apart, not enough to use one. */
export function secretIdPrefix(secretId: string | undefined): string | undefined {
  if (!secretId) return undefined;
  return secretId.length <= SECRET_ID_PREFIX_CHARS ? "…" : `${secretId.slice(0, SECRET_ID_PREFIX_CHARS)}…`;
}

/** One log line: `<time> <action> <outcome> <ms>ms req=<id> key=<prefix> task=<id> | note: <notice>; …`. */
export function formatLogLine(e: RequestLogEntry): string {
  const parts = [e.at, e.action || "-", e.outcome, `${e.latencyMs}ms`, `req=${e.requestId}`];
  if (e.secretId) parts.push(`key=${e.secretId}`);
  if (e.taskId) parts.push(`task=${e.taskId}`);
  if (e.notices?.length) parts.push(`| note: ${e.notices.join("; ")}`);
  return parts.join(" ");
}

/** A bounded in-memory log that also forwards each line to an optional sink. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** @param capacity oldest entries are dropped beyond this; @param sink receives each formatted line. */
  constructor(
    private readonly capacity = 1000,
    private readonly sink?: (line: string) => void,
  ) {}

  /** Records an entry. */
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    this.sink?.(formatLogLine(entry));
  }

  /** All retained entries, oldest first. */
  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, ...(e.notices ? { notices: [...e.notices] } : {}) }));
  }

  /** Forgets everything (control API reset). */
  clear(): void {
    this.entries = [];
  }
}
