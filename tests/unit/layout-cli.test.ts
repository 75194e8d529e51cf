/**
 * The `trtc-layout` command, end to end as a real process (through ts-node, so no build is needed), plus
 * its input handling in-process for the many small cases.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toPulumiCase } from "../../trtc/casing";
import { main, type CliIo } from "../../layout/cli";
import { extractTaskBody, LayoutInputError, splitList } from "../../layout/input";
import { CHROMIUM_PATH, svgToPng } from "../../layout/png";

const ROOT = join(__dirname, "..", "..");
const SEED = join(ROOT, "tests", "fixtures", "seed");
const seedText = (name: string) => readFileSync(join(SEED, name), "utf8");

// Each child process compiles the CLI through ts-node; on a busy 2-core machine that takes seconds.
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "trtc-layout-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real command line in a child process. */
function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", join(ROOT, "layout", "cli.ts"), ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `main` in-process, capturing what it prints. */
async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const status = await main(args, io);
  return { status, stdout: out.join(""), stderr: err.join("") };
}

describe("trtc-layout as a process", () => {
  test("writes the SVG of a seed body to -o and summarises on stderr", () => {
    const out = join(dir, "seed.svg");
    const r = cli([join(SEED, "start-mix-audio-video-cdn.json"), "-o", out]);
    // The seed's PureAudioHoldPlaceMode only takes effect in dynamic layouts: one no-effect warning, exit 0.
    expect(r.stderr).toContain(`trtc-layout: custom layout 1280×720, 2 cells, 1 problem(s) -> ${out}`);
    expect(r.stderr).toContain("warning videoParams.layoutParams.pureAudioHoldPlaceMode: has no effect");
    expect(r.status).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1280" height="720" viewBox="0 0 1280 720"/,
    );
    expect(svg).toContain('data-user-id="Trtc_User_1"');
    expect(r.stdout).toBe("");
  });

  test("reads a Pulumi-style body from stdin, takes --users and --audio-only, prints the SVG to stdout", () => {
    const body = { videoParams: { videoEncode: { width: 1280, height: 720 }, layoutParams: { mixLayoutMode: 3 } } };
    const r = cli(["-", "--users", "a, b,c", "--audio-only", "b"], JSON.stringify(body));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('data-layout-kind="grid"');
    expect(r.stdout).toContain('data-user-id="a"');
    expect(r.stdout).not.toContain('data-user-id="b"');
    expect(r.stderr).toContain("grid layout 1280×720, 2 cells, 0 problem(s)");
  });

  test("unreadable input: exit 1 with a message naming the file", () => {
    const missing = cli([join(dir, "nope.json")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`trtc-layout: ${join(dir, "nope.json")}: cannot read (no such file)\n`);
  });

  test("a bad command line: exit 2 with the usage", () => {
    const r = cli(["--bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: trtc-layout <file|->");
  });

  (existsSync(CHROMIUM_PATH) ? test : test.skip)("--png writes a PNG of the canvas size (needs Chromium)", () => {
    const png = join(dir, "seed.png");
    const r = cli([join(SEED, "start-mix-audio-video-cdn.json"), "-o", join(dir, "seed2.svg"), "--png", png]);
    expect(r.stderr).toContain(`-> ${join(dir, "seed2.svg")} and ${png}`);
    expect(r.status).toBe(0);
    const buf = readFileSync(png);
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([1280, 720]);
  });
});

describe("trtc-layout in-process", () => {
  test("--help prints the usage and succeeds", async () => {
    const r = await run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--audio-only <x,y>");
  });

  test("prints each problem on stderr, with the API path when the input was API-style", async () => {
    const body = JSON.parse(seedText("start-mix-audio-video-cdn.json"));
    body.VideoParams.LayoutParams.MixLayoutList[1].LocationX = 700;
    const file = join(dir, "off.json");
    writeFileSync(file, JSON.stringify(body));
    const r = await run([file, "-o", join(dir, "off.svg")]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      "error   videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1340) exceeds videoEncode.width (1280) [VideoParams.LayoutParams.MixLayoutList[1]]",
    );
    const pulumi = join(dir, "off-pulumi.json");
    writeFileSync(pulumi, JSON.stringify(toPulumiCase(body)));
    const p = await run([pulumi, "-o", join(dir, "off-pulumi.svg")]);
    expect(p.stderr).toContain(
      "error   videoParams.layoutParams.mixLayoutList[1]: locationX + imageWidth (1340) exceeds videoEncode.width (1280)\n",
    );
  });

  test("text that is not JSON: exit 1 naming the file", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await run([bad]);
    expect(r.status).toBe(1);
    expect(r.stderr.startsWith(`trtc-layout: ${bad}: not JSON (`)).toBe(true);
  });

  test("no input file at all is a usage error", async () => {
    const r = await run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("expected exactly one input file (got 0)");
  });

  test("two input files are refused", async () => {
    const r = await run(["a.json", "b.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("expected exactly one input file (got 2)");
  });

  test("an unwritable output is a clear failure", async () => {
    const file = join(dir, "ok.json");
    writeFileSync(file, seedText("start-mix-cross-room.json"));
    const r = await run([file, "-o", join(dir, "no-such-dir", "x.svg")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, "no-such-dir", "x.svg")}: cannot write`);
  });

  test("PNG output without Chromium says how to install it", async () => {
    await expect(svgToPng("<svg/>", { width: 10, height: 10 }, { executablePath: join(dir, "no-chromium") })).rejects.toThrow(
      `PNG output needs Chromium at ${join(dir, "no-chromium")}, which does not exist. Install it with: apt-get install -y chromium`,
    );
  });

  test("an audio-only seed draws the notice and reports it", async () => {
    const file = join(dir, "audio.json");
    writeFileSync(file, seedText("start-mix-audio-only-cdn.json"));
    const r = await run([file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Audio-only task: no video canvas");
    expect(r.stderr).toContain("warning videoParams: is absent, so the task relays audio only");
  });
});

describe("finding the body in the input", () => {
  const body = JSON.parse(seedText("start-mix-cross-room.json"));

  test.each([
    ["a bare API body", JSON.stringify(body)],
    ["a bare Pulumi body", JSON.stringify(toPulumiCase(body))],
    ["a body under one key", JSON.stringify({ StartPublishCdnStream: body })],
    ["a body two wrappers deep", JSON.stringify({ resource: { inputs: toPulumiCase(body) } })],
    [
      "a request pasted from the API page",
      `POST / HTTP/1.1\nHost: trtc.intl.tencentcloudapi.com\nContent-Type: application/json\nX-TC-Action: StartPublishCdnStream\n<Common request parameters>\n\n${JSON.stringify(body, null, 4)}\n`,
    ],
  ])("%s", (_name, text) => {
    const found = extractTaskBody(text, "f.json");
    expect(JSON.stringify(found).toLowerCase()).toBe(JSON.stringify(body).toLowerCase());
  });

  test.each([
    ["a response envelope", JSON.stringify({ Response: { TaskId: "t", RequestId: "r" } }), /this is an API response/],
    ["a list", "[1,2]", /expected a JSON object .* got a list/],
    ["JSON without a body", JSON.stringify({ a: 1, b: 2 }), /no StartPublishCdnStream body found/],
    ["not JSON", "SdkAppId=1", /f\.json: not JSON/],
    ["a pasted request with a broken body", "POST / HTTP/1.1\nHost: x\n\n{oops", /the HTTP request's body is not JSON/],
  ])("refuses %s", (_name, text, message) => {
    expect(() => extractTaskBody(text, "f.json")).toThrow(LayoutInputError);
    expect(() => extractTaskBody(text, "f.json")).toThrow(message);
  });

  test("splitList trims and drops blanks", () => {
    expect(splitList(" a, b,,c ,")).toEqual(["a", "b", "c"]);
  });
});
