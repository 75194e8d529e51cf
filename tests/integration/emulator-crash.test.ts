/**
 * A change the emulator acknowledged survives `kill -9`: a real `trtc-emulator --data <file>` child
 * process takes concurrent Starts and Updates from a TrtcClient, is SIGKILLed while requests are still in
 * flight, and a restart on the same file (with a cut-short line appended, as a write cut by a crash would
 * leave) holds every acknowledged task with at least its acknowledged SequenceNumber.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type TaskRecord } from "../../emulator";
import { TrtcClient } from "../../trtc";
import { type EmulatorCli, spawnEmulatorCli } from "../helpers/emulator-cli";
import { control } from "../helpers/raw-request";
import { startBody } from "../helpers/emulator-harness";

type StartBody = Parameters<TrtcClient["startPublishCdnStream"]>[0];

describe("emulator data file under kill -9", () => {
  let dir: string;
  let agent: Agent;
  const children: EmulatorCli[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "trtc-emu-crash-"));
    agent = new Agent({ keepAliveTimeout: 1000 });
  });
  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.child.kill("SIGKILL");
      await c.exit;
    }
    await agent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every acknowledged Start and Update, and tolerates a cut-short last line", async () => {
    const dataFile = join(dir, "emulator.json");
    const first = await spawnEmulatorCli(["--port", "0", "--rate-limit", "0", "--data", dataFile]);
    children.push(first);
    const client = new TrtcClient({
      credentials: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
      region: "ap-guangzhou",
      endpoint: first.url,
      rateLimitPerSecond: Infinity,
      maxAttempts: 1,
      dispatcher: agent,
    });

    // TaskId -> highest SequenceNumber acknowledged (null: Start acknowledged, no Update yet).
    const acked = new Map<string, number | null>();
    let killed = false;
    const KILL_AFTER = 60;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill("SIGKILL");
    };
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        try {
          const { TaskId } = await client.startPublishCdnStream(startBody() as StartBody);
          acked.set(TaskId, null);
          for (const seq of [w * 100 + i + 1, w * 100 + i + 2]) {
            await client.updatePublishCdnStream({ SdkAppId: 1400188366, TaskId, SequenceNumber: seq, WithTranscoding: 1 });
            acked.set(TaskId, seq);
          }
        } catch {
          // A request cut by the kill: not acknowledged, so nothing is expected of it.
          return;
        }
        if (acked.size >= KILL_AFTER) kill();
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    expect(await first.exit).toBe("SIGKILL");
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // A write the crash cut short: no newline, half a record.
    appendFileSync(dataFile, '{"task":{"TaskId":"half-written","SdkAppId":1400');

    const second = await spawnEmulatorCli(["--port", "0", "--data", dataFile]);
    children.push(second);
    const tasks = (await control(second.url, "GET", "tasks")).json.tasks as TaskRecord[];
    const byId = new Map(tasks.map((t) => [t.TaskId, t]));
    for (const [taskId, seq] of acked) {
      const task = byId.get(taskId);
      expect(task?.Status).toBe("running");
      // An Update in flight at the kill may have been written without its answer arriving: never lower.
      if (seq !== null) expect(task?.SequenceNumber).toBeGreaterThanOrEqual(seq);
    }
    expect(byId.has("half-written")).toBe(false);
    // The restart compacted the journal: the cut-short line is gone, every line parses.
    const text = readFileSync(dataFile, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(() =>
      text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    ).not.toThrow();
  }, 180_000);
});
