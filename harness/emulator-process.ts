/**
 * `trtc-emulator` as its own process (the compiled CLI under dist/), so that what it records (arrival
 * times, throttled answers) does not depend on the event loop of the clients being measured.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { repoRoot } from "../harness/repo";

/** A running emulator process. */
export interface EmulatorProcess {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts `node dist/emulator/cli/main.js --port 0 ...flags` and resolves with the URL from its first
 * stdout line. Rejects with its stderr if it exits first (e.g. dist/ not built: run `npm run build`).
 */
export function spawnEmulator(flags: readonly string[]): Promise<EmulatorProcess> {
  const cli = path.join(repoRoot(), "dist", "emulator", "cli", "main.js");
  const child = spawn(process.execPath, [cli, "--port", "0", ...flags], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", (url) =>
      resolve({
        url: url.trim(),
        close: async () => {
          if (child.exitCode === null) child.kill("SIGTERM");
          await exited;
        },
      }),
    );
    void exited.then(() => reject(new Error(`trtc-emulator exited before printing its URL: ${stderr}`)));
  });
}
