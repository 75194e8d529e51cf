/**
 * The emulator's relay-to-CDN callbacks (spec §10) against real receivers on port 0: the example
 * receiver (which verifies every Sign with verifyCallback) for the sequences, and a scripted raw server for
 * retries, time-outs and giving up. Intervals are shortened through the options; the defaults are the
 * documented ones (checked at the end).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type CallbackDeliveryView, type RunningEmulator } from "../../emulator";
import { startReceiver, type Receiver } from "../../examples/callback-receiver";
import { StatusBoard } from "../../examples/callback-receiver/status-board";
import { verifyCallback, type RelayCdnStatusEvent } from "../../trtc/callbacks";
import { APP, apiFor, startBody, uniqueRobot, type Api } from "../helpers/emulator-harness";

const KEY = "cbKey2024";
const URL_A = "rtmp://3891.livepush.myqcloud.com/live/a?txSecret=aaaaaaaaaaaa1111&txTime=62635BDE";
const URL_B = "rtmp://3891.livepush.myqcloud.com/live/b?txSecret=bbbbbbbbbbbb2222&txTime=62635BDE";
const URL_C = "rtmp://3891.livepush.myqcloud.com/live/c?txSecret=cccccccccccc3333&txTime=62635BDE";
const cdn = (...urls: string[]) => urls.map((PublishCdnUrl) => ({ PublishCdnUrl, IsTencentCdn: 1 }));

/** Statuses one URL of one task went through, ordered by EventMsTs (never by arrival). */
function sequence(events: RelayCdnStatusEvent[], taskId: string, url: string): string[] {
  return events
    .filter((e) => e.taskId === taskId && e.url === url)
    .sort((a, b) => a.eventMsTs - b.eventMsTs)
    .map((e) => e.status);
}

type Answer = number | "hang";
interface Received {
  raw: Buffer;
  headers: IncomingMessage["headers"];
  answer: Answer;
}

/**
 * A raw receiver: each request gets the next scripted answer (`hang` never answers), then 200; or, with a
 * function, whatever it returns for that body.
 */
async function scriptedReceiver(
  script: Answer[] | ((raw: Buffer) => Answer),
): Promise<{ url: string; bodies: Received[]; close(): Promise<void> }> {
  const bodies: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const answer = typeof script === "function" ? script(raw) : (script.shift() ?? 200);
      bodies.push({ raw, headers: req.headers, answer });
      if (answer === "hang") return;
      res.writeHead(answer, { "Content-Type": "application/json" }).end(answer === 200 ? '{"code":0}' : '{"code":1}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const fast = { answerTimeoutMs: 300, retryIntervalMs: 100, giveUpAfterMs: 1_000 };
/**
 * For sequences seen by the example receiver: an answer timeout beyond any scheduling stall. Delivery is
 * at least once (a late answer is retried, as Tencent retries), so with 300 ms a loaded machine turned one
 * CONNECTING into two; retries and time-outs are tested below against scripted receivers.
 */
const patient = { ...fast, answerTimeoutMs: 10_000 };

describe("emulator callbacks: sequences, verified by the example receiver", () => {
  let emu: RunningEmulator;
  let receiver: Receiver;
  let api: Api;
  beforeAll(async () => {
    receiver = await startReceiver({ key: KEY, log: () => undefined });
    emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, callback: { url: receiver.url, key: KEY, ...patient } });
    api = apiFor(emu);
  });
  afterAll(async () => {
    await emu.close();
    await receiver.close();
  });
  const settle = () => emu.core.callbacks.settled();
  const ofTask = (taskId: string) => receiver.events.filter((e) => e.taskId === taskId);

  it("start sends CONNECTING then RUNNING for every push URL, signed, with the task's facts", async () => {
    const robot = uniqueRobot();
    const taskId = await api.start(
      startBody({ RoomId: "room_cb_1", RoomIdType: 1, AgentParams: { UserId: robot }, PublishCdnParams: cdn(URL_A, URL_B) }),
    );
    await settle();
    expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING"]);
    expect(sequence(receiver.events, taskId, URL_B)).toEqual(["CONNECTING", "RUNNING"]);
    for (const e of ofTask(taskId)) {
      expect(e).toMatchObject({ sdkAppId: APP, roomId: "room_cb_1", roomType: 1, userId: robot });
      expect(e.callbackTs).toBeGreaterThanOrEqual(e.eventMsTs);
    }
    const views = (await api.control("GET", "callbacks")).json.callbacks.filter((c: CallbackDeliveryView) => c.taskId === taskId);
    expect(views.map((c: CallbackDeliveryView) => [c.cause, c.state, c.attempts.length])).toEqual(Array(4).fill(["start", "delivered", 1]));
  });

  it("update sends CONNECTING, RUNNING for an added URL and DISCONNECTING, IDLE for a removed one; stop ends the rest", async () => {
    const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A, URL_B) }));
    const upd = await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: cdn(URL_A, URL_C),
    });
    expect(upd.json.Response.Error).toBeUndefined();
    // An update that leaves the URLs alone says nothing about them.
    await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 2,
      WithTranscoding: 1,
      VideoParams: startBody().VideoParams,
    });
    await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
    await settle();
    expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    expect(sequence(receiver.events, taskId, URL_B)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    expect(sequence(receiver.events, taskId, URL_C)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    const causes = (await api.control("GET", "callbacks")).json.callbacks
      .filter((c: CallbackDeliveryView) => c.taskId === taskId && c.url.includes("/live/b"))
      .map((c: CallbackDeliveryView) => c.cause);
    expect(causes).toEqual(["start", "start", "update", "update"]);
    expect(receiver.board.statusOf(taskId, URL_C)?.status).toBe("IDLE");
  });

  it("idle expiry and a control-API expiry send DISCONNECTING then IDLE", async () => {
    const idleTask = await api.start(
      startBody({ RoomId: "7101", AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 5 }, PublishCdnParams: cdn(URL_A) }),
    );
    await api.control("PUT", `rooms/${APP}/7101`, { anchors: ["anchor"] });
    await api.control("PUT", `rooms/${APP}/7101`, { anchors: [] });
    expect((await api.control("POST", "clock", { advanceSeconds: 6 })).json.expired).toEqual([idleTask]);
    const expiredTask = await api.start(startBody({ PublishCdnParams: cdn(URL_B) }));
    await api.control("POST", `tasks/${encodeURIComponent(expiredTask)}/expire`);
    await settle();
    expect(sequence(receiver.events, idleTask, URL_A)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    expect(sequence(receiver.events, expiredTask, URL_B)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    const causes = (await api.control("GET", "callbacks")).json.callbacks
      .filter((c: CallbackDeliveryView) => c.status === "IDLE" && (c.taskId === idleTask || c.taskId === expiredTask))
      .map((c: CallbackDeliveryView) => c.cause);
    expect(causes).toEqual(["idle", "expired"]);
  });

  it("an injected blip sends RECOVERING, RUNNING; a failure RECOVERING, FAILURE, IDLE and the stop adds nothing for it", async () => {
    const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A, URL_B) }));
    const blip = await api.control("POST", "callbacks/faults", { taskId, kind: "recover" });
    expect(blip.json.callbacks.map((c: CallbackDeliveryView) => c.status)).toEqual(["RECOVERING", "RUNNING", "RECOVERING", "RUNNING"]);
    // The dashboard only knows redacted URLs; they address a URL just as well.
    const redactedB = URL_B.replace("bbbbbbbbbbbb2222", "***");
    const fail = await api.control("POST", "callbacks/faults", {
      taskId,
      url: redactedB,
      kind: "fail",
      errorCode: -1001,
      errorMsg: "push timed out",
    });
    expect(fail.status).toBe(200);
    expect((await api.control("POST", "callbacks/faults", { taskId, url: URL_B, kind: "recover" })).status).toBe(409);
    await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
    await settle();
    expect(sequence(receiver.events, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING", "RECOVERING", "RUNNING", "DISCONNECTING", "IDLE"]);
    expect(sequence(receiver.events, taskId, URL_B)).toEqual([
      "CONNECTING",
      "RUNNING",
      "RECOVERING",
      "RUNNING",
      "RECOVERING",
      "FAILURE",
      "IDLE",
    ]);
    const failure = receiver.events.find((e) => e.taskId === taskId && e.status === "FAILURE");
    expect(failure).toMatchObject({ errorCode: -1001, errorMsg: "push timed out" });
    expect((await api.control("POST", "callbacks/faults", { taskId, kind: "fail" })).status).toBe(409);
  });

  it("re-adding a failed URL through an update connects it again", async () => {
    const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
    await api.control("POST", "callbacks/faults", { taskId, kind: "fail" });
    await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: cdn(URL_C),
    });
    await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 2,
      WithTranscoding: 1,
      PublishCdnParams: cdn(URL_A),
    });
    await settle();
    expect(sequence(receiver.events, taskId, URL_A)).toEqual([
      "CONNECTING",
      "RUNNING",
      "RECOVERING",
      "FAILURE",
      "IDLE",
      "CONNECTING",
      "RUNNING",
    ]);
    expect(sequence(receiver.events, taskId, URL_C)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
  });

  it("keeps EventMsTs strictly increasing per task and URL even when the task clock stands still", async () => {
    const frozen = 1_700_000_000_000;
    const still = await startEmulator({
      port: 0,
      rateLimitPerSecond: 0,
      auth: false,
      clock: () => frozen,
      callback: { url: receiver.url, key: KEY, ...patient },
    });
    try {
      const stillApi = apiFor(still);
      const taskId = await stillApi.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await stillApi.control("POST", "callbacks/faults", { taskId, kind: "recover" });
      await stillApi.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
      await still.core.callbacks.settled();
      const stamps = ofTask(taskId)
        .map((e) => e.eventMsTs)
        .sort((a, b) => a - b);
      expect(stamps).toHaveLength(6);
      expect(new Set(stamps).size).toBe(6);
      expect(stamps[0]).toBe(frozen);
    } finally {
      await still.close();
    }
  });

  it("an update and a rejected update send only what changed; a bad fault body sends nothing", async () => {
    const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
    await settle();
    const before = receiver.events.length;
    await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: cdn(URL_B),
    });
    const stale = await api.call("UpdatePublishCdnStream", {
      SdkAppId: APP,
      TaskId: taskId,
      SequenceNumber: 1,
      WithTranscoding: 1,
      PublishCdnParams: cdn(URL_C),
    });
    expect(stale.json.Response.Error.Code).toBe("FailedOperation.RequestOutdated");
    const badFault = await api.control("POST", "callbacks/faults", { taskId, kind: "explode" });
    expect(badFault.status).toBe(400);
    expect(badFault.json.error).toMatch(/^kind must be/);
    expect((await api.control("POST", "callbacks/faults", { taskId: "nope", kind: "fail" })).status).toBe(404);
    await settle();
    expect(receiver.events.slice(before).map((e) => `${e.url === URL_B ? "B" : "A"}:${e.status}`)).toEqual([
      "A:DISCONNECTING",
      "A:IDLE",
      "B:CONNECTING",
      "B:RUNNING",
    ]);
  });
});

describe("emulator callbacks: delivery, retries and giving up (scripted receiver)", () => {
  const emulators: RunningEmulator[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
  });
  async function emulatorFor(url: string, timings = fast): Promise<{ emu: RunningEmulator; api: Api }> {
    const emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, callback: { url, key: KEY, ...timings } });
    emulators.push(emu);
    return { emu, api: apiFor(emu) };
  }
  const views = async (api: Api): Promise<CallbackDeliveryView[]> => (await api.control("GET", "callbacks")).json.callbacks;

  it("sends the documented headers, and Sign verifies over the raw body (and fails under another key)", async () => {
    const rx = await scriptedReceiver([]);
    try {
      const { emu, api } = await emulatorFor(rx.url);
      await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await emu.core.callbacks.settled();
      expect(rx.bodies).toHaveLength(2);
      for (const { raw, headers } of rx.bodies) {
        expect(headers["content-type"]).toBe("application/json");
        expect(headers.sdkappid).toBe(String(APP));
        expect(verifyCallback({ rawBody: raw, headers, key: KEY }).ok).toBe(true);
        expect(verifyCallback({ rawBody: raw, headers, key: "otherKey1" })).toMatchObject({ ok: false, reason: "signature" });
        const info = JSON.parse(raw.toString("utf8")).EventInfo;
        expect(Object.keys(info)).toEqual(["RoomId", "RoomType", "EventMsTs", "UserId", "TaskId", "Payload"]);
        expect(info.RoomId).toBe(295066); // numeric room, RoomType 0
      }
    } finally {
      await rx.close();
    }
  });

  it("retries at once, then on the interval, until a 200; the retry repeats the same signed body", async () => {
    const connectingAnswers = [500, 503, 404];
    const rx = await scriptedReceiver((raw) => (raw.includes('"Status":1') ? (connectingAnswers.shift() ?? 200) : 200));
    try {
      const { emu, api } = await emulatorFor(rx.url, { answerTimeoutMs: 300, retryIntervalMs: 150, giveUpAfterMs: 5_000 });
      await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await emu.core.callbacks.settled();
      const [connecting, running] = await views(api);
      expect(connecting.state).toBe("delivered");
      expect(connecting.attempts.map((a) => a.httpStatus)).toEqual([500, 503, 404, 200]);
      expect(running.attempts.map((a) => a.httpStatus)).toEqual([200]);
      // Attempt 3 is due one interval after attempt 1, attempt 4 two (lower bounds only: timers never fire early by more than a tick).
      const at = connecting.attempts.map((a) => Date.parse(a.at));
      expect(at[2] - at[0]).toBeGreaterThanOrEqual(150 - 2);
      expect(at[3] - at[0]).toBeGreaterThanOrEqual(300 - 2);
      const connectingBodies = rx.bodies.filter((b) => b.raw.includes('"Status":1'));
      expect(connectingBodies).toHaveLength(4);
      expect(new Set(connectingBodies.map((b) => b.raw.toString("utf8"))).size).toBe(1);
      expect(new Set(connectingBodies.map((b) => b.headers.sign)).size).toBe(1);
    } finally {
      await rx.close();
    }
  });

  it("counts a receiver that does not answer within the window as a failed attempt", async () => {
    const rx = await scriptedReceiver(["hang"]);
    try {
      const { emu, api } = await emulatorFor(rx.url, { answerTimeoutMs: 200, retryIntervalMs: 100, giveUpAfterMs: 5_000 });
      await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await emu.core.callbacks.settled();
      const [connecting] = await views(api);
      expect(connecting.attempts.map((a) => a.outcome)).toEqual(["timeout", "answered"]);
      expect(connecting.attempts[0].latencyMs).toBeGreaterThanOrEqual(190);
      expect(connecting.state).toBe("delivered");
    } finally {
      await rx.close();
    }
  });

  it("gives up once the next attempt would start giveUpAfterMs after the first", async () => {
    const rx = await scriptedReceiver(Array(100).fill(500));
    try {
      const { emu, api } = await emulatorFor(rx.url, { answerTimeoutMs: 300, retryIntervalMs: 100, giveUpAfterMs: 450 });
      await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await emu.core.callbacks.settled();
      const all = await views(api);
      expect(all.map((c) => c.state)).toEqual(["gave-up", "gave-up"]);
      for (const c of all) {
        // Due at 0, at once, 100, 200, 300, 400 ms: six at most; a slow machine may fit fewer, never more.
        expect(c.attempts.length).toBeGreaterThanOrEqual(2);
        expect(c.attempts.length).toBeLessThanOrEqual(6);
        expect(c.attempts.every((a) => a.httpStatus === 500)).toBe(true);
        expect(Date.parse(c.attempts[c.attempts.length - 1].at) - Date.parse(c.attempts[0].at)).toBeLessThan(450 + 150);
      }
      expect((await api.control("GET", "callbacks")).json.counts).toMatchObject({ "gave-up": 2, delivered: 0 });
    } finally {
      await rx.close();
    }
  });

  it("answers the API before any callback is answered (a receiver that hangs does not hold the task up)", async () => {
    const rx = await scriptedReceiver(["hang", "hang"]);
    try {
      const { emu, api } = await emulatorFor(rx.url, { answerTimeoutMs: 60_000, retryIntervalMs: 100, giveUpAfterMs: 200 });
      const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      expect(taskId).toBeTruthy();
      const pending = await views(api);
      expect(pending.map((c) => c.attempts.length)).toEqual([0, 0]);
      expect(emu.core.callbacks.counts().delivered).toBe(0);
      // Reset cancels what is in flight, so the hanging receiver cannot keep this test waiting a minute.
      await api.control("POST", "reset");
      await emu.core.callbacks.settled();
      expect(await views(api)).toEqual([]);
    } finally {
      await rx.close();
    }
  });

  it("a CONNECTING that needs retries arrives after RUNNING, and sorting by EventMsTs restores the order", async () => {
    let connectingFailures = 2;
    const rx = await scriptedReceiver((raw) => (raw.includes('"Status":1') && connectingFailures-- > 0 ? 500 : 200));
    try {
      const { emu, api } = await emulatorFor(rx.url, { answerTimeoutMs: 300, retryIntervalMs: 200, giveUpAfterMs: 5_000 });
      const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await emu.core.callbacks.settled();
      const board = new StatusBoard();
      const accepted: RelayCdnStatusEvent[] = [];
      for (const b of rx.bodies.filter((x) => x.answer === 200)) {
        const r = verifyCallback({ rawBody: b.raw, headers: b.headers, key: KEY });
        if (!r.ok) throw new Error(r.message);
        accepted.push(r.event);
        board.record(r.event);
      }
      // The third CONNECTING attempt waits one interval; RUNNING went through meanwhile.
      expect(accepted.map((e) => e.status)).toEqual(["RUNNING", "CONNECTING"]);
      expect(sequence(accepted, taskId, URL_A)).toEqual(["CONNECTING", "RUNNING"]);
      expect(board.statusOf(taskId, URL_A)?.status).toBe("RUNNING");
    } finally {
      await rx.close();
    }
  });
});

describe("emulator callbacks: control API and configuration", () => {
  let emu: RunningEmulator;
  let api: Api;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, rateLimitPerSecond: 0 });
    api = apiFor(emu);
  });
  afterAll(() => emu.close());

  it("defaults to the documented timings and never echoes the key", async () => {
    expect((await api.control("GET", "callback")).json).toEqual({
      enabled: false,
      url: null,
      keySet: false,
      answerTimeoutMs: 5_000,
      retryIntervalMs: 10_000,
      giveUpAfterMs: 60_000,
    });
    const put = await api.control("PUT", "callback", { url: "http://127.0.0.1:9/cb?sign=topsecretvalue", key: "k3yValue" });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ enabled: true, keySet: true, answerTimeoutMs: 5_000 });
    expect(put.text).not.toContain("k3yValue");
    expect(put.text).not.toContain("topsecretvalue");
    expect((await api.control("DELETE", "callback")).json.enabled).toBe(false);
  });

  it("refuses a bad target, naming the field and the rule", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ url: "ftp://x", key: "abc" }, /^url must be an absolute http/],
      [{ url: "http://x/", key: "has-dash" }, /^key must be 1 to 32 letters or digits/],
      [{ url: "http://x/", key: "a".repeat(33) }, /^key must be 1 to 32/],
      [{ url: "http://x/", key: "abc", retryIntervalMs: 0 }, /^retryIntervalMs must be an integer from 1/],
      [{ url: "http://x/", key: "abc", extra: 1 }, /^unknown field\(s\): extra/],
    ];
    for (const [body, message] of cases) {
      const res = await api.control("PUT", "callback", body);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatch(message);
    }
    await expect(startEmulator({ callback: { url: "http://x/", key: "" } })).rejects.toThrow(/callback\.key must be/);
  });

  it("sends nothing without a target, and a later target does not replay old changes", async () => {
    const receiver = await startReceiver({ key: KEY, log: () => undefined });
    try {
      const taskId = await api.start(startBody({ PublishCdnParams: cdn(URL_A) }));
      await api.control("PUT", "callback", { url: receiver.url, key: KEY, ...patient });
      await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
      await emu.core.callbacks.settled();
      expect(sequence(receiver.events, taskId, URL_A)).toEqual(["DISCONNECTING", "IDLE"]);
      const text = (await api.control("GET", "callbacks")).text;
      expect(text).not.toContain("aaaaaaaaaaaa1111");
      expect(text).not.toContain(KEY);
    } finally {
      await api.control("DELETE", "callback");
      await receiver.close();
    }
  });
});
