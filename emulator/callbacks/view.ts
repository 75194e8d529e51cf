/**
 * The JSON shape of one sent callback in `GET /_emulator/callbacks`; the dashboard and tests read it, so it
 * is documented in docs/EMULATOR.md and kept apart from the sender's machinery.
 */
import type { RelayCdnStatusCode, RelayCdnStatusName } from "../../trtc/callbacks/event";
import type { AttemptOutcome } from "./post";
import type { CallbackCause } from "./push-state";

/** Where a callback is in its life. */
export type DeliveryState = "queued" | "sending" | "retrying" | "delivered" | "gave-up" | "cancelled";

/** One attempt as the control API shows it. */
export interface AttemptView extends AttemptOutcome {
  /** Wall time the attempt started (ISO). */
  at: string;
}

/** One callback as `GET /_emulator/callbacks` shows it; the push URL is redacted, the body is not shown. */
export interface CallbackDeliveryView {
  id: number;
  taskId: string;
  sdkAppId: number;
  roomId: string;
  userId: string;
  /** The push URL, `txSecret` masked. */
  url: string;
  status: RelayCdnStatusName;
  statusCode: RelayCdnStatusCode;
  eventMsTs: number;
  callbackTs: number;
  cause: CallbackCause;
  errorCode?: number;
  errorMsg?: string;
  /** The receiver, redacted. */
  target: string;
  state: DeliveryState;
  attempts: AttemptView[];
  /** Wall time of the next retry (ISO) while `retrying`. */
  nextAttemptAt?: string;
}
