/**
 * The cross-field rules of each action, in one readable list. Single-field rules (ranges, enums, lengths,
 * patterns) live in the struct schemas; everything that relates two fields lives here.
 *
 * Every rule is written against the API body (PascalCase keys) and phrased in camelCase, the user's terms.
 */
import { heAacLimits, startNeedsAudioEncode } from "./audio";
import {
  cellsInsideCanvas,
  cropInsideBounds,
  customRenderBox,
  layoutFieldsMatchMode,
  mixedStreamLimit,
  startVideoNeedsEncode,
} from "./layout";
import { type Json, type Path, type Report, type Rule, type RuleContext, withSharedReaders } from "./model";
import { passThroughUuid, watermarkHasContent } from "./overlays";
import { recordParamsConsistent } from "./record";
import { audioRoomMatchesCell, dynamicLayoutSingleRoom, roomIdMatchesType } from "./rooms";
import { distinctCdnUrls, distinctRobots, startNeedsTarget } from "./targets";
import { mixingNeedsTranscoding, singleStreamWithoutTranscoding } from "./transcoding";

export type { Json, Path, Report, Rule, RuleContext };
export { NO_EFFECT_RULES, noEffectNotices, type EffectCondition, type NoEffectNotice, type NoEffectRule } from "./no-effect";

/** Rules Start and Update share: everything about the shape of the mix itself. */
const MIX_RULES: readonly Rule[] = [
  singleStreamWithoutTranscoding, // singleSubscribeParams ⇒ withTranscoding 0
  mixingNeedsTranscoding, //         custom layout / several users / watermarks ⇒ withTranscoding 1
  heAacLimits, //                    HE-AACv2 ⇒ stereo; HE-AAC* ⇒ sampleRate ≠ 8000
  layoutFieldsMatchMode, //          mode 4 ⇒ mixLayoutList (other mode-bound fields: no-effect.ts)
  cellsInsideCanvas, //              cells fit videoEncode.width/height
  customRenderBox, //                backgroundRenderMode 4 ⇒ a box that fits the cell
  cropInsideBounds, //               customCrop within 10000
  mixedStreamLimit, //               ≤ 16 streams across custom cells and audio-only users
  audioRoomMatchesCell, //           custom layout: audio room = cell room
  roomIdMatchesType, //              roomIdType 0 ⇒ numeric roomId
  watermarkHasContent, //            waterMarkType ⇒ matching image/text
  passThroughUuid, //                payloadType 5 ⇒ payloadUuid
  distinctCdnUrls, //                no stream (scheme + host + path) twice
  distinctRobots, //                 robots differ from each other and from every named user
];

/** StartPublishCdnStream: the mix rules plus what only a new task needs. */
export const START_RULES: readonly Rule[] = [
  startNeedsTarget, //               at least one CDN target or push-back room
  startNeedsAudioEncode, //          audioParams.audioEncode
  startVideoNeedsEncode, //          videoParams ⇒ videoParams.videoEncode
  dynamicLayoutSingleRoom, //        modes 1–3 mix the main room only
  recordParamsConsistent, //         recordFormat, storage, uniRecord 3
  ...MIX_RULES,
];

/**
 * UpdatePublishCdnStream: omitted parameters mean "unchanged" (spec §3), so a body alone is judged by the
 * mix rules only. What the task becomes depends on the running task: the emulator merges the Update into
 * the stored parameters (emulator/api/handlers/update-rules.ts) and judges the result by {@link START_RULES},
 * as a task that no Start could create is not one Tencent runs.
 */
export const UPDATE_RULES: readonly Rule[] = MIX_RULES;

/** StopPublishCdnStream has no cross-field rules. */
export const STOP_RULES: readonly Rule[] = [];

/** Runs `rules` over `body`, reporting every violation; a non-object body is left to the schema. */
export function runRules(rules: readonly Rule[], body: unknown, report: Report, ctx: RuleContext): void {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return;
  withSharedReaders(body as Json, () => {
    for (const rule of rules) rule.check(body as Json, report, ctx);
  });
}
