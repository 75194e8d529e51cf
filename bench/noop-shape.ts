/**
 * What a no-op resource of PublishCdnStream's shape stores, derived from the tables the real provider
 * stores from (provider/outputs.ts), so both no-op floors (bench/noop-provider.ts, the dynamic one, and
 * bench/native-noop/plugin.ts, the plugin) change shape whenever PublishCdnStream does.
 */
import { COMPUTED_OUTPUTS, type ComputedState } from "../provider/outputs";

/** A stand-in value of each computed output's type. */
const STAND_IN = { string: "noop", number: 0, boolean: false } as const;

/**
 * The computed outputs a real create stores, with stand-in values and `taskId` = `id`: every
 * {@link COMPUTED_OUTPUTS} entry except `finished`, which only an Update that found the task gone sets.
 */
export function noopComputedOutputs(id: string): Partial<ComputedState> {
  const out: Record<string, unknown> = {};
  for (const [key, { type }] of Object.entries(COMPUTED_OUTPUTS)) if (key !== "finished") out[key] = STAND_IN[type];
  out.taskId = id;
  return out as Partial<ComputedState>;
}
