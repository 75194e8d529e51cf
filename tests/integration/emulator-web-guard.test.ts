/**
 * The emulator lets no web page in (docs/EMULATOR.md, "Security"), over real HTTP with hand-set headers:
 * - every route (API, control API, dashboard, its event stream) answers only a Host the emulator serves,
 *   and names the `--allow-host` option when it refuses one;
 * - state-changing control requests (and requests that reveal secrets) carrying a foreign `Origin` or a
 *   cross-site `Sec-Fetch-Site` are refused, while the dashboard's own (same-origin) requests and tools
 *   that send neither go through.
 * The browser's side of the same checks is in emulator-browser-guard.test.ts.
 */
import { connect } from "node:net";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { parseArgs } from "../../emulator/cli/args";
import { apiFor, APP, codeOf, startBody, useEmulator } from "../helpers/emulator-harness";
import { send, signedRequest, type RawResponse } from "../helpers/raw-request";

const FOREIGN = "evil.example.com";

const runningCount = async (emu: RunningEmulator): Promise<number> =>
  (await apiFor(emu).control("GET", "stats")).json.tasks.running as number;

/** Sends `method path` with exactly `headers` (Host included). */
const raw = (emu: RunningEmulator, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> =>
  send(emu.url, method, path, headers, body);

/** Writes request lines to a plain socket and returns everything the emulator answered. */
function rawLines(emu: RunningEmulator, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emu.port, "127.0.0.1", () => socket.end(lines.join("\r\n")));
    let text = "";
    socket.on("data", (d: Buffer) => (text += d.toString("utf8")));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

const expectHostRefused = (res: RawResponse, host: string): void => {
  expect(res.status).toBe(403);
  expect(res.json.error).toContain(`Host ${JSON.stringify(host)}`);
  expect(res.json.error).toContain("--allow-host");
  expect(res.json.error).toContain("allowHost");
};

describe("Host check", () => {
  const emu = useEmulator();

  it.each([
    ["the control API", "GET", "/_emulator/tasks", {}],
    ["a state-changing control route", "POST", "/_emulator/reset", {}],
    ["the dashboard home (GET / as a browser asks)", "GET", "/", { Accept: "text/html" }],
    ["a dashboard page", "GET", "/_emulator/ui/", {}],
    ["the dashboard's live event stream", "GET", "/_emulator/ui/events", {}],
    ["an unknown path", "GET", "/nothing", {}],
  ])("refuses a foreign Host on %s with a message naming --allow-host", async (_what, method, path, extra) => {
    const res = await raw(emu.get(), method, path, { Host: `${FOREIGN}:${emu.get().port}`, ...extra });
    expectHostRefused(res, `${FOREIGN}:${emu.get().port}`);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses a foreign Host on the TRTC API before acting, even correctly signed for that Host", async () => {
    await apiFor(emu.get()).start();
    const before = await runningCount(emu.get());
    const res = await signedRequest({
      url: emu.get().url,
      action: "StartPublishCdnStream",
      body: startBody(),
      secretId: emu.get().secretId,
      secretKey: emu.get().secretKey,
      tamper: { headers: { Host: FOREIGN } },
    });
    expectHostRefused(res, FOREIGN);
    expect(await runningCount(emu.get())).toBe(before);
  });

  it("refuses a rebinding-style request: a foreign name on the emulator's own port, as a rebound page sends it", async () => {
    const port = emu.get().port;
    for (const host of [`attacker.test:${port}`, `127.0.0.1.attacker.test:${port}`, `localhost.attacker.test:${port}`]) {
      const res = await raw(emu.get(), "GET", "/_emulator/tasks?reveal=secrets", { Host: host });
      expectHostRefused(res, host);
    }
  });

  it("refuses a request without a Host header and a Host on another port", async () => {
    // HTTP/1.0 allows leaving Host out (node:http always adds one, so this is written by hand).
    const none = await rawLines(emu.get(), ["GET /_emulator/health HTTP/1.0", "", ""]);
    expect(none).toMatch(/^HTTP\/1\.1 403 /);
    expect(none).toContain("a request without a Host header");
    const otherPort = await raw(emu.get(), "GET", "/_emulator/health", { Host: "127.0.0.1:1" });
    expect(otherPort.status).toBe(403);
    expect(otherPort.json.error).toContain(`on port ${emu.get().port}`);
  });

  it.each(["127.0.0.1", "localhost", "LocalHost.", "trtc.localhost", "a.b.localhost"])(
    "answers Host %s on the bound port",
    async (name) => {
      const res = await raw(emu.get(), "GET", "/_emulator/health", { Host: `${name}:${emu.get().port}` });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    },
  );
});

describe("--allow-host / allowHost", () => {
  it("adds names, wildcard domains and name:port entries; nothing else", async () => {
    const emu = await startEmulator({ port: 0, allowHost: ["trtc.internal", "*.emulator.test", "docker.internal:8080"] });
    try {
      const status = async (host: string) => (await raw(emu, "GET", "/_emulator/health", { Host: host })).status;
      const p = emu.port;
      expect(await status(`trtc.internal:${p}`)).toBe(200);
      expect(await status(`TRTC.internal:${p}`)).toBe(200);
      expect(await status(`trtc.emulator.test:${p}`)).toBe(200);
      expect(await status("docker.internal:8080")).toBe(200);
      expect(await status(`emulator.test:${p}`)).toBe(403); // `*.` is subdomains only
      expect(await status(`docker.internal:${p}`)).toBe(403); // an entry with a port allows that port
      expect(await status(`trtc.internal:${p + 1}`)).toBe(403);
      const refused = await raw(emu, "GET", "/_emulator/health", { Host: `other.internal:${p}` });
      expect(refused.json.error).toContain("trtc.internal, *.emulator.test, docker.internal:8080");
    } finally {
      await emu.close();
    }
  });

  it("rejects entries that are not host names, naming the option", async () => {
    for (const entry of ["http://x.test", "a/b", "*", "x.*.test", "user@host", "*.127.0.0.1"])
      await expect(startEmulator({ port: 0, allowHost: [entry] })).rejects.toThrow(`allowHost entry "${entry}"`);
  });

  it("is the repeatable CLI flag --allow-host", () => {
    expect(parseArgs(["--allow-host", "trtc.internal", "--allow-host=*.emulator.test"])).toEqual({
      kind: "run",
      options: { allowHost: ["trtc.internal", "*.emulator.test"] },
      verbose: false,
    });
    expect(() => parseArgs(["--allow-host", "http://x"])).toThrow(/--allow-host: entry "http:\/\/x" must be a host name/);
  });

  it("answers any IP address when bound to every interface, still no foreign name", async () => {
    const emu = await startEmulator({ port: 0, host: "0.0.0.0" });
    try {
      expect((await raw(emu, "GET", "/_emulator/health", { Host: `192.0.2.7:${emu.port}` })).status).toBe(200);
      expect((await raw(emu, "GET", "/_emulator/health", { Host: `[::1]:${emu.port}` })).status).toBe(200);
      expect((await raw(emu, "GET", "/_emulator/health", { Host: `${FOREIGN}:${emu.port}` })).status).toBe(403);
    } finally {
      await emu.close();
    }
  });
});

describe("cross-site requests", () => {
  const emu = useEmulator();
  const own = () => `http://127.0.0.1:${emu.get().port}`;
  const host = () => `127.0.0.1:${emu.get().port}`;

  it("refuses a cross-site form POST to /_emulator/reset and keeps the tasks", async () => {
    await apiFor(emu.get()).start();
    const before = await runningCount(emu.get());
    const res = await raw(
      emu.get(),
      "POST",
      "/_emulator/reset",
      {
        Host: host(),
        Origin: "http://evil.example.com",
        "Sec-Fetch-Site": "cross-site",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      "x=1",
    );
    expect(res.status).toBe(403);
    expect(res.json.error).toContain("cross-site");
    expect(await runningCount(emu.get())).toBe(before);
  });

  it.each([
    ["a foreign Origin alone", { Origin: "http://evil.example.com" }],
    ["Origin null (sandboxed frame, file: page)", { Origin: "null" }],
    ["the emulator's address over https", { Origin: "https://127.0.0.1:PORT" }],
    ["another port of the same machine", { Origin: "http://127.0.0.1:1" }],
    ["localhost while the request names 127.0.0.1", { Origin: "http://localhost:PORT" }],
    ["Sec-Fetch-Site cross-site alone", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site same-site (another port of the same host)", { "Sec-Fetch-Site": "same-site" }],
  ])("refuses a state-changing control request with %s", async (_what, headers) => {
    const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace("PORT", String(emu.get().port))]));
    for (const [method, path, body] of [
      ["POST", "/_emulator/faults", '{"action":"*","error":"InternalError"}'],
      ["PUT", `/_emulator/rooms/${APP}/cross-site-room`, '{"anchors":["a"]}'],
      ["DELETE", "/_emulator/faults", undefined],
    ] as const) {
      const res = await raw(emu.get(), method, path, { Host: host(), "Content-Type": "text/plain", ...filled }, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
    }
    expect((await apiFor(emu.get()).control("GET", "faults")).json.faults).toEqual([]);
    const rooms = (await apiFor(emu.get()).control("GET", "rooms")).json.rooms as Array<{ RoomId: string }>;
    expect(rooms.some((r) => r.RoomId === "cross-site-room")).toBe(false);
  });

  it("accepts the dashboard's own same-origin request (Origin = its own address, Sec-Fetch-Site same-origin)", async () => {
    const res = await raw(
      emu.get(),
      "PUT",
      `/_emulator/rooms/${APP}/same-origin-room`,
      { Host: host(), Origin: own(), "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" },
      '{"anchors":["anchor_1"]}',
    );
    expect(res.status).toBe(200);
    expect(res.json.Anchors).toEqual(["anchor_1"]);
  });

  it("accepts tools that send no Origin, and reads from anywhere (a foreign page cannot read the answer: no CORS)", async () => {
    expect((await apiFor(emu.get()).control("DELETE", "faults")).status).toBe(200);
    const read = await raw(emu.get(), "GET", "/_emulator/tasks", { Host: host(), Origin: "http://evil.example.com" });
    expect(read.status).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses revealed secrets to a cross-site request, even a read", async () => {
    const res = await raw(emu.get(), "GET", "/_emulator/tasks?reveal=secrets", { Host: host(), "Sec-Fetch-Site": "cross-site" });
    expect(res.status).toBe(403);
  });

  it("leaves the TRTC API to its signature: a signed call from a tool is answered as before", async () => {
    const res = await apiFor(emu.get()).call("StartPublishCdnStream", startBody());
    expect(codeOf(res)).toBe("ok");
  });
});
