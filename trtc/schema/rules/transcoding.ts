/** Rules tying WithTranscoding to what the task does (spec §2.1, §2.2(2)). */
import { type Rule, arr, at, has, int, obj } from "./model";

/** Why a request is a mix, in the user's terms, or undefined when it is not one. */
function mixingReason(body: Record<string, unknown>): string | undefined {
  const layout = obj(at(body, "VideoParams", "LayoutParams"));
  const custom = int(layout?.MixLayoutMode) === 4;
  // Cells only take effect in a custom layout (no-effect.ts), so only there do they make a mix.
  const cells = custom ? arr(layout?.MixLayoutList).length : 0;
  if (cells > 0) return `videoParams.layoutParams.mixLayoutList has ${cells} cell${cells === 1 ? "" : "s"}`;
  if (custom) return "videoParams.layoutParams.mixLayoutMode is 4 (custom)";
  const users = arr(at(body, "AudioParams", "SubscribeAudioList")).length;
  if (users > 1) return `audioParams.subscribeAudioList mixes ${users} users`;
  // Watermarks are drawn into re-encoded video; a relay without transcoding cannot add them (UNSURE: inferred).
  const marks = arr(at(body, "VideoParams", "WaterMarkList")).length;
  if (marks > 0) return `videoParams.waterMarkList has ${marks} watermark${marks === 1 ? "" : "s"}`;
  return undefined;
}

/** A single-stream relay is by definition not transcoded. */
export const singleStreamWithoutTranscoding: Rule = {
  id: "single-stream-without-transcoding",
  source: "spec §2.1, §2.2(2), §5.17",
  summary: "singleSubscribeParams requires withTranscoding 0.",
  check(body, report) {
    if (has(body, "SingleSubscribeParams") && int(body.WithTranscoding) === 1) {
      report(["WithTranscoding"], "must be 0 when singleSubscribeParams is given (a single-stream relay is not transcoded)");
    }
  },
};

/** Mixing several users, a custom layout or watermarks needs the transcoder. */
export const mixingNeedsTranscoding: Rule = {
  id: "mixing-needs-transcoding",
  source: 'spec §2.1 ("Mixing requires 1"), §2.2(2)',
  summary: "withTranscoding 0 cannot mix: no custom layout, no several users, no watermarks.",
  check(body, report) {
    if (int(body.WithTranscoding) !== 0) return;
    const reason = mixingReason(body);
    if (reason) report(["WithTranscoding"], `must be 1 to mix streams (${reason})`);
  },
};
