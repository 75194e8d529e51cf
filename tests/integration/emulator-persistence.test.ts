/**
 * `dataFile`: tasks, rooms, sequence numbers and the clock offset survive a restart; the file is a journal
 * (one line per change), a version-1 snapshot of an earlier emulator still loads, and a corrupt file is
 * refused rather than overwritten. Surviving `kill -9` is emulator-crash.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody } from "../helpers/emulator-harness";

/** The data file's lines, parsed. */
const journalLines = (file: string): any[] =>
  // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe("emulator persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "trtc-emu-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps tasks, rooms, SequenceNumbers and the clock offset across a restart", async () => {
    const dataFile = join(dir, "nested", "state.json");
    const first = await startEmulator({ port: 0, dataFile });
    const api1 = apiFor(first);
    const running = await api1.start();
    const stopped = await api1.start();
    expect(
      codeOf(await api1.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: running, SequenceNumber: 7, WithTranscoding: 1 })),
    ).toBe("ok");
    expect(codeOf(await api1.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: stopped }))).toBe("ok");
    await api1.control("PUT", `rooms/${APP}/295066`, { anchors: ["anchor_1"] });
    await api1.control("POST", "clock", { advanceSeconds: 120 });
    const before = (await api1.control("GET", "tasks")).json.tasks;
    await first.close();

    expect(statSync(dataFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "nested"))).toEqual(["state.json"]);

    const second = await startEmulator({ port: 0, dataFile });
    try {
      const api2 = apiFor(second);
      expect((await api2.control("GET", "tasks")).json.tasks).toEqual(before);
      expect((await api2.control("GET", "rooms")).json.rooms[0].Anchors).toEqual(["anchor_1"]);
      expect((await api2.control("GET", "clock")).json.offsetSeconds).toBe(120);
      expect(
        codeOf(await api2.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: running, SequenceNumber: 7, WithTranscoding: 1 })),
      ).toBe("FailedOperation.RequestOutdated");
      expect(
        codeOf(await api2.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: running, SequenceNumber: 8, WithTranscoding: 1 })),
      ).toBe("ok");
      expect(codeOf(await api2.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: stopped }))).toBe("FailedOperation.TaskFinished");
      const onDisk = journalLines(dataFile);
      expect(onDisk[0]).toEqual({ format: "trtc-emulator-journal", version: 2 });
      const latest = onDisk.filter((l) => l.task?.TaskId === running).pop();
      expect(latest.task.SequenceNumber).toBe(8);
    } finally {
      await second.close();
    }
  });

  it("loads a version-1 snapshot written by an earlier emulator and rewrites it as a journal", async () => {
    // What the earlier emulator wrote after every change: the whole state, pretty-printed.
    const memory = await startEmulator({ port: 0 });
    const api = apiFor(memory);
    const running = await api.start();
    const stopped = await api.start();
    await api.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: running, SequenceNumber: 3, WithTranscoding: 1 });
    await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: stopped });
    await api.control("PUT", `rooms/${APP}/295066`, { anchors: ["anchor_1"] });
    await api.control("POST", "clock", { advanceSeconds: 60 });
    const snapshot = { version: 1, tasks: memory.core.store.listTasks(), rooms: memory.core.store.listRooms(), clockOffsetMs: 60_000 };
    const before = (await api.control("GET", "tasks")).json.tasks;
    await memory.close();
    const dataFile = join(dir, "emulator.json");
    writeFileSync(dataFile, JSON.stringify(snapshot, null, 2), { mode: 0o600 });

    const migrated = await startEmulator({ port: 0, dataFile });
    try {
      const api2 = apiFor(migrated);
      expect((await api2.control("GET", "tasks")).json.tasks).toEqual(before);
      expect((await api2.control("GET", "rooms")).json.rooms[0].Anchors).toEqual(["anchor_1"]);
      expect((await api2.control("GET", "clock")).json.offsetSeconds).toBe(60);
      expect(
        codeOf(await api2.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: running, SequenceNumber: 3, WithTranscoding: 1 })),
      ).toBe("FailedOperation.RequestOutdated");
      const lines = journalLines(dataFile);
      expect(lines[0]).toEqual({ format: "trtc-emulator-journal", version: 2 });
      expect(lines.filter((l) => l.task).map((l) => l.task.TaskId)).toEqual([running, stopped]);
      expect(statSync(dataFile).mode & 0o777).toBe(0o600);
    } finally {
      await migrated.close();
    }
  });

  it("refuses to start over a corrupt data file and leaves it untouched", async () => {
    const dataFile = join(dir, "state.json");
    writeFileSync(dataFile, "{ half a snapshot");
    await expect(startEmulator({ port: 0, dataFile })).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(dataFile, "utf8")).toBe("{ half a snapshot");
  });

  it("keeps nothing on disk without a dataFile", async () => {
    const emu = await startEmulator({ port: 0 });
    await apiFor(emu).start(startBody());
    await emu.close();
    const again = await startEmulator({ port: 0 });
    try {
      expect((await apiFor(again).control("GET", "tasks")).json.tasks).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
