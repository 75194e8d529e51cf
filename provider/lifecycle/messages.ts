/** The words the lifecycle says to a user when a task is not where state says it is. */

/**
 * An Update or Stop answered that the task is gone. TRTC gives no reason (there is no Describe call), so
 * this lists the causes the product knows of and what to do, and claims nothing more.
 */
export const finishedMessage = (taskId: string): string =>
  `The TRTC relay task ${taskId} is no longer running: it ended on its own (every mixed anchor left the room for ` +
  `longer than agentParams.maxIdleTime, its TaskId passed the 30-day limit, or it was stopped outside Pulumi). ` +
  `Pulumi has recorded it as finished; run \`pulumi up\` again to start a replacement task ` +
  `(or \`pulumi refresh\` to drop it from state). If other tasks may have ended too, ` +
  `\`pulumi up --continue-on-error\` finds them all in one run (the engine stops at the first failure otherwise).`;

/** {@link finishedMessage} for the first update after `pulumi import`, where a wrong id is as likely a cause. */
export const adoptedFinishedMessage = (taskId: string, sdkAppId: unknown): string =>
  `${finishedMessage(taskId)} It was imported: if it should be running, check that SdkAppId ${String(sdkAppId)} ` +
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
