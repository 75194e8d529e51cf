/**
 * The provider implementation behind `pulumi-trtc-relay/impl` (impl.ts), which the provider text stored
 * in state (provider.ts) loads at run time: configure, check, diff, create, read, update, delete.
 *
 * Decisions, each explained where it is made:
 * - create returns the TaskId as the id and the inputs as applied plus computed values as outputs; a
 *   failure after Start succeeded keeps the task in state (init-error.ts).
 * - update sends only the changed top-level groups, complete, with SequenceNumber = last + 1 (diff.ts).
 * - a task that ended on its own is discovered by Update; the state records `finished: true`, the next
 *   `up` replaces it and `refresh` drops it. read cannot see the cloud: TRTC has no Describe call.
 * - delete sends Stop to where the task was started; "already gone" counts as stopped.
 * This module must accept every older state shape: old resources run it through their stored provider text.
 */
import { toApiCase } from "../trtc/casing";
import type { TrtcClient as TrtcClientType } from "../trtc/client/client";
import type { RetryEvent } from "../trtc/client/retry";
import { checkArguments, type CheckFailure } from "./check";
import {
  ConfigError,
  normalizeEndpoint,
  resolveCredentials,
  resolveTarget,
  storeConfig,
  type ConfigSource,
  type Credentials,
  type Site,
  type Target,
} from "./config";
import { planChanges, withKeptValues } from "./diff";
import { ResourceInitError } from "./init-error";
import { PROVIDER_KEY, argumentsOf, buildState, sanitize, type ComputedState, type PublishCdnStreamState } from "./outputs";
import { isTaskGone } from "./task-gone";
import { fillRobotUserSigs } from "./usersig/fill";
import { resolveUserSigSettings, type UserSigSettings } from "./usersig/settings";

type Props = Record<string, any>;
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

/** What the lifecycle needs from the outside world; tests replace parts. */
export interface LifecycleDeps {
  /** Builds the client for one call. */
  connect(target: Target, credentials: Credentials, onRetry: (e: RetryEvent) => void): TaskApi;
  /** The environment, read per call so rotated variables apply at once. */
  env(): NodeJS.ProcessEnv;
  /** Diagnostics (the host turns stderr into Pulumi info messages). Never given secrets. */
  log(line: string): void;
}

const defaultDeps: LifecycleDeps = {
  // Loaded on first use: a preview never calls the API, and the client (undici) is most of this module's
  // load time, which every preview's provider process would otherwise pay.
  connect: (target, credentials, onRetry) =>
    new (require("../trtc/client/client").TrtcClient as typeof TrtcClientType)({
      credentials,
      region: target.region,
      endpoint: target.endpoint,
      site: target.site,
      timeoutMs: target.timeoutMs,
      onRetry,
    }),
  env: () => process.env,
  log: (line) => console.error(line),
};

const OUTDATED = new Set(["FailedOperation.RequestOutdated", "FailedOperation.OutdateRequest"]);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

const finishedMessage = (taskId: string): string =>
  `The TRTC relay task ${taskId} is no longer running: it ended on its own (every mixed anchor left the room for ` +
  `longer than agentParams.maxIdleTime, its TaskId passed the 30-day limit, or it was stopped outside Pulumi). ` +
  `Pulumi has recorded it as finished; run \`pulumi up\` again to start a replacement task ` +
  `(or \`pulumi refresh\` to drop it from state). If other tasks may have ended too, ` +
  `\`pulumi up --continue-on-error\` finds them all in one run (the engine stops at the first failure otherwise).`;

/** The provider methods over `overrides` + the real client and environment; the module exports one instance. */
export function makeLifecycle(overrides: Partial<LifecycleDeps> = {}) {
  const deps: LifecycleDeps = { ...defaultDeps, ...overrides };
  const onRetry = (e: RetryEvent): void =>
    deps.log(`trtc: ${e.action} attempt ${e.attempt} failed with ${e.error.code}; retrying in ${e.delayMs} ms`);
  const api = (target: Target): TaskApi => deps.connect(target, resolveCredentials(deps.env()), onRetry);

  /** Where a stored task lives; older state without endpoint/region means "where config points now". */
  const storedTarget = (props: Props, current: Target): Target => {
    if (typeof props.endpoint !== "string") return current;
    const endpoint = normalizeEndpoint(props.endpoint);
    const site: Site = new URL(endpoint).hostname.includes(".intl.") ? "intl" : "cn";
    return { endpoint, region: typeof props.region === "string" ? props.region : current.region, site, timeoutMs: current.timeoutMs };
  };

  /** `body` with every robot that lacks a UserSig given one, when a key is configured; logs paths only. */
  const issueUserSigs = (body: Props): Props => {
    const settings = resolveUserSigSettings(deps.env());
    const filled = fillRobotUserSigs(body, settings);
    if (filled.generated.length > 0) {
      deps.log(`trtc: generated UserSigs for ${filled.generated.join(", ")} (valid ${settings.expireSeconds} s)`);
    }
    return filled.body;
  };

  /** Full state, or, if even that fails, the minimum a later delete needs. */
  const safeState = (args: Props, computed: ComputedState, provider: unknown): Props => {
    try {
      return { ...buildState(args as never, computed), [PROVIDER_KEY]: provider };
    } catch {
      // Only values known to be plain: this must not fail the way the full state just did.
      const plain = (v: unknown, type: string) => (typeof v === type ? v : undefined);
      return sanitize({
        sdkAppId: plain(args.sdkAppId, "number"),
        taskId: String(computed.taskId),
        sequenceNumber: plain(computed.sequenceNumber, "number") ?? 0,
        requestId: plain(computed.requestId, "string"),
        endpoint: computed.endpoint,
        region: computed.region,
        [PROVIDER_KEY]: plain(provider, "string"),
      });
    }
  };

  return {
    /** Stores stack config synchronously (the host may call other methods before this resolves). */
    configure(config: ConfigSource): void {
      storeConfig(config);
    },

    /** Offline validation (no credentials needed); see check.ts. */
    async check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
      let target: Target;
      let userSigs: UserSigSettings;
      try {
        target = resolveTarget(deps.env());
        userSigs = resolveUserSigSettings(deps.env());
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        return { inputs: argumentsOf(news) as Props, failures: [{ property: "", reason: e.message }] };
      }
      return checkArguments(news, target.site, userSigs.canGenerate);
    },

    /** The diff table's verdict; replacement always stops the old task first. */
    async diff(_id: string, olds: Props, news: Props) {
      let target: Target | undefined;
      try {
        target = resolveTarget(deps.env());
      } catch {
        target = undefined; // a bad endpoint is reported by check; do not guess a replacement here
      }
      const plan = planChanges(olds, news, target);
      if (plan.replaces.length > 0) return { changes: true, replaces: plan.replaces, deleteBeforeReplace: true };
      return { changes: plan.changes };
    },

    /** Start; the TaskId becomes the id. */
    async create(inputs: Props): Promise<{ id: string; outs: PublishCdnStreamState }> {
      const target = resolveTarget(deps.env());
      // Robots without a UserSig get one now, once; it is stored (secret) and never regenerated.
      const args = issueUserSigs(argumentsOf(inputs) as Props);
      const started = await api(target).startPublishCdnStream(toApiCase(args));
      const computed: ComputedState = {
        taskId: started.TaskId,
        sequenceNumber: 0,
        requestId: started.RequestId,
        endpoint: target.endpoint,
        region: target.region,
      };
      try {
        return { id: started.TaskId, outs: buildState(args as never, computed) };
      } catch (e) {
        throw new ResourceInitError(
          started.TaskId,
          safeState(args, computed, inputs[PROVIDER_KEY]),
          `Started TRTC relay task ${started.TaskId}, but recording its outputs failed (${(e as Error).message}). ` +
            `The task is kept in state; fix the cause and run \`pulumi up\` again.`,
        );
      }
    },

    /** No Describe call exists: echoes the state, or drops a task an Update found finished. */
    async read(id: string, props?: Props): Promise<{ id: string; props?: Props }> {
      if (!props) {
        throw new Error("PublishCdnStream cannot be imported or read without state: TRTC has no Describe call for relay tasks.");
      }
      // TRTC cannot be asked about a task; the only knowledge is what Update answers revealed.
      if (props.finished === true) return { id: "" };
      return { id, props: sanitize(props) };
    },

    /** Update with the changed groups and the next SequenceNumber. */
    async update(id: string, olds: Props, news: Props): Promise<{ outs: PublishCdnStreamState }> {
      const target = resolveTarget(deps.env());
      const taskId: string = typeof olds.taskId === "string" ? olds.taskId : id;
      const provider = news[PROVIDER_KEY];
      if (olds.finished === true) throw new Error(finishedMessage(taskId));
      const plan = planChanges(olds, news, target);
      if (plan.replaces.length > 0) {
        throw new Error(`Cannot change ${plan.replaces.join(", ")} of task ${taskId} in place; this needs a replacement.`);
      }
      // Stored UserSigs of robots the inputs leave without one stay in state, as diff assumed.
      const args = withKeptValues(olds, argumentsOf(news) as Props);
      const last = Number.isSafeInteger(olds.sequenceNumber) ? (olds.sequenceNumber as number) : 0;
      const keep = (sequenceNumber: number, requestId: string): ComputedState => ({
        taskId,
        sequenceNumber,
        requestId,
        endpoint: target.endpoint,
        region: target.region,
      });
      if (Object.keys(plan.send).length === 0) {
        // Nothing to send (e.g. an update forced by init errors): refresh the recorded inputs only.
        return { outs: buildState(args as never, keep(last, typeof olds.requestId === "string" ? olds.requestId : "")) };
      }

      // A push-back robot new to the list is the only one that can still lack a UserSig here.
      const groups = issueUserSigs({ sdkAppId: args.sdkAppId, ...plan.send });
      if (groups.feedBackRoomParams !== undefined) args.feedBackRoomParams = groups.feedBackRoomParams;
      const client = api(target);
      const send = async (sequenceNumber: number) =>
        client.updatePublishCdnStream(
          toApiCase({
            sdkAppId: args.sdkAppId,
            taskId,
            sequenceNumber,
            withTranscoding: args.withTranscoding,
            ...groups,
          }),
        );
      let sequenceNumber = last + 1;
      let answer: { RequestId: string };
      try {
        try {
          answer = await send(sequenceNumber);
        } catch (e) {
          if (!OUTDATED.has((e as { code?: string }).code ?? "")) throw e;
          // The task has seen a higher number than state records (an earlier result was never saved, or
          // someone updated it outside Pulumi). Milliseconds since the epoch exceed any counter in practice.
          sequenceNumber = Math.max(sequenceNumber + 1, Date.now());
          deps.log(`trtc: SequenceNumber ${last + 1} of task ${taskId} was outdated; retrying once with ${sequenceNumber}`);
          answer = await send(sequenceNumber);
        }
      } catch (e) {
        if (isTaskGone(e)) {
          throw new ResourceInitError(taskId, sanitize({ ...olds, finished: true, [PROVIDER_KEY]: provider }), finishedMessage(taskId));
        }
        if ((e as { reached?: string }).reached === "maybe") {
          // The answer was lost, so the number may have been consumed: record it so no Update reuses it.
          throw new ResourceInitError(taskId, sanitize({ ...olds, sequenceNumber, [PROVIDER_KEY]: provider }), (e as Error).message);
        }
        throw e;
      }
      try {
        return { outs: buildState(args as never, keep(sequenceNumber, answer.RequestId)) };
      } catch (e) {
        throw new ResourceInitError(
          taskId,
          sanitize({ ...olds, sequenceNumber, [PROVIDER_KEY]: provider }),
          `Updated TRTC relay task ${taskId}, but recording its outputs failed (${(e as Error).message}).`,
        );
      }
    },

    /** Stop where the task lives; "already gone" counts as stopped. */
    async delete(id: string, props: Props): Promise<void> {
      if (props.finished === true) return; // nothing is running
      const current = resolveTarget(deps.env());
      const stored = storedTarget(props, current);
      const body = { SdkAppId: props.sdkAppId, TaskId: typeof props.taskId === "string" ? props.taskId : id };
      const stop = async (target: Target): Promise<void> => {
        try {
          await api(target).stopPublishCdnStream(body);
        } catch (e) {
          if (!isTaskGone(e)) throw e;
        }
      };
      try {
        await stop(stored);
      } catch (e) {
        // A local emulator restarted on another port: the task (if persisted) is where config points now.
        const refused = (e as { reached?: string }).reached === "no";
        const local = LOOPBACK.test(new URL(stored.endpoint).hostname);
        if (!(refused && local && stored.endpoint !== current.endpoint)) throw e;
        deps.log(`trtc: ${stored.endpoint} refused the connection; stopping task ${body.TaskId} at ${current.endpoint}`);
        await stop(current);
      }
    },
  };
}

const lifecycle = makeLifecycle();

/** See {@link makeLifecycle}. */
export const configure = lifecycle.configure;
/** See {@link makeLifecycle}. */
export const check = lifecycle.check;
/** See {@link makeLifecycle}. */
export const diff = lifecycle.diff;
/** See {@link makeLifecycle}. */
export const create = lifecycle.create;
/** See {@link makeLifecycle}. */
export const read = lifecycle.read;
/** See {@link makeLifecycle}. */
export const update = lifecycle.update;
const stopTask = lifecycle.delete;
/** See {@link makeLifecycle}; exported under the provider method's name. */
export { stopTask as delete };
