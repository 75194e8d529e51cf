/**
 * Relay-to-CDN status callbacks (spec §10): sign, verify and type them. See docs/CALLBACKS.md.
 */
export { signCallback, callbackSignMatches } from "./sign";
export {
  verifyCallback,
  type VerifyCallbackInput,
  type VerifyCallbackResult,
  type CallbackRejection,
  type CallbackHeaders,
} from "./verify";
export {
  RelayCdnStatus,
  relayCdnStatusName,
  relayCdnStatusBody,
  parseRelayCdnStatusEvent,
  EVENT_GROUP_CLOUD_PUBLISH,
  EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS,
  type RelayCdnStatusEvent,
  type RelayCdnStatusEventInput,
  type RelayCdnStatusName,
  type RelayCdnStatusCode,
  type CallbackIssue,
  type ParseEventResult,
} from "./event";
/** Masks `txSecret` (and other URL secrets) before a push URL is logged; the package's one redaction rule set. */
export { redactUrl } from "../redact";
