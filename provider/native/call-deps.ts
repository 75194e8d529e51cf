/**
 * The lifecycle dependencies of one RPC: the real client, environment and clock of the shared lifecycle
 * ({@link defaultDeps}), with the operation's customTimeouts as the client's deadline and the
 * diagnostics routed to the engine's log for the resource.
 */
import { type LifecycleDeps, defaultDeps } from "../lifecycle";
import { engineLog } from "./engine-log";

/**
 * Deps for an operation on `urn`. `timeoutSeconds` is the request's `timeout` field, the resource's
 * customTimeouts for this operation in seconds (0 when unset: the client's own deadline applies).
 */
export function callDeps(urn: string, timeoutSeconds = 0): LifecycleDeps {
  const deadlineMs = timeoutSeconds > 0 ? Math.round(timeoutSeconds * 1000) : undefined;
  return {
    ...defaultDeps,
    deadlineMs,
    urn,
    log: (line) => engineLog(urn, "info", line),
    warn: (line) => engineLog(urn, "warning", line),
  };
}
