/**
 * TrtcClient's retry policy in scripted fault runs against real servers on port 0 (HTTP, and HTTPS where
 * "the request was never written" must be real). Real timers, small backoff. Prints a summary table of
 * what the policy did in each run (copied into docs/CLIENT.md).
 */
import { Agent } from "undici";
import * as net from "node:net";
import { TrtcClient, type TrtcClientOptions } from "../../trtc/client/client";
import { ClientErrorCode, StartOutcomeUnknownError, type TencentCloudError } from "../../trtc/client/errors";
import type { RetryEvent } from "../../trtc/client/retry";
import { MIX, STOP, UPDATE, clone } from "../fixtures/bodies";
import { apiError, ok, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server";

const FAST = { baseMs: 5, throttledBaseMs: 10, capMs: 40 };
const runs: { scenario: string; action: string; requests: number; retries: string; outcome: string; ms: number }[] = [];

let http1: ScriptedServer;
let tls: ScriptedServer;
let agent: Agent;
beforeAll(async () => {
  http1 = await startScriptedServer();
  tls = await startScriptedServer({ tls: true });
  agent = new Agent({ connect: { ca: tls.ca } });
});
afterAll(async () => {
  await agent.close();
  await http1.close();
  await tls.close();
  const rows = runs.map((r) => `| ${r.scenario} | ${r.action} | ${r.requests} | ${r.retries || "-"} | ${r.outcome} | ${r.ms} |`);
  // The table docs/CLIENT.md quotes.
  console.log(["| scenario | action | requests | retries (decision) | outcome | ms |", "|---|---|---|---|---|---|", ...rows].join("\n"));
});
beforeEach(() => {
  http1.reset();
  tls.reset();
});

/** `2 × InternalError → retry, ...`: consecutive identical retries collapsed. */
function summarize(events: RetryEvent[]): string {
  const parts: [string, number][] = [];
  for (const e of events) {
    const label = `${e.error.code} → ${e.decision}`;
    const last = parts[parts.length - 1];
    if (last && last[0] === label) last[1]++;
    else parts.push([label, 1]);
  }
  return parts.map(([label, n]) => (n > 1 ? `${n} × ${label}` : label)).join(", ");
}

/** Runs one scenario, recording what the policy did. */
async function run(
  scenario: string,
  server: ScriptedServer,
  action: "start" | "update" | "stop",
  options: Partial<TrtcClientOptions> = {},
) {
  const events: RetryEvent[] = [];
  const client = new TrtcClient({
    credentials: { secretId: "AKIDretry0000000000000000000000000", secretKey: "retry-test-secret-key-012345678" },
    region: "ap-guangzhou",
    endpoint: server.url,
    dispatcher: agent,
    backoff: FAST,
    onRetry: (e) => events.push(e),
    ...options,
  });
  const sent = (): number => server.calls.length + server.dropsBeforeRead.length;
  const before = sent();
  const started = performance.now();
  const call =
    action === "start"
      ? client.startPublishCdnStream(clone(MIX) as never)
      : action === "update"
        ? client.updatePublishCdnStream(clone(UPDATE) as never)
        : client.stopPublishCdnStream(clone(STOP) as never);
  const result = await call.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error: error as TencentCloudError }),
  );
  const ms = Math.round(performance.now() - started);
  const requests = sent() - before;
  const retries = summarize(events);
  const outcome = result.error
    ? `${result.error.name}: ${result.error.code}`
    : `ok${(result.value as { appliedByEarlierAttempt?: boolean }).appliedByEarlierAttempt ? " (applied by earlier attempt)" : ""}`;
  runs.push({ scenario, action: action[0].toUpperCase() + action.slice(1), requests, retries, outcome, ms });
  return { ...result, events, ms };
}

describe("throttling", () => {
  test("5 RequestLimitExceeded answers then success: Start is retried with throttled backoff", async () => {
    http1.script(...Array.from({ length: 5 }, () => apiError("RequestLimitExceeded")), ok("task-after-burst"));
    const { value, events } = await run("5 x RequestLimitExceeded, then OK", http1, "start");
    expect(value).toEqual({ TaskId: "task-after-burst", RequestId: expect.any(String) });
    expect(http1.calls).toHaveLength(6);
    expect(events.map((e) => e.decision)).toEqual(Array(5).fill("retry-throttled"));
    for (const e of events) expect(e.delayMs).toBeLessThan(FAST.capMs);
    // Every attempt is the same request, freshly signed.
    expect(new Set(http1.calls.map((c) => c.body)).size).toBe(1);
  });

  test("a sub-code (RequestLimitExceeded.UinLimitExceeded) is retried the same way", async () => {
    http1.script(apiError("RequestLimitExceeded.UinLimitExceeded"), ok());
    const { value } = await run("RequestLimitExceeded.UinLimitExceeded, then OK", http1, "stop");
    expect(value).toBeDefined();
    expect(http1.calls).toHaveLength(2);
  });
});

describe("answers that never come", () => {
  // Timeouts are generous (1 s against a 4 s answer): the test machine may be loaded enough to delay a
  // fast answer by a few hundred ms, and these tests must only fail when the policy is wrong.
  test("a slow answer past the timeout: Update is retried with the same SequenceNumber", async () => {
    http1.script({ ...ok(), delayMs: 4_000 }, ok("task-2nd"));
    const { value, events } = await run("answer slower than timeoutMs (1 s)", http1, "update", { timeoutMs: 1_000 });
    expect(value).toMatchObject({ RequestId: expect.any(String) });
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) expect([e.error.code, e.error.reached, e.decision]).toEqual([ClientErrorCode.Timeout, "maybe", "retry"]);
    expect(http1.calls.length).toBe(events.length + 1);
    for (const c of http1.calls) expect(c.json.SequenceNumber).toBe(UPDATE.SequenceNumber);
  });

  test("a slow answer past the timeout: Start is not repeated, its fate is unknown", async () => {
    http1.script({ ...ok(), delayMs: 4_000 });
    const { error, ms } = await run("answer slower than timeoutMs (1 s)", http1, "start", { timeoutMs: 1_000 });
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(error).toMatchObject({ cause: { code: ClientErrorCode.Timeout }, attempts: 1 });
    expect(http1.calls).toHaveLength(1);
  });
});

describe("connections destroyed before vs after the request was read", () => {
  test("TLS connection dropped during the handshake (nothing written): Start is retried and succeeds", async () => {
    tls.script({ drop: "before-read" }, ok("task-tls"));
    const { value, events } = await run("HTTPS connection dropped before the request was written", tls, "start");
    expect(value).toEqual({ TaskId: "task-tls", RequestId: expect.any(String) });
    expect(tls.dropsBeforeRead).toHaveLength(1);
    expect(tls.calls).toHaveLength(1);
    expect(events.map((e) => [e.error.code, e.error.reached, e.decision])).toEqual([[ClientErrorCode.NetworkError, "no", "retry"]]);
  });

  test("connection destroyed after the body was read: Start throws StartOutcomeUnknownError naming the task", async () => {
    tls.script({ drop: "after-read" });
    const { error } = await run("HTTPS connection dropped after the body was read", tls, "start");
    expect(error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(error).toMatchObject({
      sdkAppId: MIX.SdkAppId,
      roomId: MIX.RoomId,
      robotUserId: (MIX.AgentParams as { UserId: string }).UserId,
      reached: "maybe",
    });
    expect(error!.message).toContain(`SdkAppId ${MIX.SdkAppId}`);
    expect(error!.message).toContain(`RoomId "${MIX.RoomId}"`);
    expect(error!.message).toContain(`UserId "${(MIX.AgentParams as { UserId: string }).UserId}"`);
    expect(tls.calls).toHaveLength(1);
  });

  test("plain HTTP dropped on accept: the request was already written, so Start is (honestly) unknown", async () => {
    http1.script({ drop: "before-read" });
    const { error } = await run("HTTP connection dropped on accept (request already written)", http1, "start");
    expect(error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(http1.dropsBeforeRead.length + http1.calls.length).toBe(1);
  });

  test("connection refused (nothing listening): Start is retried up to maxAttempts, never 'unknown'", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const events: RetryEvent[] = [];
    const client = new TrtcClient({
      credentials: { secretId: "AKIDretry0000000000000000000000000", secretKey: "retry-test-secret-key-012345678" },
      region: "ap-guangzhou",
      endpoint: `http://127.0.0.1:${port}`,
      dispatcher: agent,
      backoff: FAST,
      maxAttempts: 3,
      onRetry: (e) => events.push(e),
    });
    const started = performance.now();
    const error = await client.startPublishCdnStream(clone(MIX) as never).catch((e: unknown) => e);
    const ms = Math.round(performance.now() - started);
    expect(error).not.toBeInstanceOf(StartOutcomeUnknownError);
    expect(error).toMatchObject({
      code: ClientErrorCode.NetworkError,
      reached: "no",
      transportCode: "ECONNREFUSED",
      attempts: 3,
      retryable: true,
    });
    expect(events).toHaveLength(2);
    runs.push({
      scenario: "connection refused, 3 connect attempts (maxAttempts 3)",
      action: "Start",
      requests: 0,
      retries: summarize(events),
      outcome: `TencentCloudError: ${(error as TencentCloudError).code}`,
      ms,
    });
  });

  test("Stop is retried after a socket hang-up", async () => {
    http1.script({ drop: "after-read" }, ok(STOP.TaskId as string));
    const { value, events } = await run("socket hang-up after the body was read", http1, "stop");
    expect(value).toEqual({ TaskId: STOP.TaskId, RequestId: expect.any(String) });
    expect(events.map((e) => [e.error.code, e.error.transportCode, e.decision])).toEqual([
      [ClientErrorCode.NetworkError, "UND_ERR_SOCKET", "retry"],
    ]);
  });
});

describe("applied by an earlier attempt", () => {
  test("Update: InternalError, then RequestOutdated for the same SequenceNumber = success", async () => {
    http1.script(apiError("InternalError"), apiError("FailedOperation.RequestOutdated", "outdated", "req-outdated"));
    const { value } = await run("InternalError, then FailedOperation.RequestOutdated", http1, "update");
    expect(value).toEqual({ TaskId: UPDATE.TaskId, RequestId: "req-outdated", appliedByEarlierAttempt: true });
    expect(http1.calls).toHaveLength(2);
    expect(http1.calls[0].body).toBe(http1.calls[1].body);
    expect(http1.calls.map((c) => c.json.SequenceNumber)).toEqual([UPDATE.SequenceNumber, UPDATE.SequenceNumber]);
  });

  test("Update: the prose spelling FailedOperation.OutdateRequest after a lost answer is also success", async () => {
    http1.script({ drop: "after-read" }, apiError("FailedOperation.OutdateRequest"));
    const { value } = await run("lost answer, then FailedOperation.OutdateRequest", http1, "update");
    expect(value).toMatchObject({ appliedByEarlierAttempt: true });
  });

  test("Update: RequestOutdated on the first attempt is a real error (a newer update won)", async () => {
    http1.script(apiError("FailedOperation.RequestOutdated"));
    const { error } = await run("FailedOperation.RequestOutdated on the first attempt", http1, "update");
    expect(error).toMatchObject({ code: "FailedOperation.RequestOutdated", retryable: false, attempts: 1 });
  });

  test("Stop: InternalError, then ResourceNotFound = the first Stop worked", async () => {
    http1.script(apiError("InternalError"), apiError("ResourceNotFound"));
    const { value } = await run("InternalError, then ResourceNotFound", http1, "stop");
    expect(value).toMatchObject({ TaskId: STOP.TaskId, appliedByEarlierAttempt: true });
  });
});

describe("deadlines and clocks", () => {
  test("InternalError forever: Update gives up with DeadlineExceeded wrapping the last error", async () => {
    const server = await startScriptedServer({ fallback: () => apiError("InternalError") });
    try {
      const { error, ms } = await run("InternalError forever (deadlineMs 1.5 s)", server, "update", {
        deadlineMs: 1_500,
        backoff: { baseMs: 50, throttledBaseMs: 50, capMs: 200 },
        maxAttempts: 50,
      });
      expect(error).toMatchObject({ code: ClientErrorCode.DeadlineExceeded, cause: { code: "InternalError" }, retryable: false });
      expect(error!.attempts).toBeGreaterThanOrEqual(2);
      // Every attempt before the last was a call. The last one, cut by the deadline, says how far it got:
      // "no" (cut in the limiter's queue or while connecting, as on a loaded machine) means not a call;
      // "maybe" (written, no answer yet) means the server may or may not have logged it.
      const before = error!.attempts! - 1;
      if (error!.reached === "no") expect(server.calls.length).toBe(before);
      else expect([before, before + 1]).toContain(server.calls.length);
      expect(ms).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });

  test("a retry the deadline cuts mid-flight still reports the error that caused the retry", async () => {
    http1.script(apiError("InternalError", "backend hiccup", "req-first"), { ...ok(), delayMs: 5_000 });
    const { error } = await run("InternalError, then an answer slower than deadlineMs (1 s)", http1, "update", {
      deadlineMs: 1_000,
      backoff: { baseMs: 10, throttledBaseMs: 10, capMs: 10 },
    });
    expect(error).toMatchObject({
      code: ClientErrorCode.DeadlineExceeded,
      cause: { code: "InternalError" },
      reached: "maybe",
      attempts: 2,
      retryable: false,
    });
    expect(error!.message).toContain("InternalError: backend hiccup");
  });

  test("the deadline cuts an in-flight Update short; an in-flight Start becomes unknown", async () => {
    http1.script({ ...ok(), delayMs: 5_000 }, { ...ok(), delayMs: 5_000 });
    const update = await run("answer slower than deadlineMs (1 s)", http1, "update", { deadlineMs: 1_000 });
    expect(update.error).toMatchObject({ code: ClientErrorCode.DeadlineExceeded, reached: "maybe", attempts: 1 });
    const start = await run("answer slower than deadlineMs (1 s)", http1, "start", { deadlineMs: 1_000 });
    expect(start.error).toBeInstanceOf(StartOutcomeUnknownError);
    expect(start.error).toMatchObject({ cause: { code: ClientErrorCode.DeadlineExceeded } });
    expect(update.ms + start.ms).toBeLessThan(9_000);
    // Lower bounds only (timers can be late, never early): undici's coarse internal timers once cut these short.
    expect(update.ms).toBeGreaterThanOrEqual(900);
    expect(start.ms).toBeGreaterThanOrEqual(900);
  });

  test("AuthFailure.SignatureExpire: re-signed once with the server's clock (Date header), then remembered", async () => {
    const skewedNow = () => Date.now() - 10 * 60_000; // the local clock is 10 minutes slow
    const expireUnlessFresh: Parameters<typeof startScriptedServer>[0] = {
      fallback: (call) =>
        Math.abs(Number(call.headers["x-tc-timestamp"]) - Date.now() / 1000) > 300
          ? { ...apiError("AuthFailure.SignatureExpire"), headers: { Date: new Date().toUTCString() } }
          : ok("task-signed"),
    };
    const server = await startScriptedServer(expireUnlessFresh);
    try {
      const { value, events } = await run("local clock 10 min slow (SignatureExpire)", server, "start", { now: skewedNow });
      expect(value).toMatchObject({ TaskId: "task-signed" });
      expect(events.map((e) => [e.decision, e.delayMs])).toEqual([["resign", 0]]);
      const [first, second] = server.calls.map((c) => Number(c.headers["x-tc-timestamp"]));
      expect(Date.now() / 1000 - first).toBeGreaterThan(590);
      expect(Math.abs(Date.now() / 1000 - second)).toBeLessThan(30);
      expect(second).not.toBe(first);
    } finally {
      await server.close();
    }
  });
});
