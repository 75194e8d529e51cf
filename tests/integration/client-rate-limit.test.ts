/**
 * The process-wide rate limiter, measured where it matters: arrival times at a real server on port 0.
 * 200 Stop requests are fired at once from 4 TrtcClient instances (as 4 resources of one deployment
 * would); the server's arrival log must never hold more than 20 requests in any 1 s window. Prints the
 * sustained rate for docs/CLIENT.md.
 */
import { TrtcClient } from "../../trtc/client/client";
import { STOP, clone } from "../fixtures/bodies";
import { useScriptedServer } from "../helpers/scripted-server";
import { maxInWindow, median } from "../../bench/stats";

const N = 200;
const CLIENTS = 4;
const LIMIT = 20;

const fixture = useScriptedServer({ reset: false });

test(`${N} concurrent requests from ${CLIENTS} clients: every 1 s window at the server holds at most ${LIMIT}`, async () => {
  const clients = Array.from(
    { length: CLIENTS },
    () =>
      new TrtcClient({
        credentials: { secretId: "AKIDlimit000000000000000000000000", secretKey: "limit-test-secret-key-012345678" },
        region: "ap-guangzhou",
        endpoint: fixture.server.url,
        dispatcher: fixture.agent,
      }),
  );
  const fired = performance.now();
  const results = await Promise.all(
    Array.from({ length: N }, (_, i) => clients[i % CLIENTS].stopPublishCdnStream({ ...clone(STOP), TaskId: `task-${i}` } as never)),
  );
  const done = performance.now();

  expect(results).toHaveLength(N);
  expect(new Set(results.map((r) => r.TaskId)).size).toBe(N);
  const arrivals = fixture.server.calls.map((c) => c.at);
  expect(arrivals).toHaveLength(N);
  const maxPerSecond = maxInWindow(arrivals, 1000);
  expect(maxPerSecond).toBeLessThanOrEqual(LIMIT);

  const sorted = [...arrivals].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]);
  const sustained = (N - 1) / ((sorted[N - 1] - sorted[0]) / 1000);
  const byMedianGap = 1000 / median(gaps);
  // Generous lower bound only (a loaded machine slows it down); the upper bound is the window check above.
  expect(sustained).toBeGreaterThan(5);
  console.log(
    [
      `rate limit: N=${N} requests from ${CLIENTS} clients fired at once; server-side arrival log`,
      `  max in any 1 s sliding window: ${maxPerSecond} (limit ${LIMIT})`,
      `  sustained: ${sustained.toFixed(2)} req/s ((N-1) / (last - first arrival)); median gap ${median(gaps).toFixed(1)} ms = ${byMedianGap.toFixed(2)} req/s`,
      `  min gap ${Math.min(...gaps).toFixed(1)} ms, max gap ${Math.max(...gaps).toFixed(1)} ms; wall time ${((done - fired) / 1000).toFixed(2)} s`,
    ].join("\n"),
  );
}, 120_000);
