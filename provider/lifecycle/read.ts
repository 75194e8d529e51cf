/**
 * `read` (refresh): TRTC has no Describe call for relay tasks, so the cloud cannot be asked. It echoes the
 * state, or drops a task an Update already found finished.
 */
import { sanitize } from "../outputs";
import type { LifecycleDeps } from "./deps";

type Props = Record<string, any>;

/** The state as recorded, `{ id: "" }` (gone) for a finished task, or an error without state (import). */
export async function read(_deps: LifecycleDeps, id: string, props?: Props): Promise<{ id: string; props?: Props }> {
  if (!props) {
    throw new Error("PublishCdnStream cannot be imported or read without state: TRTC has no Describe call for relay tasks.");
  }
  // The only knowledge of a task's fate is what Update answers revealed.
  if (props.finished === true) return { id: "" };
  return { id, props: sanitize(props) };
}
