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
