/**
 * The resource options the provider applies itself (provider/options.ts): what the resource hands over,
 * Go durations, replaceOnChanges paths and how they match changes, the checks on them, and the lifecycle
 * honouring both (diff replaces, each operation bounded by its own timeout, nothing sent to the API).
 */
import { clearConfig } from "../../provider/config";
import { durationMs } from "../../provider/duration";
import { type LifecycleDeps, check, create, deleteTask, diff, update } from "../../provider/lifecycle";
import { optionFailures } from "../../provider/option-check";
import { providerOptions, registeredOptions, timeoutMs } from "../../provider/options";
import { changedPaths, contains, parsePropertyPath, replacedByOption } from "../../provider/replace-on-changes";
import { UNKNOWN } from "../../provider/unknowns";
import { STORED_TARGET, seedArgs, storedState } from "../helpers/stream-args";

afterEach(() => clearConfig());

describe("what the resource hands to its provider", () => {
  test("nothing when neither option is set, so existing stacks see no new input", () => {
    expect(providerOptions(undefined)).toBeUndefined();
    expect(providerOptions({ protect: true, replaceOnChanges: [], customTimeouts: {} })).toBeUndefined();
  });

  test("replaceOnChanges and the timeouts of the operations that call the API", () => {
    expect(
      providerOptions({ replaceOnChanges: ["publishCdnParams"], customTimeouts: { create: "2m", delete: "30s", read: "1s" } }),
    ).toEqual({ replaceOnChanges: ["publishCdnParams"], customTimeouts: { create: "2m", delete: "30s" } });
  });

  test("deleteBeforeReplace defaults to true, a program's false is kept, secret outputs are extended", () => {
    expect(registeredOptions("live", undefined, ["agentParams"])).toMatchObject({
      deleteBeforeReplace: true,
      additionalSecretOutputs: ["agentParams"],
    });
    expect(registeredOptions("live", { deleteBeforeReplace: false, additionalSecretOutputs: ["x"] }, ["agentParams"])).toMatchObject({
      deleteBeforeReplace: false,
      additionalSecretOutputs: ["x", "agentParams"],
    });
  });
});

test("import and id are refused, saying why and what to use", () => {
  expect(() => registeredOptions("live", { import: "task-1" }, [])).toThrow(
    /^PublishCdnStream "live": the `import` resource option is not supported\. TRTC has no Describe call .*pulumi-resource-trtc/,
  );
  expect(() => registeredOptions("live", { id: "task-1" }, [])).toThrow(/the `id` resource option is not supported/);
});

describe("Go durations, as the engine parses customTimeouts", () => {
  test.each([
    ["5m", 300_000],
    ["40s", 40_000],
    ["1h30m", 5_400_000],
    ["2.5s", 2500],
    ["2500ms", 2500],
    ["1.5h", 5_400_000],
    ["300us", 1],
    ["0", 0],
  ])("%s is %d ms", (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  test.each(["", "5", "1d", "5 m", "m", "1h-5m"])("%j is not a duration", (text) => {
    expect(durationMs(text)).toBeUndefined();
  });

  test("the timeout of an operation, none for a zero, negative or missing one", () => {
    const props = { __options: { customTimeouts: { create: "2s", update: "0", delete: "-1s" } } };
    expect(timeoutMs(props, "create")).toBe(2000);
    expect(timeoutMs(props, "update")).toBeUndefined();
    expect(timeoutMs(props, "delete")).toBeUndefined();
    expect(timeoutMs({}, "create")).toBeUndefined();
  });
});

describe("replaceOnChanges paths", () => {
  test("Pulumi's path syntax", () => {
    expect(parsePropertyPath("publishCdnParams")).toEqual(["publishCdnParams"]);
    expect(parsePropertyPath("publishCdnParams[*].publishCdnUrl")).toEqual(["publishCdnParams", "*", "publishCdnUrl"]);
    expect(parsePropertyPath("videoParams.layoutParams.mixLayoutList[1]")).toEqual(["videoParams", "layoutParams", "mixLayoutList", 1]);
    expect(parsePropertyPath('audioParams["audioEncode"]')).toEqual(["audioParams", "audioEncode"]);
    expect(parsePropertyPath("*")).toEqual(["*"]);
    for (const bad of ["", ".a", "a..b", "a[", "a[x]"]) expect(parsePropertyPath(bad)).toBeUndefined();
  });

  test("a changed path under an option path matches; a parent of it does not (as the engine)", () => {
    expect(contains(["publishCdnParams"], ["publishCdnParams", 0, "publishCdnUrl"])).toBe(true);
    expect(contains(["publishCdnParams", "*", "publishCdnUrl"], ["publishCdnParams", 1, "publishCdnUrl"])).toBe(true);
    expect(contains(["publishCdnParams", "*", "publishCdnUrl"], ["publishCdnParams", 1, "isTencentCdn"])).toBe(false);
    expect(contains(["publishCdnParams", "*", "publishCdnUrl"], ["publishCdnParams"])).toBe(false);
    expect(contains(["*"], ["roomId"])).toBe(true);
  });

  test("changed paths: leaves, items added or removed, unknowns; empty and absent lists are the same", () => {
    const args = seedArgs("mix-audio-video-cdn");
    const olds = storedState(args, { __options: { replaceOnChanges: ["*"] } });
    const news = structuredClone(args);
    news.videoParams.backGroundColor = "0x111111";
    news.publishCdnParams.push({ publishCdnUrl: "rtmp://b/c", isTencentCdn: 0 });
    news.videoParams.layoutParams.mixLayoutList[0].imageWidth = UNKNOWN;
    news.audioParams.subscribeAudioList = [];
    expect(changedPaths(olds, { ...news, __provider: "x" })).toEqual(
      expect.arrayContaining([
        ["videoParams", "backGroundColor"],
        ["publishCdnParams", 1],
        ["videoParams", "layoutParams", "mixLayoutList", 0, "imageWidth"],
      ]),
    );
    expect(changedPaths(olds, { ...news, __provider: "x" })).toHaveLength(3);
  });

  test("the top-level arguments replaced", () => {
    const changed = [
      ["videoParams", "backGroundColor"],
      ["publishCdnParams", 0, "publishCdnUrl"],
    ];
    expect(replacedByOption(["publishCdnParams"], changed)).toEqual(["publishCdnParams"]);
    expect(replacedByOption(["*"], changed)).toEqual(["videoParams", "publishCdnParams"]);
    expect(replacedByOption(["seiParams"], changed)).toEqual([]);
  });

  test("check names paths that parse to nothing or name no argument", () => {
    const news = { __options: { replaceOnChanges: ["publishCdnParams", "*", "publishCdnParam[*]", "a..b"] } };
    expect(optionFailures(news).map((f) => f.reason)).toEqual([
      expect.stringMatching(/^replaceOnChanges: "publishCdnParam\[\*\]" names no argument of PublishCdnStream \(arguments: sdkAppId, /),
      'replaceOnChanges: "a..b" is not a property path (e.g. publishCdnParams[*].publishCdnUrl)',
    ]);
  });
});

describe("the lifecycle honours them", () => {
  const ENV = {
    TENCENTCLOUD_SECRET_ID: "AKIDunit",
    TENCENTCLOUD_SECRET_KEY: "unit-secret-key-value",
    TRTC_ENDPOINT: STORED_TARGET.endpoint,
    TENCENTCLOUD_REGION: STORED_TARGET.region,
  };
  /** Deps whose client records each call's body and deadline. */
  function recording(deadlineMs?: number) {
    const calls: Array<{ action: string; body: Record<string, any>; deadlineMs?: number }> = [];
    const deps: LifecycleDeps = {
      connect: (_t, _c, _r, deadline) => {
        const answer = (action: string) => async (body: Record<string, any>) => {
          calls.push({ action, body, deadlineMs: deadline });
          return { TaskId: body.TaskId ?? "task-1", RequestId: "req" };
        };
        return { startPublishCdnStream: answer("start"), updatePublishCdnStream: answer("update"), stopPublishCdnStream: answer("stop") };
      },
      env: () => ENV,
      log: () => undefined,
      warn: () => undefined,
      now: () => 0,
      deadlineMs,
    };
    return { deps, calls };
  }
  const options = { replaceOnChanges: ["publishCdnParams"], customTimeouts: { create: "2s" } };

  test("check keeps __options beside the arguments, and it is no argument error", async () => {
    const { deps } = recording();
    const result = await check(deps, {}, { ...seedArgs("mix-audio-only-cdn"), __options: options, __provider: "x" });
    expect(result.failures).toEqual([]);
    expect(result.inputs.__options).toEqual(options);
  });

  test("create and update never send it, and keep it in state for delete", async () => {
    const { deps, calls } = recording(2000);
    const inputs = { ...seedArgs("mix-audio-only-cdn"), __options: options };
    const { outs } = await create(deps, inputs);
    expect(calls[0].body).not.toHaveProperty("__options");
    expect(calls[0].deadlineMs).toBe(2000);
    expect((outs as Record<string, any>).__options).toEqual(options);
    const news = { ...inputs, seiParams: { layoutVolume: { appData: "v2", payloadType: 100 } } };
    const updated = await update(deps, "task-1", outs as Record<string, any>, news);
    expect(calls[1].body).not.toHaveProperty("__options");
    expect((updated.outs as Record<string, any>).__options).toEqual(options);
    await deleteTask(deps, "task-1", updated.outs as Record<string, any>);
    expect(calls.map((c) => c.action)).toEqual(["start", "update", "stop"]);
  });

  test("diff: a change under a listed path replaces (stop first), one elsewhere updates, the option alone is no change", async () => {
    const { deps } = recording();
    const args = seedArgs("mix-audio-video-cdn");
    const olds = storedState(args, { __options: options });
    const url = structuredClone(args);
    url.publishCdnParams[0].publishCdnUrl = "rtmp://other/live/x";
    expect(await diff(deps, "task-1", olds, { ...url, __options: options })).toEqual({
      changes: true,
      replaces: ["publishCdnParams"],
      deleteBeforeReplace: true,
    });
    const colour = structuredClone(args);
    colour.videoParams.backGroundColor = "0x222222";
    expect(await diff(deps, "task-1", olds, { ...colour, __options: options })).toEqual({ changes: true });
    expect(await diff(deps, "task-1", olds, { ...args, __options: { replaceOnChanges: ["*"] } })).toEqual({ changes: false });
    expect(await diff(deps, "task-1", olds, { ...colour, __options: { replaceOnChanges: ["*"] } })).toMatchObject({
      replaces: ["videoParams"],
    });
  });
});
