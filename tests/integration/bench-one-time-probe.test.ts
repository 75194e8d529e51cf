/**
 * The benchmark's one-time-cost probe (bench/one-time-probe.ts, run by `npm run bench`) against the emulator:
 * it drives the dynamic provider as its host does, so a change to what check returns breaks it here, not
 * seven minutes into a benchmark run (check's secret marks once did).
 */
import { type RunningEmulator, startEmulator } from "../../emulator";
import { probeOnce } from "../../bench/one-time";
import { ensureDist } from "../helpers/ensure-dist";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

test("the probe loads the provider, checks, creates and deletes, and reports each step's wall and CPU ms", async () => {
  expect(ensureDist()).toBe(true); // the probe runs from dist/
  const steps = await probeOnce(emulator);
  expect(Object.keys(steps).sort()).toEqual(["firstCheck", "firstCreate", "load", "nextCheck", "nextCreate", "nextDelete"]);
  for (const s of Object.values(steps)) expect(s).toEqual({ wallMs: expect.any(Number), cpuMs: expect.any(Number) });
  const { tasks } = (await (await fetch(`${emulator.url}/_emulator/tasks`)).json()) as { tasks: Array<{ Status: string }> };
  // Two tasks started and both stopped: nothing left running.
  expect(tasks.map((t) => t.Status)).toEqual(["finished", "finished"]);
}, 120_000);
