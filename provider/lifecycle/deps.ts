/**
 * What every lifecycle operation needs from the outside world, passed as one argument: the API client
 * factory, the environment (stack config is stored by configure and read with it), a clock and a log.
 * Tests replace parts; the provider runs with {@link defaultDeps}.
 */
import type { TrtcClient as TrtcClientType } from "../../trtc/client/client";
import type { RetryEvent } from "../../trtc/client/retry";
import { resolveCredentials, type Credentials, type Target } from "../config";

type ApiBody = Record<string, unknown>;

/** The three calls the lifecycle makes; TrtcClient implements them. */
export interface TaskApi {
  /** StartPublishCdnStream with an API-shaped body. */
  startPublishCdnStream(body: ApiBody): Promise<{ TaskId: string; RequestId: string }>;
  /** UpdatePublishCdnStream with an API-shaped body. */
  updatePublishCdnStream(body: ApiBody): Promise<{ TaskId: string; RequestId: string; appliedByEarlierAttempt?: boolean }>;
  /** StopPublishCdnStream with an API-shaped body. */
  stopPublishCdnStream(body: ApiBody): Promise<{ TaskId: string; RequestId: string }>;
}

/** The dependencies of every lifecycle operation. */
export interface LifecycleDeps {
  /** Builds the client for one operation; `deadlineMs` bounds each call (limiter waits, attempts, backoff). */
  connect(target: Target, credentials: Credentials, onRetry: (e: RetryEvent) => void, deadlineMs?: number): TaskApi;
  /** The environment, read per call so rotated variables apply at once. */
  env(): NodeJS.ProcessEnv;
  /** Diagnostics (the host turns stderr into Pulumi info messages). Never given secrets. */
  log(line: string): void;
  /**
   * Something the user should act on or know went differently than declared. The plugin shows it as a
   * warning beside the resource; the dynamic host can only print it as plain output. Never given secrets.
   */
  warn(line: string): void;
  /** Wall clock in ms since the epoch. */
  now(): number;
  /**
   * The overall budget of each API call of this operation in ms (Pulumi's customTimeouts for it); the
   * client's default (60 s) when undefined. Front ends set it per operation: `{ ...deps, deadlineMs }`.
   */
  deadlineMs?: number;
  /**
   * The resource's URN, when the front end knows it (the plugin is told it with every request), for
   * messages that must name the resource in a command the user can paste.
   */
  urn?: string;
}

/** The real client, environment, stderr and clock. */
export const defaultDeps: LifecycleDeps = {
  // Loaded on first use: a preview never calls the API, and the client (undici) is most of the provider's
  // load time, which every preview's provider process would otherwise pay.
  connect: (target, credentials, onRetry, deadlineMs) =>
    new (require("../../trtc/client/client").TrtcClient as typeof TrtcClientType)({
      credentials,
      region: target.region,
      endpoint: target.endpoint,
      site: target.site,
      timeoutMs: target.timeoutMs,
      deadlineMs,
      onRetry,
    }),
  env: () => process.env,
  log: (line) => console.error(line),
  warn: (line) => console.error(`warning: ${line}`),
  now: () => Date.now(),
};

/** A client for `target`, signing with the credentials configured now and logging each retry. */
export function clientFor(deps: LifecycleDeps, target: Target): TaskApi {
  return deps.connect(
    target,
    resolveCredentials(deps.env()),
    (e) => deps.log(`trtc: ${e.action} attempt ${e.attempt} failed with ${e.error.code}; retrying in ${e.delayMs} ms`),
    deps.deadlineMs,
  );
}
