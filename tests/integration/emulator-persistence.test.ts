/**
 * `dataFile`: tasks, rooms, sequence numbers and the clock offset survive a restart; writes are atomic
 * and a corrupt file is refused rather than overwritten.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody } from "../helpers/emulator-harness";

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
      const onDisk = JSON.parse(readFileSync(dataFile, "utf8"));
      expect(onDisk.tasks.find((t: { TaskId: string }) => t.TaskId === running).SequenceNumber).toBe(8);
    } finally {
      await second.close();
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
