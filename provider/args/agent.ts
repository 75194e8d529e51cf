/** The relay robot that joins the room (API struct `AgentParams`, spec §5.1). */
import type * as pulumi from "@pulumi/pulumi";

/**
 * The robot user the relay task joins the room as. Changing any part of it replaces the task (Update
 * cannot change it, spec §3.1). Stored as a secret output because `userSig` authenticates the robot.
 */
export interface AgentParamsArgs {
  /**
   * The robot's TRTC UserId. Required. Must not collide with any other user or robot in the room (a collision
   * kicks the robot and ends the task); embedding the room ID is recommended, e.g. `room_1234_rtmp_1`.
   */
  readonly userId: pulumi.Input<string>;
  /**
   * UserSig for `userId` (Tencent doc 647/45910). Optional in the API schema. Secret: pass it from
   * `pulumi.Config.requireSecret`, never as a literal. When omitted and the stack config holds the
   * application's SDK secret key (`trtc:sdkSecretKey`), the provider generates one at Start (valid
   * `trtc:userSigExpireSeconds`, default 180 days) and keeps it, as a secret output, for the task's life.
   */
  readonly userSig?: pulumi.Input<string>;
  /**
   * Seconds the task keeps running after every mixed anchor has left the room (or become audience); then it
   * stops by itself. Range 5-86400, default 30.
   */
  readonly maxIdleTime?: pulumi.Input<number>;
}
