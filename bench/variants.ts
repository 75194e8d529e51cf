/**
 * The three implementations measured side by side, and the program that declares N of one of them.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { PublishCdnStream } from "../provider/resource";
import { NaiveRelay } from "./naive-provider";
import type { NativePlugins } from "./native-plugins";
import { NativeRelay } from "./native-variants";
import { NoopBlob, NoopRelay } from "./noop-provider";
import { taskArgs } from "./workload";

/**
 * `ours` = PublishCdnStream (dynamic resource); `naive` = the baseline provider; `noop` = the engine's own
 * floor for PublishCdnStream's property shape; `blob` = the no-op behind one plain property (previews only,
 * for reference); `native` = PublishCdnStream served by the `pulumi-resource-trtc` plugin; `nativeNoop` =
 * the same shape served by a plugin that does nothing (bench/native-noop/plugin.ts), the native floor.
 */
export type Variant = "ours" | "naive" | "noop" | "blob" | "native" | "nativeNoop";

/** Every variant, in the order a round runs them (each floor just before what it is the floor of). */
export const VARIANTS: readonly Variant[] = ["noop", "ours", "naive", "nativeNoop", "native"];

/** What each variant is called in the report. */
export const VARIANT_LABEL: Record<Variant, string> = {
  ours: "PublishCdnStream",
  naive: "naive provider (baseline)",
  noop: "no-op resource (engine floor)",
  blob: "no-op resource, one plain property",
  native: "PublishCdnStream through the trtc plugin",
  nativeNoop: "no-op plugin (native floor)",
};

/** The type token suffix of each variant's resources in state. */
export const VARIANT_TYPE: Record<Variant, string> = {
  ours: ":PublishCdnStream",
  naive: ":NaiveRelay",
  noop: ":NoopRelay",
  blob: ":NoopBlob",
  native: "trtc:index:PublishCdnStream",
  nativeNoop: "trtcnoop:index:PublishCdnStream",
};

/** What a program declares; mutated between operations on one stack. */
export interface Declared {
  count: number;
  generation: number;
  /** Offset of this stack's room numbers and robot ids (see taskArgs). */
  base: number;
}

/**
 * A program declaring `declared.count` resources of `variant` with generation `declared.generation`;
 * `plugins` (the installed versions) is needed by the native variants.
 */
export function relayProgram(variant: Variant, declared: Declared, plugins?: NativePlugins): PulumiFn {
  return async () => {
    for (let i = 0; i < declared.count; i++) {
      const args = taskArgs(i, declared.generation, declared.base);
      if (variant === "ours") new PublishCdnStream(`task${i}`, args);
      else if (variant === "naive") new NaiveRelay(`task${i}`, args);
      else if (variant === "blob") new NoopBlob(`task${i}`, args);
      else if (variant === "native" || variant === "nativeNoop") {
        if (!plugins) throw new Error(`bench: the ${variant} variant needs the plugins installed (bench/native-plugins.ts)`);
        new NativeRelay(variant, `task${i}`, args, plugins[variant]);
      } else new NoopRelay(`task${i}`, args);
    }
    return { count: declared.count };
  };
}
