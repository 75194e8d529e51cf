/**
 * `trtc-emulator` as its own process, so that what it records (arrival times, throttled answers) does not
 * move when the process measuring or testing clients stalls its own event loop. Tests run the TypeScript
 * source through ts-node (no fresh dist/ needed); the client benchmark runs the compiled CLI it measures.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "./repo";

/** A running emulator process. */
export interface EmulatorProcess {
  /** Base URL from its first stdout line, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts the emulator CLI with `--port 0` and `flags`, from source (`compiled: false`, the default) or from
 * dist/emulator/cli/main.js, and resolves with the URL of its first stdout line. Rejects with its stderr if
 * it exits first (e.g. dist/ not built: run `npm run build`).
 */
export function spawnEmulator(flags: readonly string[], options: { compiled?: boolean } = {}): Promise<EmulatorProcess> {
  const root = repoRoot();
  const entry = options.compiled
    ? [path.join(root, "dist", "emulator", "cli", "main.js")]
    : ["-r", "ts-node/register/transpile-only", path.join(root, "emulator", "cli", "main.ts")];
  const child = spawn(process.execPath, [...entry, "--port", "0", ...flags], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (url) =>
      resolve({
        url: url.trim(),
        stderr: () => stderr,
        close: async () => {
          if (child.exitCode === null) child.kill("SIGTERM");
          await exit;
        },
      }),
    );
    void exit.then((code) => reject(new Error(`trtc-emulator exited (${code}) before printing its URL: ${stderr}`)));
  });
}
