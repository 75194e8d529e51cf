/**
 * PublishCdnStream through the real Pulumi engine (Automation API, inline programs) against the emulator:
 * create, update in place, replace (stop before start), a task that expired on its own, refresh, destroy,
 * secrets in state, and bad input stopped at preview.
 */
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream, type PublishCdnStreamArgs } from "pulumi-trtc-relay";
import { toApiCase } from "../../trtc/casing";
import { collector, inlineStack, openEnv, relayResources, stateText, userArgs, type E2eEnv } from "./harness";

const SECRET = {
  robotSig: "eJwROBOTSIG-e2e-0f1e2d3c4b5a",
  feedbackSig: "eJwFEEDBACKSIG-e2e-99887766",
  txSecret: "e2etxsecret0123456789abcdef",
  cosKey: "COSSECRETKEY-e2e-5566778899",
};

function args(over: Partial<PublishCdnStreamArgs> = {}): PublishCdnStreamArgs {
  const room = (over.roomId as string | undefined) ?? "295066";
  return {
    sdkAppId: 1400188366,
    roomId: room,
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: "room_295066_relay", userSig: SECRET.robotSig, maxIdleTime: 30 },
    audioParams: {
      audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 },
      subscribeAudioList: [{ userInfo: { userId: "Trtc_User_0" } }],
    },
    videoParams: {
      videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
      layoutParams: {
        mixLayoutMode: 4,
        mixLayoutList: [
          {
            userMediaStream: { userInfo: { userId: "Trtc_User_0", roomId: room, roomIdType: 0 } },
            imageWidth: 640,
            imageHeight: 720,
            locationX: 0,
            locationY: 0,
          },
          {
            userMediaStream: { userInfo: { userId: "Trtc_User_1", roomId: room, roomIdType: 0 } },
            imageWidth: 640,
            imageHeight: 720,
            locationX: 640,
            locationY: 0,
          },
        ],
      },
      backGroundColor: "0x000000",
    },
    publishCdnParams: [
      { publishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/e2e?txSecret=${SECRET.txSecret}&txTime=62635BDE`, isTencentCdn: 1 },
    ],
    ...over,
  };
}

/** A program with one relay task built from `current` (mutated between operations). */
let current: PublishCdnStreamArgs = args();
const program = async () => {
  const live = new PublishCdnStream("live", current);
  return { taskId: live.taskId, sequenceNumber: live.sequenceNumber };
};

let env: E2eEnv;
beforeAll(async () => {
  env = await openEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("one relay task through up, update, replace and destroy", () => {
  const project = "lifecycle";
  const stackName = "dev";
  let stack: Awaited<ReturnType<typeof inlineStack>>;
  let firstTaskId = "";

  beforeAll(async () => {
    current = args();
    stack = await inlineStack(env, project, stackName, program);
  });

  test("preview makes no API call", async () => {
    const before = await env.requestCount();
    const preview = await stack.preview();
    expect(preview.changeSummary.create).toBe(2); // the stack and the task
    expect(await env.requestCount()).toBe(before);
  });

  test("up starts the task with exactly the declared parameters and records the TaskId", async () => {
    const up = await stack.up();
    firstTaskId = up.outputs.taskId.value;
    expect(firstTaskId).toMatch(/\.\.$/);
    const [task] = await env.running(true);
    expect(task.TaskId).toBe(firstTaskId);
    const [res] = await relayResources(stack);
    expect(res.id).toBe(firstTaskId);
    expect(task.Params).toEqual({ ...toApiCase(userArgs(res.inputs)) });
    expect(task.Params.AgentParams.UserSig).toBe(SECRET.robotSig);
  });

  test("a second up with nothing changed calls nothing", async () => {
    const before = await env.requestCount();
    const up = await stack.up();
    expect(up.summary.resourceChanges?.update ?? 0).toBe(0);
    expect(await env.requestCount()).toBe(before);
  });

  test("layout, CDN list and audio subscription list update in place: same TaskId, higher SequenceNumber", async () => {
    const video = current.videoParams as any;
    current = args({
      videoParams: { ...video, layoutParams: { mixLayoutMode: 3 } },
      publishCdnParams: [
        { publishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/e2e?txSecret=${SECRET.txSecret}&txTime=62635BDE`, isTencentCdn: 1 },
        { publishCdnUrl: "rtmp://backup.example.com/live/e2e", isTencentCdn: 0 },
      ],
      audioParams: { audioEncode: { sampleRate: 48000, channel: 2, bitRate: 64, codec: 0 }, subscribeAudioList: [] },
    });
    const up = await stack.up();
    expect(up.summary.resourceChanges?.update).toBe(1);
    expect(up.outputs.taskId.value).toBe(firstTaskId);
    expect(up.outputs.sequenceNumber.value).toBeGreaterThan(0);
    const [task] = await env.running();
    expect(task.TaskId).toBe(firstTaskId);
    expect(task.SequenceNumber).toBe(up.outputs.sequenceNumber.value);
    expect(task.Params.VideoParams.LayoutParams).toEqual({ MixLayoutMode: 3 });
    expect(task.Params.PublishCdnParams).toHaveLength(2);
    expect(task.Params.AudioParams.SubscribeAudioList).toEqual([]);
  });

  test.each([
    ["roomId", () => args({ roomId: "295067" })],
    [
      "agentParams",
      () => args({ roomId: "295067", agentParams: { userId: "room_295067_relay_2", userSig: SECRET.robotSig, maxIdleTime: 60 } }),
    ],
    [
      "audio encoding",
      () =>
        args({
          roomId: "295067",
          agentParams: { userId: "room_295067_relay_2", userSig: SECRET.robotSig, maxIdleTime: 60 },
          audioParams: { audioEncode: { sampleRate: 44100, channel: 2, bitRate: 96, codec: 0 } },
        }),
    ],
  ])("a change of %s replaces the task, stopping the old one before the new one starts", async (_what, next) => {
    const before = (await env.running())[0];
    current = next();
    const up = await stack.up();
    expect(up.summary.resourceChanges?.replace).toBe(1);
    const tasks = await env.tasks();
    const old = tasks.find((t) => t.TaskId === before.TaskId)!;
    const fresh = tasks.find((t) => t.TaskId === up.outputs.taskId.value)!;
    expect(fresh.TaskId).not.toBe(before.TaskId);
    expect(old.Status).toBe("finished");
    expect(fresh.Status).toBe("running");
    expect(Date.parse(old.FinishedAt!)).toBeLessThanOrEqual(Date.parse(fresh.CreatedAt));
    const stopIndex = old.History.findIndex((h) => h.Action === "StopPublishCdnStream");
    expect(stopIndex).toBeGreaterThan(-1);
    expect(await env.running()).toHaveLength(1);
  });

  test("state holds no UserSig, push-URL secret or credential in plaintext, and the stored provider is small", async () => {
    const text = stateText(env, project, stackName);
    for (const secret of [SECRET.robotSig, SECRET.txSecret, env.emulator.secretKey]) expect(text).not.toContain(secret);
    const state = JSON.parse(text);
    const res = state.checkpoint.latest.resources.find((r: any) => String(r.type).endsWith(":PublishCdnStream"));
    const providerText: string = res.inputs.__provider;
    expect(typeof providerText).toBe("string");
    expect(Buffer.byteLength(providerText)).toBeLessThan(4096);
    expect(res.outputs.agentParams).toHaveProperty("ciphertext");
    expect(res.outputs.publishCdnParams).toHaveProperty("ciphertext");
  });

  test("destroy leaves no task running", async () => {
    await stack.destroy();
    expect(await env.running()).toHaveLength(0);
    const [res] = await relayResources(stack);
    expect(res).toBeUndefined();
  });
});

describe("a task that ended on its own (idle expiry)", () => {
  const project = "idle";
  let stack: Awaited<ReturnType<typeof inlineStack>>;

  test("is reported by the next up, replaced by the one after, and destroy succeeds", async () => {
    current = args({ roomId: "777001", agentParams: { userId: "room_777001_relay", userSig: SECRET.robotSig, maxIdleTime: 5 } });
    stack = await inlineStack(env, project, "dev", program);
    const first = (await stack.up()).outputs.taskId.value;

    // Anchors arrive, then all leave; once MaxIdleTime has passed the task stops by itself.
    await env.control("PUT", "rooms/1400188366/777001", { anchors: ["Trtc_User_0"] });
    await env.control("PUT", "rooms/1400188366/777001", { anchors: [] });
    await env.control("POST", "clock", { advanceSeconds: 30 });
    expect((await env.tasks()).find((t) => t.TaskId === first)!.Status).toBe("finished");

    // An updatable change: Update finds the task gone.
    current = args({
      roomId: "777001",
      agentParams: { userId: "room_777001_relay", userSig: SECRET.robotSig, maxIdleTime: 5 },
      publishCdnParams: [{ publishCdnUrl: "rtmp://other.example.com/live/x", isTencentCdn: 0 }],
    });
    const out = collector();
    await expect(stack.up({ onOutput: out.onOutput })).rejects.toThrow();
    expect(out.text()).toMatch(/ended|finished/i);

    const again = await stack.up();
    const second = again.outputs.taskId.value;
    expect(second).not.toBe(first);
    expect((await env.running()).map((t) => t.TaskId)).toContain(second);

    await stack.destroy();
    expect((await env.running()).filter((t) => t.RoomId === "777001")).toHaveLength(0);
  });

  test("refresh drops a task known to have finished from state", async () => {
    current = args({ roomId: "777002", agentParams: { userId: "room_777002_relay", userSig: SECRET.robotSig, maxIdleTime: 5 } });
    const s = await inlineStack(env, "idle-refresh", "dev", program);
    const first = (await s.up()).outputs.taskId.value;
    await env.control("POST", `tasks/${encodeURIComponent(first)}/expire`);
    current = { ...current, publishCdnParams: [{ publishCdnUrl: "rtmp://other.example.com/live/y", isTencentCdn: 0 }] };
    await expect(s.up()).rejects.toThrow();
    await s.refresh();
    expect(await relayResources(s)).toHaveLength(0);
    const up = await s.up();
    expect(up.outputs.taskId.value).not.toBe(first);
    await s.destroy();
  });
});

describe("bad input", () => {
  test("fails at preview naming the camelCase property and the rule, and nothing reaches the emulator", async () => {
    current = args({
      videoParams: {
        videoEncode: { width: 1280, height: 720, fps: 15, bitRate: 1536, gop: 2 },
        layoutParams: { mixLayoutMode: 4, mixLayoutList: [{ imageWidth: 800, imageHeight: 720, locationX: 600, locationY: 0 }] },
      },
      agentParams: { userId: "room_295066_relay", userSig: SECRET.robotSig, maxIdleTime: 3 },
    });
    const stack = await inlineStack(env, "bad", "dev", program);
    const before = await env.requestCount();
    const out = collector();
    await expect(stack.preview({ onOutput: out.onOutput })).rejects.toThrow();
    expect(out.text()).toContain("videoParams.layoutParams.mixLayoutList[0]");
    expect(out.text()).toContain("agentParams.maxIdleTime");
    expect(await env.requestCount()).toBe(before);
  });
});

void pulumi;
