/**
 * The fault matrix: what goes wrong in each phase of up (create all), update (change all in place) and
 * destroy. Faults are the emulator's (`POST /_emulator/faults`); hooks do what the cloud or the user does
 * while the engine runs or between runs (restart, a task ending, `pulumi state delete`, a killed CLI).
 *
 * The scenarios that start a task whose robot may already be in the room (a lost Start answer, a
 * resource deleted from state, an interrupted up) run under both emulator modes of a robot collision:
 * `kick`, what Tencent documents (the robot that entered first is kicked and its task ends), and
 * `refuse`, the emulator's former invention (the Start is refused, naming the running task).
 */
import type { Stack } from "@pulumi/pulumi/automation";
import type { FaultSpec, RobotCollisionMode } from "../../emulator";
import { killPulumiRun } from "./interrupt";
import type { HarnessEnv } from "../env";

/** Both robot-collision modes, the default first. */
export const BOTH_MODES: readonly RobotCollisionMode[] = ["kick", "refuse"];

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
  /** Runs while a phase's first attempt runs (e.g. restart the emulator); the phase ends after it does. */
  during?: Partial<Record<PhaseName, (rig: HarnessEnv, requestsAtStart: number, stack: Stack) => Promise<void>>>;
  /** Runs before a phase (e.g. end some tasks the way the cloud would). */
  before?: Partial<Record<PhaseName, (rig: HarnessEnv, stack: Stack) => Promise<void>>>;
  /** Extra stack config, e.g. a short request timeout. */
  config?: Record<string, string>;
  /** The emulator persists to a data file (needed to restart it). */
  persist?: boolean;
  /** The robot-collision modes the scenario runs under; default only `kick` (the emulator's default). */
  modes?: readonly RobotCollisionMode[];
  /** What recovery looks like under each mode, for the report. */
  byMode?: Partial<Record<RobotCollisionMode, string>>;
  /** The phase whose Starts may find their robot UserId already in the room (the report compares the modes there). */
  collisionPhase?: PhaseName;
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

/** `pulumi state delete` of the first `n` tasks: their tasks keep running, their TaskIds are forgotten. */
const forgetSome =
  (n: number) =>
  async (rig: HarnessEnv, stack: Stack): Promise<void> => {
    for (let i = 0; i < n; i++)
      await rig.cli(stack, [
        "state",
        "delete",
        `urn:pulumi:${stack.name}::reliability::pulumi-nodejs:dynamic/trtc:PublishCdnStream::task-${i}`,
        "--yes",
      ]);
  };

/** Once `hits` Starts are held by the latency fault, SIGKILLs the CLI; returns after the held Starts acted. */
const killWhileStarting =
  (hits: number, heldMs: number) =>
  async (rig: HarnessEnv, _from: number, stack: Stack): Promise<void> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const faults = (await rig.control("GET", "faults")).faults as Array<{ hits: number }>;
      if (faults.length === 0 || faults[0].hits >= hits || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    if (killPulumiRun(stack.name) === 0) throw new Error(`interrupted-up: no pulumi run of stack ${stack.name} to kill`);
    // The held Starts still act when their latency ends: a user's rerun comes later than that.
    await new Promise((r) => setTimeout(r, heldMs + 500));
  };

/** What a Start with a robot already in the room does under each mode, for the three collision scenarios. */
const COLLISION_RECOVERY: Partial<Record<RobotCollisionMode, string>> = {
  kick: "the rerun's Start, with the same robot UserId, kicks the unrecorded task's robot and that task ends: no manual step.",
  refuse: "the rerun's Start is refused, naming the running task; the manual step is to stop that TaskId, then rerun.",
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
    modes: BOTH_MODES,
    collisionPhase: "up",
    byMode: {
      kick: `A Start whose answer was lost is not repeated within the up (no idempotency key); ${COLLISION_RECOVERY.kick}`,
      refuse: `A Start whose answer was lost is not repeated within the up (no idempotency key); ${COLLISION_RECOVERY.refuse}`,
    },
  },
  {
    name: "state-delete",
    what: "`pulumi state delete` of 3 resources between up and update: their tasks keep running, unrecorded; the update creates them again",
    before: { update: forgetSome(3) },
    modes: BOTH_MODES,
    collisionPhase: "update",
    byMode: {
      kick: "the update's creates (Starts with the forgotten tasks' robot UserIds) kick those robots and the forgotten tasks end: no error, no manual step.",
      refuse: "the update's creates are refused, naming the forgotten running tasks; the manual step is to stop those TaskIds, then rerun.",
    },
  },
  {
    name: "interrupted-up",
    what: "the CLI killed (SIGKILL) while 2 Starts are held 3 s by the emulator; they act after the kill, unrecorded, and the stack stays locked",
    faults: { up: [{ action: "StartPublishCdnStream", latencyMs: 3000, count: 3 }] },
    during: { up: killWhileStarting(2, 3000) },
    modes: BOTH_MODES,
    collisionPhase: "up",
    byMode: {
      kick: `The rerun follows the lock error (\`pulumi cancel\`); ${COLLISION_RECOVERY.kick}`,
      refuse: `The rerun follows the lock error (\`pulumi cancel\`); ${COLLISION_RECOVERY.refuse}`,
    },
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
