/**
 * The TRTC library: everything that speaks Tencent's API and knows nothing of Pulumi. The one table of
 * actions and schemas (actions.ts, schema/), the validator, the API client (client/: TC3 signer, transport,
 * retry table, rate limiter, errors), UserSigs (usersig/) and relay status callbacks (callbacks/).
 *
 * The Pulumi resource (provider/), the emulator (emulator/) and the layout renderer (layout/) stand on it;
 * it imports none of them (tests/unit/import-graph.test.ts).
 */
export { TrtcClient, type TrtcClientOptions, type TrtcCredentials } from "./client/client";
export { TencentCloudError, StartOutcomeUnknownError } from "./client/errors";
export { ValidationError, validateRequest, formatIssue, type ValidationIssue } from "./validate";
export { tc3Authorization } from "./client/sign";
export {
  genUserSig,
  verifyUserSig,
  type GenUserSigInput,
  type VerifyUserSigOptions,
  type VerifyUserSigResult,
  type UserSigRejection,
} from "./usersig";
// Relay status callbacks: the same names as `pulumi-trtc-relay`'s callbacks/ entry, listed once there.
export * from "./callbacks";
