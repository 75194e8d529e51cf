/**
 * The transport's failure classification, driven by real sockets where a local server can produce the
 * failure, and by undici-shaped errors for the ones it cannot (DNS, connect timeouts on a real network).
 * What matters most is `sent`: "no" only when no request byte can have been written.
 */
import * as http from "node:http";
import * as net from "node:net";
import { Agent } from "undici";
import { classifyFailure, sendRequest, TransportError, type WireRequest } from "../../trtc/client/transport";
import { ok, startScriptedServer, type ScriptedServer } from "../helpers/scripted-server";

let plain: ScriptedServer;
let tls: ScriptedServer;
let agent: Agent;
beforeAll(async () => {
  plain = await startScriptedServer();
  tls = await startScriptedServer({ tls: true });
  agent = new Agent({ connect: { ca: tls.ca } });
});
afterAll(async () => {
  await agent.close();
  await plain.close();
  await tls.close();
});
beforeEach(() => {
  plain.reset();
  tls.reset();
});

const send = (url: string, extra: Partial<WireRequest> = {}) =>
  sendRequest({
    url: `${url}/`,
    headers: { "Content-Type": "application/json" },
    body: '{"SdkAppId":1}',
    timeoutMs: 5_000,
    dispatcher: agent,
    ...extra,
  });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a TransportError");
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(TransportError);
      return e as TransportError;
    },
  );

describe("sendRequest", () => {
  test("reads a whole answer of any status, with lower-case header names", async () => {
    plain.script({ reply: "nope", status: 503, headers: { "X-TC-TraceId": "trace-1" } });
    await expect(send(plain.url)).resolves.toEqual({
      status: 503,
      headers: expect.objectContaining({ "x-tc-traceid": "trace-1" }),
      body: "nope",
    });
  });

  test("connection refused: connect, sent no", async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const { port } = s.address() as net.AddressInfo;
    await new Promise((r) => s.close(r));
    expect(await failure(send(`http://127.0.0.1:${port}`))).toMatchObject({ kind: "connect", sent: "no", transportCode: "ECONNREFUSED" });
  });

  test("TLS handshake cut by the server: connect, sent no", async () => {
    tls.script({ drop: "before-read" });
    expect(await failure(send(tls.url))).toMatchObject({ kind: "connect", sent: "no" });
    expect(tls.calls).toHaveLength(0);
  });

  test("connection closed after the request was read: socket, sent maybe", async () => {
    tls.script({ drop: "after-read" });
    expect(await failure(send(tls.url))).toMatchObject({ kind: "socket", sent: "maybe", transportCode: "UND_ERR_SOCKET" });
    expect(tls.calls).toHaveLength(1);
  });

  test("no answer within timeoutMs: timeout, sent maybe", async () => {
    plain.script({ ...ok(), delayMs: 3_000 });
    expect(await failure(send(plain.url, { timeoutMs: 500 }))).toMatchObject({ kind: "timeout", sent: "maybe" });
  });

  test("headers arrive but the body stalls: timeout, sent maybe", async () => {
    const stall = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"Response":');
    });
    await new Promise<void>((r) => stall.listen(0, "127.0.0.1", r));
    try {
      const { port } = stall.address() as net.AddressInfo;
      expect(await failure(send(`http://127.0.0.1:${port}`, { timeoutMs: 500 }))).toMatchObject({ kind: "timeout", sent: "maybe" });
    } finally {
      stall.closeAllConnections();
      await new Promise((r) => stall.close(r));
    }
  });

  test("the caller's signal (the operation deadline) aborts: aborted, carrying the reason", async () => {
    plain.script({ ...ok(), delayMs: 3_000 });
    const controller = new AbortController();
    const reason = new Error("deadline");
    setTimeout(() => controller.abort(reason), 200);
    expect(await failure(send(plain.url, { signal: controller.signal }))).toMatchObject({ kind: "aborted", sent: "maybe", reason });
  });

  test("an already-aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    expect(await failure(send(plain.url, { signal: controller.signal }))).toMatchObject({ kind: "aborted", sent: "no" });
    expect(plain.calls).toHaveLength(0);
  });
});

describe("classifyFailure for failures a local server cannot produce", () => {
  const undiciError = (code: string, message = code) => Object.assign(new Error(message), { code });
  test.each([
    ["ENOTFOUND", false, "connect", "no"],
    ["EAI_AGAIN", false, "connect", "no"],
    ["UND_ERR_CONNECT_TIMEOUT", false, "connect-timeout", "no"],
    ["ECONNRESET", false, "connect", "no"],
    ["ECONNRESET", true, "socket", "maybe"],
    ["UND_ERR_SOCKET", true, "socket", "maybe"],
    ["UND_ERR_HEADERS_TIMEOUT", true, "timeout", "maybe"],
    ["UND_ERR_BODY_TIMEOUT", true, "timeout", "maybe"],
    ["UND_ERR_INVALID_ARG", false, "protocol", "no"],
    ["HPE_INVALID_CONSTANT", true, "protocol", "maybe"],
  ])("%s (request started: %s) -> %s, sent %s", (code, started, kind, sent) => {
    expect(classifyFailure(undiciError(code), started)).toMatchObject({ kind, sent, transportCode: code });
  });

  test("a code nested in `cause` (as fetch-style errors carry it) is found", () => {
    expect(classifyFailure(Object.assign(new Error("fetch failed"), { cause: { code: "ENOTFOUND" } }), false)).toMatchObject({
      kind: "connect",
      transportCode: "ENOTFOUND",
    });
  });
});
