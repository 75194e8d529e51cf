/**
 * `read` (refresh and `pulumi import`): TRTC has no Describe call for relay tasks, so the cloud cannot be
 * asked. A refresh echoes the state, or drops a task an Update already found finished. An import (no state)
 * records what the import id carries (./import-id.ts) and where config points now: the task's arguments come
 * from the program at the next `up`, which updates the task in place (../adopted.ts).
 */
import { adoptedState } from "../adopted";
import { resolveTarget } from "../config";
import { sanitize } from "../outputs";
import type { LifecycleDeps } from "./deps";
import { parseImportId } from "./import-id";

type Props = Record<string, any>;

/**
 * The state as recorded, `{ id: "" }` (gone) for a finished task, or, without state, the adopted state of the
 * task the import id names (its TaskId becomes the id, as for a created task). No API call either way.
 * @throws {ImportIdError} for a malformed import id, and a ConfigError for bad provider config, on import only.
 */
export async function read(deps: LifecycleDeps, id: string, props?: Props): Promise<{ id: string; props?: Props }> {
  if (!props) {
    const imported = parseImportId(id);
    const target = resolveTarget(deps.env());
    return {
      id: imported.taskId,
      props: adoptedState(imported.sdkAppId, {
        taskId: imported.taskId,
        sequenceNumber: imported.sequenceNumber,
        endpoint: target.endpoint,
        region: target.region,
      }),
    };
  }
  // The only knowledge of a task's fate is what Update answers revealed.
  if (props.finished === true) return { id: "" };
  return { id, props: sanitize(props) };
}
