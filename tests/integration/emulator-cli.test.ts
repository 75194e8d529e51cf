/**
 * The `trtc-emulator` command: a real child process (the TypeScript source through ts-node, so the test
 * does not depend on a fresh `dist/`), its first stdout line, the flags, and a clean SIGTERM exit.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../../emulator";
import { parseArgs } from "../../emulator/cli/args";
import { EMULATOR_CLI as CLI, spawnEmulatorCli } from "../helpers/emulator-cli";
import { control, signedRequest } from "../helpers/raw-request";
import { APP, codeOf, startBody } from "../helpers/emulator-harness";

const ROOT = join(__dirname, "..", "..");

/** Runs the CLI to completion (for --help and bad flags). */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, ...args], { cwd: ROOT });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("trtc-emulator CLI", () => {
  it("starts with a shebang so the npm bin runs under node", () => {
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("prints its URL first, serves the API and the control API, logs with --verbose, exits on SIGTERM", async () => {
    const cli = await spawnEmulatorCli(["--port", "0", "--verbose", "--rate-limit", "2"]);
    try {
      expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await control(cli.url, "GET", "health")).json).toEqual({ status: "ok" });
      const secretId = DEFAULT_SECRET_ID;
      const res = await signedRequest({
        url: cli.url,
        action: "StartPublishCdnStream",
        body: startBody(),
        secretId,
        secretKey: DEFAULT_SECRET_KEY,
      });
      expect(codeOf(res)).toBe("ok");
      const stop = () =>
        signedRequest({
          url: cli.url,
          action: "StopPublishCdnStream",
          body: { SdkAppId: APP, TaskId: "x" },
          secretId,
          secretKey: DEFAULT_SECRET_KEY,
        });
      const codes = [await stop(), await stop(), await stop()].map(codeOf);
      expect(codes).toContain("ResourceNotFound");
      expect((await control(cli.url, "GET", "stats")).json.limitPerSecond).toBe(2);
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await cli.exit).toBe(0);
    expect(cli.stderr()).toContain("StartPublishCdnStream ok");
    expect(cli.stderr()).not.toContain(DEFAULT_SECRET_KEY);
    expect(cli.stderr()).not.toContain("txSecret");
  }, 60_000);

  it("honours --no-auth, --site and --secret-id/--secret-key", async () => {
    const cli = await spawnEmulatorCli(["--port=0", "--no-auth", "--site", "intl", "--secret-id", "AKIDcli", "--secret-key", "cli-key"]);
    try {
      const res = await signedRequest({
        url: cli.url,
        action: "StartPublishCdnStream",
        body: startBody(),
        secretId: "x",
        secretKey: "y",
        region: "ap-singapore",
        authorization: null,
      });
      expect(codeOf(res)).toBe("ok");
    } finally {
      cli.child.kill("SIGTERM");
    }
    expect(await cli.exit).toBe(0);
    expect(cli.stderr()).not.toContain("cli-key");
  }, 60_000);

  it("prints usage for --help and refuses unknown flags with exit code 2", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--rate-limit");
    const bad = await runCli(["--frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option --frobnicate");
  }, 60_000);
});

describe("trtc-emulator flag parsing", () => {
  it("maps every flag onto the emulator options", () => {
    expect(
      parseArgs([
        "--host",
        "0.0.0.0",
        "--port=8080",
        "--secret-id",
        "AKIDx",
        "--secret-key",
        "k",
        "--no-auth",
        "--data",
        "s.json",
        "--rate-limit",
        "0",
        "--rate-window",
        "sliding",
        "--max-tasks",
        "3",
        "--site",
        "intl",
        "--verbose",
      ]),
    ).toEqual({
      kind: "run",
      verbose: true,
      options: {
        host: "0.0.0.0",
        port: 8080,
        secretId: "AKIDx",
        secretKey: "k",
        auth: false,
        dataFile: "s.json",
        rateLimitPerSecond: 0,
        rateWindow: "sliding",
        maxConcurrentTasks: 3,
        site: "intl",
      },
    });
  });

  it.each([
    [["--port", "-1"], "--port needs a non-negative integer"],
    [["--site", "eu"], "--site must be cn or intl"],
    [["--rate-window", "rolling"], "--rate-window must be fixed or sliding"],
    [["--secret-id", "AKIDx"], "must be given together"],
    [["--data"], "--data needs a value"],
  ])("rejects %j", (args, message) => {
    expect(() => parseArgs(args)).toThrow(message);
  });
});
