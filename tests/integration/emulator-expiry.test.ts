/**
 * Idle expiry: a task ends `MaxIdleTime` seconds after its rooms lost their last anchor, driven by the
 * control API's presence and clock calls, by an injected clock, or by the emulator's own timer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody, uniqueRobot, useEmulator } from "../helpers/emulator-harness";

const taskPath = (id: string) => `tasks/${encodeURIComponent(id)}`;

describe("emulator idle expiry (control clock)", () => {
  const emu = useEmulator({ rateLimitPerSecond: 0 });
  beforeEach(async () => {
    await emu.api().control("POST", "reset");
  });

  it("keeps a task whose anchors never arrived until it is stopped", async () => {
    const api = emu.api();
    const taskId = await api.start();
    await api.control("POST", "clock", { advanceSeconds: 86_400 });
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");
  });

  it("finishes a task MaxIdleTime after the room empties, not before", async () => {
    const api = emu.api();
    const taskId = await api.start(startBody({ RoomId: "5001", AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 30 } }));
    expect((await api.control("PUT", `rooms/${APP}/5001`, { anchors: ["anchor_1", "anchor_2"] })).status).toBe(200);
    await api.control("POST", "clock", { advanceSeconds: 600 });
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");

    await api.control("PUT", `rooms/${APP}/5001`, { anchors: [] });
    const idleSince = Date.parse((await api.control("GET", taskPath(taskId))).json.Presence.IdleSince);
    const early = await api.control("POST", "clock", { advanceSeconds: 29 });
    expect(early.json.expired).toEqual([]);
    const late = await api.control("POST", "clock", { advanceSeconds: 2 });
    expect(late.json.expired).toEqual([taskId]);

    const view = (await api.control("GET", taskPath(taskId))).json;
    expect(view).toMatchObject({ Status: "finished", FinishReason: "idle" });
    expect(Date.parse(view.FinishedAt) - idleSince).toBe(30_000);
    expect(codeOf(await api.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: taskId, SequenceNumber: 1, WithTranscoding: 1 }))).toBe(
      "FailedOperation.TaskFinished",
    );
  });

  it("restarts the countdown when an anchor comes back", async () => {
    const api = emu.api();
    const taskId = await api.start(startBody({ RoomId: "5002", AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 10 } }));
    await api.control("PUT", `rooms/${APP}/5002`, { anchors: ["a"] });
    await api.control("PUT", `rooms/${APP}/5002`, { anchors: [] });
    await api.control("POST", "clock", { advanceSeconds: 8 });
    await api.control("PUT", `rooms/${APP}/5002`, { anchors: ["a"] });
    await api.control("PUT", `rooms/${APP}/5002`, { anchors: [] });
    await api.control("POST", "clock", { advanceSeconds: 8 });
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");
    await api.control("POST", "clock", { advanceSeconds: 3 });
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("finished");
  });

  it("counts anchors of every mixed room (cross-room PK), not only the main room", async () => {
    const api = emu.api();
    // The seed page's cross-room example: main room 295066, PK anchor Trtc_User_1 in room 295067.
    const seed = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "seed", "start-mix-cross-room.json"), "utf8"));
    const body = { ...seed, AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 5 } };
    const taskId = await api.start(body);
    await api.control("PUT", `rooms/${APP}/295067`, { anchors: ["Trtc_User_1"] });
    await api.control("PUT", `rooms/${APP}/295066`, { anchors: [] });
    await api.control("POST", "clock", { advanceSeconds: 60 });
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");
    await api.control("PUT", `rooms/${APP}/295067`, { anchors: [] });
    await api.control("POST", "clock", { advanceSeconds: 6 });
    expect((await api.control("GET", taskPath(taskId))).json.FinishReason).toBe("idle");
  });

  it("expires a task on demand", async () => {
    const api = emu.api();
    const taskId = await api.start();
    const res = await api.control("POST", `${taskPath(taskId)}/expire`);
    expect(res.json).toMatchObject({ Status: "finished", FinishReason: "expired" });
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId }))).toBe("FailedOperation.TaskFinished");
  });

  it("lists rooms and rejects malformed presence calls", async () => {
    const api = emu.api();
    await api.control("PUT", `rooms/${APP}/7001`, { anchors: ["x", "x", "y"] });
    const rooms = (await api.control("GET", "rooms")).json.rooms;
    expect(rooms).toEqual([expect.objectContaining({ SdkAppId: APP, RoomId: "7001", Anchors: ["x", "y"] })]);
    expect((await api.control("PUT", `rooms/${APP}/7001`, { anchors: "x" })).status).toBe(400);
    expect((await api.control("PUT", `rooms/abc/7001`, { anchors: [] })).status).toBe(400);
    expect((await api.control("POST", "clock", { advanceSeconds: -1 })).status).toBe(400);
  });
});

describe("emulator idle expiry (injected clock)", () => {
  it("evaluates expiry lazily against the injected clock on every read", async () => {
    let now = Date.UTC(2030, 0, 1);
    const emu = await startEmulator({ port: 0, clock: () => now, auth: false });
    try {
      const api = apiFor(emu);
      const taskId = await api.start(startBody({ RoomId: "8001", AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 5 } }));
      await api.control("PUT", `rooms/${APP}/8001`, { anchors: ["a"] });
      await api.control("PUT", `rooms/${APP}/8001`, { anchors: [] });
      now += 4_999;
      expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");
      now += 1;
      expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("finished");
    } finally {
      await emu.close();
    }
  });
});

describe("emulator idle expiry (timer)", () => {
  it("finishes an idle task by its own timer, without any request", async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      const api = apiFor(emu);
      const taskId = await api.start(startBody({ RoomId: "9001", AgentParams: { UserId: uniqueRobot(), MaxIdleTime: 5 } }));
      await api.control("PUT", `rooms/${APP}/9001`, { anchors: ["a"] });
      await api.control("PUT", `rooms/${APP}/9001`, { anchors: [] });
      // Read the store directly: an HTTP read would run the lazy sweep and prove nothing about the timer.
      const deadline = Date.now() + 15_000;
      while (emu.core.store.getTask(taskId)?.Status === "running" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(emu.core.store.getTask(taskId)?.FinishReason).toBe("idle");
    } finally {
      await emu.close();
    }
  }, 20_000);
});
