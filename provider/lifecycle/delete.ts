/** `delete`: Stop the task where it was started; "already gone" counts as stopped. */
import { isTaskGone } from "../../trtc/client/task-codes";
import { type Target, resolveTarget } from "../config";
import { scrubbed } from "../identifiers";
import { pickArguments } from "../outputs";
import { type LifecycleDeps, clientFor } from "./deps";
import { isLocal, storedTarget } from "./target";

type Props = Record<string, any>;

/**
 * Stops the task recorded in `props`; resolves once no task of this resource runs. Errors name arguments
 * instead of quoting room ids, UserIds or URLs (../identifiers.ts).
 */
export async function deleteTask(deps: LifecycleDeps, id: string, props: Props): Promise<void> {
  try {
    await stopTask(deps, id, props);
  } catch (e) {
    throw scrubbed(e, pickArguments(props));
  }
}

async function stopTask(deps: LifecycleDeps, id: string, props: Props): Promise<void> {
  if (props.finished === true) return; // nothing is running
  const current = resolveTarget(deps.env());
  const stored = storedTarget(props, current);
  const body = { SdkAppId: props.sdkAppId, TaskId: typeof props.taskId === "string" ? props.taskId : id };
  const stop = async (target: Target): Promise<void> => {
    try {
      await clientFor(deps, target).stopPublishCdnStream(body);
    } catch (e) {
      if (!isTaskGone(e)) throw e;
    }
  };
  try {
    await stop(stored);
  } catch (e) {
    // A local emulator restarted on another port: the task (if persisted) is where config points now.
    const refused = (e as { reached?: string }).reached === "no";
    if (!(refused && isLocal(stored.endpoint) && stored.endpoint !== current.endpoint)) throw e;
    deps.warn(`trtc: ${stored.endpoint} refused the connection; stopping task ${body.TaskId} at ${current.endpoint}`);
    await stop(current);
  }
}
