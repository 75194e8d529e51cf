/** The words the lifecycle says to a user when a task is not where state says it is. */

type Props = Record<string, any>;

/** `robot \`u\` in room r`, for each robot seat the recorded arguments name (relay robot, push-back robots). */
function robotSeats(props: Props | undefined): string[] {
  if (!props) return [];
  const seats: string[] = [];
  const agent = props.agentParams as { userId?: unknown } | undefined;
  if (typeof agent?.userId === "string" && props.roomId !== undefined) seats.push(`\`${agent.userId}\` in room ${props.roomId}`);
  for (const fb of Array.isArray(props.feedBackRoomParams) ? props.feedBackRoomParams : []) {
    if (typeof fb?.userId === "string" && fb.roomId !== undefined) seats.push(`\`${fb.userId}\` in room ${fb.roomId}`);
  }
  return seats;
}

/**
 * An Update or Stop answered that the task is gone. TRTC gives no reason (no Describe call, and its
 * `FailedOperation.TaskFinished` carries none), so this lists the causes the product knows of, most likely
 * first, and what to do about each, and claims nothing more. `props` are the recorded arguments, for the
 * robot UserIds; without them the message names the fields instead.
 *
 * The robot cause is Tencent's documented behaviour: a user or robot entering a room with a UserId that is
 * already there kicks the one who entered first (the web SDK's KICKED_OUT, reason `kick`), and a relay
 * robot that is kicked ends its task abnormally (StartPublishCdnStream, `AgentParams.UserId`).
 */
export function finishedMessage(taskId: string, props?: Props): string {
  const seats = robotSeats(props);
  const robots =
    seats.length > 0 ? `its robot UserId (${seats.join(", ")})` : "its robot UserId (agentParams.userId, feedBackRoomParams[].userId)";
  return (
    `The TRTC relay task ${taskId} is no longer running; TRTC does not say why. Likely causes: ` +
    `(1) idle expiry: every mixed anchor was out of the room for longer than agentParams.maxIdleTime; ` +
    `(2) ${robots} was used elsewhere in the room: a user or robot entering with the same UserId kicks the robot, ` +
    "which ends the task (another stack, program or task with the same robot, or a second Start for this resource " +
    "after a lost Start answer, `pulumi state delete` or an interrupted `pulumi up`); " +
    "(3) it was stopped outside Pulumi, or its TaskId passed the 30-day limit. " +
    "Pulumi has recorded it as finished. What to do: if the robot UserId may be in use elsewhere, give this resource " +
    "a robot UserId of its own first (otherwise its replacement and the other user keep kicking each other); then run " +
    "`pulumi up` again to start a replacement task (or `pulumi refresh` to drop it from state). If other tasks may " +
    "have ended too, `pulumi up --continue-on-error` finds them all in one run (the engine stops at the first failure otherwise)."
  );
}

/** {@link finishedMessage} for the first update after `pulumi import`, where a wrong id is as likely a cause. */
export const adoptedFinishedMessage = (taskId: string, sdkAppId: unknown, props?: Props): string =>
  `${finishedMessage(taskId, props)} It was imported: if it should be running, check that SdkAppId ${String(sdkAppId)} ` +
  `and TaskId ${taskId} of the import id name it.`;

/** What the first update after `pulumi import` knew when TRTC answered `FailedOperation.RequestOutdated`. */
export interface OutdatedAfterImport {
  /** The resource's URN, when the front end knows it (the plugin does). */
  readonly urn?: string;
  /** The task's application. */
  readonly sdkAppId: unknown;
  /** The task. */
  readonly taskId: string;
  /** The SequenceNumber that was refused. */
  readonly sent: number;
  /** The last SequenceNumber the import id carried, if any. */
  readonly known?: number;
}

/**
 * TRTC refused the first update of an imported task as outdated: the task has applied a SequenceNumber at
 * least as high (from the tool that started it), which TRTC cannot be asked for. Nothing changed; the way out
 * is to import again with the task's last number. `pulumi import` protects what it imports, hence `--force`.
 */
export function outdatedAfterImportMessage(o: OutdatedAfterImport): string {
  const name = o.urn?.split("::").at(-1) ?? "<name>";
  const urn = o.urn ?? "<urn of this resource>";
  const carried =
    o.known === undefined
      ? `The import id carried no SequenceNumber, so Pulumi sent ${o.sent} (the time in milliseconds)`
      : `The import id said the last SequenceNumber was ${o.known}, so Pulumi sent ${o.sent}`;
  return (
    `TRTC answered FailedOperation.RequestOutdated to the first update of imported task ${o.taskId}: the task has ` +
    `already applied a SequenceNumber of ${o.sent} or more. ${carried}; nothing was changed, and TRTC has no call ` +
    `that tells the task's last number. Import it again with its last SequenceNumber (the highest one sent to it ` +
    `by the tool that updated it) as the id's third part: \`pulumi state delete --force '${urn}'\` (Pulumi forgets ` +
    `the task; it keeps running), then \`pulumi import trtc:index:PublishCdnStream ${name} ` +
    `${String(o.sdkAppId)}/${o.taskId}/<lastSequenceNumber> --generate-code=false\`, then \`pulumi up\`.` +
    (o.known === undefined
      ? ""
      : " Without the third part Pulumi sends the time in milliseconds instead, which also works unless that tool numbered by the clock.")
  );
}
