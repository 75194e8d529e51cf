/**
 * The retry table (spec §8.4): what to do after a failed attempt, by error code and action.
 *
 * Rows are read top to bottom and the first match wins. Every row says why. The retry loop (retry.ts)
 * and the `retryable` flag on errors both read this table, so the decision lives in exactly one place.
 */
import { ACTIONS, isActionName, type ActionName } from "../actions";
import { ClientErrorCode, type Reached } from "./errors";
import { OUTDATED_CODES, TASK_GONE_CODES } from "./task-codes";

/**
 * - `retry`: back off (standard base) and send the same request again;
 * - `retry-throttled`: the same with the throttled base, because the server asked us to slow down;
 * - `resign`: send again at once with a fresh signature (at most once per operation);
 * - `applied`: an earlier attempt of this operation took effect; report success;
 * - `outcome-unknown`: a Start that may have created a task; stop and say so;
 * - `fail`: report the error.
 */
export type Decision = "retry" | "retry-throttled" | "resign" | "applied" | "outcome-unknown" | "fail";

/** One row of {@link RETRY_TABLE}. */
export interface RetryRule {
  /** Exact codes, or `Prefix.*` for every sub-code of `Prefix`. */
  readonly codes: readonly string[];
  /**
   * The actions the row applies to: all, named ones, or by the action table's `repeatable` flag (whether
   * the same request may be sent again after an ambiguous failure; false for Start only).
   */
  readonly actions: readonly ActionName[] | "all" | "repeatable" | "unrepeatable";
  /** Only when the failed attempt reached the server this much (default: any). */
  readonly reached?: readonly Reached[];
  /** Only when an earlier attempt of the same operation may have taken effect (its fate is unknown). */
  readonly afterPossiblyApplied?: true;
  /** What to do. */
  readonly decision: Decision;
  /** Why this is the right thing to do; shown in docs and kept beside the rule on purpose. */
  readonly why: string;
}

const UPDATE: ActionName = "UpdatePublishCdnStream";
const STOP: ActionName = "StopPublishCdnStream";

const TRANSPORT = [
  ClientErrorCode.NetworkError,
  ClientErrorCode.Timeout,
  ClientErrorCode.HttpStatusCodeError,
  ClientErrorCode.InvalidResponse,
];

/** The table. Order matters: first match wins. */
export const RETRY_TABLE: readonly RetryRule[] = [
  {
    codes: ["RequestLimitExceeded", "RequestLimitExceeded.*"],
    actions: "all",
    decision: "retry-throttled",
    why: "The gateway refused the request before the action ran (20 requests/s per action), so repeating is safe even for Start.",
  },
  {
    codes: ["AuthFailure.SignatureExpire"],
    actions: "all",
    decision: "resign",
    why: "Refused at the gateway because X-TC-Timestamp is > 5 min from server time; one re-sign with the server's clock fixes skew, a second would not.",
  },
  {
    codes: OUTDATED_CODES,
    actions: [UPDATE],
    afterPossiblyApplied: true,
    decision: "applied",
    why: "We resend an Update with the same SequenceNumber; 'outdated' then means our earlier attempt was applied (Tencent: 'no need to handle'). Both spellings occur in Tencent's docs.",
  },
  {
    codes: TASK_GONE_CODES,
    actions: [STOP],
    afterPossiblyApplied: true,
    decision: "applied",
    why: "A repeated Stop finding no running task means the earlier Stop, whose answer was lost, stopped it.",
  },
  {
    codes: [ClientErrorCode.NetworkError, ClientErrorCode.Timeout],
    actions: "all",
    reached: ["no"],
    decision: "retry",
    why: "The connection failed before any byte of the request was written (refused, DNS, TLS, connect timeout), so not even a Start can have run.",
  },
  {
    codes: ["InternalError", "InternalError.*"],
    actions: "repeatable",
    decision: "retry",
    why: "Documented for Update: retry with the same SequenceNumber (a duplicate is answered 'outdated', row above); Stop is idempotent in intent.",
  },
  {
    codes: TRANSPORT,
    actions: "repeatable",
    reached: ["maybe"],
    decision: "retry",
    why: "The answer was lost after the request may have arrived; Update repeats its SequenceNumber and Stop is idempotent, so repeating is safe.",
  },
  {
    codes: ["ServiceUnavailable", "ResourceUnavailable", "ResourceInUse"],
    actions: "repeatable",
    decision: "retry",
    why: "Transient server states (Tencent's Terraform provider retries them); safe for Update and Stop for the reasons above.",
  },
  {
    codes: ["InternalError", "InternalError.*"],
    actions: "unrepeatable",
    decision: "outcome-unknown",
    why: "The task may have been created and Start has no idempotency key: never repeat here. Whether to start again is the caller's choice (a second robot with the same UserId kicks the first and ends its task, by Tencent's room rule).",
  },
  {
    codes: [...TRANSPORT, ClientErrorCode.DeadlineExceeded],
    actions: "unrepeatable",
    reached: ["maybe"],
    decision: "outcome-unknown",
    why: "The request may have reached Tencent and created a task; for the reason above it is not repeated.",
  },
  {
    codes: ["*"],
    actions: "all",
    decision: "fail",
    why: "Everything else is an answer a retry cannot change: bad parameters, auth, quota, a finished task, or a definite refusal.",
  },
];

function appliesTo(rule: RetryRule, action: string): boolean {
  switch (rule.actions) {
    case "all":
      return true;
    case "repeatable":
    case "unrepeatable":
      // An action outside the table is treated as unrepeatable: never blindly repeat what we do not know.
      return (isActionName(action) && ACTIONS[action].repeatable) === (rule.actions === "repeatable");
    default:
      return rule.actions.includes(action as ActionName);
  }
}

const codeMatches = (pattern: string, code: string): boolean =>
  pattern === "*" || pattern === code || (pattern.endsWith(".*") && code.startsWith(pattern.slice(0, -1)));

/** The failed attempt, as far as the table is concerned. */
export interface FailedAttempt {
  /** Error code. */
  code: string;
  /** Whether it reached the server. */
  reached: Reached;
}

/** The finding of {@link decide}: the decision and the row that made it. */
export interface Finding {
  /** What to do. */
  decision: Decision;
  /** The matching row (the catch-all when nothing else matched). */
  rule: RetryRule;
}

/**
 * Looks a failed attempt up in the table. `possiblyApplied` says whether an earlier attempt of the same
 * operation may have taken effect (see {@link mayHaveApplied}).
 */
export function decide(action: string, failure: FailedAttempt, possiblyApplied = false): Finding {
  for (const rule of RETRY_TABLE) {
    if (!appliesTo(rule, action)) continue;
    if (!rule.codes.some((c) => codeMatches(c, failure.code))) continue;
    if (rule.reached && !rule.reached.includes(failure.reached)) continue;
    if (rule.afterPossiblyApplied && !possiblyApplied) continue;
    return { decision: rule.decision, rule };
  }
  /* istanbul ignore next: the catch-all row always matches */
  throw new Error("retry table has no catch-all row");
}

/** Whether the table would try this failure again (the `retryable` flag errors carry). */
export function isRetryable(action: string, failure: FailedAttempt): boolean {
  const { decision } = decide(action, failure);
  return decision === "retry" || decision === "retry-throttled" || decision === "resign";
}

/**
 * Whether a failed attempt may nevertheless have taken effect: its answer was lost after sending, or the
 * server said InternalError (which Tencent documents as "may have happened" by asking for a same-sequence retry).
 */
export function mayHaveApplied(failure: FailedAttempt): boolean {
  return failure.reached === "maybe" || codeMatches("InternalError.*", failure.code) || failure.code === "InternalError";
}
