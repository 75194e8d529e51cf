/**
 * A handler that throws answers an error and leaves the emulator serving (emulator/internal-error.ts): before,
 * an exception in a synchronous handler (the dashboard's) ended the process and every task it held in memory.
 */
import { type RunningEmulator, startEmulator } from "../../emulator";
import { APP, apiFor, startBody } from "../helpers/emulator-harness";

let emu: RunningEmulator;
let logged: string[];

beforeEach(async () => {
  logged = [];
  emu = await startEmulator({ port: 0, log: (line) => logged.push(line) });
});
afterEach(async () => {
  await emu.close();
});

test("a throw in the API's handler: InternalError, the cause in the log, the next request served", async () => {
  const api = apiFor(emu);
  const admit = emu.core.limiter.admit;
  emu.core.limiter.admit = () => {
    throw new Error("boom in admit");
  };
  const failed = await api.call("StartPublishCdnStream", startBody());
  expect(failed.json.Response.Error).toEqual({
    Code: "InternalError",
    Message: "Internal error: unexpected emulator failure; see the emulator log.",
  });
  expect(failed.json.Response.RequestId).toEqual(expect.any(String));
  expect(logged.join("\n")).toContain("boom in admit");
  emu.core.limiter.admit = admit;
  const started = await api.call("StartPublishCdnStream", startBody());
  expect(started.json.Response.TaskId).toEqual(expect.any(String));
  expect(emu.core.store.listTasks().map((t) => t.SdkAppId)).toEqual([APP]);
});

test("a throw while drawing a dashboard picture: a JSON 500 naming the route, and the emulator keeps serving", async () => {
  const api = apiFor(emu);
  const taskId = (await api.call("StartPublishCdnStream", startBody())).json.Response.TaskId as string;
  const picture = () => fetch(`${emu.url}/_emulator/tasks/${encodeURIComponent(taskId)}/layout.svg`);
  const getTask = emu.core.store.getTask;
  emu.core.store.getTask = () => {
    throw new Error("boom in getTask");
  };
  const failed = await picture();
  expect(failed.status).toBe(500);
  expect(await failed.json()).toEqual({
    error: `trtc-emulator: internal error handling GET /_emulator/tasks/${encodeURIComponent(taskId)}/layout.svg; see the emulator log`,
  });
  expect(logged.join("\n")).toContain("boom in getTask");
  emu.core.store.getTask = getTask;
  expect((await picture()).status).toBe(200);
});
