/**
 * `pulumi-trtc-relay/emulator`: a local TRTC API 3.0 emulator for StartPublishCdnStream,
 * UpdatePublishCdnStream and StopPublishCdnStream, with a control API for tests. See docs/EMULATOR.md.
 *
 * @example
 * const emu = await startEmulator({ port: 0 });
 * // sign with emu.secretId / emu.secretKey, POST to emu.url, inspect `${emu.url}/_emulator/tasks`
 * await emu.close();
 */
export { startEmulator, type RunningEmulator } from "./server";
export { DEFAULT_RATE_LIMIT_PER_SECOND, type EmulatorOptions } from "./options";
export { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, TRTC_SERVICE, MAX_CLOCK_SKEW_SECONDS, type EmulatorCredential } from "./api/auth";
export { CONTROL_PREFIX } from "./control/routes";
export type { EmulatorCore } from "./core";
export type { TaskRecord, TaskStatus, FinishReason, KickedBy, HistoryEntry } from "./state/task";
export type { RobotCollisionMode } from "./api/handlers/robots";
export type { RoomRecord } from "./state/store";
export type { FaultSpec, FaultRule } from "./api/faults";
export type { RateStats, RateWindow } from "./api/rate-limit";
export type { RequestLogEntry } from "./api/request-log";
export type { Site } from "./api/router";
export type { ApiError } from "./api/errors";
export type { CallbackOptions, CallbackTargetView } from "./callbacks/config";
export type { CallbackDeliveryView, AttemptView, DeliveryState } from "./callbacks/view";
export type { CallbackCause, PushFaultSpec } from "./callbacks/push-state";
export { emulatorControl } from "./control/client";
