/**
 * `npm run bench:client`: the client limiter measured where the Pulumi engine is not in the way. N calls
 * from several TrtcClients of one process (as the resources of one deployment share its provider
 * process) against `trtc-emulator` running as its own process, on a quiet event loop and with the
 * client's loop blocked `--stall-ms` of every `--period-ms`. Each scenario gets a fresh emulator, runs N
 * Starts and then N Stops of the tasks started, and reports per phase:
 *
 * - pace: arrivals per second at the emulator after the first second ({@link arrivalRate}) / the limit;
 * - the most arrivals (every attempt, throttled ones included) in any 1000 ms, from the emulator's log;
 * - the most grants in any 1000 ms and in any `1000 + margin` ms, from the client's own grant times;
 * - throttled answers, and calls that failed for good;
 * - grant-to-arrival delay (p50, p99, max, and its spread max - min, which the margin must exceed) and
 *   grant-to-send delay (grant to undici's first byte on a socket), joined by RequestId.
 *
 * Flags: `--n 200 --clients 4 --limiter log|even|both --server process|in-process
 * --rate-window fixed|sliding --stall-ms 300 --period-ms 1000 --loops quiet,stalled --warmup 40
 * --call-work-ms 0 --json FILE`. `--call-work-ms` makes the loop that starts the calls spend that long
 * on each (the shape of the old integration test's flake); `--warmup 0` measures a cold emulator.
 * `--limiter even` runs the pre-issue-14 baseline; `--server in-process` runs the emulator inside the
 * client's process (sharing its event loop, as the old integration test did).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import { Agent } from "undici";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, emulatorControl, startEmulator, type RequestLogEntry } from "../emulator";
import { RATE_MARGIN_MS, RATE_WINDOW_MS } from "../trtc/client/rate-limit";
import { TrtcClient } from "../trtc/client/client";
import { toApiCase } from "../trtc/casing";
import { EVEN_SPACING_MARGIN_MS } from "../harness/even-spacing-limiter";
import { spawnEmulator } from "../harness/emulator-process";
import {
  blockLoop,
  hookLimiter,
  recordRetry,
  sendTimes,
  tracedCall,
  wallNow,
  type CallTrace,
  type LimiterKind,
} from "../harness/pace-probe";
import { type PaceArgs, parsePaceArgs } from "../harness/bench-args";
import { runTool } from "../harness/command-line";
import { arrivalRate, crowdedWindows, fmt, markdownTable, maxInWindow, percentile } from "../harness/stats";
import { BENCH_SDK_APP_ID, taskArgs } from "./workload";

const LIMIT = 20;

/** What one phase (N Starts or N Stops) of one scenario measured. */
export interface PhaseResult {
  limiter: LimiterKind;
  loop: "quiet" | "stalled";
  action: string;
  calls: number;
  failed: number;
  attempts: number;
  throttled: number;
  pace: number;
  maxArrivalsPerSecond: number;
  /**
   * Windows of 1000 ms holding more than the limit at the emulator, and the shortest time over which the
   * client sent the requests of one of them ({@link crowdedWindows}): at least 1000 + margin means the
   * client kept its promise and the emulator's own delays made the window.
   */
  crowded: { windows: number; leastSendSpan: number };
  maxGrantsPerSecond: number;
  maxGrantsPerSpan: number;
  /** `even` only: the most grants the limiter resolved in any 1000 ms, and in any 1000 + margin ms. */
  maxResolvedPerSecond?: number;
  maxResolvedPerSpan?: number;
  /** How long the synchronous loop that started the N calls held the event loop. */
  startLoopMs: number;
  delay: { p50: number; p99: number; max: number; spread: number };
  sendDelay: { p99: number; max: number };
  wallMs: number;
  /** Every attempt (wall-clock ms): granted, started on a socket, arrived at the emulator, its outcome. */
  timeline: Array<{ grantAt: number; sendAt?: number; arrivalAt?: number; outcome?: string }>;
}

type Log = Pick<RequestLogEntry, "at" | "action" | "outcome" | "requestId">;

function summarize(
  limiter: LimiterKind,
  loop: "quiet" | "stalled",
  action: string,
  traces: CallTrace[],
  log: Log[],
  phase: { startedAt: number; wallMs: number; startLoopMs: number },
): PhaseResult {
  const { wallMs, startLoopMs } = phase;
  // This phase's requests only: the log also holds the warm-up's and the other phase's.
  const mine = log.filter((e) => e.action === action && Date.parse(e.at) >= Math.floor(phase.startedAt));
  const arrivalOf = new Map(mine.map((e) => [e.requestId, Date.parse(e.at)]));
  const outcomeOf = new Map(mine.map((e) => [e.requestId, e.outcome]));
  const attempts = traces.flatMap((t) => t.attempts);
  const delays = attempts.flatMap((a) => {
    const at = a.requestId ? arrivalOf.get(a.requestId) : undefined;
    return at === undefined ? [] : [at - a.grantAt];
  });
  const sendDelays = attempts.flatMap((a) => (a.sendAt === undefined ? [] : [a.sendAt - a.grantAt]));
  const grants = attempts.map((a) => a.grantAt);
  const resolved = attempts.flatMap((a) => (a.resolvedAt === undefined ? [] : [a.resolvedAt]));
  const margin = limiter === "log" ? RATE_MARGIN_MS : EVEN_SPACING_MARGIN_MS;
  return {
    limiter,
    loop,
    action,
    calls: traces.length,
    failed: traces.filter((t) => t.error !== undefined).length,
    attempts: attempts.length,
    throttled: mine.filter((e) => e.outcome === "RequestLimitExceeded").length,
    pace:
      arrivalRate(
        mine.map((e) => Date.parse(e.at)),
        1000,
      ) / LIMIT,
    maxArrivalsPerSecond: maxInWindow(
      mine.map((e) => Date.parse(e.at)),
      1000,
    ),
    crowded: (() => {
      const sentAndArrived = attempts.flatMap((a) => {
        const at = a.requestId ? arrivalOf.get(a.requestId) : undefined;
        return at === undefined || a.sendAt === undefined ? [] : [{ sendAt: a.sendAt, arrivalAt: at }];
      });
      const crowded = crowdedWindows(sentAndArrived, LIMIT);
      return { windows: crowded.length, leastSendSpan: Math.min(...crowded.map((c) => c.sendSpan)) };
    })(),
    maxGrantsPerSecond: maxInWindow(grants, 1000),
    maxGrantsPerSpan: maxInWindow(grants, RATE_WINDOW_MS + margin),
    ...(resolved.length
      ? { maxResolvedPerSecond: maxInWindow(resolved, 1000), maxResolvedPerSpan: maxInWindow(resolved, RATE_WINDOW_MS + margin) }
      : {}),
    startLoopMs,
    delay: {
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: Math.max(...delays),
      spread: Math.max(...delays) - Math.min(...delays),
    },
    sendDelay: { p99: percentile(sendDelays, 99), max: Math.max(...sendDelays) },
    wallMs,
    timeline: attempts.map((a) => ({
      ...a,
      arrivalAt: a.requestId ? arrivalOf.get(a.requestId) : undefined,
      outcome: a.requestId ? outcomeOf.get(a.requestId) : undefined,
    })),
  };
}

/** Holds the event loop for `ms`. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Synchronous on purpose.
  }
}

/** Runs N calls of one action from `clients`, spread round-robin, all started in one synchronous loop. */
async function phase(
  clients: TrtcClient[],
  n: number,
  callWorkMs: number,
  call: (client: TrtcClient, i: number) => Promise<{ TaskId: string; RequestId: string }>,
): Promise<{ traces: CallTrace[]; startedAt: number; wallMs: number; startLoopMs: number }> {
  const traces: CallTrace[] = Array.from({ length: n }, () => ({ attempts: [] }));
  const started = wallNow();
  const all = Promise.all(
    traces.map((trace, i) =>
      tracedCall(trace, () => {
        busy(callWorkMs);
        return call(clients[i % clients.length], i);
      }),
    ),
  );
  const startLoopMs = wallNow() - started;
  await all;
  return { traces, startedAt: started, wallMs: wallNow() - started, startLoopMs };
}

/**
 * Warms a fresh emulator up with `n` Starts and `n` Stops from a client of its own (own connections, own
 * pacing), then lets its rate window clear. A freshly started emulator compiles its handlers on
 * the first requests and records their arrival late; that is the emulator's cold start, not the client's
 * pacing, and Tencent's servers are warm. The measured clients keep cold connections.
 */
async function warmUp(url: string, n: number): Promise<void> {
  const agent = new Agent();
  const client = new TrtcClient({
    credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region: "ap-guangzhou",
    endpoint: url,
    dispatcher: agent,
    rateLimitPerSecond: Infinity,
  });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));
  try {
    // In rounds of at most the limit, a window apart, so that the warm-up itself is never throttled.
    for (let done = 0; done < n; done += LIMIT) {
      const round = Array.from({ length: Math.min(LIMIT, n - done) }, (_, i) => done + i);
      const started = await Promise.all(round.map((i) => client.startPublishCdnStream(toApiCase(taskArgs(i, 1, 999_000_000)))));
      await pause();
      await Promise.all(started.map((r) => client.stopPublishCdnStream({ SdkAppId: BENCH_SDK_APP_ID, TaskId: r.TaskId })));
      await pause();
    }
  } finally {
    await agent.close();
  }
}

/** One scenario: a fresh emulator, N Starts, then N Stops of the tasks started. */
async function scenario(args: PaceArgs, limiter: LimiterKind, loop: "quiet" | "stalled"): Promise<PhaseResult[]> {
  const flags = ["--rate-limit", String(LIMIT), "--rate-window", args.rateWindow];
  const emulator =
    args.server === "process"
      ? await spawnEmulator(flags, { compiled: true })
      : await startEmulator({ port: 0, rateLimitPerSecond: LIMIT, rateWindow: args.rateWindow });
  await warmUp(emulator.url, args.warmup);
  const host = new URL(emulator.url).host;
  const unhook = ["StartPublishCdnStream", "StopPublishCdnStream"].map((action) => hookLimiter(host, action, LIMIT, limiter));
  const agent = new Agent({ keepAliveTimeout: 4_000 });
  const dispatcher = sendTimes(agent);
  const clients = Array.from(
    { length: args.clients },
    () =>
      new TrtcClient({
        credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
        region: "ap-guangzhou",
        endpoint: emulator.url,
        dispatcher,
        onRetry: recordRetry,
      }),
  );
  const stall = blockLoop(loop === "stalled" ? args.stallMs : 0, args.periodMs);
  try {
    const base = Math.floor(Math.random() * 1e6) * 1000;
    const starts = await phase(clients, args.n, args.callWorkMs, (c, i) => c.startPublishCdnStream(toApiCase(taskArgs(i, 1, base))));
    const startLog = (await emulatorControl<{ requests: Log[] }>(emulator.url, "GET", "requests")).requests;
    const taskIds = starts.traces.map((t) => t.taskId).filter((id): id is string => id !== undefined);
    const stops = await phase(clients, taskIds.length, args.callWorkMs, (c, i) =>
      c.stopPublishCdnStream({ SdkAppId: BENCH_SDK_APP_ID, TaskId: taskIds[i] }),
    );
    const stopLog = (await emulatorControl<{ requests: Log[] }>(emulator.url, "GET", "requests")).requests;
    return [
      summarize(limiter, loop, "StartPublishCdnStream", starts.traces, startLog, starts),
      summarize(limiter, loop, "StopPublishCdnStream", stops.traces, stopLog, stops),
    ];
  } finally {
    stall.stop();
    for (const u of unhook) u();
    await agent.close();
    await emulator.close();
  }
}

/** The results as a Markdown table. */
export function paceTable(results: readonly PhaseResult[], args: Pick<PaceArgs, "stallMs" | "periodMs">): string {
  const ms = (v: number) => fmt(v, 1);
  return markdownTable(
    [
      "limiter",
      "client loop",
      "action",
      "calls ok / N",
      "pace",
      "max arrivals / 1000 ms",
      "windows > 20 (least send span ms)",
      "max grants / 1000 ms, / 1000 + margin",
      "throttled",
      "grant→arrival p50 / p99 / max (spread) ms",
      "grant→send p99 / max ms",
      "wall s",
    ],
    results.map((r) => [
      r.limiter === "log" ? `log, margin ${RATE_MARGIN_MS} ms` : `even spacing, margin ${EVEN_SPACING_MARGIN_MS} ms`,
      r.loop === "quiet" ? "quiet" : `blocked ${args.stallMs} of ${args.periodMs} ms`,
      r.action.replace("PublishCdnStream", ""),
      `${r.calls - r.failed} / ${r.calls}`,
      fmt(r.pace, 3),
      String(r.maxArrivalsPerSecond),
      r.crowded.windows ? `${r.crowded.windows} (${ms(r.crowded.leastSendSpan)})` : "0",
      `${r.maxGrantsPerSecond}, ${r.maxGrantsPerSpan}`,
      String(r.throttled),
      `${ms(r.delay.p50)} / ${ms(r.delay.p99)} / ${ms(r.delay.max)} (${ms(r.delay.spread)})`,
      `${ms(r.sendDelay.p99)} / ${ms(r.sendDelay.max)}`,
      fmt(r.wallMs / 1000, 1),
    ]),
  );
}

async function main(): Promise<void> {
  const args = parsePaceArgs(process.argv.slice(2));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `bench:client: N=${args.n} from ${args.clients} clients, emulator ${args.server === "process" ? "in its own process" : "in this process"} (${args.rateWindow} window), ` +
      `${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  const results: PhaseResult[] = [];
  for (const limiter of args.limiters) {
    for (const loop of args.loops) {
      log(`  ${limiter} limiter, ${loop} loop ...`);
      const phases = await scenario(args, limiter, loop);
      for (const r of phases)
        log(
          `    ${r.action}: pace ${fmt(r.pace, 3)}, max ${r.maxArrivalsPerSecond} arrivals/1000 ms, ${r.throttled} throttled; ` +
            `the loop starting the calls held the event loop ${fmt(r.startLoopMs, 0)} ms` +
            (r.maxResolvedPerSecond === undefined
              ? ""
              : `; grants resolved: max ${r.maxResolvedPerSecond}/1000 ms, ${r.maxResolvedPerSpan}/${RATE_WINDOW_MS + EVEN_SPACING_MARGIN_MS} ms`),
        );
      results.push(...phases);
    }
  }
  log("");
  log(paceTable(results, args));
  const quiet = results.filter((r) => r.loop === "quiet" && r.limiter === "log");
  if (quiet.length) {
    const steady = quiet.flatMap((r) => {
      const t0 = Math.min(...r.timeline.map((a) => a.grantAt));
      return r.timeline.flatMap((a) => (a.arrivalAt !== undefined && a.grantAt >= t0 + 1000 ? [a.arrivalAt - a.grantAt] : []));
    });
    log(
      `grant→arrival on the quiet loop after the first second (warm connections): p50 ${fmt(percentile(steady, 50), 1)}, p99 ${fmt(percentile(steady, 99), 1)}, max ${fmt(Math.max(...steady), 1)} ms over ${steady.length} attempts`,
    );
  }
  log(
    `load at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  if (args.json) fs.writeFileSync(args.json, JSON.stringify({ args, results }, null, 2));
}

if (require.main === module) runTool(main);
