/**
 * Fault injection (`POST /_emulator/faults`): make the next matching API calls slow, fail with a given
 * code, or lose the connection before or after the emulator acted. "After" is the case a careful client
 * must survive: the task was created, updated or stopped, but the answer never arrived.
 *
 * Faults apply to requests that passed routing, authentication, throttling and validation, i.e. to the
 * handler itself, so an injected fault never hides a genuine client mistake.
 */
import { INJECTABLE_ERRORS } from "./errors";

/** A fault as configured through the control API. */
export interface FaultSpec {
  /** An action name, or `*` for every action. */
  action: string;
  /** Answer with this error code instead of acting (see {@link INJECTABLE_ERRORS}). */
  error?: string;
  /** Wait this long before acting (and before answering an injected error). */
  latencyMs?: number;
  /** Destroy the socket `before` acting, or `after` acting but before answering. */
  drop?: "before" | "after";
  /** Apply to this many matching requests, then disappear; unlimited when absent. */
  count?: number;
  /** Chance (0..1) that a matching request is affected; 1 when absent. */
  probability?: number;
}

/** A stored fault, as `GET /_emulator/faults` shows it. */
export interface FaultRule extends FaultSpec {
  id: number;
  /** How many requests it has affected so far. */
  hits: number;
}

/** Checks a control-API body; returns the spec or a message naming the bad field. */
export function parseFault(body: unknown, knownActions: readonly string[]): FaultSpec | string {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return "body must be a JSON object";
  const b = body as Record<string, unknown>;
  const allowed = new Set(["action", "error", "latencyMs", "drop", "count", "probability"]);
  const extra = Object.keys(b).filter((k) => !allowed.has(k));
  if (extra.length > 0) return `unknown field(s): ${extra.join(", ")}`;
  if (typeof b.action !== "string" || (b.action !== "*" && !knownActions.includes(b.action))) {
    return `action must be "*" or one of ${knownActions.join(", ")}`;
  }
  if (b.error !== undefined && (typeof b.error !== "string" || !(b.error in INJECTABLE_ERRORS))) {
    return `error must be one of ${Object.keys(INJECTABLE_ERRORS).join(", ")}`;
  }
  if (b.latencyMs !== undefined && !(Number.isInteger(b.latencyMs) && (b.latencyMs as number) >= 0 && (b.latencyMs as number) <= 600_000)) {
    return "latencyMs must be an integer from 0 to 600000";
  }
  if (b.drop !== undefined && b.drop !== "before" && b.drop !== "after") return `drop must be "before" or "after"`;
  if (b.count !== undefined && !(Number.isInteger(b.count) && (b.count as number) >= 1)) return "count must be an integer >= 1";
  if (b.probability !== undefined && !(typeof b.probability === "number" && b.probability >= 0 && b.probability <= 1)) {
    return "probability must be a number from 0 to 1";
  }
  if (b.error === undefined && b.latencyMs === undefined && b.drop === undefined) return "give at least one of error, latencyMs, drop";
  if (b.error !== undefined && b.drop !== undefined) return "error and drop are exclusive: a dropped connection answers nothing";
  return b as unknown as FaultSpec;
}

/** The active faults, first match wins. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  /** @param random injectable for deterministic probability tests. */
  constructor(private readonly random: () => number = Math.random) {}

  /** Adds a fault; returns the stored rule. */
  add(spec: FaultSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: this.nextId++, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** The fault that applies to this request, if any, counting it as used. */
  take(action: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.action !== "*" && rule.action !== action) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.hits += 1;
      if (rule.count !== undefined && rule.hits >= rule.count) this.rules = this.rules.filter((r) => r !== rule);
      return { ...rule };
    }
    return undefined;
  }

  /** The active faults. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Removes every fault. */
  clear(): void {
    this.rules = [];
  }
}
