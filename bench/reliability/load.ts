/**
 * The load run: N tasks in one stack with `--parallel 64` through up, an update of all and destroy. The
 * client's shared limiter must keep every action at or under 20 requests per second as the emulator counts
 * them, so no RequestLimitExceeded ever reaches the user.
 */
import { auditStack, type Audit } from "../../harness/reliability/audit";
import { makeFleet } from "../../harness/reliability/fleet";
import { FLEET_SECRETS } from "../../harness/reliability/run-scenario";
import { openEnv } from "../../harness";

/** What the load run measured. */
export interface LoadResult {
  size: number;
  parallel: number;
  /** Seconds per phase (informational). */
  seconds: Record<string, number>;
  /** Whether each phase succeeded. */
  ok: Record<string, boolean>;
  /** RequestLimitExceeded mentions in the engine's output (must be 0). */
  throttledSeenByUser: number;
  /** Requests the emulator refused for the rate limit (must be 0). */
  throttledByEmulator: number;
  /** Highest admitted requests in one (fixed) second per action. */
  maxPerSecond: Record<string, number>;
  /** Highest received requests in any 1000 ms window per action (the strict view). */
  maxPerSlidingSecond: Record<string, number>;
  /** Requests per action. */
  requests: Record<string, number>;
  audit: Audit;
}

/** Runs the load scenario. */
export async function runLoad(size = 200, parallel = 64, log: (line: string) => void = () => {}): Promise<LoadResult> {
  const rig = await openEnv();
  try {
    const fleet = makeFleet(size, FLEET_SECRETS);
    const stack = await rig.stack("load", `n${size}`, fleet.program);
    const seconds: Record<string, number> = {};
    const ok: Record<string, boolean> = {};
    let output = "";
    for (const phase of ["up", "update", "destroy"] as const) {
      if (phase === "update") fleet.generation = 2;
      const t0 = Date.now();
      try {
        const onOutput = (s: string) => {
          output += s;
        };
        await (phase === "destroy" ? stack.destroy({ parallel, onOutput }) : stack.up({ parallel, onOutput }));
        ok[phase] = true;
      } catch {
        ok[phase] = false;
      }
      seconds[phase] = Math.round((Date.now() - t0) / 1000);
      log(`load ${phase}: ok=${ok[phase]} in ${seconds[phase]} s`);
    }
    const stats = await rig.control("GET", "stats");
    const throttled = Object.values(stats.throttled as Record<string, number>).reduce((a, b) => a + b, 0);
    return {
      size,
      parallel,
      seconds,
      ok,
      throttledSeenByUser: (output.match(/RequestLimitExceeded/g) ?? []).length,
      throttledByEmulator: throttled,
      maxPerSecond: stats.maxPerSecond,
      maxPerSlidingSecond: stats.maxReceivedPerSlidingSecond,
      requests: { ...rig.requests },
      audit: await auditStack(stack, rig),
    };
  } finally {
    await rig.close();
  }
}
