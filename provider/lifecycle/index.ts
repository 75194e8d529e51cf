/**
 * The provider lifecycle: configure, check, diff, create, read, update, delete, one file each, every
 * operation taking its dependencies ({@link LifecycleDeps}) as its first argument. Both Pulumi front ends
 * call these functions; the dynamic provider's (../impl.ts) binds them to {@link defaultDeps}.
 *
 * Decisions, each explained where it is made:
 * - create returns the TaskId as the id and the inputs as applied plus computed values as outputs; a
 *   failure after Start succeeded keeps the task in state (../init-error.ts).
 * - update sends only the changed top-level groups, complete, with SequenceNumber = last + 1 (../diff.ts).
 * - a task that ended on its own is discovered by Update; the state records `finished: true`, the next
 *   `up` replaces it and `refresh` drops it. read cannot see the cloud: TRTC has no Describe call.
 * - delete sends Stop to where the task was started; "already gone" counts as stopped.
 * Every operation must accept every older state shape: old resources run it through their stored provider.
 */
import { check } from "./check";
import { configure } from "./configure";
import { create } from "./create";
import { deleteTask } from "./delete";
import { type LifecycleDeps, defaultDeps } from "./deps";
import { diff, planDiff } from "./diff";
import { read } from "./read";
import { update } from "./update";

export { check, configure, create, deleteTask, diff, planDiff, read, update, defaultDeps };
export type { DiffVerdict } from "./diff";
export type { LifecycleDeps, TaskApi } from "./deps";

type Props = Record<string, any>;

/** The operations with their dependencies bound, in the dynamic provider's method shapes. */
export interface BoundLifecycle {
  /** See {@link configure}. */
  configure: typeof configure;
  /** See {@link check}. */
  check(olds: Props, news: Props): ReturnType<typeof check>;
  /** See {@link diff}. */
  diff(id: string, olds: Props, news: Props): ReturnType<typeof diff>;
  /** See {@link create}. */
  create(inputs: Props): ReturnType<typeof create>;
  /** See {@link read}. */
  read(id: string, props?: Props): ReturnType<typeof read>;
  /** See {@link update}. */
  update(id: string, olds: Props, news: Props): ReturnType<typeof update>;
  /** See {@link deleteTask}. */
  delete(id: string, props: Props): Promise<void>;
}

/** The operations bound to {@link defaultDeps} with `overrides` (tests replace the client, env or log). */
export function makeLifecycle(overrides: Partial<LifecycleDeps> = {}): BoundLifecycle {
  const deps: LifecycleDeps = { ...defaultDeps, ...overrides };
  return {
    configure,
    check: (olds, news) => check(deps, olds, news),
    diff: (id, olds, news) => diff(deps, id, olds, news),
    create: (inputs) => create(deps, inputs),
    read: (id, props) => read(deps, id, props),
    update: (id, olds, news) => update(deps, id, olds, news),
    delete: (id, props) => deleteTask(deps, id, props),
  };
}
