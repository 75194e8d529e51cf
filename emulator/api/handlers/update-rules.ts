/**
 * What an Update may change, and how it merges (spec §3, §3.1).
 *
 * Merging is incremental: an omitted top-level parameter stays as it was, a given one replaces the old
 * value whole. `AudioParams` is the one exception, merged field by field, because its `AudioEncode`
 * cannot change and Tencent's own example updates only `SubscribeAudioList`; replacing the whole struct
 * would silently drop the encoding.
 */
import { cloneJson, jsonEqual } from "../../state/json";

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

/** The task's Params after applying `update`. Does not mutate its inputs. */
export function mergeUpdate(params: Obj, update: Obj): Obj {
  const next: Obj = cloneJson(params);
  for (const [key, value] of Object.entries(update)) {
    if (ADDRESSING_FIELDS.has(key)) continue;
    const oldAudio = asObj(next.AudioParams);
    const newAudio = asObj(value);
    next[key] = key === "AudioParams" && oldAudio && newAudio ? { ...oldAudio, ...cloneJson(newAudio) } : cloneJson(value);
  }
  return next;
}
