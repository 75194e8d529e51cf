/**
 * `create`: Start; the TaskId becomes the id, and the inputs as applied plus computed values the outputs.
 * A failure after Start succeeded keeps the task in state (../init-error.ts): no task runs unrecorded.
 */
import { toApiCase } from "../../trtc/casing";
import { StartOutcomeUnknownError } from "../../trtc/client/errors";
import { resolveTarget } from "../config";
import { scrubbed } from "../identifiers";
import { ResourceInitError } from "../init-error";
import { withOptions } from "../options";
import {
  type ComputedState,
  PROVIDER_KEY,
  type PublishCdnStreamState,
  buildState,
  pickArguments,
  sanitize,
  withComputed,
} from "../outputs";
import { type LifecycleDeps, clientFor } from "./deps";
import { issueUserSigs } from "./usersigs";

type Props = Record<string, any>;

/** Full state, or, if even that fails, the minimum a later delete needs. */
function safeState(args: Props, computed: ComputedState, provider: unknown): Props {
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
}

/**
 * Starts the task described by the checked `inputs`. Errors name arguments instead of quoting room ids,
 * UserIds or URLs (../identifiers.ts).
 */
export async function create(deps: LifecycleDeps, inputs: Props): Promise<{ id: string; outs: PublishCdnStreamState }> {
  try {
    return await start(deps, inputs);
  } catch (e) {
    throw scrubbed(e, pickArguments(inputs));
  }
}

async function start(deps: LifecycleDeps, inputs: Props): Promise<{ id: string; outs: PublishCdnStreamState }> {
  const target = resolveTarget(deps.env());
  // Robots without a UserSig get one now, once; it is stored (secret) and never regenerated.
  const args = issueUserSigs(deps, pickArguments(inputs) as Props);
  // Built (and sanitised) before Start: arguments that cannot be stored fail before any task exists.
  // The handed-over options stay in state, so delete finds the timeout (../options.ts).
  const state = withOptions(
    buildState(args as never, {
      taskId: "",
      sequenceNumber: 0,
      requestId: "",
      endpoint: target.endpoint,
      region: target.region,
    }),
    inputs,
  );
  const started = await clientFor(deps, target)
    .startPublishCdnStream(toApiCase(args))
    .catch((e: unknown) => {
      if (!(e instanceof StartOutcomeUnknownError)) throw e;
      // Nothing reaches state, so the next up creates this resource again: say what that does.
      throw new Error(
        `${e.message} Running \`pulumi up\` again starts the task again with the same robot UserId, as described above; ` +
          "stop the earlier task first if you would rather not rely on the kick.",
        { cause: e },
      );
    });
  const computed: ComputedState = {
    taskId: started.TaskId,
    sequenceNumber: 0,
    requestId: started.RequestId,
    endpoint: target.endpoint,
    region: target.region,
  };
  try {
    return { id: started.TaskId, outs: withComputed(state, { taskId: started.TaskId, requestId: started.RequestId }) };
  } catch (e) {
    throw new ResourceInitError(
      started.TaskId,
      safeState(args, computed, inputs[PROVIDER_KEY]),
      `Started TRTC relay task ${started.TaskId}, but recording its outputs failed (${(e as Error).message}). ` +
        `The task is kept in state; fix the cause and run \`pulumi up\` again.`,
    );
  }
}
