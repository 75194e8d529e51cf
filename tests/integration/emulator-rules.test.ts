/**
 * Tencent's rules, whole (issue 17): each kind of rule against the emulator, through our `TrtcClient` and
 * through Tencent's official Node SDK, with the example and siblings of it.
 *
 * "Start body S" is the normal mixing task: SdkAppId 1400000001, room "8001" (RoomIdType 0), robot
 * `relay_robot_8001`, audio 48 kHz stereo 64 kbps, video 1280x720 15 fps 1536 kbps, a custom layout of
 * `anchor_a` (0,0 640x720) and `anchor_b` (640,0 640x720), one Tencent CDN push URL. All made up.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { TrtcClient } from "../../trtc/client/client";
import { TencentCloudError } from "../../trtc/client/errors";
import { ValidationError } from "../../trtc/validate";
import { apiFor, codeOf } from "../helpers/emulator-harness";
import { type SdkCall, sdkCall, sdkClient, useLoopbackAgent } from "../helpers/tencent-sdk";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies are indexed freely

const APP = 1400000001;
const ROOM = "8001";
const ROBOT = "relay_robot_8001";
const TX_SECRET = "0123456789abcdef0123";
const PUSH = `rtmp://3891.livepush.myqcloud.com/live/show_8001?txSecret=${TX_SECRET}&txTime=7FFFFFFF`;

const userInfo = (UserId: string, RoomId = ROOM) => ({ UserId, RoomId, RoomIdType: 0 });
const cell = (UserId: string, x: number, y = 0, w = 640, h = 720) => ({
  UserMediaStream: { UserInfo: userInfo(UserId), StreamType: 0 },
  LocationX: x,
  LocationY: y,
  ImageWidth: w,
  ImageHeight: h,
});

/** Start body S, with top-level overrides. */
function bodyS(extra: Json = {}): Json {
  return {
    SdkAppId: APP,
    RoomId: ROOM,
    RoomIdType: 0,
    WithTranscoding: 1,
    AgentParams: { UserId: ROBOT, UserSig: "eJw-made-up-robot-usersig", MaxIdleTime: 30 },
    AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64, Codec: 0 } },
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1536, Gop: 2 },
      LayoutParams: { MixLayoutMode: 4, MixLayoutList: [cell("anchor_a", 0), cell("anchor_b", 640)] },
    },
    PublishCdnParams: [{ PublishCdnUrl: PUSH, IsTencentCdn: 1 }],
    ...extra,
  };
}

/** S with ten 128x72 cells (`cell_0` … `cell_9`) in one row. */
const tenCells = (): Json =>
  bodyS({
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1536, Gop: 2 },
      LayoutParams: { MixLayoutMode: 4, MixLayoutList: Array.from({ length: 10 }, (_, i) => cell(`cell_${i}`, i * 128, 0, 128, 72)) },
    },
  });

const update = (TaskId: string, SequenceNumber: number | bigint | string, extra: Json = {}): Json => ({
  SdkAppId: APP,
  TaskId,
  SequenceNumber,
  WithTranscoding: 1,
  ...extra,
});

/** What a user of one client sees when a call fails. */
interface Failure {
  code: string;
  message: string;
  /** True when the client refused before sending (TrtcClient's own validation). */
  local: boolean;
}

/** One way of calling the emulator, as a user would. */
interface Via {
  name: string;
  start(body: Json): Promise<string>;
  call(action: string, body: Json): Promise<Failure | undefined>;
}

let emu: RunningEmulator;
let sdk: Record<string, SdkCall>;
const lines: string[] = [];
useLoopbackAgent();

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimitPerSecond: 0, log: (line) => lines.push(line) });
  sdk = sdkClient(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await apiFor(emu).control("POST", "reset");
  lines.length = 0;
});

const trtcClient = (): TrtcClient =>
  new TrtcClient({
    credentials: { secretId: emu.secretId, secretKey: emu.secretKey },
    region: "ap-guangzhou",
    endpoint: emu.url,
    rateLimitPerSecond: Infinity,
    backoff: { baseMs: 1, throttledBaseMs: 1, capMs: 5 },
  });

const VIA_CLIENT: Via = {
  name: "TrtcClient",
  async start(body) {
    return (await trtcClient().call("StartPublishCdnStream", body)).TaskId;
  },
  async call(action, body) {
    try {
      await trtcClient().call(action as never, body);
      return undefined;
    } catch (e) {
      if (e instanceof ValidationError) return { code: e.code, message: e.message, local: true };
      if (e instanceof TencentCloudError) return { code: e.code, message: e.message, local: false };
      throw e;
    }
  },
};

const VIA_SDK: Via = {
  name: "Tencent's official Node SDK",
  async start(body) {
    return (await sdkCall(sdk, "StartPublishCdnStream", body)).TaskId as string;
  },
  async call(action, body) {
    try {
      await sdkCall(sdk, action, body);
      return undefined;
    } catch (e) {
      const err = e as { code: string; message: string };
      return { code: err.code, message: err.message, local: false };
    }
  },
};

const task = async (taskId: string): Promise<Json> => (await apiFor(emu).control("GET", `tasks/${encodeURIComponent(taskId)}`)).json;
const requests = async (): Promise<Json[]> => (await apiFor(emu).control("GET", "requests")).json.requests;

describe.each([[VIA_CLIENT], [VIA_SDK]])("through %p", (via) => {
  /** The answer a client that validates first (TrtcClient) or does not (the SDK) gives for a bad Start body. */
  const refusedStart = async (body: Json): Promise<Failure> => {
    const failure = await via.call("StartPublishCdnStream", body);
    expect(failure).toBeDefined();
    if (via === VIA_CLIENT) expect(failure).toMatchObject({ code: "ClientError.InvalidParameter", local: true });
    else expect(failure).toMatchObject({ code: "InvalidParameter", local: false });
    return failure as Failure;
  };

  describe("1. an Update is judged against the task it changes", () => {
    it("refuses switching transcoding off while the task still mixes two cells (issue example)", async () => {
      const taskId = await via.start(bodyS());
      const failure = await via.call(
        "UpdatePublishCdnStream",
        update(taskId, 1, { WithTranscoding: 0, PublishCdnParams: [{ PublishCdnUrl: PUSH, IsTencentCdn: 1 }] }),
      );
      expect(failure).toMatchObject({ code: "InvalidParameter", local: false });
      expect(failure?.message).toContain(
        "after this update the task would break StartPublishCdnStream's rules: WithTranscoding must be 1 to mix streams (videoParams.layoutParams.mixLayoutList has 2 cells)",
      );
      expect(failure?.message).not.toContain(TX_SECRET);
      // Refused as a whole: nothing merged, no SequenceNumber used.
      expect(await task(taskId)).toMatchObject({ SequenceNumber: null, Params: { WithTranscoding: 1 } });
      expect(await via.call("UpdatePublishCdnStream", update(taskId, 1, { PublishCdnParams: [{ PublishCdnUrl: PUSH }] }))).toBeUndefined();
    });

    it("refuses an audio allow-list that takes ten cells plus ten audio-only users to 20 streams (issue example)", async () => {
      const taskId = await via.start(tenCells());
      const audioOnly = Array.from({ length: 10 }, (_, i) => ({ UserInfo: userInfo(`voice_${i}`) }));
      const failure = await via.call("UpdatePublishCdnStream", update(taskId, 1, { AudioParams: { SubscribeAudioList: audioOnly } }));
      expect(failure).toMatchObject({ code: "InvalidParameter", local: false });
      expect(failure?.message).toContain(
        "AudioParams.SubscribeAudioList together with videoParams.layoutParams.mixLayoutList mixes 20 streams; at most 16 can be mixed",
      );
      // Six audio-only users make 16: accepted, and the audio encoding (not sent) is kept.
      expect(
        await via.call("UpdatePublishCdnStream", update(taskId, 2, { AudioParams: { SubscribeAudioList: audioOnly.slice(0, 6) } })),
      ).toBeUndefined();
      const params = (await task(taskId)).Params;
      expect(params.AudioParams).toEqual({ AudioEncode: bodyS().AudioParams.AudioEncode, SubscribeAudioList: audioOnly.slice(0, 6) });
    });

    it("refuses a layout that overflows the canvas the running task keeps (sibling: VideoEncode not sent)", async () => {
      const taskId = await via.start(bodyS());
      const layout = { MixLayoutMode: 4, MixLayoutList: [cell("anchor_a", 0, 0, 640, 720), cell("anchor_b", 640, 360, 640, 720)] };
      const failure = await via.call("UpdatePublishCdnStream", update(taskId, 1, { VideoParams: { LayoutParams: layout } }));
      expect(failure?.code).toBe("InvalidParameter");
      expect(failure?.message).toContain(
        "VideoParams.LayoutParams.MixLayoutList[1] locationY + imageHeight (1080) exceeds videoEncode.height (720)",
      );
    });

    it("refuses a new cell for the robot's own UserId (sibling: a Start rule the Update body cannot see)", async () => {
      const taskId = await via.start(bodyS());
      const layout = { MixLayoutMode: 4, MixLayoutList: [cell("anchor_a", 0), cell(ROBOT, 640)] };
      const failure = await via.call("UpdatePublishCdnStream", update(taskId, 1, { VideoParams: { LayoutParams: layout } }));
      expect(failure?.code).toBe("InvalidParameter");
      expect(failure?.message).toContain(
        "AgentParams.UserId must differ from every UserId the task mixes or relays, but videoParams.layoutParams.mixLayoutList[1].userMediaStream.userInfo.userId is also",
      );
    });
  });

  describe("2. a robot differs from every UserId the request names", () => {
    it("refuses a robot named like a mixed cell, naming both properties (issue example)", async () => {
      const failure = await refusedStart(bodyS({ AgentParams: { UserId: "anchor_a", MaxIdleTime: 30 } }));
      // TrtcClient names camelCase paths (`agentParams.userId: …`), the emulator API paths (`AgentParams.UserId …`).
      expect(failure.message).toMatch(
        /(agentParams\.userId:|AgentParams\.UserId) must differ from every UserId the task mixes or relays, but videoParams\.layoutParams\.mixLayoutList\[0\]\.userMediaStream\.userInfo\.userId is also "anchor_a"/,
      );
    });

    it("refuses a push-back robot named like a user of the audio allow-list (sibling)", async () => {
      const body = bodyS({
        AudioParams: {
          ...bodyS().AudioParams,
          SubscribeAudioList: [{ UserInfo: userInfo("anchor_a") }, { UserInfo: userInfo("guest_1") }],
        },
        FeedBackRoomParams: [{ RoomId: "8002", RoomIdType: 0, UserId: "guest_1", UserSig: "eJw-made-up-feedback-sig" }],
      });
      const failure = await refusedStart(body);
      expect(failure.message).toContain('audioParams.subscribeAudioList[1].userInfo.userId is also "guest_1"');
      expect(failure.message).not.toContain("eJw-made-up-feedback-sig");
    });
  });

  describe("3. identifiers use TRTC's character sets", () => {
    it("refuses a string room id of Chinese characters, naming roomId and the allowed set (issue example)", async () => {
      const failure = await refusedStart(bodyS({ RoomId: "直播间1", RoomIdType: 1 }));
      expect(failure.message).toMatch(
        via === VIA_CLIENT
          ? /roomId: must be a non-empty string of at most 64 bytes of letters, digits, space and ! # \$ % & \( \) \+ - : ; < = \. > \? @ \[ \] \^ _ \{ \} \| ~ , \(got "直播间1"\)/
          : /RoomId must be a non-empty string of at most 64 bytes of letters, digits, space and ! # \$ % & /,
      );
    });

    it("refuses an audio allow-list user with a space (sibling)", async () => {
      const failure = await refusedStart(
        bodyS({ AudioParams: { ...bodyS().AudioParams, SubscribeAudioList: [{ UserInfo: userInfo("anchor a") }] } }),
      );
      expect(failure.message).toMatch(
        /ubscribeAudioList\[0\]\.(u|U)serInfo\.(u|U)serId:? must be a non-empty string of at most 32 bytes of letters, digits, underscores/,
      );
    });
  });

  describe("4. SequenceNumber is a uint64", () => {
    it("accepts a nanosecond timestamp (issue example) and orders by the exact value", async () => {
      const taskId = await via.start(bodyS());
      expect(await via.call("UpdatePublishCdnStream", update(taskId, 1732900000000000000))).toBeUndefined();
      expect((await via.call("UpdatePublishCdnStream", update(taskId, 1732900000000000000)))?.code).toBe("FailedOperation.RequestOutdated");
      expect(String((await task(taskId)).SequenceNumber)).toBe("1732900000000000000");
    });
  });

  describe("5. idle expiry watches the task's participants", () => {
    it("ends a single-stream relay once the relayed user left, though someone else stayed (issue example)", async () => {
      const api = apiFor(emu);
      const relay = bodyS({
        WithTranscoding: 0,
        AgentParams: { UserId: ROBOT, MaxIdleTime: 10 },
        VideoParams: undefined,
        SingleSubscribeParams: { UserMediaStream: { UserInfo: userInfo("anchor_a"), StreamType: 0 } },
      });
      const taskId = await via.start(relay);
      await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_a", "anchor_z"] });
      await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_z"] });
      await api.control("POST", "clock", { advanceSeconds: 60 });
      expect(await task(taskId)).toMatchObject({ Status: "finished", FinishReason: "idle" });
      const failure = await via.call("UpdatePublishCdnStream", update(taskId, 1, { WithTranscoding: 0 }));
      expect(failure).toMatchObject({ code: "FailedOperation.TaskFinished", local: false });
    });

    it("ends a custom layout whose cells and allow-list name only anchor_a once anchor_a left (issue example)", async () => {
      const api = apiFor(emu);
      const body = bodyS({
        AgentParams: { UserId: ROBOT, MaxIdleTime: 10 },
        AudioParams: { ...bodyS().AudioParams, SubscribeAudioList: [{ UserInfo: userInfo("anchor_a") }] },
        VideoParams: { ...bodyS().VideoParams, LayoutParams: { MixLayoutMode: 4, MixLayoutList: [cell("anchor_a", 0)] } },
      });
      const taskId = await via.start(body);
      await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_a", "anchor_z"] });
      await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_z"] });
      await api.control("POST", "clock", { advanceSeconds: 60 });
      expect(await task(taskId)).toMatchObject({ Status: "finished", FinishReason: "idle" });
      expect((await via.call("UpdatePublishCdnStream", update(taskId, 1)))?.code).toBe("FailedOperation.TaskFinished");
    });
  });

  describe("6. fields that only take effect elsewhere are accepted and reported", () => {
    it("accepts maxVideoUser in a grid layout and notes it in the request log (issue example)", async () => {
      const body = bodyS({
        VideoParams: {
          ...bodyS().VideoParams,
          LayoutParams: { MixLayoutMode: 3, MaxVideoUser: { UserMediaStream: { UserInfo: userInfo("anchor_a") } } },
        },
      });
      const taskId = await via.start(body);
      expect((await task(taskId)).Status).toBe("running");
      const [entry] = await requests();
      expect(entry.notices).toEqual([
        "VideoParams.LayoutParams.MaxVideoUser has no effect: it only takes effect with mixLayoutMode 1 (floating) or 2 (screen sharing), and mixLayoutMode is 3 (grid)",
      ]);
      expect(lines.join("\n")).toContain("| note: VideoParams.LayoutParams.MaxVideoUser has no effect");
    });

    it("accepts recordWaitTime with the console recording template (sibling)", async () => {
      const taskId = await via.start(bodyS({ RecordParams: { UniRecord: 2, RecordWaitTime: 60 } }));
      expect((await task(taskId)).Status).toBe("running");
      expect((await requests())[0].notices).toEqual([
        "RecordParams.RecordWaitTime has no effect: it only takes effect with uniRecord 3 (record with these parameters), and uniRecord is 2 (console template)",
      ]);
    });
  });

  describe("7. a CDN target is its scheme, host and path", () => {
    it("refuses two push URLs for one stream that differ only in their query, naming both indexes (issue example)", async () => {
      const other = PUSH.replace(TX_SECRET, "fedcba9876543210fedc");
      const failure = await refusedStart(bodyS({ PublishCdnParams: [{ PublishCdnUrl: PUSH }, { PublishCdnUrl: other }] }));
      expect(failure.message).toMatch(
        /(publishCdnParams|PublishCdnParams)\[1\]\.(publishCdnUrl|PublishCdnUrl):? repeats publishCdnParams\[0\]\.publishCdnUrl/,
      );
      expect(failure.message).not.toContain(TX_SECRET);
      expect(failure.message).not.toContain("fedcba9876543210fedc");
    });

    it("refuses the same duplicate in an Update (sibling)", async () => {
      const taskId = await via.start(bodyS());
      const failure = await via.call(
        "UpdatePublishCdnStream",
        update(taskId, 1, { PublishCdnParams: [{ PublishCdnUrl: PUSH }, { PublishCdnUrl: `${PUSH.split("?")[0]}?txTime=80000000` }] }),
      );
      expect(failure?.code).toBe(via === VIA_CLIENT ? "ClientError.InvalidParameter" : "InvalidParameter");
    });
  });
});

describe("4. uint64 SequenceNumbers past 2^53, exactly", () => {
  it("TrtcClient sends bigints and decimal strings digit for digit; the emulator stores and compares them exactly", async () => {
    const client = trtcClient();
    const { TaskId } = await client.startPublishCdnStream(bodyS() as never);
    const base = update(TaskId, 0) as unknown as Parameters<TrtcClient["updatePublishCdnStream"]>[0];
    await client.updatePublishCdnStream({ ...base, SequenceNumber: 1732900000000000000 });
    // 1732900000000000001 and 1732900000000000000 are the same double: only exact comparison tells them apart.
    await client.updatePublishCdnStream({ ...base, SequenceNumber: 1732900000000000001n });
    await expect(client.updatePublishCdnStream({ ...base, SequenceNumber: "1732900000000000001" })).rejects.toMatchObject({
      code: "FailedOperation.RequestOutdated",
    });
    await client.updatePublishCdnStream({ ...base, SequenceNumber: "18446744073709551614" });
    await client.updatePublishCdnStream({ ...base, SequenceNumber: 18446744073709551615n });
    await expect(client.updatePublishCdnStream({ ...base, SequenceNumber: 18446744073709551615n })).rejects.toMatchObject({
      code: "FailedOperation.RequestOutdated",
    });
    // Past uint64: refused before sending, with the range in the message.
    await expect(client.updatePublishCdnStream({ ...base, SequenceNumber: "18446744073709551616" })).rejects.toThrow(
      "sequenceNumber: must be an integer from 0 to 18446744073709551615 (got 18446744073709551616)",
    );
    const view = await apiFor(emu).control("GET", `tasks/${encodeURIComponent(TaskId)}`);
    expect(view.text).toContain('"SequenceNumber":18446744073709551615,');
    expect(view.text).toContain('"SequenceNumber":1732900000000000001,');
    expect(view.text).toContain('"SequenceNumber":18446744073709551614,');
  });

  it("a raw body with 18446744073709551615 then 18446744073709551614 is outdated (a double cannot tell them apart)", async () => {
    const api = apiFor(emu);
    const taskId = await api.start(bodyS());
    const raw = (seq: string) => `{"SdkAppId":${APP},"TaskId":"${taskId}","SequenceNumber":${seq},"WithTranscoding":1}`;
    expect(codeOf(await api.call("UpdatePublishCdnStream", raw("18446744073709551615")))).toBe("ok");
    expect(codeOf(await api.call("UpdatePublishCdnStream", raw("18446744073709551614")))).toBe("FailedOperation.RequestOutdated");
    expect(codeOf(await api.call("UpdatePublishCdnStream", raw("18446744073709551616")))).toBe("InvalidParameter");
  });

  it("a uint64 parameter past 2^53 (a cell's ZOrder) is shown on the dashboard's task page, digit for digit (sibling)", async () => {
    const api = apiFor(emu);
    const body = JSON.stringify(bodyS()).replace('"LocationX":640,', '"LocationX":640,"ZOrder":18446744073709551615,');
    expect(body).toContain("18446744073709551615");
    const taskId = await api.start(body as never);
    // JSON.stringify cannot write the stored bigint: the page failed and took the emulator down with it.
    const page = await fetch(`${emu.url}/_emulator/ui/tasks/${encodeURIComponent(taskId)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/ZOrder(&quot;|"): 18446744073709551615,/);
    expect((await task(taskId)).Status).toBe("running");
  });
});

describe("5. idle expiry: who is a participant (siblings)", () => {
  const grid = (extra: Json = {}): Json =>
    bodyS({
      AgentParams: { UserId: ROBOT, MaxIdleTime: 10 },
      VideoParams: { ...bodyS().VideoParams, LayoutParams: { MixLayoutMode: 3 } },
      ...extra,
    });

  it("a grid layout stays alive while any non-robot user is in the room", async () => {
    const api = apiFor(emu);
    const taskId = await api.start(grid());
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_a", "anchor_z"] });
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_z"] });
    await api.control("POST", "clock", { advanceSeconds: 60 });
    expect((await task(taskId)).Status).toBe("running");
  });

  it("a grid layout ends when only block-listed users and robots remain", async () => {
    const api = apiFor(emu);
    const blocked = { ...bodyS().AudioParams, UnSubscribeAudioList: [{ UserInfo: userInfo("noisy_guest") }] };
    const taskId = await api.start(grid({ AudioParams: blocked }));
    // Another task's push-back robot publishes into this room: a robot, not an anchor of this mix.
    await api.start(
      bodyS({
        RoomId: "8002",
        AgentParams: { UserId: "relay_robot_8002" },
        FeedBackRoomParams: [{ RoomId: ROOM, RoomIdType: 0, UserId: "feedback_robot_8002", UserSig: "eJw-made-up" }],
      }),
    );
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_a"] });
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["noisy_guest", ROBOT, "feedback_robot_8002"] });
    await api.control("POST", "clock", { advanceSeconds: 11 });
    expect(await task(taskId)).toMatchObject({ Status: "finished", FinishReason: "idle" });
  });

  it("a custom layout without an allow-list mixes every anchor's audio, so any non-robot user keeps it alive", async () => {
    const api = apiFor(emu);
    const taskId = await api.start(bodyS({ AgentParams: { UserId: ROBOT, MaxIdleTime: 10 } }));
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_a", "anchor_z"] });
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["anchor_z"] });
    await api.control("POST", "clock", { advanceSeconds: 60 });
    expect((await task(taskId)).Status).toBe("running");
  });

  it("a cross-room cell counts in its own room only", async () => {
    const api = apiFor(emu);
    const pk = { ...cell("pk_anchor", 640), UserMediaStream: { UserInfo: userInfo("pk_anchor", "9001"), StreamType: 0 } };
    const body = bodyS({
      AgentParams: { UserId: ROBOT, MaxIdleTime: 10 },
      AudioParams: { ...bodyS().AudioParams, SubscribeAudioList: [{ UserInfo: userInfo("pk_anchor", "9001") }] },
      VideoParams: { ...bodyS().VideoParams, LayoutParams: { MixLayoutMode: 4, MixLayoutList: [pk] } },
    });
    const taskId = await api.start(body);
    // pk_anchor in the main room is somebody else; the participant is pk_anchor of room 9001.
    await api.control("PUT", `rooms/${APP}/9001`, { anchors: ["pk_anchor"] });
    await api.control("PUT", `rooms/${APP}/${ROOM}`, { anchors: ["pk_anchor"] });
    await api.control("PUT", `rooms/${APP}/9001`, { anchors: [] });
    await api.control("POST", "clock", { advanceSeconds: 11 });
    expect((await task(taskId)).FinishReason).toBe("idle");
  });
});
