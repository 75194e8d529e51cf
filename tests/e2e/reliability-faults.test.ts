/**
 * The quick part of the fault matrix (the full one is `npm run reliability`, 20 tasks per scenario):
 * three representative scenarios on 5-task stacks through the real engine against the emulator.
 */
import "./harness"; // puts pulumi on PATH and sets the long jest timeout
import { runScenario, type ScenarioResult } from "../../bench/reliability/run-scenario";
import { SCENARIOS } from "../../bench/reliability/scenarios";

const SIZE = 5;
const scenario = (name: string) => SCENARIOS.find((s) => s.name === name)!;

/** Every phase ended converged with state and emulator in agreement. */
function expectClean(r: ScenarioResult): void {
  for (const p of r.phases) {
    expect({ phase: p.phase, converged: p.converged }).toEqual({ phase: p.phase, converged: true });
    expect({ phase: p.phase, orphans: p.audit.orphans, lost: p.audit.lost, duplicates: p.audit.duplicates })
      .toEqual({ phase: p.phase, orphans: [], lost: [], duplicates: [] });
  }
  const destroy = r.phases[2];
  expect(destroy.audit.running).toBe(0);
  expect(destroy.audit.inState).toBe(0);
}

test("throttling bursts are retried inside the provider: every phase succeeds on its first run", async () => {
  const r = await runScenario(scenario("throttling"), SIZE);
  expectClean(r);
  for (const p of r.phases) expect(p.error).toBeUndefined();
  expect(r.phases.reduce((a, p) => a + p.retries, 0)).toBeGreaterThan(0);
});

// Order-dependent (which Starts the engine reaches before it stops at the first failure): it failed once in
// 4 fresh-clone runs, so it runs with `npm run reliability` (the full drop-after row) and here only when
// RELIABILITY_FLAKY=1, until the harness's manual step is proven to converge every time.
const maybe = process.env.RELIABILITY_FLAKY ? test : test.skip;
maybe("answers lost after acting: Updates and Stops recover by replay; a lost Start is named by room and robot", async () => {
  const r = await runScenario(scenario("drop-after"), SIZE);
  const [up, update, destroy] = r.phases;
  // Two Starts lost their answers: their tasks run outside state, and the error says where.
  expect(up.auditAfterFault.orphans).toHaveLength(2);
  expect(r.explainedOrphans).toBe(2);
  expect(up.error).toMatch(/outcome unknown.*RoomId "\d+", robot UserId "relay_robot_\d+"/);
  expect(up.auditAfterFault.duplicates).toEqual([]);
  // The rerun does not start a duplicate: the robot collision names the running TaskId to stop.
  expect(up.neededManualStep).toBe(true);
  expect(update.error).toBeUndefined();
  expect(update.succeeded).toBe(SIZE);
  expect(update.retries).toBeGreaterThanOrEqual(5);
  expect(destroy.error).toBeUndefined();
  expectClean(r);
});

test("an emulator restart mid-up and mid-destroy (same port, data file) loses nothing", async () => {
  const r = await runScenario(scenario("restart"), SIZE);
  expectClean(r);
  expect(r.phases[0].auditAfterFault.lost).toEqual([]);
  expect(r.phases[0].auditAfterFault.orphans).toEqual([]);
});
