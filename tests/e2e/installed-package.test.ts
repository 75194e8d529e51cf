/**
 * The package as a stranger gets it: `npm pack` of this repository, installed with npm into a fresh
 * Pulumi TypeScript project in a temporary directory outside the repository (its own package.json with
 * @pulumi/pulumi and the tarball; nothing linked into the repository), whose program is the README's.
 * The emulator is the installed `trtc-emulator` bin. Then:
 * - `pulumi up`, an in-place update and `pulumi destroy` with the Pulumi CLI the project installs, checked
 *   against what the emulator ran;
 * - the README's shell blocks marked `<!-- runnable -->` run as written in that project
 *   (tests/helpers/readme-blocks.ts reads the markers; tests/unit/readme.test.ts checks every block has one).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, emulatorControl } from "../../emulator";
import { ensureDist } from "../helpers/ensure-dist";
import { fencedBlocks, givenBody, isShell } from "../helpers/readme-blocks";
import { type EmulatorTask, PASSPHRASE, REPO } from "./harness";

const run = promisify(execFile);

/** What the stranger's project pins: the SDK this repository is tested with, and Pulumi's TypeScript template. */
const STRANGER_DEPENDENCIES = { "@pulumi/pulumi": "3.248.0" };
const STRANGER_DEV_DEPENDENCIES = { "@types/node": "20.19.43", typescript: "5.9.3" };

const README = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const PROGRAM = fencedBlocks(README).find((b) => b.lang === "ts" && b.code.includes("new PublishCdnStream("));
const PUSH_URL = (stream: string) => `rtmp://3891.livepush.myqcloud.com/live/${stream}?txSecret=strangersecret&txTime=7FFFFFFF`;

let work: string;
let project: string;
let packed: { filename: string; size: number; files: Array<{ path: string }> };
let emulator: { url: string; child: ChildProcess };

/** The environment a stranger's shell has: the CLI on PATH (harness), a file backend and a passphrase. */
function cliEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
    PULUMI_HOME: path.join(work, "pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

/** Runs the Pulumi CLI in the project; resolves with stdout, rejects with the CLI's own output. */
async function pulumi(...args: string[]): Promise<string> {
  try {
    return (await run("pulumi", args, { cwd: project, env: cliEnv(), maxBuffer: 16 << 20 })).stdout;
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`pulumi ${args.join(" ")} failed:\n${err.stdout ?? ""}\n${err.stderr ?? err.message}`);
  }
}

/** Starts a command line that serves, and resolves with its first stdout line and the process (own group). */
function serve(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ line: string; child: ChildProcess }> {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ line, child }));
    child.once("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited (${code}) before printing a line: ${stderr}`)));
  });
}

/** Stops a process started by {@link serve}, with everything it started. */
function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

const tasks = async (): Promise<EmulatorTask[]> => (await emulatorControl<{ tasks: EmulatorTask[] }>(emulator.url, "GET", "tasks")).tasks;

beforeAll(async () => {
  expect(PROGRAM).toBeDefined();
  expect(ensureDist()).toBe(true);
  work = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-stranger-"));
  project = path.join(work, "project");
  fs.mkdirSync(project);
  fs.mkdirSync(path.join(work, "backend"));
  const out = (await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: REPO })).stdout;
  packed = JSON.parse(out)[0];
  const tarball = path.join(work, packed.filename);
  const write = (file: string, text: string) => fs.writeFileSync(path.join(project, file), text);
  write(
    "package.json",
    `${JSON.stringify(
      {
        name: "stranger-relay",
        private: true,
        dependencies: { ...STRANGER_DEPENDENCIES, "pulumi-trtc-relay": `file:${tarball}` },
        devDependencies: STRANGER_DEV_DEPENDENCIES,
      },
      null,
      2,
    )}\n`,
  );
  write("Pulumi.yaml", "name: stranger-relay\nruntime: nodejs\ndescription: a project that installed pulumi-trtc-relay from its tarball\n");
  write(
    "tsconfig.json",
    `${JSON.stringify({ compilerOptions: { strict: true, target: "es2020", module: "commonjs", moduleResolution: "node" }, files: ["index.ts"] })}\n`,
  );
  write("index.ts", PROGRAM!.code);
  await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project, maxBuffer: 16 << 20 });
  const started = await serve(path.join(project, "node_modules", ".bin", "trtc-emulator"), ["--port", "0"], project);
  emulator = { url: started.line.trim(), child: started.child };
}, 900_000);

afterAll(() => {
  if (emulator) stop(emulator.child);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("the tarball holds only the product: dist of trtc/, provider/, emulator/, layout/, the package schema, README and LICENSE", () => {
  const paths = packed.files.map((f) => f.path).sort();
  // provider/schema.json: the native plugin (provider/native) serves it from the installed package.
  const product = /^(dist\/(trtc|provider|emulator|layout)\/.+\.(js|d\.ts)|provider\/schema\.json|package\.json|README\.md|LICENSE)$/;
  const outside = paths.filter((p) => !product.test(p));
  expect(outside).toEqual([]);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  for (const bin of Object.values(pkg.bin as Record<string, string>)) expect(paths).toContain(bin);
  for (const entry of Object.values(pkg.exports as Record<string, string>)) expect(paths).toContain(entry.replace(/^\.\//, ""));
  expect(paths).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
  expect(fs.readFileSync(path.join(REPO, "LICENSE"), "utf8")).toContain("Apache License\n                           Version 2.0");
});

test("the project is outside the repository and nothing in it links into the repository", () => {
  expect(path.relative(REPO, work).startsWith("..")).toBe(true);
  const installed = path.join(project, "node_modules", "pulumi-trtc-relay");
  expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
  const links: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        if (!path.relative(REPO, fs.realpathSync(p)).startsWith("..")) links.push(p);
      } else if (e.isDirectory() && depth > 0) walk(p, depth - 1);
    }
  };
  walk(project, 3);
  expect(links).toEqual([]);
  expect(JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).name).toBe("pulumi-trtc-relay");
});

test("pulumi up, an in-place update and pulumi destroy run the README's program against the installed emulator", async () => {
  expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await pulumi("stack", "init", "dev");
  await pulumi("config", "set", "trtc:endpoint", emulator.url);
  await pulumi("config", "set", "--plaintext", "tencentcloud:secretId", DEFAULT_SECRET_ID);
  await pulumi("config", "set", "--secret", "tencentcloud:secretKey", DEFAULT_SECRET_KEY);
  await pulumi("config", "set", "tencentcloud:region", "ap-guangzhou");
  await pulumi("config", "set", "--secret", "robotUserSig", "eJwStrangerRobotSig");
  await pulumi("config", "set", "--secret", "pushUrl", PUSH_URL("stranger_one"));

  await pulumi("up", "--yes", "--skip-preview", "--stack", "dev");
  const taskId = (await pulumi("stack", "output", "taskId", "--stack", "dev")).trim();
  let all = await tasks();
  expect(all.map((t) => [t.TaskId, t.Status])).toEqual([[taskId, "running"]]);
  expect(all[0].Params.PublishCdnParams[0].PublishCdnUrl).toContain("/live/stranger_one?");

  await pulumi("config", "set", "--secret", "pushUrl", PUSH_URL("stranger_two"), "--stack", "dev");
  await pulumi("up", "--yes", "--skip-preview", "--stack", "dev");
  expect((await pulumi("stack", "output", "taskId", "--stack", "dev")).trim()).toBe(taskId);
  all = await tasks();
  expect(all.map((t) => [t.TaskId, t.Status])).toEqual([[taskId, "running"]]);
  expect(all[0].SequenceNumber).not.toBeNull();
  expect(all[0].History.map((h) => h.Action)).toEqual(["StartPublishCdnStream", "UpdatePublishCdnStream"]);
  expect(all[0].Params.PublishCdnParams[0].PublishCdnUrl).toContain("/live/stranger_two?");

  await pulumi("destroy", "--yes", "--skip-preview", "--stack", "dev");
  all = await tasks();
  expect(all.map((t) => [t.TaskId, t.Status, t.FinishReason])).toEqual([[taskId, "finished", "stopped"]]);
});

describe("the README's runnable shell blocks, as written, in the project", () => {
  const runnable = fencedBlocks(README).filter((b) => isShell(b) && b.marker?.kind === "runnable");

  test.each(runnable.map((b) => [b.line, b] as const))("README.md:%i", async (_line, block) => {
    const body = givenBody(block);
    if (body) fs.copyFileSync(path.join(REPO, body), path.join(project, "body.json"));
    if (block.marker?.detail === "serves") {
      // A server: it must come up and answer; then it is stopped.
      const { line, child } = await serve("bash", ["-euo", "pipefail", "-c", block.code], project, cliEnv());
      try {
        expect(line.trim()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(await emulatorControl(line.trim(), "GET", "health")).toEqual({ status: "ok" });
      } finally {
        stop(child);
      }
      return;
    }
    const before = new Set(fs.readdirSync(project));
    try {
      await run("bash", ["-euo", "pipefail", "-c", block.code], { cwd: project, env: cliEnv(), maxBuffer: 16 << 20 });
    } catch (e) {
      const err = e as Error & { stdout?: string; stderr?: string };
      throw new Error(`README.md:${block.line} failed:\n${block.code}\n${err.stdout ?? ""}\n${err.stderr ?? err.message}`);
    }
    // Every file the block names after -o/--png was written, and is not empty.
    for (const m of block.code.matchAll(/(?:-o|--png) (\S+)/g)) {
      expect(before.has(m[1])).toBe(false);
      expect(fs.statSync(path.join(project, m[1])).size).toBeGreaterThan(0);
    }
  });
});
