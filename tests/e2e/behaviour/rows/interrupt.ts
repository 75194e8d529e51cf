/**
 * Ctrl-C during an up of 20 tasks, once and twice, then up again. Deterministic: `--parallel 4` and a 3 s
 * emulator latency on every Start, and SIGINT sent to the CLI process once exactly 4 Starts are held, so
 * the interrupt always lands with 4 Starts in flight and 16 not begun. Each row counts the emulator's tasks
 * against state after every run.
 *
 * Expected counts (main's emulator refuses a colliding robot; with the emusec branch it kicks by default and
 * `--robot-collision refuse` keeps the refusal, so each row runs in both modes once the option exists):
 *
 * | Run | once (both modes) | twice, refuse | twice, kick |
 * | --- | --- | --- | --- |
 * | interrupted up | 4 running, 4 in state | 4 running, 0 in state (4 orphans) | same |
 * | up again (`--continue-on-error` after twice) | 20 running, 20 in state | 16 created, 4 refused naming the orphans | 20 in state, the 4 orphans kicked |
 * | after stopping the named TaskIds, up | (not needed) | 20 running, 20 in state | (not needed) |
 */
import { audit, requestsOf } from "../checks";
import type { ProgramSpec, Row, Step } from "../model";
import { mixArgs, program, resource } from "../programs";
import { clearFaults, emulator, fault, pulumi, up, verify, write } from "../steps";

const TASKS = 20;
const PARALLEL = 4;
const LATENCY_MS = 3000;

/** Twenty mixes, each in its own room with its own robot. */
const twenty = (base: number): ProgramSpec =>
  program(...Array.from({ length: TASKS }, (_, i) => resource(`t${String(i).padStart(2, "0")}`, mixArgs(String(base + i)))));

/** Every Start held `LATENCY_MS` before the emulator acts. */
const slowStarts = fault({ action: "StartPublishCdnStream", latencyMs: LATENCY_MS });

/** Waits until the Starts still held by the latency fault have acted (they act even when the client is gone). */
const settle = emulator(`wait ${LATENCY_MS + 1000} ms for Starts in flight to act`, async () => {
  await new Promise((r) => setTimeout(r, LATENCY_MS + 1000));
});

const interrupt = (signals: 1 | 2): Step => ({
  kind: "interrupt",
  args: ["--parallel", String(PARALLEL)],
  signals,
  inFlight: PARALLEL,
  expect: { ok: false },
});

const counts = (what: string, expected: { running: number; inState: number; orphans: number }): Step =>
  verify(what, async (ctx) => {
    const a = await audit(ctx);
    expect({ running: a.running, inState: a.inState, orphans: a.orphans.length, lost: a.lost }).toEqual({ ...expected, lost: [] });
  });

export const interruptRows: Row[] = [
  {
    id: "ctrl-c-once",
    workflow: `Ctrl-C once during an up of ${TASKS} tasks (--parallel ${PARALLEL}, Starts held ${LATENCY_MS} ms), then up again`,
    expected:
      `The engine finishes the ${PARALLEL} Starts in flight and records them, starts nothing more and exits failed: ` +
      `${PARALLEL} running, ${PARALLEL} in state, no orphan. The next up creates the other ${TASKS - PARALLEL}: ` +
      `${TASKS} running, ${TASKS} in state, ${TASKS} Starts in all. Same in both robot-collision modes (no robot meets another).`,
    steps: [
      write(twenty(470000)),
      slowStarts,
      interrupt(1),
      settle,
      counts(`${PARALLEL} running, all in state`, { running: PARALLEL, inState: PARALLEL, orphans: 0 }),
      clearFaults,
      up(),
      counts(`${TASKS} running, all in state`, { running: TASKS, inState: TASKS, orphans: 0 }),
      verify(`${TASKS} Starts, no Stop`, async (ctx) => {
        expect(await requestsOf(ctx, "StartPublishCdnStream")).toBe(TASKS);
        expect(await requestsOf(ctx, "StopPublishCdnStream")).toBe(0);
      }),
    ],
  },
  {
    id: "ctrl-c-twice",
    workflow: `Ctrl-C twice during an up of ${TASKS} tasks (--parallel ${PARALLEL}, Starts held ${LATENCY_MS} ms), then up again`,
    expected:
      `The CLI exits at once; the ${PARALLEL} Starts in flight act anyway and never reach state (${PARALLEL} orphans). ` +
      `refuse: the next up (--continue-on-error) creates the other ${TASKS - PARALLEL} and fails on the ${PARALLEL}, naming each orphan's ` +
      `TaskId; after the user stops those, an up converges to ${TASKS} running, all in state. kick: the next up ` +
      `kicks the orphans and converges at once.`,
    perCollisionMode: true,
    steps: [
      write(twenty(471000)),
      slowStarts,
      interrupt(2),
      settle,
      counts(`${PARALLEL} running, none in state`, { running: PARALLEL, inState: 0, orphans: PARALLEL }),
      verify("remember the orphans", async (ctx) => {
        ctx.vars.orphans = (await audit(ctx)).orphans;
      }),
      clearFaults,
      {
        // --continue-on-error: every create is attempted, so the counts do not depend on which create the
        // engine launched before the first refusal stopped it (without it, 3 of 16 in one run here).
        kind: "pulumi",
        args: ["up", "--continue-on-error"],
        expect: { ok: true },
        byMode: { refuse: { ok: false, output: [/collides with a robot of running task/] } },
      },
      verify("refuse: 16 new in state, the orphans named and still running; kick: the orphans kicked", async (ctx) => {
        const a = await audit(ctx);
        if (ctx.mode === "refuse") {
          expect({ running: a.running, inState: a.inState, orphans: a.orphans.sort() }).toEqual({
            running: TASKS,
            inState: TASKS - PARALLEL,
            orphans: [...ctx.vars.orphans].sort(),
          });
          for (const id of ctx.vars.orphans) expect(ctx.last().output).toContain(id);
          // The manual step the refusals ask for: stop the TaskIds they name.
          for (const id of ctx.vars.orphans) await ctx.emulator.client().stopPublishCdnStream({ SdkAppId: 1400188366, TaskId: id });
        } else {
          expect({ running: a.running, inState: a.inState, orphans: a.orphans }).toEqual({ running: TASKS, inState: TASKS, orphans: [] });
        }
      }),
      pulumi(["up"], { ok: true }),
      counts(`${TASKS} running, all in state`, { running: TASKS, inState: TASKS, orphans: 0 }),
    ],
  },
];
