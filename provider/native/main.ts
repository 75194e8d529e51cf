/**
 * `pulumi-resource-trtc`: the entry point the engine runs as
 * `pulumi-resource-trtc [--logtostderr] [-v=N] [--tracing URL] <engine address>` with the program directory
 * as working directory. The first stdout line must be the port and nothing may precede it
 * (pulumi/pulumi `sdk/go/common/resource/plugin/plugin.go`); diagnostics go to stderr, which the engine shows.
 */
import { useConfigNaming } from "../config";
import { setEngineAddress } from "./engine-log";
import { serve } from "./server";

/** The engine's address: the last argument that is neither a flag nor a flag's value. */
export function engineAddressOf(argv: readonly string[]): string | undefined {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--tracing") i++;
    else if (!argv[i].startsWith("-")) rest.push(argv[i]);
  }
  return rest.at(-1);
}

/** Starts the plugin: settings named `trtc:<name>`, the server on an ephemeral port, the port on stdout. */
export async function main(argv: readonly string[]): Promise<void> {
  useConfigNaming("package");
  setEngineAddress(engineAddressOf(argv));
  // A bug in one call must not take the others down (both of Pulumi's own Node servers do the same).
  process.on("unhandledRejection", (e) => console.error(`pulumi-resource-trtc: unhandled rejection: ${String(e)}`));
  process.on("uncaughtException", (e) => console.error(`pulumi-resource-trtc: uncaught exception: ${e.stack ?? e}`));
  const { port } = await serve();
  process.stdout.write(`${port}\n`);
}
