/**
 * `update`: UpdatePublishCdnStream with the changed top-level groups, each complete, and SequenceNumber =
 * last + 1 (the diff table decides the groups, ../diff.ts). A task that ended on its own is discovered
 * here: the state records `finished: true`, and the next `up` replaces it.
 *
 * The first update of an imported task (../adopted.ts) sends every group Update can carry, so the task
 * ends up as the program declares, with the import id's SequenceNumber + 1, or, when it carried none, the
 * time in milliseconds: above any counter the product's other clients plausibly used, and still a safe integer.
 */
import { toApiCase } from "../../trtc/casing";
import { isOutdated, isTaskGone } from "../../trtc/client/task-codes";
import { isAdopted } from "../adopted";
import { resolveTarget } from "../config";
import { planKeptChanges, withKeptValues } from "../diff";
import { scrubbed } from "../identifiers";
import { ResourceInitError } from "../init-error";
import { withOptions } from "../options";
import { type ComputedState, PROVIDER_KEY, type PublishCdnStreamState, buildState, pickArguments, sanitize } from "../outputs";
import { type LifecycleDeps, clientFor } from "./deps";
import { adoptedFinishedMessage, finishedMessage, outdatedAfterImportMessage } from "./messages";
import { issueUserSigs } from "./usersigs";

type Props = Record<string, any>;

/**
 * Applies the new inputs to the running task in place. Errors name arguments instead of quoting room ids,
 * UserIds or URLs (../identifiers.ts).
 */
export async function update(deps: LifecycleDeps, id: string, olds: Props, news: Props): Promise<{ outs: PublishCdnStreamState }> {
  try {
    return await applyUpdate(deps, id, olds, news);
  } catch (e) {
    throw scrubbed(e, pickArguments(news), pickArguments(olds));
  }
}

async function applyUpdate(deps: LifecycleDeps, id: string, olds: Props, news: Props): Promise<{ outs: PublishCdnStreamState }> {
  const target = resolveTarget(deps.env());
  const taskId: string = typeof olds.taskId === "string" ? olds.taskId : id;
  const provider = news[PROVIDER_KEY];
  if (olds.finished === true) throw new Error(finishedMessage(taskId, olds));
  // Stored UserSigs of robots the inputs leave without one stay in state, as diff assumed.
  const args = withKeptValues(olds, pickArguments(news) as Props);
  const plan = planKeptChanges(olds, args, target);
  if (plan.replaces.length > 0) {
    throw new Error(`Cannot change ${plan.replaces.join(", ")} of task ${taskId} in place; this needs a replacement.`);
  }
  const adopted = isAdopted(olds);
  const known = Number.isSafeInteger(olds.sequenceNumber) ? (olds.sequenceNumber as number) : undefined;
  const last = known ?? 0;
  const keep = (sequenceNumber: number, requestId: string): ComputedState => ({
    taskId,
    sequenceNumber,
    requestId,
    endpoint: target.endpoint,
    region: target.region,
  });
  if (Object.keys(plan.send).length === 0 && !adopted) {
    // Nothing to send (e.g. an update forced by init errors): refresh the recorded inputs only.
    return { outs: withOptions(buildState(args as never, keep(last, typeof olds.requestId === "string" ? olds.requestId : "")), news) };
  }

  // A push-back robot new to the list is the only one that can still lack a UserSig here.
  const groups = issueUserSigs(deps, { sdkAppId: args.sdkAppId, ...plan.send });
  if (groups.feedBackRoomParams !== undefined) args.feedBackRoomParams = groups.feedBackRoomParams;
  const client = clientFor(deps, target);
  const send = async (sequenceNumber: number) =>
    client.updatePublishCdnStream(
      toApiCase({ sdkAppId: args.sdkAppId, taskId, sequenceNumber, withTranscoding: args.withTranscoding, ...groups }),
    );
  let sequenceNumber = adopted && known === undefined ? Math.max(1, Math.floor(deps.now())) : last + 1;
  if (adopted) {
    const sent = ["withTranscoding", ...Object.keys(plan.send)];
    const recorded = Object.keys(args).filter((key) => !(key in olds) && !sent.includes(key));
    deps.log(
      `trtc: first update of imported task ${taskId}, SequenceNumber ${sequenceNumber}: sending the program's ` +
        `${sent.join(", ")}; recording ${recorded.join(", ")} as the program gives them ` +
        "(TRTC cannot be asked for them, and Update cannot change them)",
    );
  }
  let answer: { RequestId: string };
  try {
    try {
      answer = await send(sequenceNumber);
    } catch (e) {
      if (!isOutdated(e)) throw e;
      // Only the user can know the number an imported task has seen: say how to tell Pulumi.
      if (adopted)
        throw new Error(outdatedAfterImportMessage({ urn: deps.urn, sdkAppId: args.sdkAppId, taskId, sent: sequenceNumber, known }));
      // The task has seen a higher number than state records (an earlier result was never saved, or
      // someone updated it outside Pulumi). Milliseconds since the epoch exceed any counter in practice.
      sequenceNumber = Math.max(sequenceNumber + 1, deps.now());
      deps.log(`trtc: SequenceNumber ${last + 1} of task ${taskId} was outdated; retrying once with ${sequenceNumber}`);
      answer = await send(sequenceNumber);
    }
  } catch (e) {
    if (isTaskGone(e)) {
      const message = adopted ? adoptedFinishedMessage(taskId, args.sdkAppId, olds) : finishedMessage(taskId, olds);
      throw new ResourceInitError(taskId, sanitize({ ...olds, finished: true, [PROVIDER_KEY]: provider }), message);
    }
    if ((e as { reached?: string }).reached === "maybe") {
      // The answer was lost, so the number may have been consumed: record it so no Update reuses it.
      throw new ResourceInitError(taskId, sanitize({ ...olds, sequenceNumber, [PROVIDER_KEY]: provider }), (e as Error).message);
    }
    throw e;
  }
  try {
    return { outs: withOptions(buildState(args as never, keep(sequenceNumber, answer.RequestId)), news) };
  } catch (e) {
    throw new ResourceInitError(
      taskId,
      sanitize({ ...olds, sequenceNumber, [PROVIDER_KEY]: provider }),
      `Updated TRTC relay task ${taskId}, but recording its outputs failed (${(e as Error).message}).`,
    );
  }
}
