/** Audio of the mixed output (spec §5.2, §5.3). */
import type { Builder } from "./builder";
import { int, list, oneOf } from "./common";
import type { buildUserStructs } from "./users";

/** Most inputs one task mixes; an audio-only user counts as one (spec §2.2(6)). */
export const MAX_MIXED_STREAMS = 16;

/** The audio structs for one site. */
export function buildAudioStructs(b: Builder, users: ReturnType<typeof buildUserStructs>) {
  const AudioEncode = b.struct(
    "AudioEncode",
    {
      SampleRate: oneOf([48000, 44100, 32000, 24000, 16000, 8000]).meta({
        description: "Output sample rate; 8000 only with `codec: 0` (LC-AAC).",
        unit: "Hz",
      }),
      Channel: oneOf([1, 2], ["mono", "stereo"]).meta({ description: "Output channels; `codec: 2` (HE-AACv2) needs 2." }),
      BitRate: int(8, 500).meta({ description: "Output audio bit rate.", unit: "kbps" }),
      Codec: oneOf([0, 1, 2], ["LC-AAC", "HE-AAC", "HE-AACv2"]).optional().meta({ description: "Output audio codec.", default: 0 }),
    },
    { description: "Output audio encoding. Fixed for the task's life: UpdatePublishCdnStream cannot change it." },
  );
  const McuAudioParams = b.struct(
    "McuAudioParams",
    {
      AudioEncode: AudioEncode.optional().meta({
        description: "Output audio encoding. Needed at Start: audio is always transcoded (at no charge).",
      }),
      // A whitelist longer than the mix limit could never be honoured.
      SubscribeAudioList: list(users.McuUserInfoParams, { max: MAX_MIXED_STREAMS, noun: "mixed users" })
        .optional()
        .meta({
          description:
            "Audio allow-list: absent or empty mixes every anchor, otherwise only these users. A cross-room mix " +
            "should list every user, or the other room's anchor is heard twice.",
        }),
      UnSubscribeAudioList: list(users.McuUserInfoParams)
        .optional()
        .meta({ description: "Audio block-list: absent or empty blocks nobody. A user in both lists is blocked." }),
    },
    { description: "Audio of the relayed stream: its encoding and who is heard." },
  );
  return { AudioEncode, McuAudioParams };
}
