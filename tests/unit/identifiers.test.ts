/**
 * Room ids, UserIds and URLs kept out of the provider's messages (provider/identifiers.ts): which values
 * count, how they are replaced, and that create, update, delete and check use it.
 */
import { checkArguments } from "../../provider/check";
import { clearConfig } from "../../provider/config";
import { identifiersOf, scrubbed, withoutIdentifiers } from "../../provider/identifiers";
import { ResourceInitError } from "../../provider/init-error";
import { makeLifecycle } from "../../provider/lifecycle";
import { TencentCloudError } from "../../trtc/client/errors";
import { seedArgs, storedState } from "../helpers/stream-args";

afterEach(() => clearConfig());

const args = {
  // The cell's roomId comes first and names the same room: the top-level argument still names it.
  videoParams: { layoutParams: { mixLayoutList: [{ userMediaStream: { userInfo: { userId: "anchor_1", roomId: "446688" } } }] } },
  roomId: "446688",
  agentParams: { userId: "relay_446688", userSig: "sig" },
  publishCdnParams: [{ publishCdnUrl: "rtmp://push.example.com/live/s?txSecret=abc", isTencentCdn: 1 }],
};

test("room ids, UserIds and URLs (also without their query), longest first, each named by its shallowest argument path", () => {
  expect(identifiersOf(args)).toEqual([
    { value: "rtmp://push.example.com/live/s?txSecret=abc", path: "publishCdnParams[0].publishCdnUrl" },
    { value: "rtmp://push.example.com/live/s", path: "publishCdnParams[0].publishCdnUrl" },
    { value: "relay_446688", path: "agentParams.userId" },
    { value: "anchor_1", path: "videoParams.layoutParams.mixLayoutList[0].userMediaStream.userInfo.userId" },
    { value: "446688", path: "roomId" },
  ]);
});

test("replaced where they stand alone; a short value only where quoted", () => {
  const ids = identifiersOf(args);
  expect(withoutIdentifiers('the UserId `relay_446688` collides with task T1 in room 446688; RoomId "446688"', ids)).toBe(
    'the UserId `<agentParams.userId>` collides with task T1 in room <roomId>; RoomId "<roomId>"',
  );
  expect(withoutIdentifiers("room 14466889 and rtmp://push.example.com/live/s?txSecret=***", ids)).toBe(
    "room 14466889 and <publishCdnParams[0].publishCdnUrl>?txSecret=***",
  );
  const short = identifiersOf({ roomId: "1" });
  expect(withoutIdentifiers('attempt 1 failed; RoomId "1"', short)).toBe('attempt 1 failed; RoomId "<roomId>"');
});

test("an error keeps its data and class; message, stack and init-failure reasons lose the values", () => {
  const api = new TencentCloudError({
    code: "InvalidParameter",
    message: "collides in room 446688",
    action: "StartPublishCdnStream",
    requestId: "r1",
  });
  const out = scrubbed(api, args);
  expect(out).toBe(api);
  expect(out.message).toBe("collides in room <roomId>");
  expect(out.stack).not.toContain("446688");
  expect({ code: out.code, requestId: out.requestId }).toEqual({ code: "InvalidParameter", requestId: "r1" });
  const init = scrubbed(new ResourceInitError("T1", {}, "task T1 in room 446688"), args);
  expect(init.reasons).toEqual(["task T1 in room <roomId>"]);
  expect(init.id).toBe("T1");
});

test("create, update and delete throw without the values; check's reasons and a bad roomId's printed value too", async () => {
  const room = "446688";
  const fail = async () => {
    throw new TencentCloudError({ code: "InvalidParameter", message: `robot relay_room collides in room ${room}`, action: "x" });
  };
  const lifecycle = makeLifecycle({
    connect: () => ({ startPublishCdnStream: fail, updatePublishCdnStream: fail, stopPublishCdnStream: fail }),
    env: () => ({ TENCENTCLOUD_SECRET_ID: "AKID", TENCENTCLOUD_SECRET_KEY: "k", TRTC_ENDPOINT: "http://127.0.0.1:9" }),
    log: () => undefined,
  });
  const body = { ...seedArgs("mix-audio-only-cdn"), roomId: room, agentParams: { userId: "relay_room", maxIdleTime: 30 } };
  await expect(lifecycle.create(body)).rejects.toThrow("robot <agentParams.userId> collides in room <roomId>");
  const olds = storedState(body);
  await expect(
    lifecycle.update("task-1", olds, { ...body, seiParams: { layoutVolume: { appData: "x", payloadType: 100 } } }),
  ).rejects.toThrow("collides in room <roomId>");
  await expect(lifecycle.delete("task-1", olds)).rejects.toThrow("collides in room <roomId>");

  const bad = checkArguments({ ...body, roomId: "44x66" }, "cn");
  expect(bad.failures).toContainEqual({
    property: "",
    reason: expect.stringMatching(/^roomId: must be a decimal integer .*\(got "<roomId>"\)$/),
  });
  expect(JSON.stringify(bad.failures)).not.toContain("44x66");
});
