/**
 * The error shape that keeps a half-done operation in state.
 *
 * When create or update fails *after* the remote task exists, a plain Error would make the engine forget
 * the task (create) or keep stale outputs (update). An error carrying `id`, `properties` and `reasons`
 * becomes `ErrorResourceInitFailed`: the engine records the resource with these properties plus init
 * errors, and the next `up` runs diff/update again instead of leaking the task (pulumi spec §1.5).
 *
 * The host does not add `__provider` to these properties, so callers include it; without it a later
 * delete could not load the provider.
 */
export class ResourceInitError extends Error {
  /** The TaskId: the resource exists remotely. */
  readonly id: string;
  /** The complete state to record (sanitised, with `__provider`). */
  readonly properties: Record<string, unknown>;
  /** Shown by the engine as the resource's init errors. */
  readonly reasons: string[];

  constructor(id: string, properties: Record<string, unknown>, message: string) {
    super(message);
    this.name = "ResourceInitError";
    this.id = id;
    this.properties = properties;
    this.reasons = [message];
  }
}
