/** Audio of the relayed stream (API structs `McuAudioParams`, `AudioEncode`, `McuUserInfoParams`, spec §5.2-5.4). */
import type * as pulumi from "@pulumi/pulumi";
import type { MixUserInfoArgs } from "./users";

/** Output audio encoding. Fixed for the task's life: changing it replaces the task (spec §3.1). */
export interface AudioEncodeArgs {
  /** Sample rate in Hz: 48000, 44100, 32000, 24000, 16000 or 8000 (8000 only with codec 0). Required. */
  readonly sampleRate: pulumi.Input<number>;
  /** Channels: `1` mono, `2` stereo. Required; codec 2 (HE-AACv2) needs 2. */
  readonly channel: pulumi.Input<number>;
  /** Bit rate in kbps, 8-500. Required. */
  readonly bitRate: pulumi.Input<number>;
  /** `0` LC-AAC, `1` HE-AAC, `2` HE-AACv2. Default `0`. */
  readonly codec?: pulumi.Input<number>;
}

/** One entry of an audio allow- or block-list (API struct `McuUserInfoParams`, spec §5.4). */
export interface McuUserInfoParamsArgs {
  /** The user. Required. */
  readonly userInfo: pulumi.Input<MixUserInfoArgs>;
  /** Mixing volume 0-100, 100 = original. Default 100. Only effective in `subscribeAudioList`. */
  readonly soundLevel?: pulumi.Input<number>;
}

/** Audio parameters (API struct `McuAudioParams`, spec §5.2). Required at start by the service. */
export interface McuAudioParamsArgs {
  /** Output audio encoding. Required at start; any change replaces the task. */
  readonly audioEncode?: pulumi.Input<AudioEncodeArgs>;
  /**
   * Audio allow-list: absent or empty mixes every anchor; otherwise only these users. Updated in place;
   * removing it sends `[]`, which restores "mix every anchor". Cross-room mixes should list every user,
   * or the other room's anchor is heard twice.
   */
  readonly subscribeAudioList?: pulumi.Input<pulumi.Input<McuUserInfoParamsArgs>[]>;
  /**
   * Audio block-list: absent or empty blocks nobody. A user in both lists is blocked. Updated in place;
   * removing it sends `[]`, which clears the list.
   */
  readonly unSubscribeAudioList?: pulumi.Input<pulumi.Input<McuUserInfoParamsArgs>[]>;
}
