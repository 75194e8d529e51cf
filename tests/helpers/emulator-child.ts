/**
 * `trtc-emulator` as a child process, from the TypeScript source through ts-node (so a test does not
 * depend on a fresh dist/): its event loop is not the test's, so what it records does not move when the
 * test process stalls.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = join(__dirname, "..", "..");
const CLI = join(ROOT, "emulator", "cli", "main.ts");

/** A running emulator process. */
export interface EmulatorChild {
  /** Base URL from its first stdout line. */
  url: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Spawns the CLI with `--port 0` and `flags`; resolves once it printed its URL. */
export function spawnEmulatorChild(flags: readonly string[]): Promise<EmulatorChild> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", CLI, "--port", "0", ...flags], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (url) =>
      resolve({
        url: url.trim(),
        stderr: () => err,
        stop: () => {
          if (child.exitCode === null) child.kill("SIGTERM");
          return exit;
        },
      }),
    );
    void exit.then((code) => reject(new Error(`trtc-emulator exited (${code}) before printing its URL: ${err}`)));
  });
}
