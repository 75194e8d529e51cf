/**
 * The fault matrix: what goes wrong in each phase of up (create all), update (change all in place) and
 * destroy. Faults are the emulator's (`POST /_emulator/faults`); hooks do what the cloud does on its own
 * (restart, a task ending) while the engine runs.
 */
import type { FaultSpec } from "../../emulator";
import type { HarnessEnv } from "../env";

/** The three phases every scenario runs, in order. */
export type PhaseName = "up" | "update" | "destroy";

/** One row of the matrix. */
export interface Scenario {
  /** Short id, used as the stack name. */
  name: string;
  /** What happens, for the report. */
  what: string;
  /** Faults active during each phase's first attempt. */
  faults?: Partial<Record<PhaseName, FaultSpec[]>>;
  /** Runs while a phase's first attempt runs (e.g. restart the emulator). */
  during?: Partial<Record<PhaseName, (rig: HarnessEnv, requestsAtStart: number) => Promise<void>>>;
  /** Runs before a phase (e.g. end some tasks the way the cloud would). */
  before?: Partial<Record<PhaseName, (rig: HarnessEnv) => Promise<void>>>;
  /** Extra stack config, e.g. a short request timeout. */
  config?: Record<string, string>;
  /** The emulator persists to a data file (needed to restart it). */
  persist?: boolean;
  /** Recovery is impossible by design here (a Start whose answer was lost); the report says so. */
  unrecoverable?: string;
  /** Every run is `--continue-on-error`, as the ended-task error advises (the engine then attempts every operation). */
  continueOnError?: boolean;
}

const total = (rig: HarnessEnv): number => Object.values(rig.requests).reduce((a, b) => a + b, 0);

/** Waits until the emulator has received `n` more requests than `from`, then restarts it. */
const restartAfter =
  (n: number) =>
  async (rig: HarnessEnv, from: number): Promise<void> => {
    const deadline = Date.now() + 120_000;
    while (total(rig) < from + n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await rig.restart(1500);
  };

/** Ends `n` running tasks as idle expiry would. */
const expireSome =
  (n: number) =>
  async (rig: HarnessEnv): Promise<void> => {
    const running = (await rig.tasks()).filter((t) => t.Status === "running").slice(0, n);
    for (const t of running) await rig.control("POST", `tasks/${encodeURIComponent(t.TaskId)}/expire`);
  };

/** Every request the emulator has received in this rig (for hooks). */
export const requestsSoFar = total;

/** The full matrix (stacks of {@link Scenario} x N tasks). */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: "throttling",
    what: "RequestLimitExceeded bursts: 30% of all calls refused, up to 40 per phase",
    faults: Object.fromEntries(
      (["up", "update", "destroy"] as const).map((p) => [p, [{ action: "*", error: "RequestLimitExceeded", probability: 0.3, count: 40 }]]),
    ),
  },
  {
    name: "internal-update",
    what: "InternalError on half of the Update calls (up to 20)",
    faults: { update: [{ action: "UpdatePublishCdnStream", error: "InternalError", probability: 0.5, count: 20 }] },
  },
  {
    name: "internal-stop",
    what: "InternalError on half of the Stop calls (up to 20)",
    faults: { destroy: [{ action: "StopPublishCdnStream", error: "InternalError", probability: 0.5, count: 20 }] },
  },
  {
    name: "slow-answers",
    what: "Update and Stop answered after 2.5 s with trtc:requestTimeoutMs = 1000 (5 of each, acted on after the client gave up)",
    config: { "trtc:requestTimeoutMs": "1000" },
    faults: {
      update: [{ action: "UpdatePublishCdnStream", latencyMs: 2500, count: 5 }],
      destroy: [{ action: "StopPublishCdnStream", latencyMs: 2500, count: 5 }],
    },
  },
  {
    name: "drop-before",
    what: "connection cut before the emulator acts (6 calls per phase, any action)",
    faults: Object.fromEntries(
      (["up", "update", "destroy"] as const).map((p) => [p, [{ action: "*", drop: "before", probability: 0.3, count: 6 }]]),
    ),
  },
  {
    name: "drop-after",
    what: "connection cut after the emulator acted: 2 Starts (acted on after 3 s), 5 Updates, 5 Stops",
    faults: {
      // The engine sends no more creates once one has failed: answered at once, the first lost Start could
      // stop the up before the second was sent (then one orphan, not two). Held 3 s, both are sent before either fails.
      up: [{ action: "StartPublishCdnStream", latencyMs: 3000, drop: "after", count: 2 }],
      update: [{ action: "UpdatePublishCdnStream", drop: "after", count: 5 }],
      destroy: [{ action: "StopPublishCdnStream", drop: "after", count: 5 }],
    },
    unrecoverable:
      "A Start whose answer was lost cannot be repeated (no idempotency key): its task runs outside state until stopped by the TaskId the next up's robot-collision error names.",
  },
  {
    name: "restart",
    what: "emulator restarted (same port, data file) after 5 requests of up and of destroy, 1.5 s down",
    persist: true,
    during: { up: restartAfter(5), destroy: restartAfter(5) },
  },
  {
    name: "finished-on-own",
    what: "3 tasks end by idle expiry between up and update",
    before: { update: expireSome(3) },
  },
  {
    name: "finished-on-own-coe",
    what: "as finished-on-own, every run with --continue-on-error (what the error advises)",
    before: { update: expireSome(3) },
    continueOnError: true,
  },
  {
    name: "sequence-replay",
    what: "every Update's first answer lost (10 calls): the retry replays the same SequenceNumber",
    faults: { update: [{ action: "UpdatePublishCdnStream", drop: "after", count: 10 }] },
  },
];
