/**
 * PublishCdnStream arguments for the provider tests: the seed page's bodies in camelCase (exactly what a
 * Pulumi program passes), and the state a successful create would have stored for them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toPulumiCase } from "../../trtc/casing";

/** The seed scenarios by file stem (tests/fixtures/seed/start-*.json). */
export type SeedName =
  | "mix-audio-video-cdn"
  | "mix-audio-only-cdn"
  | "relay-single-audio-video"
  | "relay-single-audio-only"
  | "mix-feedback-room"
  | "mix-layout-sei"
  | "mix-cross-room";

/** The camelCase arguments of a seed Start body; a fresh deep copy on every call. */
export function seedArgs(name: SeedName): Record<string, any> {
  const text = readFileSync(join(__dirname, "..", "fixtures", "seed", `start-${name}.json`), "utf8");
  return toPulumiCase(JSON.parse(text));
}

/** Old outputs as create would have stored them for `args`. */
export function storedState(args: Record<string, any>, extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    ...structuredClone(args),
    taskId: "task-1",
    sequenceNumber: 0,
    requestId: "req-1",
    endpoint: "http://127.0.0.1:9",
    region: "ap-guangzhou",
    __provider: "exports.handler = __f0;",
    ...extra,
  };
}

/** The target matching {@link storedState}. */
export const STORED_TARGET = { endpoint: "http://127.0.0.1:9", region: "ap-guangzhou" };
