/**
 * `trtc-emulator` as a real child process, from its TypeScript source through ts-node (so tests do not depend
 * on a fresh `dist/`), for the CLI and crash tests.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = join(__dirname, "..", "..");

/** The CLI's source. */
export const EMULATOR_CLI = join(ROOT, "emulator", "cli", "main.ts");

/** A running `trtc-emulator` process. */
export interface EmulatorCli {
  child: ChildProcessWithoutNullStreams;
  /** The first stdout line: the emulator's URL. */
  url: string;
  /** Everything written to stderr so far. */
  stderr: () => string;
  /** Resolves to the signal's name when killed by one, else the exit code. */
  exit: Promise<NodeJS.Signals | number | null>;
}

/** Spawns the CLI with `args`; resolves once it printed its URL, rejects if it exits first. */
export function spawnEmulatorCli(args: string[]): Promise<EmulatorCli> {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", EMULATOR_CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, "tsconfig.json") },
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (url) => resolve({ child, url, stderr: () => err, exit }));
    void exit.then((code) => reject(new Error(`trtc-emulator exited (${code}) before printing its URL: ${err}`)));
  });
}
