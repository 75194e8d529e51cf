/**
 * What an Update may change, how it merges into the running task, and whether the merged task is one
 * Tencent runs (spec §3, §3.1).
 *
 * Merging, as Tencent documents UpdatePublishCdnStream ("更新操作为增量更新模式", incremental update;
 * each top-level parameter "不填表示不更新此参数", omitted means not updated):
 * - a top-level parameter that is omitted keeps its value; one that is sent replaces the old value whole
 *   ("make sure PublishCdnParams includes all the URLs you want to relay to", spec §3);
 * - `AudioParams` merges field by field: `AudioEncode` cannot change ("不支持更新Codec、采样率、码率和声道数")
 *   and is kept, and each audio list is "update时，不填表示不更新" (McuAudioParams, spec §5.2), so a list the
 *   Update omits is kept too;
 * - `VideoParams.VideoEncode` is kept when a sent `VideoParams` omits it (UNSURE: Tencent's own Update
 *   example 1 sends `VideoParams` with `LayoutParams` only, which only makes sense if the running encoder
 *   keeps its size); every other part of a sent `VideoParams` replaces the old one.
 * The merged task is then judged by every StartPublishCdnStream rule (the shared table), so no Update
 * leaves a task in a state no Start could create.
 */
import { validateRequest } from "../../../trtc/validate";
import type { Site } from "../../../trtc/schema";
import { cloneJson, jsonEqual } from "../../state/json";
import { issueDetails } from "../validation";

/** Body fields that address the task rather than describe it; never merged into Params. */
const ADDRESSING_FIELDS = new Set(["SdkAppId", "TaskId", "SequenceNumber"]);

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined);

/** Why this Update cannot apply to a task started with `params`, or undefined when it may. */
export function immutableViolation(params: Obj, update: Obj): string | undefined {
  const newEncode = asObj(update.AudioParams)?.AudioEncode;
  const oldEncode = asObj(params.AudioParams)?.AudioEncode;
  // Re-sending the same encoding is allowed: SDK users often resend full params.
  if (newEncode !== undefined && !jsonEqual(newEncode, oldEncode)) {
    return "AudioParams.AudioEncode cannot be changed by UpdatePublishCdnStream (codec, sample rate, bit rate and channels are fixed at Start).";
  }
  if (update.VideoParams !== undefined && params.VideoParams === undefined) {
    return "VideoParams: the task was started audio-only; an update cannot switch between audio-only and audio+video.";
  }
  return undefined;
}

/** The task's Params after applying `update` (see the module comment). Does not mutate its inputs. */
export function mergeUpdate(params: Obj, update: Obj): Obj {
  const next: Obj = cloneJson(params);
  for (const [key, value] of Object.entries(update)) {
    if (ADDRESSING_FIELDS.has(key)) continue;
    const old = asObj(next[key]);
    const sent = asObj(value);
    if (key === "AudioParams" && old && sent) next[key] = { ...old, ...cloneJson(sent) };
    else if (key === "VideoParams" && old && sent && sent.VideoEncode === undefined && old.VideoEncode !== undefined) {
      next[key] = { VideoEncode: old.VideoEncode, ...cloneJson(sent) };
    } else next[key] = cloneJson(value);
  }
  return next;
}

/**
 * Why the task `merged` (Params after an Update) is not one Tencent runs: every StartPublishCdnStream rule
 * it breaks, in the emulator's `Path rule` form, or undefined when it is valid. Always `InvalidParameter`
 * material: the Update body itself is complete, the task it would make is not.
 */
export function mergedTaskViolation(merged: Obj, site: Site): string | undefined {
  const judged = validateRequest("StartPublishCdnStream", merged, { site });
  if (judged.ok) return undefined;
  return `after this update the task would break StartPublishCdnStream's rules: ${issueDetails(judged.issues, merged).join("; ")}.`;
}
