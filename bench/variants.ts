/**
 * The three implementations measured side by side, and the program that declares N of one of them.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { PublishCdnStream } from "../provider/resource";
import { NaiveRelay } from "./naive-provider";
import { NoopBlob, NoopRelay } from "./noop-provider";
import { taskArgs } from "./workload";

/**
 * `ours` = PublishCdnStream; `naive` = the baseline provider; `noop` = the engine's own floor for
 * PublishCdnStream's property shape; `blob` = the no-op behind one plain property (previews only, for reference).
 */
export type Variant = "ours" | "naive" | "noop" | "blob";

/** Every variant, in the order a round runs them (floor first, so ours and naive see the same machine). */
export const VARIANTS: readonly Variant[] = ["noop", "ours", "naive"];

/** What each variant is called in the report. */
export const VARIANT_LABEL: Record<Variant, string> = {
  ours: "PublishCdnStream",
  naive: "naive provider (baseline)",
  noop: "no-op resource (engine floor)",
  blob: "no-op resource, one plain property",
};

/** The type token suffix of each variant's resources in state. */
export const VARIANT_TYPE: Record<Variant, string> = {
  ours: ":PublishCdnStream",
  naive: ":NaiveRelay",
  noop: ":NoopRelay",
  blob: ":NoopBlob",
};

/** What a program declares; mutated between operations on one stack. */
export interface Declared {
  count: number;
  generation: number;
  /** Offset of this stack's room numbers and robot ids (see taskArgs). */
  base: number;
}

/** A program declaring `declared.count` resources of `variant` with generation `declared.generation`. */
export function relayProgram(variant: Variant, declared: Declared): PulumiFn {
  return async () => {
    for (let i = 0; i < declared.count; i++) {
      const args = taskArgs(i, declared.generation, declared.base);
      if (variant === "ours") new PublishCdnStream(`task${i}`, args);
      else if (variant === "naive") new NaiveRelay(`task${i}`, args);
      else if (variant === "blob") new NoopBlob(`task${i}`, args);
      else new NoopRelay(`task${i}`, args);
    }
    return { count: declared.count };
  };
}
