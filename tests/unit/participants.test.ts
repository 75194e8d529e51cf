/**
 * Who keeps a task alive (issue 17, kind 5): the participants of its mix, by emulator/state/participants.ts.
 */
import { robotsIn, taskParticipants } from "../../emulator/state/participants";
import { newTask, type TaskRecord } from "../../emulator/state/task";
import { DYNAMIC_START, MIX, RELAY, patch, seed, user } from "../fixtures/bodies";

const taskOf = (body: Record<string, unknown>): TaskRecord => newTask("t1", body, 0, "r1");
const named = (body: Record<string, unknown>) => taskParticipants(taskOf(body)).named.map((p) => `${p.roomId}/${p.userId}`);

describe("taskParticipants", () => {
  test("single-stream relay: the relayed user only (issue example)", () => {
    expect(taskParticipants(taskOf(RELAY))).toEqual({ named: [{ roomId: "295066", userId: "Trtc_User_0" }] });
  });

  test("custom layout plus an allow-list: the users they name, in their rooms (issue example)", () => {
    const body = patch(seed("start-mix-cross-room.json"), {});
    expect(taskParticipants(taskOf(body)).fromRoom).toBeUndefined();
    expect(named(body).sort()).toEqual(["295066/Trtc_User_0", "295066/Trtc_User_0", "295067/Trtc_User_1", "295067/Trtc_User_1"].sort());
  });

  test("custom layout without an allow-list: audio of every anchor is mixed, so the main room counts", () => {
    expect(taskParticipants(taskOf(MIX)).fromRoom).toEqual({ roomId: "295066", blocked: new Set() });
  });

  test("an anonymous custom cell is filled from the main room", () => {
    const body = patch(MIX, {
      "VideoParams.LayoutParams.MixLayoutList[1].UserMediaStream": undefined,
      "AudioParams.SubscribeAudioList": [{ UserInfo: user("Trtc_User_0") }],
    });
    expect(taskParticipants(taskOf(body)).fromRoom?.roomId).toBe("295066");
  });

  test("dynamic layouts: the main room minus the block-list; the big picture is named too", () => {
    const body = patch(DYNAMIC_START, { "AudioParams.UnSubscribeAudioList": [{ UserInfo: user("noisy") }] });
    const p = taskParticipants(taskOf(body));
    expect(p.fromRoom).toEqual({ roomId: "295066", blocked: new Set(["noisy"]) });
    expect(p.named.map((u) => u.userId)).toContain("Trtc_User_0");
  });

  test("audio-only mix with an allow-list: only those users", () => {
    const p = taskParticipants(taskOf(seed("start-mix-audio-only-cdn.json")));
    expect(p.fromRoom).toBeUndefined();
    expect(p.named.map((u) => u.userId)).toEqual(["Trtc_User_0", "Trtc_User_1"]);
  });
});

test("robotsIn: relay robots of the room and push-back robots publishing into it, of running tasks of the app", () => {
  const a = taskOf(MIX);
  const b = {
    ...taskOf(
      patch(MIX, {
        RoomId: "1",
        "AgentParams.UserId": "other",
        FeedBackRoomParams: [{ RoomId: "295066", RoomIdType: 0, UserId: "fb", UserSig: "s" }],
      }),
    ),
    TaskId: "t2",
  };
  const stopped = { ...taskOf(patch(MIX, { "AgentParams.UserId": "gone" })), TaskId: "t3", Status: "finished" as const };
  expect(robotsIn([a, b, stopped], 1400188366, "295066")).toEqual(new Set(["trtc_partner_test_1", "fb"]));
  expect(robotsIn([a, b], 1400000001, "295066")).toEqual(new Set());
});
