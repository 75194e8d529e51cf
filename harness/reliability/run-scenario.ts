/**
 * Runs one scenario of the matrix through the real engine: up, update all, destroy, each first with the
 * scenario's faults, then (if it failed) again without them, as a user would rerun the command, doing what
 * each error says, while every failed rerun names something new to act on.
 * Every phase ends with an audit of state against the emulator.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import type { RobotCollisionMode } from "../../emulator";
import { TrtcClient } from "../../trtc/client/client";
import { auditStack, stateTaskIds, type Audit } from "./audit";
import { SDK_APP_ID, identity, makeFleet, streamOf, type FleetSecrets } from "./fleet";
import { openEnv, type HarnessEnv } from "../env";
import { requestsSoFar, type PhaseName, type Scenario } from "./scenarios";

/** What one phase did. */
export interface PhaseResult {
  phase: PhaseName;
  /** Resource operations the phase asked for (one per task). */
  attempted: number;
  /** Of those, how many the first (faulted) run completed. */
  succeeded: number;
  /** Provider retries, counted from the provider's `attempt N failed` lines in the engine output. */
  retries: number;
  /** API requests the emulator received during the phase (all attempts, reruns included). */
  requests: number;
  /** The first error the engine reported, if the first run failed. */
  error?: string;
  /** Whether the first run succeeded, or else a rerun without faults did. */
  converged: boolean;
  /** Runs after the faulted one (0 when it succeeded); more than one when each failed rerun named something new. */
  reruns: number;
  /** Operations done when the phase ended (after the reruns), counted as for {@link PhaseResult.succeeded}. */
  done: number;
  /** True when the reruns only succeeded after the manual step the error message describes. */
  neededManualStep: boolean;
  /** True when a rerun first ran `pulumi cancel`, as the engine's stack-lock error says to (a killed CLI). */
  cancelledLock: boolean;
  /** The audit after the phase (after its reruns, if any). */
  audit: Audit;
  /** The audit right after the faulted run. */
  auditAfterFault: Audit;
}

/** What a scenario did. */
export interface ScenarioResult {
  scenario: Scenario;
  /** The emulator's robot-collision mode for this run. */
  mode: RobotCollisionMode;
  size: number;
  phases: PhaseResult[];
  /** Tasks left running by a lost Start whose resource's error said so (naming its roomId and robot arguments). */
  explainedOrphans: number;
  /** Seconds the whole scenario took (for the method section, not asserted). */
  seconds: number;
}

/** The secrets every reliability fleet uses (the secrets audit checks the same kind of values). */
export const FLEET_SECRETS: FleetSecrets = { userSig: "eJwRELIABILITYUSERSIG7f3a", txSecret: "reltxsecret9b8c7d6e5f" };

const RETRY_LINE = /attempt \d+ failed with/g;

/** The engine's first error, without the noise of the summary; "N error(s) occurred:" is joined with its first item. */
function firstError(text: string): string | undefined {
  const lines = text.split("\n").map((l) => l.trim());
  const i = lines.findIndex((l) => l.startsWith("error:") && !/update failed|preview failed|destroy failed/.test(l));
  if (i < 0) return undefined;
  const line = /^error: \d+ errors? occurred:$/.test(lines[i]) && lines[i + 1] ? `${lines[i]} ${lines[i + 1]}` : lines[i];
  return line.slice(0, 1500);
}

/** The TaskIds a robot-collision refusal names (emulator mode `refuse`): how to find an unrecorded task there. */
const namedHolders = (text: string): string[] => [...new Set([...text.matchAll(/running task (\S+?) in room/g)].map((m) => m[1]))];

/** The engine's stack-lock error after a killed run; its advice is `pulumi cancel`. */
const LOCKED = /the stack is currently locked by \d+ lock\(s\)/;

/** The TaskIds an Update found ended on their own (state records them finished; the next run replaces them). */
const namedFinished = (text: string): string[] => [
  ...new Set([...text.matchAll(/relay task (\S+) is no longer running/g)].map((m) => m[1])),
];

/** Counts completed operations of a phase from state and emulator. */
async function completed(phase: PhaseName, stack: Stack, rig: HarnessEnv, size: number): Promise<number> {
  const ids = new Set(await stateTaskIds(stack));
  if (phase === "destroy") return size - ids.size;
  const tasks = (await rig.tasks()).filter((t) => t.Status === "running" && ids.has(t.TaskId));
  if (phase === "up") return tasks.length;
  return tasks.filter((t) =>
    Array.from({ length: size }, (_, i) => streamOf(i, 2)).some((s) => String(t.Params.PublishCdnParams?.[0]?.PublishCdnUrl).includes(s)),
  ).length;
}

/** Runs `scenario` on a stack of `size` tasks with the emulator in `mode`; `log` receives progress lines. */
export async function runScenario(
  scenario: Scenario,
  size: number,
  log: (line: string) => void = () => {},
  mode: RobotCollisionMode = "kick",
): Promise<ScenarioResult> {
  const started = Date.now();
  const rig = await openEnv({ persist: scenario.persist, robotCollision: mode });
  try {
    const fleet = makeFleet(size, FLEET_SECRETS);
    const config = Object.fromEntries(Object.entries(scenario.config ?? {}).map(([k, v]) => [k, { value: v }]));
    const stack = await rig.stack("reliability", scenario.name, fleet.program, config);
    const phases: PhaseResult[] = [];
    let explainedOrphans = 0;
    for (const phase of ["up", "update", "destroy"] as const) {
      if (phase === "update") fleet.generation = 2;
      await scenario.before?.[phase]?.(rig, stack);
      const run = async (onOutput: (s: string) => void) =>
        phase === "destroy"
          ? stack.destroy({ onOutput, parallel: 16, continueOnError: scenario.continueOnError })
          : stack.up({ onOutput, parallel: 16, continueOnError: scenario.continueOnError });
      await rig.control("DELETE", "faults");
      for (const f of scenario.faults?.[phase] ?? []) await rig.control("POST", "faults", f);
      const atStart = requestsSoFar(rig);
      let text = "";
      const hook = scenario.during?.[phase]?.(rig, atStart, stack);
      let ok = true;
      let thrown = "";
      try {
        await run((s) => {
          text += s;
        });
      } catch (e) {
        ok = false;
        thrown = String((e as Error).message);
        if (!text) text = thrown;
      }
      await hook;
      await rig.control("DELETE", "faults");
      const auditAfterFault = await auditStack(stack, rig);
      const succeeded = await completed(phase, stack, rig, size);
      // The engine prints each provider line as it happens and again under "Diagnostics:"; count the summary.
      const summary = text.includes("Diagnostics:") ? text.slice(text.lastIndexOf("Diagnostics:")) : text;
      const retries = (summary.match(RETRY_LINE) ?? []).length;
      // A lost Start must be explained by the error of the resource that owns its room and robot, or it
      // counts as unexplained. The provider names the arguments rather than quoting their values (a room id
      // may be secret), so the resource's name is what ties the error to the task.
      for (const orphan of (await rig.tasks()).filter((t) => auditAfterFault.orphans.includes(t.TaskId))) {
        const owner = Array.from({ length: size }, (_, i) => i).find((i) => identity(i).roomId === orphan.RoomId);
        const said = new RegExp(
          `task-${owner}(?![0-9])[^\\n]*error: StartPublishCdnStream outcome unknown[^\\n]*RoomId "<roomId>", robot UserId "<agentParams.userId>"`,
        );
        if (owner !== undefined && said.test(text)) explainedOrphans++;
      }
      let converged = ok;
      let neededManualStep = false;
      let cancelledLock = false;
      let reruns = 0;
      if (!ok) {
        // Rerun without faults as a user would, doing what each error says, for as long as every failed run
        // names something new: a stack lock left by a killed run (`pulumi cancel`), a task that ended on its
        // own (recorded finished; the next run replaces it), or, with the emulator refusing robot collisions,
        // the running TaskId a collision names (the manual step: stop it). Under the default `kick` mode a
        // rerun's Start needs no such step: it kicks the unrecorded task's robot. The engine stops at the
        // first failed operation, so one run may name only some; a run that names nothing new has not converged.
        const client = new TrtcClient({
          credentials: { secretId: rig.emulator.secretId, secretKey: rig.emulator.secretKey },
          region: "ap-guangzhou",
          endpoint: rig.emulator.url,
        });
        const seen = new Set<string>(namedFinished(text));
        let last = text;
        for (let progress = true; progress && !converged && reruns <= size + 1; reruns++) {
          // A killed run leaves the stack locked; the engine's error says to run `pulumi cancel`.
          if (LOCKED.test(last)) {
            await stack.cancel();
            cancelledLock = true;
          }
          for (const id of namedHolders(last)) {
            await client.stopPublishCdnStream({ SdkAppId: SDK_APP_ID, TaskId: id });
            neededManualStep = true;
          }
          let again = "";
          try {
            await run((s) => {
              again += s;
            });
            converged = true;
          } catch (e) {
            if (!again) again = String((e as Error).message);
            const named = [...namedHolders(again), ...namedFinished(again)];
            progress = named.some((id) => !seen.has(id)) || (LOCKED.test(again) && !cancelledLock);
            named.forEach((id) => seen.add(id));
            last = again;
          }
        }
        if (!converged && process.env.RELIABILITY_DEBUG) console.error(last.slice(-3000));
      }
      const audit = await auditStack(stack, rig);
      const result: PhaseResult = {
        phase,
        attempted: size,
        succeeded,
        retries,
        requests: requestsSoFar(rig) - atStart,
        error: ok ? undefined : (firstError(text) ?? firstError(thrown) ?? thrown.split("\n").find((l) => l.trim()) ?? "failed"),
        converged,
        reruns,
        done: await completed(phase, stack, rig, size),
        neededManualStep,
        cancelledLock,
        audit,
        auditAfterFault,
      };
      phases.push(result);
      log(
        `${scenario.name} [${mode}] ${phase}: ${succeeded}/${size} ok first run, ${retries} retries, converged=${converged}` +
          `${reruns > 0 ? ` after ${reruns} rerun(s)` : ""}${neededManualStep ? " (manual step)" : ""}${cancelledLock ? " (pulumi cancel)" : ""}, done=${result.done}, ` +
          `orphans=${audit.orphans.length} lost=${audit.lost.length} dup=${audit.duplicates.length} stale=${audit.stale.length}`,
      );
    }
    return { scenario, mode, size, phases, explainedOrphans, seconds: Math.round((Date.now() - started) / 1000) };
  } finally {
    await rig.close();
  }
}

/** The room and robot of fleet task `i` (re-exported for tests that check error texts). */
export { identity };
