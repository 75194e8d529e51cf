/**
 * Task state over raw signed requests: Start/Update/Stop, the SequenceNumber rule, what Update may not
 * change, incremental merging, the concurrency limit and the control API's view (robot collisions:
 * emulator-robot-collision.test.ts).
 */
import { startEmulator } from "../../emulator";
import { APP, apiFor, audioOnlyStartBody, codeOf, startBody, useEmulator } from "../helpers/emulator-harness";

const update = (taskId: string, seq: number, extra: Record<string, unknown> = {}) => ({
  SdkAppId: APP,
  TaskId: taskId,
  SequenceNumber: seq,
  WithTranscoding: 1,
  ...extra,
});

describe("emulator task lifecycle", () => {
  const emu = useEmulator({ rateLimitPerSecond: 0 });

  it("starts, updates and stops a task, recording each step", async () => {
    const api = emu.api();
    const body = startBody();
    const taskId = await api.start(body);
    const newCdn = [{ PublishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/second", IsTencentCdn: 1 }];
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 1, { PublishCdnParams: newCdn })))).toBe("ok");
    const stop = await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId });
    expect(codeOf(stop)).toBe("ok");
    expect(stop.json.Response.TaskId).toBe(taskId);

    const view = (await api.control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`)).json;
    expect(view).toMatchObject({
      TaskId: taskId,
      SdkAppId: APP,
      RoomId: "295066",
      RoomIdType: 0,
      Status: "finished",
      FinishReason: "stopped",
      SequenceNumber: 1,
    });
    expect(view.Params).toEqual({ ...body, PublishCdnParams: newCdn, WithTranscoding: 1 });
    expect(view.History.map((h: { Action: string }) => h.Action)).toEqual([
      "StartPublishCdnStream",
      "UpdatePublishCdnStream",
      "StopPublishCdnStream",
    ]);
    expect(view.History[1].SequenceNumber).toBe(1);
    expect(typeof view.FinishedAt).toBe("string");
  });

  it("requires an increasing SequenceNumber and does not advance it on failures", async () => {
    const api = emu.api();
    const taskId = await api.start();
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 5)))).toBe("ok");
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 5)))).toBe("FailedOperation.RequestOutdated");
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 4)))).toBe("FailedOperation.RequestOutdated");
    // A rejected update (immutable audio) with a higher number must not consume it.
    const badAudio = { AudioParams: { AudioEncode: { SampleRate: 44100, Channel: 2, BitRate: 64 } } };
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 6, badAudio)))).toBe("InvalidParameter");
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 6)))).toBe("ok");
    expect((await api.control("GET", `tasks/${encodeURIComponent(taskId)}`)).json.SequenceNumber).toBe(6);
  });

  it("refuses to change AudioEncode but accepts it resent unchanged, and merges audio lists", async () => {
    const api = emu.api();
    const body = startBody();
    const taskId = await api.start(body);
    const encode = (body.AudioParams as { AudioEncode: unknown }).AudioEncode;
    const change = await api.call(
      "UpdatePublishCdnStream",
      update(taskId, 1, { AudioParams: { AudioEncode: { ...(encode as object), BitRate: 128 } } }),
    );
    expect(codeOf(change)).toBe("InvalidParameter");
    expect(change.json.Response.Error.Message).toContain("AudioEncode");
    const list = [{ UserInfo: { UserId: "anchor_a", RoomId: "295066", RoomIdType: 0 } }];
    const resend = await api.call(
      "UpdatePublishCdnStream",
      update(taskId, 2, { AudioParams: { AudioEncode: encode, SubscribeAudioList: list } }),
    );
    expect(resend.text).toContain("TaskId");
    expect(codeOf(resend)).toBe("ok");
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 3, { AudioParams: { UnSubscribeAudioList: [] } })))).toBe("ok");
    const params = (await api.control("GET", `tasks/${encodeURIComponent(taskId)}`)).json.Params;
    expect(params.AudioParams).toEqual({ AudioEncode: encode, SubscribeAudioList: list, UnSubscribeAudioList: [] });
    expect(params.VideoParams).toEqual(body.VideoParams);
  });

  it("refuses to add video to an audio-only task", async () => {
    const api = emu.api();
    const taskId = await api.start(audioOnlyStartBody());
    const res = await api.call(
      "UpdatePublishCdnStream",
      update(taskId, 1, { VideoParams: { VideoEncode: { Width: 640, Height: 360, Fps: 15, BitRate: 800, Gop: 2 } } }),
    );
    expect(codeOf(res)).toBe("InvalidParameter");
    expect(res.json.Response.Error.Message).toContain("audio-only");
  });

  it("answers TaskFinished for Update or Stop after Stop", async () => {
    const api = emu.api();
    const taskId = await api.start();
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId }))).toBe("ok");
    expect(codeOf(await api.call("UpdatePublishCdnStream", update(taskId, 1)))).toBe("FailedOperation.TaskFinished");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId }))).toBe("FailedOperation.TaskFinished");
  });

  it("answers ResourceNotFound for an unknown TaskId and for another app's TaskId", async () => {
    const api = emu.api();
    const taskId = await api.start();
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: "no-such-task.." }))).toBe("ResourceNotFound");
    expect(codeOf(await api.call("UpdatePublishCdnStream", { ...update(taskId, 1), SdkAppId: 1400000001 }))).toBe("ResourceNotFound");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: 1400000001, TaskId: taskId }))).toBe("ResourceNotFound");
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: taskId }))).toBe("ok");
  });

  it("shows tasks exactly as sent in GET /_emulator/tasks?reveal=secrets", async () => {
    const api = emu.api();
    const body = startBody({ SeiParams: { LayoutVolume: { AppData: "x", PayloadType: 100, Interval: 1000, FollowIdr: 1 } } });
    const taskId = await api.start(body);
    const all = (await api.control("GET", "tasks?reveal=secrets")).json.tasks;
    const mine = all.find((t: { TaskId: string }) => t.TaskId === taskId);
    expect(mine.Params).toEqual(body);
    expect(mine.Status).toBe("running");
    expect(mine.SequenceNumber).toBeNull();
  });
});

describe("emulator concurrency limit", () => {
  it("answers RestrictedConcurrency beyond maxConcurrentTasks and admits again after a Stop", async () => {
    const emu = await startEmulator({ port: 0, maxConcurrentTasks: 2 });
    try {
      const api = apiFor(emu);
      const a = await api.start();
      await api.start();
      expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("FailedOperation.RestrictedConcurrency");
      expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: APP, TaskId: a }))).toBe("ok");
      expect(codeOf(await api.call("StartPublishCdnStream", startBody()))).toBe("ok");
    } finally {
      await emu.close();
    }
  });
});
