/**
 * The load side of the store benchmark: a `trtc-emulator` child process (its own process, so the driver's
 * CPU and garbage never count as the emulator's) and concurrent signed Starts from one {@link TrtcClient}.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { Agent } from "undici";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, emulatorControl } from "../../emulator";
import { TrtcClient } from "../../trtc";
import { repoRoot } from "../../harness/repo";

/** A running emulator child. */
export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  /** Ends the child with SIGKILL and waits for it to go. */
  kill(): Promise<void>;
}

/** This checkout's compiled CLI. */
export const defaultEmulatorMain = (): string => path.join(repoRoot(), "dist", "emulator", "cli", "main.js");

/**
 * Spawns the compiled `trtc-emulator` (dist/emulator/cli/main.js) with rate limiting off and port 0, plus
 * `extraArgs` (e.g. `--data <file>`); `main` may name another build's CLI (to compare before and after a
 * change). Resolves with the URL it prints on its first stdout line.
 */
export function spawnEmulator(extraArgs: readonly string[] = [], main = defaultEmulatorMain()): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [main, "--port", "0", "--rate-limit", "0", ...extraArgs], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer): void => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl < 0) return;
      child.stdout?.off("data", onData);
      resolve({
        url: out.slice(0, nl).trim(),
        child,
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`trtc-emulator exited (${code ?? signal}) before listening: ${stderr}`)));
  });
}

/**
 * Idle sockets are dropped well before the server's 5 s keep-alive timeout, so a Start is never written
 * to a socket the server is closing (which would end the run with ECONNRESET).
 */
const agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });

/** A client for the emulator's default key: no client-side limiter, no retries, long timeouts, so every answer counts. */
export function benchClient(url: string): TrtcClient {
  return new TrtcClient({
    dispatcher: agent,
    credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region: "ap-guangzhou",
    endpoint: url,
    rateLimitPerSecond: Infinity,
    maxAttempts: 1,
    // A slow store is what is measured: wait for it rather than fail the run at the default 15 s.
    timeoutMs: 120_000,
    deadlineMs: 130_000,
  });
}

let robot = 0;

/** A Start body of the quickstart's shape with a fresh robot UserId, so no two Starts collide. */
export function startBody(): Parameters<TrtcClient["startPublishCdnStream"]>[0] {
  robot += 1;
  return {
    SdkAppId: 1400188366,
    RoomId: "295066",
    RoomIdType: 0,
    WithTranscoding: 1,
    AgentParams: {
      UserId: `relay_bench_${robot}`,
      UserSig: "eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekPffdc6X08v8O5b5Snmd9LjRYeCnyM",
      MaxIdleTime: 30,
    },
    AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64, Codec: 0 } },
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1536, Gop: 2 },
      LayoutParams: {
        MixLayoutMode: 4,
        MixLayoutList: [0, 1].map((i) => ({
          UserMediaStream: { UserInfo: { UserId: `Trtc_User_${i}`, RoomId: "295066", RoomIdType: 0 }, StreamType: 0 },
          ImageWidth: 640,
          ImageHeight: 720,
          LocationX: 640 * i,
          LocationY: 0,
        })),
      },
      BackGroundColor: "0x000000",
    },
    PublishCdnParams: [
      { PublishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/bench?txSecret=0123456789abcdef&txTime=7FFFFFFF", IsTencentCdn: 1 },
    ],
  };
}

/** What one burst of Starts measured. */
export interface Burst {
  starts: number;
  ms: number;
  /** Per-Start latency in ms, in completion order. */
  latencies: number[];
}

/** Sends `count` Starts, `concurrency` in flight at a time; any failure rejects (the benchmark counts only successes). */
export async function startBurst(client: TrtcClient, count: number, concurrency: number): Promise<Burst> {
  let next = 0;
  const latencies: number[] = [];
  const began = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const t = performance.now();
      await client.startPublishCdnStream(startBody());
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { starts: count, ms: performance.now() - began, latencies };
}

/** Tasks the emulator holds, from `/_emulator/stats`. */
export async function storedTasks(url: string): Promise<number> {
  const stats = await emulatorControl<{ tasks: { running: number; finished: number } }>(url, "GET", "stats");
  return stats.tasks.running + stats.tasks.finished;
}
