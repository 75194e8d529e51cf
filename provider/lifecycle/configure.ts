/** `configure`: stores the stack config synchronously (the host may call other methods before it resolves). */
import { type ConfigSource, storeConfig } from "../config";

/** Copies this provider's config keys; never throws. */
export function configure(config: ConfigSource): void {
  storeConfig(config);
}
