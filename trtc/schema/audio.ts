/** Audio of the mixed output (spec §5.2, §5.3). */
import type { Builder } from "./builder";
import { int, list, oneOf } from "./common";
import type { buildUserStructs } from "./users";

/** Most inputs one task mixes; an audio-only user counts as one (spec §2.2(6)). */
export const MAX_MIXED_STREAMS = 16;

/** The audio structs for one site. */
export function buildAudioStructs(b: Builder, users: ReturnType<typeof buildUserStructs>) {
  const AudioEncode = b.struct("AudioEncode", {
    SampleRate: oneOf([48000, 44100, 32000, 24000, 16000, 8000]),
    Channel: oneOf([1, 2], ["mono", "stereo"]),
    BitRate: int(8, 500),
    Codec: oneOf([0, 1, 2], ["LC-AAC", "HE-AAC", "HE-AACv2"]).optional(),
  });
  const McuAudioParams = b.struct("McuAudioParams", {
    AudioEncode: AudioEncode.optional(),
    // A whitelist longer than the mix limit could never be honoured.
    SubscribeAudioList: list(users.McuUserInfoParams, { max: MAX_MIXED_STREAMS, noun: "mixed users" }).optional(),
    UnSubscribeAudioList: list(users.McuUserInfoParams).optional(),
  });
  return { AudioEncode, McuAudioParams };
}
