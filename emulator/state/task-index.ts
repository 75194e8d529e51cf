/**
 * Secondary indexes over running tasks, so a rule that asks "which running tasks hold this robot seat /
 * mix this room / count down to expiry" reads a few entries instead of scanning every task ever stored.
 * The store keeps them current on every put; the rule that defines the keys lives with the rule.
 */
import type { TaskRecord } from "./task";

/** How running tasks are filed: the definition a store builds an index from. */
export interface TaskKeyIndex {
  /** What the index is for (shown in errors and debugging). */
  readonly name: string;
  /**
   * The keys a running task is filed under, computed from the task as it is when it is put. Called on every
   * put of a running task, so it must be cheap and must depend on the task alone.
   */
  keysOf(task: TaskRecord): readonly string[];
}

/** One built index: key -> TaskIds of the running tasks filed under it. */
export class RunningTaskIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysByTask = new Map<string, readonly string[]>();

  constructor(readonly definition: TaskKeyIndex) {}

  /** Refiles `task` from its current state: under its keys while running, nowhere once finished. */
  update(task: TaskRecord): void {
    this.remove(task.TaskId);
    if (task.Status !== "running") return;
    const keys = [...new Set(this.definition.keysOf(task))];
    if (keys.length === 0) return;
    this.keysByTask.set(task.TaskId, keys);
    for (const key of keys) {
      let ids = this.byKey.get(key);
      if (!ids) {
        ids = new Set();
        this.byKey.set(key, ids);
      }
      ids.add(task.TaskId);
    }
  }

  /** Forgets a task. */
  remove(taskId: string): void {
    const old = this.keysByTask.get(taskId);
    if (!old) return;
    this.keysByTask.delete(taskId);
    for (const key of old) {
      const ids = this.byKey.get(key);
      ids?.delete(taskId);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  /** TaskIds filed under `key` (live view; copy before changing the store while iterating). */
  get(key: string): ReadonlySet<string> {
    return this.byKey.get(key) ?? EMPTY;
  }

  /** Forgets everything. */
  clear(): void {
    this.byKey.clear();
    this.keysByTask.clear();
  }
}

const EMPTY: ReadonlySet<string> = new Set();
