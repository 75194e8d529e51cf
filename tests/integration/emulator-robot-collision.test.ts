/**
 * A Start whose robot (or push-back robot) UserId is already in the room, in both emulator modes
 * (docs/EMULATOR.md, "Robot collisions"):
 * - `kick`, the default, as Tencent documents: the Start succeeds, whoever entered first with that UserId
 *   is kicked, a task whose robot was kicked ends (`FinishReason: "kicked"`) and its push URLs get
 *   DISCONNECTING and IDLE callbacks (checked by the example receiver, signatures verified);
 * - `refuse` (`--robot-collision refuse`): the Start is refused with `InvalidParameter` naming the UserId.
 */
import { startReceiver, type Receiver } from "../../examples/callback-receiver";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { parseArgs } from "../../emulator/cli/args";
import { APP, apiFor, type Api, codeOf, startBody, uniqueRobot } from "../helpers/emulator-harness";

const KEY = "collisionCallbackKey7";
const URL_OLD = "rtmp://3891.livepush.myqcloud.com/live/kick_old?txSecret=0123456789abcdef&txTime=62635BDE";
const URL_NEW = "rtmp://3891.livepush.myqcloud.com/live/kick_new?txSecret=fedcba9876543210&txTime=62635BDE";
const cdn = (url: string) => [{ PublishCdnUrl: url, IsTencentCdn: 1 }];
const taskPath = (id: string) => `tasks/${encodeURIComponent(id)}`;

describe("robot collisions, default mode kick (Tencent's documented behaviour)", () => {
  let emu: RunningEmulator;
  let receiver: Receiver;
  let api: Api;
  beforeAll(async () => {
    receiver = await startReceiver({ key: KEY, log: () => undefined });
    emu = await startEmulator({
      port: 0,
      rateLimitPerSecond: 0,
      callback: { url: receiver.url, key: KEY, answerTimeoutMs: 300, retryIntervalMs: 100, giveUpAfterMs: 1000 },
    });
    api = apiFor(emu);
  });
  afterAll(async () => {
    await emu.close();
    await receiver.close();
  });

  it("is the default", () => {
    expect(emu.core.options.robotCollision).toBe("kick");
  });

  it("a Start with a robot UserId already in the room succeeds and ends the task that entered first", async () => {
    const robot = uniqueRobot();
    const first = await api.start(startBody({ AgentParams: { UserId: robot }, PublishCdnParams: cdn(URL_OLD) }));
    const second = await api.start(startBody({ AgentParams: { UserId: robot }, PublishCdnParams: cdn(URL_NEW) }));
    const old = (await api.control("GET", taskPath(first))).json;
    expect(old).toMatchObject({
      Status: "finished",
      FinishReason: "kicked",
      KickedBy: { TaskId: second, RoomId: "295066", UserId: robot },
    });
    expect((await api.control("GET", taskPath(second))).json.Status).toBe("running");
    // The product learns of it only from a later Update or Stop, as on the real service.
    const update = await api.call("UpdatePublishCdnStream", { SdkAppId: APP, TaskId: first, SequenceNumber: 1, WithTranscoding: 1 });
    expect(codeOf(update)).toBe("FailedOperation.TaskFinished");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: first }))).toBe("FailedOperation.TaskFinished");
  });

  it("the kicked task's push URLs get DISCONNECTING then IDLE callbacks, cause kicked, before the new task's", async () => {
    const robot = uniqueRobot();
    const first = await api.start(startBody({ AgentParams: { UserId: robot }, PublishCdnParams: cdn(URL_OLD) }));
    const second = await api.start(startBody({ AgentParams: { UserId: robot }, PublishCdnParams: cdn(URL_OLD) }));
    await emu.core.callbacks.settled();
    const seen = (taskId: string) =>
      receiver.events
        .filter((e) => e.taskId === taskId)
        .sort((a, b) => a.eventMsTs - b.eventMsTs)
        .map((e) => e.status);
    expect(seen(first)).toEqual(["CONNECTING", "RUNNING", "DISCONNECTING", "IDLE"]);
    expect(seen(second)).toEqual(["CONNECTING", "RUNNING"]);
    const views = (await api.control("GET", "callbacks")).json.callbacks as Array<{
      taskId: string;
      cause: string;
      state: string;
      id: number;
    }>;
    const kicked = views.filter((v) => v.taskId === first && v.cause === "kicked");
    expect(kicked.map((v) => v.state)).toEqual(["delivered", "delivered"]);
    const started = views.filter((v) => v.taskId === second);
    expect(Math.max(...kicked.map((v) => v.id))).toBeLessThan(Math.min(...started.map((v) => v.id)));
  });

  it("a push-back robot entering a room where the UserId is taken kicks that robot's task", async () => {
    const fb = { RoomId: "630790", RoomIdType: 0, UserId: uniqueRobot(), UserSig: "eJxsig" };
    const holder = await api.start(startBody({ FeedBackRoomParams: [fb] }));
    const taker = await api.start(startBody({ RoomId: "630790", AgentParams: { UserId: fb.UserId } }));
    expect((await api.control("GET", taskPath(holder))).json).toMatchObject({
      FinishReason: "kicked",
      KickedBy: { TaskId: taker, RoomId: "630790", UserId: fb.UserId },
    });
  });

  it("kicks nobody for the same UserId in another room or another SdkAppId", async () => {
    const robot = uniqueRobot();
    const first = await api.start(startBody({ AgentParams: { UserId: robot } }));
    await api.start(startBody({ RoomId: "777002", AgentParams: { UserId: robot } }));
    await api.start({ ...startBody({ AgentParams: { UserId: robot } }), SdkAppId: 1400000003 });
    expect((await api.control("GET", taskPath(first))).json.Status).toBe("running");
  });

  it("an anchor with the robot's UserId leaves the room (the user who entered first is kicked)", async () => {
    const robot = uniqueRobot();
    await api.control("PUT", `rooms/${APP}/630791`, { anchors: [robot, "anchor_stays"] });
    await api.start(startBody({ RoomId: "630791", AgentParams: { UserId: robot } }));
    const room = (await api.control("GET", "rooms")).json.rooms.find((r: { RoomId: string }) => r.RoomId === "630791");
    expect(room.Anchors).toEqual(["anchor_stays"]);
  });

  it("a Start refused for another reason kicks nobody", async () => {
    const robot = uniqueRobot();
    const first = await api.start(startBody({ AgentParams: { UserId: robot } }));
    await api.control("POST", "faults", { action: "StartPublishCdnStream", error: "InternalError", count: 1 });
    expect(codeOf(await api.call("StartPublishCdnStream", startBody({ AgentParams: { UserId: robot } })))).toBe("InternalError");
    expect((await api.control("GET", taskPath(first))).json.Status).toBe("running");
  });
});

describe("robot collisions, mode refuse (--robot-collision refuse)", () => {
  let emu: RunningEmulator;
  let api: Api;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, robotCollision: "refuse" });
    api = apiFor(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  it("refuses a robot UserId that a running task uses in the same room, and frees it on Stop", async () => {
    const robot = uniqueRobot();
    const taskId = await api.start(startBody({ AgentParams: { UserId: robot } }));
    const clash = await api.call("StartPublishCdnStream", startBody({ AgentParams: { UserId: robot } }));
    expect(codeOf(clash)).toBe("InvalidParameter");
    expect(clash.json.Response.Error.Message).toContain(`UserId \`${robot}\` collides with a robot of running task ${taskId}`);
    expect((await api.control("GET", taskPath(taskId))).json.Status).toBe("running");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody({ RoomId: "777001", AgentParams: { UserId: robot } })))).toBe("ok");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId }))).toBe("ok");
    expect(codeOf(await api.call("StartPublishCdnStream", startBody({ AgentParams: { UserId: robot } })))).toBe("ok");
  });

  it("refuses a push-back robot that collides in its target room", async () => {
    const fb = { RoomId: "630777", RoomIdType: 0, UserId: uniqueRobot(), UserSig: "eJxsig" };
    await api.start(startBody({ FeedBackRoomParams: [fb] }));
    const clash = await api.call("StartPublishCdnStream", startBody({ RoomId: "630777", AgentParams: { UserId: fb.UserId } }));
    expect(codeOf(clash)).toBe("InvalidParameter");
    expect(clash.json.Response.Error.Message).toContain("collides");
  });

  it("leaves anchors alone", async () => {
    const robot = uniqueRobot();
    await api.control("PUT", `rooms/${APP}/630792`, { anchors: [robot] });
    await api.start(startBody({ RoomId: "630792", AgentParams: { UserId: robot } }));
    const room = (await api.control("GET", "rooms")).json.rooms.find((r: { RoomId: string }) => r.RoomId === "630792");
    expect(room.Anchors).toEqual([robot]);
  });
});

describe("the option and the flag", () => {
  it("--robot-collision kick|refuse sets robotCollision; anything else is refused naming the flag", () => {
    expect(parseArgs(["--robot-collision", "refuse"])).toEqual({ kind: "run", options: { robotCollision: "refuse" }, verbose: false });
    expect(parseArgs(["--robot-collision=kick"])).toEqual({ kind: "run", options: { robotCollision: "kick" }, verbose: false });
    expect(() => parseArgs(["--robot-collision", "ignore"])).toThrow('--robot-collision must be kick or refuse, got "ignore"');
  });

  it("startEmulator refuses an unknown robotCollision, naming the option", async () => {
    await expect(startEmulator({ port: 0, robotCollision: "ignore" as never })).rejects.toThrow(
      'robotCollision must be "kick" or "refuse"',
    );
  });
});
