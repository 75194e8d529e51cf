/** `diff`: the update-or-replace table's verdict (../diff.ts); a replacement always stops the old task first. */
import { type Target, resolveTarget } from "../config";
import { planChanges } from "../diff";
import type { LifecycleDeps } from "./deps";

type Props = Record<string, any>;

/** What the engine should do: nothing, an in-place update, or a delete-before-replace. */
export async function diff(
  deps: LifecycleDeps,
  _id: string,
  olds: Props,
  news: Props,
): Promise<{ changes: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }> {
  let target: Target | undefined;
  try {
    target = resolveTarget(deps.env());
  } catch {
    target = undefined; // a bad endpoint is reported by check; do not guess a replacement here
  }
  const plan = planChanges(olds, news, target);
  if (plan.replaces.length > 0) return { changes: true, replaces: plan.replaces, deleteBeforeReplace: true };
  return { changes: plan.changes };
}
