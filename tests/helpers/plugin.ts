/**
 * The packaged provider plugin for tests: `npm run plugin`'s script packages it into a test's own
 * directory, the archive is unpacked as `pulumi plugin install` would, and the launcher in it is spawned
 * (never the handlers in process). {@link startPlugin} talks to it over gRPC like the engine does.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";

/** The repository root. */
export const REPO = path.resolve(__dirname, "../..");

/** The package version: the plugin's version. */
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).version;

/** Packages the plugin into `outDir` with scripts/package-plugin.js; returns the archive's path. */
export function packagePlugin(outDir: string): string {
  const out = execFileSync(process.execPath, [path.join(REPO, "scripts", "package-plugin.js"), "--out", outDir], { encoding: "utf8" });
  return out.trim().split("\n").at(-1) as string;
}

/** Unpacks `archive` into `dir` (created); returns `dir`. */
export function unpackPlugin(archive: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["-xzf", archive, "-C", dir]);
  return dir;
}

/** A running plugin process and a client of it. */
export interface RunningPlugin {
  /** The plugin process. */
  child: ChildProcess;
  /** What the plugin wrote to stderr so far. */
  stderr(): string;
  /** Calls `method` (grpc-js client name, e.g. `checkConfig`) and resolves with its response. */
  rpc<T = any>(method: string, req: unknown): Promise<T>;
  /** Closes the client and stops the process. */
  close(): Promise<void>;
}

/** Spawns `<dir>/pulumi-resource-trtc <engineAddress>` with the program-like `cwd`, reads its port, connects. */
export async function startPlugin(
  dir: string,
  engineAddress: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningPlugin> {
  const child = spawn(path.join(dir, "pulumi-resource-trtc"), [engineAddress], {
    cwd: options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), "trtc-plugin-cwd-")),
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (b) => {
    err += String(b);
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (b) => {
      out += String(b);
      if (out.includes("\n")) resolve(out.split("\n")[0].trim());
    });
    child.once("exit", (code) => reject(new Error(`plugin exited (${code}) before printing its port: ${err}`)));
  });
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    child,
    stderr: () => err,
    rpc: <T>(method: string, req: unknown) =>
      new Promise<T>((resolve, reject) =>
        (client as any)[method](req, (e: grpc.ServiceError | null, res: T) => (e ? reject(e) : resolve(res))),
      ),
    async close() {
      client.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGINT");
        await exited;
      }
    },
  };
}
