/**
 * The seed page's seven Start examples (tests/fixtures/seed/start-*.json) each start a task that the
 * control API shows exactly as sent; the update examples then apply to a task of that app, and Stop ends it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { apiFor, codeOf, useEmulator } from "../helpers/emulator-harness";

const SEED_DIR = join(__dirname, "..", "fixtures", "seed");
type Json = Record<string, unknown>;
const read = (name: string): Json => JSON.parse(readFileSync(join(SEED_DIR, name), "utf8"));
const startFiles = readdirSync(SEED_DIR)
  .filter((f) => f.startsWith("start-") && f.endsWith(".json"))
  .sort();

describe("emulator with the seed page's examples", () => {
  const emu = useEmulator({ rateLimitPerSecond: 0 });

  it("has all seven Start examples", () => {
    expect(startFiles).toHaveLength(7);
  });

  it.each(startFiles)("%s starts a task shown exactly as sent, then stops", async (file) => {
    const api = apiFor(emu.get());
    const body = read(file);
    const res = await api.call("StartPublishCdnStream", body);
    expect(codeOf(res)).toBe("ok");
    const taskId: string = res.json.Response.TaskId;
    const view = (await api.control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`)).json;
    expect(view.Params).toEqual(body);
    expect(view).toMatchObject({ SdkAppId: body.SdkAppId, RoomId: body.RoomId, RoomIdType: body.RoomIdType, Status: "running" });
    // Every example uses the same robot in the same room, so each must be stopped before the next.
    expect(codeOf(await api.call("StopPublishCdnStream", { SdkAppId: body.SdkAppId, TaskId: taskId }))).toBe("ok");
  });

  it("applies the Update examples to a running task of the same app, in SequenceNumber order", async () => {
    const api = apiFor(emu.get());
    const taskId = await api.start(read("start-mix-audio-video-cdn.json"));
    const cdn: Json = { ...read("update-cdn-urls.json"), TaskId: taskId };
    const layout: Json = { ...read("update-mix-users-layout.json"), TaskId: taskId };
    expect(codeOf(await api.call("UpdatePublishCdnStream", cdn))).toBe("ok");
    // Both examples carry SequenceNumber 20: the second is outdated as sent, accepted once renumbered.
    expect(codeOf(await api.call("UpdatePublishCdnStream", layout))).toBe("FailedOperation.RequestOutdated");
    expect(codeOf(await api.call("UpdatePublishCdnStream", { ...layout, SequenceNumber: 21 }))).toBe("ok");
    const params = (await api.control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`)).json.Params;
    expect(params.PublishCdnParams).toEqual(cdn.PublishCdnParams);
    expect(params.VideoParams).toEqual(layout.VideoParams);
    const stop = { ...read("stop-task.json"), TaskId: taskId };
    expect(codeOf(await api.call("StopPublishCdnStream", stop))).toBe("ok");
  });
});
