/**
 * The user references shared by audio lists, video layouts and single-stream relays (spec §5.5, §5.10,
 * §5.11), kept in one file because three argument groups point at them.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A TRTC user in some room (API struct `MixUserInfo`, spec §5.5). */
export interface MixUserInfoArgs {
  /** The user's TRTC UserId. Required. */
  readonly userId: pulumi.Input<string>;
  /**
   * The user's room, always a string (`"295066"`). Default: the task's main room (`roomId`).
   * Dynamic layouts (mixLayoutMode 1-3) only mix the main room; in a custom layout (4) it must equal the
   * room given for this user in `mixLayoutList`.
   */
  readonly roomId?: pulumi.Input<string>;
  /** `0` = integer room ID, `1` = string room ID; must match the real room type. */
  readonly roomIdType?: pulumi.Input<number>;
}

/** One user's stream (API struct `UserMediaStream`, spec §5.10). */
export interface UserMediaStreamArgs {
  /** The user whose stream is meant. */
  readonly userInfo?: pulumi.Input<MixUserInfoArgs>;
  /** `0` = camera (main) stream, `1` = screen-share (sub) stream. Default `0`. */
  readonly streamType?: pulumi.Input<number>;
}

/** The big-picture user of the floating (1) and screen-sharing (2) layouts (API struct `MaxVideoUser`, §5.11). */
export interface MaxVideoUserArgs {
  /** The big-picture user's stream. Required. */
  readonly userMediaStream: pulumi.Input<UserMediaStreamArgs>;
}

/** The one stream relayed without transcoding (API struct `SingleSubscribeParams`, spec §5.17). */
export interface SingleSubscribeParamsArgs {
  /** The stream to relay. Required; only valid with `withTranscoding: 0`. */
  readonly userMediaStream: pulumi.Input<UserMediaStreamArgs>;
}
