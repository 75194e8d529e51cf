#!/usr/bin/env node
/**
 * `trtc-emulator`: starts the emulator and prints its URL as the first stdout line, so a script can read
 * one line and go. Runs until SIGINT/SIGTERM. Never prints a SecretKey.
 */
import { parseArgs, USAGE } from "./args";
import { startEmulator } from "../server";

/** Entry point; returns the process exit code on a startup failure. */
export async function main(argv: readonly string[]): Promise<number | undefined> {
  let command: ReturnType<typeof parseArgs>;
  try {
    command = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`trtc-emulator: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const log = command.verbose ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ ...command.options, log });
  } catch (e) {
    process.stderr.write(`trtc-emulator: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`${emulator.url}\n`);
  const { options } = emulator.core;
  process.stderr.write(
    `trtc-emulator: site ${options.site}, auth ${options.auth ? `on (SecretId ${emulator.secretId})` : "off"}, ` +
      `rate limit ${options.rateLimitPerSecond ? `${options.rateLimitPerSecond}/s (${options.rateWindow} window)` : "off"}, ` +
      `robot collisions ${options.robotCollision}, ${options.dataFile ? `data ${options.dataFile}` : "in memory"}; ` +
      `control API ${emulator.url}/_emulator/\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return undefined;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== undefined) process.exit(code);
  });
}
