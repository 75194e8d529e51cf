/** Where the output goes (API structs `McuPublishCdnParam`, `McuFeedBackRoomParams`, spec §5.18, §5.22). */
import type * as pulumi from "@pulumi/pulumi";

/** One CDN push target (spec §5.18). */
export interface McuPublishCdnParamArgs {
  /**
   * RTMP push URL (`rtmp://...`). Required. Changing it cuts and re-pushes that stream. Secret: push URLs
   * carry `txSecret`, so the whole `publishCdnParams` output is stored as a secret.
   */
  readonly publishCdnUrl: pulumi.Input<string>;
  /** `1` Tencent Cloud CDN (default), `0` a third-party CDN (billed; needs enabling on the China site). */
  readonly isTencentCdn?: pulumi.Input<number>;
}

/** One room the output is pushed back into (spec §5.22). Needs TRTC SDK 10.4+ and Tencent's enablement. */
export interface McuFeedBackRoomParamsArgs {
  /** Target room ID, as a string. Required. */
  readonly roomId: pulumi.Input<string>;
  /** `0` integer room ID, `1` string room ID; must match the target room. Required. */
  readonly roomIdType: pulumi.Input<number>;
  /** The push-back robot's UserId; must be unique in the room. Required. */
  readonly userId: pulumi.Input<string>;
  /**
   * UserSig of `userId`; secret. Required by the API, but may be omitted when the stack config holds the
   * application's SDK secret key (`trtc:sdkSecretKey` or `trtc:sdkSecretKeys`): the provider then generates
   * it when the robot first joins (Start, or the Update that adds it), stores it as a secret output and
   * reuses it afterwards. Without a key, check reports `feedBackRoomParams[i].userSig` as missing.
   */
  readonly userSig?: pulumi.Input<string>;
}
