/**
 * The emulator's error factory: one function per error code the TRTC relay actions document (spec §2.4,
 * §3.4, §4.3, §8.2, §8.3), so a handler says `apiErrors.taskFinished(id)` and never spells a code twice.
 *
 * Messages never contain request values that could be secrets: they name parameters by their API path and
 * quote only TaskIds, UserIds, actions, versions and regions, none of which authenticate anything.
 */

/** An API error as the emulator answers it: HTTP 200 with `{"Response":{"Error":{Code,Message},RequestId}}`. */
export interface ApiError {
  /** Tencent's error code, e.g. `FailedOperation.TaskFinished`. Clients match on this only. */
  readonly code: string;
  /** Human-readable explanation; wording is the emulator's own. */
  readonly message: string;
}

const err = (code: string, message: string): ApiError => Object.freeze({ code, message });

/** One constructor per documented code; arguments carry only the non-secret context worth reporting. */
export const apiErrors = {
  // --- transport and routing (spec §12.1-2) ---
  /** `UnsupportedProtocol`: a method other than POST (the emulator does not serve GET queries). */
  unsupportedProtocol: (method: string) =>
    err("UnsupportedProtocol", `HTTP method ${method} is not supported; send POST with Content-Type application/json.`),
  /** `RequestSizeLimitExceeded`: the body is larger than the limit (10 MB by default). */
  requestSizeLimitExceeded: (limitBytes: number) => err("RequestSizeLimitExceeded", `The request body exceeds ${limitBytes} bytes.`),
  /** `InvalidAction`: the X-TC-Action is not one of the emulated actions, or the path is not `/`. */
  invalidAction: (what: string) => err("InvalidAction", `The action ${what} does not exist.`),
  /** `NoSuchVersion`: an X-TC-Version other than the API version. */
  noSuchVersion: (version: string, expected: string) =>
    err("NoSuchVersion", `The API version \`${version}\` does not exist; this service speaks \`${expected}\`.`),
  /** `UnsupportedRegion`: the X-TC-Region is not served for this action on this site. */
  unsupportedRegion: (region: string, allowed: readonly string[]) =>
    err("UnsupportedRegion", `The region \`${region}\` is not supported by this action; use one of ${allowed.join(", ")}.`),
  /** `MissingParameter` for a common parameter (header) or for body fields listed by path. */
  missingParameter: (paths: readonly string[]) =>
    err("MissingParameter", `The request is missing required parameter(s): ${paths.join("; ")}.`),
  /** `UnknownParameter`: the body has fields the action does not define. */
  unknownParameter: (paths: readonly string[]) =>
    err("UnknownParameter", `The request has parameter(s) this action does not define: ${paths.join("; ")}.`),
  /** `InvalidParameter`: malformed JSON, wrong types, out-of-range values or a rule only the server knows. */
  invalidParameter: (detail: string) => err("InvalidParameter", `Invalid parameter: ${detail}`),
  /** `InvalidParameterValue`: documented common code; the emulator reports value errors as InvalidParameter. */
  invalidParameterValue: (detail: string) => err("InvalidParameterValue", `Invalid parameter value: ${detail}`),
  /** `InvalidParameter.SdkAppId`: documented for Start; the emulator accepts any SdkAppId, so only faults use it. */
  invalidSdkAppId: () => err("InvalidParameter.SdkAppId", "The SdkAppId is incorrect."),

  // --- authentication (spec §7.3, §8.2, §12.3) ---
  /** `AuthFailure.InvalidAuthorization`: the Authorization header is absent or not a TC3 header. */
  invalidAuthorization: (detail: string) => err("AuthFailure.InvalidAuthorization", `The Authorization header is invalid: ${detail}`),
  /** `AuthFailure.SignatureExpire`: X-TC-Timestamp is more than 300 s away from the server clock. */
  signatureExpire: (timestamp: number, serverNow: number) =>
    err(
      "AuthFailure.SignatureExpire",
      `The signature expired: X-TC-Timestamp ${timestamp} differs from server time ${serverNow} by more than 300 seconds.`,
    ),
  /** `AuthFailure.SecretIdNotFound`: the Credential names a SecretId the emulator does not know. */
  secretIdNotFound: () => err("AuthFailure.SecretIdNotFound", "The SecretId is not found; check it for typos or surrounding whitespace."),
  /** `AuthFailure.SignatureFailure`: the recomputed signature, date or service differs. */
  signatureFailure: (detail: string) => err("AuthFailure.SignatureFailure", `The provided credentials could not be validated: ${detail}`),
  /** `AuthFailure.TokenFailure`: a session token where none is configured, or a missing/wrong one. */
  tokenFailure: (detail: string) => err("AuthFailure.TokenFailure", `Token error: ${detail}`),
  /** `AuthFailure.InvalidSecretId`: documented common code (not an API key type); fault injection only. */
  invalidSecretId: () => err("AuthFailure.InvalidSecretId", "The SecretId is not a TencentCloud API key."),
  /** `AuthFailure`: generic CAM error; fault injection only. */
  authFailure: () => err("AuthFailure", "CAM signature/authentication error."),
  /** `AuthFailure.UnauthorizedOperation`: CAM denied; fault injection only. */
  unauthorizedOperation: () => err("AuthFailure.UnauthorizedOperation", "CAM authentication failed."),
  /** `AuthFailure.UnRealNameAuthenticated`: fault injection only. */
  unRealNameAuthenticated: () =>
    err("AuthFailure.UnRealNameAuthenticated", "Real-name verification is not completed; operation not allowed."),
  /** `AuthFailure.UnsupportedOperation`: fault injection only. */
  authUnsupportedOperation: () => err("AuthFailure.UnsupportedOperation", "Unsupported operation."),

  // --- throttling (spec §9) ---
  /** `RequestLimitExceeded`: more than the per-second limit for this action and SecretId. */
  requestLimitExceeded: (action: string, limit: number) =>
    err("RequestLimitExceeded", `Request rate limit exceeded for ${action}: at most ${limit} requests per second.`),

  // --- task state (spec §3.2, §12.6) ---
  /** `ResourceNotFound`: no such TaskId, or it belongs to another SdkAppId. */
  resourceNotFound: (taskId: string) => err("ResourceNotFound", `The task ${taskId} does not exist.`),
  /** `FailedOperation.TaskFinished`: Update or Stop on a task that already ended. */
  taskFinished: (taskId: string, reason: string) =>
    err("FailedOperation.TaskFinished", `The task ${taskId} has already finished (${reason}).`),
  /** `FailedOperation.RequestOutdated`: SequenceNumber not greater than the last applied one. */
  requestOutdated: (sequence: number | bigint, last: number | bigint) =>
    err(
      "FailedOperation.RequestOutdated",
      `The request is outdated: SequenceNumber ${sequence} is not greater than the last applied ${last}.`,
    ),
  /** `FailedOperation.RestrictedConcurrency`: the running-task limit is reached. */
  restrictedConcurrency: (limit: number) =>
    err("FailedOperation.RestrictedConcurrency", `Concurrency limit reached: at most ${limit} running tasks.`),
  /** `FailedOperation`: generic; fault injection only. */
  failedOperation: () => err("FailedOperation", "Operation failed."),
  /** `FailedOperation.CRUnsupportMethod`: documented for Stop; fault injection only. */
  crUnsupportMethod: () => err("FailedOperation.CRUnsupportMethod", "Unsupported on-cloud recording method."),
  /** `UnsupportedOperation`: fault injection only. */
  unsupportedOperation: () => err("UnsupportedOperation", "Operation not supported."),

  // --- server side ---
  /** `InternalError`: an injected fault, or a bug in the emulator itself. */
  internalError: (detail = "internal error") => err("InternalError", `Internal error: ${detail}`),
  /** `ServiceUnavailable`: fault injection only. */
  serviceUnavailable: () => err("ServiceUnavailable", "Service temporarily unavailable."),
  /** `ResourceUnavailable`: fault injection only. */
  resourceUnavailable: () => err("ResourceUnavailable", "Resource unavailable."),
  /** `ResourceInUse`: fault injection only. */
  resourceInUse: () => err("ResourceInUse", "Resource in use."),
  /** `LimitExceeded`: fault injection only. */
  limitExceeded: () => err("LimitExceeded", "Quota limit exceeded."),
} as const;

/**
 * Errors a fault may inject, keyed by their code. The keys are read from the constructors' output, so a
 * code is spelled once, in {@link apiErrors}.
 */
export const INJECTABLE_ERRORS: Readonly<Record<string, () => ApiError>> = Object.freeze(
  Object.fromEntries(
    [
      () => apiErrors.internalError("injected fault"),
      apiErrors.serviceUnavailable,
      apiErrors.resourceUnavailable,
      apiErrors.resourceInUse,
      () => apiErrors.resourceNotFound("(injected)"),
      apiErrors.limitExceeded,
      () => apiErrors.requestLimitExceeded("this action", 20),
      apiErrors.failedOperation,
      () => apiErrors.restrictedConcurrency(0),
      () => apiErrors.taskFinished("(injected)", "injected"),
      () => apiErrors.requestOutdated(0, 0),
      apiErrors.crUnsupportMethod,
      apiErrors.unsupportedOperation,
      () => apiErrors.invalidParameter("injected fault"),
      () => apiErrors.invalidParameterValue("injected fault"),
      apiErrors.invalidSdkAppId,
      () => apiErrors.missingParameter(["(injected)"]),
      apiErrors.authFailure,
      apiErrors.invalidSecretId,
      () => apiErrors.signatureFailure("injected fault"),
      () => apiErrors.signatureExpire(0, 0),
      () => apiErrors.tokenFailure("injected fault"),
      apiErrors.unauthorizedOperation,
      apiErrors.unRealNameAuthenticated,
      apiErrors.authUnsupportedOperation,
    ].map((make: () => ApiError) => [make().code, make]),
  ),
);
