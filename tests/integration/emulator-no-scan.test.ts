/**
 * No API request and no presence, clock or stats control request walks the whole task store: with many
 * tasks stored, Start (accepted; a robot collision kicking the seat's holder, or refused in mode `refuse`;
 * refused for the concurrency limit), Update, Stop, a room change, idle expiry and stats all run without
 * `listTasks`, and still decide as before. (How fast
 * they are is the benchmark's business: bench/emulator-store/.)
 */
import { type RobotCollisionMode, startEmulator, type RunningEmulator } from "../../emulator";
import { APP, apiFor, codeOf, startBody, type Api } from "../helpers/emulator-harness";

describe.each<RobotCollisionMode>(["kick", "refuse"])(
  "emulator requests read indexes, not the whole store (robot collisions: %s)",
  (mode) => {
    let emu: RunningEmulator;
    let api: Api;
    let walks = 0;
    beforeAll(async () => {
      emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, maxConcurrentTasks: 202, robotCollision: mode });
      api = apiFor(emu);
      const store = emu.core.store;
      const listTasks = store.listTasks.bind(store);
      store.listTasks = () => {
        walks += 1;
        return listTasks();
      };
    });
    afterAll(() => emu.close());

    it("starts, refuses, updates, expires and stops without a walk", async () => {
      const robot = {
        UserId: "relay_scan",
        UserSig: "eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekPffdc6X08v8O5b5Snmd9LjRYeCnyM",
        MaxIdleTime: 5,
      };
      // Many tasks in another room, none mixing room 777.
      for (let i = 0; i < 200; i++) await api.start(startBody({ RoomId: "295066" }));
      const first = await api.start(startBody({ RoomId: "777", AgentParams: robot }));
      const collision = await api.call("StartPublishCdnStream", startBody({ RoomId: "777", AgentParams: robot }));
      let mixed = first;
      if (mode === "refuse") {
        expect(codeOf(collision)).toBe("InvalidParameter");
        expect(collision.json.Response.Error.Message).toContain(`running task ${first}`);
      } else {
        expect(codeOf(collision)).toBe("ok");
        mixed = collision.json.Response.TaskId;
        expect((await api.control("GET", `tasks/${first}`)).json).toMatchObject({ Status: "finished", FinishReason: "kicked" });
      }

      expect(
        codeOf(await api.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: mixed, SequenceNumber: 1, WithTranscoding: 1 })),
      ).toBe("ok");
      // Anchors come and go in room 777: only the task mixing it starts counting down, and expires.
      await api.control("PUT", `rooms/${APP}/777`, { anchors: ["a"] });
      await api.control("PUT", `rooms/${APP}/777`, { anchors: [] });
      const clock = await api.control("POST", "clock", { advanceSeconds: 6 });
      expect(clock.json.expired).toEqual([mixed]);
      expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: mixed }))).toBe("FailedOperation.TaskFinished");

      const other = await api.start(startBody({ RoomId: "778" }));
      await api.start(startBody({ RoomId: "778" }));
      expect(codeOf(await api.call("StartPublishCdnStream", startBody({ RoomId: "778" })))).toBe("FailedOperation.RestrictedConcurrency");
      expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: other }))).toBe("ok");
      // Finished: the expired and the stopped task, and under kick the task whose robot was kicked.
      expect((await api.control("GET", "stats")).json.tasks).toEqual({ running: 201, finished: mode === "kick" ? 3 : 2 });
      expect(walks).toBe(0);
    }, 60_000);
  },
);
