/**
 * `diff`: the update-or-replace table's verdict (../diff.ts), plus the replacements the program asked for
 * with `replaceOnChanges` (../replace-on-changes.ts); a replacement always stops the old task first.
 */
import { type Target, resolveTarget } from "../config";
import { type ChangedPath, planChanges, withKeptValues } from "../diff";
import { optionsOf } from "../options";
import { changedPaths, replacedByOption } from "../replace-on-changes";
import type { LifecycleDeps } from "./deps";

type Props = Record<string, any>;

/** The table's verdict in full: what the engine should do, and which paths change how. */
export interface DiffVerdict {
  /** Any difference at all. */
  changes: boolean;
  /** Rule paths forcing a replacement; empty for none. */
  replaces: string[];
  /** True whenever `replaces` is non-empty: two tasks of one robot in one room cannot coexist. */
  deleteBeforeReplace: boolean;
  /** Every changed path with its verdict (for the plugin's detailedDiff). */
  changed: ChangedPath[];
}

/** Compares the old outputs with the new checked inputs and the current target. */
export async function planDiff(deps: LifecycleDeps, _id: string, olds: Props, news: Props): Promise<DiffVerdict> {
  let target: Target | undefined;
  try {
    target = resolveTarget(deps.env());
  } catch {
    target = undefined; // a bad endpoint is reported by check; do not guess a replacement here
  }
  const plan = planChanges(olds, news, target);
  // replaceOnChanges reaches the dynamic provider only as the input __options (the plugin's engine applies it itself).
  const patterns = optionsOf(news).replaceOnChanges ?? [];
  const asked = plan.changes && patterns.length > 0 ? replacedByOption(patterns, changedPaths(olds, withKeptValues(olds, news))) : [];
  const replaces = [...new Set([...plan.replaces, ...asked])];
  return { changes: plan.changes, replaces, deleteBeforeReplace: replaces.length > 0, changed: plan.changed };
}

/** What the engine should do, in the dynamic provider's shape: nothing, an in-place update, or a delete-before-replace. */
export async function diff(
  deps: LifecycleDeps,
  id: string,
  olds: Props,
  news: Props,
): Promise<{ changes: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }> {
  const verdict = await planDiff(deps, id, olds, news);
  if (verdict.replaces.length > 0) return { changes: true, replaces: verdict.replaces, deleteBeforeReplace: true };
  return { changes: verdict.changes };
}
