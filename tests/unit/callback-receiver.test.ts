import { request } from "undici";
import { startReceiver, type Receiver } from "../../examples/callback-receiver";
import { relayCdnStatusBody, signCallback, type RelayCdnStatusEventInput } from "../../trtc/callbacks";

const KEY = "receiverKey42";
const SECRET_A = "aaaa1111bbbb2222";
const SECRET_B = "cccc3333dddd4444";
const URL_A = `rtmp://push.example.com/live/a?txSecret=${SECRET_A}&txTime=6A000000`;
const URL_B = `rtmp://push.example.com/live/b?txSecret=${SECRET_B}&txTime=6A000000`;

let receiver: Receiver;
let lines: string[];

beforeEach(async () => {
  lines = [];
  receiver = await startReceiver({ key: KEY, port: 0, log: (line) => lines.push(line), maxBodyBytes: 4096 });
});
afterEach(() => receiver.close());

const event = (patch: Partial<RelayCdnStatusEventInput>): RelayCdnStatusEventInput => ({
  callbackTs: 1_700_000_000_000,
  roomId: "room_1",
  roomType: 1,
  eventMsTs: 1_700_000_000_000,
  userId: "robot",
  taskId: "task-1",
  url: URL_A,
  status: "CONNECTING",
  ...patch,
});

/** POSTs a body the way Tencent does: JSON, `Sign` over the raw bytes (`null`: no Sign), `SdkAppId` header. */
async function post(body: string, sign: string | null = signCallback(body, KEY), path = "/") {
  const headers: Record<string, string> = { "content-type": "application/json", sdkappid: "1400000000" };
  if (sign !== null) headers.sign = sign;
  const res = await request(new URL(path, receiver.url), { method: "POST", headers, body });
  return { status: res.statusCode, body: (await res.body.json()) as { code: number; message?: string } };
}

test("listens on a free port and prints a usable URL", () => {
  expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(receiver.url).not.toMatch(/:0\/$/);
});

test("acknowledges a verified event with 200 {code:0} and records it", async () => {
  const res = await post(relayCdnStatusBody(event({ status: "RUNNING" })), undefined, "/trtc/relay-callback");
  expect(res).toEqual({ status: 200, body: { code: 0 } });
  expect(receiver.events).toHaveLength(1);
  expect(receiver.events[0]).toMatchObject({ sdkAppId: 1400000000, taskId: "task-1", url: URL_A, status: "RUNNING" });
  expect(receiver.board.statusOf("task-1", URL_A)?.status).toBe("RUNNING");
});

test("tracks each task's push status per URL and logs transitions with secrets masked", async () => {
  const t = 1_700_000_000_000;
  await post(relayCdnStatusBody(event({ url: URL_A, status: "CONNECTING", eventMsTs: t })));
  await post(relayCdnStatusBody(event({ url: URL_B, status: "CONNECTING", eventMsTs: t + 1 })));
  await post(relayCdnStatusBody(event({ url: URL_A, status: "RUNNING", eventMsTs: t + 2 })));
  await post(
    relayCdnStatusBody(event({ url: URL_B, status: "FAILURE", eventMsTs: t + 3, errorCode: -1003, errorMsg: `cannot reach ${URL_B}` })),
  );
  await post(relayCdnStatusBody(event({ taskId: "task-2", url: URL_A, status: "RUNNING", eventMsTs: t + 4 })));

  expect(receiver.board.taskIds()).toEqual(["task-1", "task-2"]);
  const task1 = receiver.board.urlsOf("task-1");
  expect([...task1.entries()].map(([url, s]) => [url, s.status])).toEqual([
    [URL_A, "RUNNING"],
    [URL_B, "FAILURE"],
  ]);
  expect(task1.get(URL_B)).toMatchObject({ errorCode: -1003 });
  expect(lines).toEqual([
    "task task-1 rtmp://push.example.com/live/a?txSecret=***&txTime=6A000000: - -> CONNECTING",
    "task task-1 rtmp://push.example.com/live/b?txSecret=***&txTime=6A000000: - -> CONNECTING",
    "task task-1 rtmp://push.example.com/live/a?txSecret=***&txTime=6A000000: CONNECTING -> RUNNING",
    "task task-1 rtmp://push.example.com/live/b?txSecret=***&txTime=6A000000: CONNECTING -> FAILURE (error -1003: cannot reach rtmp://push.example.com/live/b?txSecret=***&txTime=6A000000)",
    "task task-2 rtmp://push.example.com/live/a?txSecret=***&txTime=6A000000: - -> RUNNING",
  ]);
  for (const line of lines) {
    expect(line).not.toContain(SECRET_A);
    expect(line).not.toContain(SECRET_B);
  }
});

test("a late event does not roll a URL's status back", async () => {
  const t = 1_700_000_000_000;
  await post(relayCdnStatusBody(event({ status: "RUNNING", eventMsTs: t + 5000 })));
  await post(relayCdnStatusBody(event({ status: "CONNECTING", eventMsTs: t })));
  expect(receiver.events.map((e) => e.status)).toEqual(["RUNNING", "CONNECTING"]);
  expect(receiver.board.statusOf("task-1", URL_A)).toMatchObject({ status: "RUNNING", eventMsTs: t + 5000 });
  expect(lines[1]).toMatch(/: RUNNING \(late CONNECTING from 2023-11-14T22:13:20.000Z ignored\)$/);
});

test("refuses forged and unsigned callbacks with 401 and records nothing", async () => {
  const body = relayCdnStatusBody(event({ status: "RUNNING" }));
  expect((await post(body, signCallback(body, "someOtherKey"))).status).toBe(401);
  expect((await post(body.replace("RUNNING", "x").replace('"Status":2', '"Status":4'), signCallback(body, KEY))).status).toBe(401);
  expect(await post(body, null)).toEqual({ status: 401, body: { code: 401, message: "missing Sign header" } });
  expect(receiver.events).toHaveLength(0);
  expect(lines.filter((l) => l.startsWith("rejected callback (signature)"))).toHaveLength(3);
});

test("answers 400 naming the field for a signed body that breaks the schema", async () => {
  const body = relayCdnStatusBody(event({})).replace('"Status":1', '"Status":9');
  const res = await post(body);
  expect(res.status).toBe(400);
  expect(res.body.message).toContain("EventInfo.Payload.Status");
  expect(receiver.events).toHaveLength(0);
});

test("acknowledges, but ignores, a genuine event of another type", async () => {
  const body = JSON.stringify({ EventGroupId: 2, EventType: 204, CallbackTs: 1, EventInfo: { RoomId: 1, UserId: "u" } });
  expect(await post(body)).toEqual({ status: 200, body: { code: 0 } });
  expect(receiver.events).toHaveLength(0);
  expect(lines).toEqual([expect.stringMatching(/^rejected callback \(unsupported-event\)/)]);
});

test("answers 405 to other methods and 413 to oversized bodies", async () => {
  const get = await request(receiver.url, { method: "GET" });
  expect(get.statusCode).toBe(405);
  expect(get.headers.allow).toBe("POST");
  await get.body.dump();
  const huge = JSON.stringify({ pad: "x".repeat(10_000) });
  expect((await post(huge)).status).toBe(413);
  expect(receiver.events).toHaveLength(0);
});

test("waitFor returns past and future matching events, and gives up after its timeout", async () => {
  await post(relayCdnStatusBody(event({ status: "CONNECTING" })));
  await expect(receiver.waitFor((e) => e.status === "CONNECTING")).resolves.toMatchObject({ status: "CONNECTING" });
  const running = receiver.waitFor((e) => e.status === "RUNNING", 20_000);
  await post(relayCdnStatusBody(event({ status: "RUNNING", eventMsTs: 1_700_000_001_000 })));
  await expect(running).resolves.toMatchObject({ status: "RUNNING" });
  await expect(receiver.waitFor((e) => e.status === "FAILURE", 50)).rejects.toThrow(/no matching callback within 50 ms \(2 received\)/);
});

test("refuses to start without a key", async () => {
  await expect(startReceiver({ key: "" })).rejects.toThrow(/^key must be the non-empty callback key/);
});

test("stops accepting connections once closed", async () => {
  const url = receiver.url;
  await receiver.close();
  await expect(request(url, { method: "POST", body: "{}" })).rejects.toThrow();
  receiver = await startReceiver({ key: KEY, log: () => undefined }); // for afterEach
});
