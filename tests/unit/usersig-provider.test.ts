/**
 * UserSigs generated at deploy time, provider side: the settings, check's verdict on an omitted push-back
 * ticket, the diff rule that keeps generated tickets from being changes, and create/update generating once
 * and reusing afterwards (over a scripted in-process API; the emulator tests cover HTTP).
 */
import { checkArguments } from "../../provider/check";
import { ConfigError, clearConfig, storeConfig } from "../../provider/config";
import { planChanges } from "../../provider/diff";
import { makeLifecycle, type TaskApi } from "../../provider/lifecycle";
import { UNKNOWN } from "../../provider/unknowns";
import { genUserSig, verifyUserSig } from "../../trtc/usersig";
import { DEFAULT_USERSIG_EXPIRE_SECONDS, resolveUserSigSettings } from "../../provider/usersig/settings";
import { STORED_TARGET, seedArgs, storedState } from "../helpers/stream-args";

const APP = 1400188366;
const KEY = "sdk-secret-key-5f0c2b7e9a";
const OTHER_KEY = "sdk-secret-key-of-another-app";

const withoutSigs = (): Record<string, any> => {
  const args = seedArgs("mix-feedback-room");
  delete args.agentParams.userSig;
  for (const robot of args.feedBackRoomParams) delete robot.userSig;
  return args;
};

afterEach(() => clearConfig());

describe("settings", () => {
  test("nothing configured: no key, the default lifetime of 180 days", () => {
    const s = resolveUserSigSettings({});
    expect(s.keyFor(APP)).toBeUndefined();
    expect(s.canGenerate(APP)).toBe(false);
    expect(s.canGenerate(UNKNOWN)).toBe(false);
    expect(s.expireSeconds).toBe(DEFAULT_USERSIG_EXPIRE_SECONDS);
    expect(DEFAULT_USERSIG_EXPIRE_SECONDS).toBe(15552000);
  });

  test("the single key serves every app; a per-app key wins for its app", () => {
    storeConfig({
      get: (k) => (({ "trtc:sdkSecretKey": KEY, "trtc:sdkSecretKeys": `{"1400000001": "${OTHER_KEY}"}` }) as Record<string, string>)[k],
    });
    const s = resolveUserSigSettings({});
    expect(s.keyFor(APP)).toBe(KEY);
    expect(s.keyFor(1400000001)).toBe(OTHER_KEY);
  });

  test("per-app keys alone: other apps have none; an unknown SdkAppId (preview) may have one", () => {
    const s = resolveUserSigSettings({ TRTC_SDK_SECRET_KEYS: `{"1400000001": "${OTHER_KEY}"}` });
    expect(s.keyFor(APP)).toBeUndefined();
    expect(s.canGenerate(APP)).toBe(false);
    expect(s.canGenerate(1400000001)).toBe(true);
    expect(s.canGenerate(UNKNOWN)).toBe(true);
  });

  test("stack config wins over the environment; the lifetime is configurable", () => {
    storeConfig({ get: (k) => (({ "trtc:sdkSecretKey": KEY, "trtc:userSigExpireSeconds": "86400" }) as Record<string, string>)[k] });
    const s = resolveUserSigSettings({ TRTC_SDK_SECRET_KEY: "env-key", TRTC_USERSIG_EXPIRE_SECONDS: "60" });
    expect(s.keyFor(APP)).toBe(KEY);
    expect(s.expireSeconds).toBe(86400);
  });

  test.each([
    ["not JSON", { TRTC_SDK_SECRET_KEYS: `{"1400188366": "${KEY}"` }, /trtc:sdkSecretKeys .*not valid JSON/],
    ["an array", { TRTC_SDK_SECRET_KEYS: `["${KEY}"]` }, /must be a JSON object/],
    ["a bad app id", { TRTC_SDK_SECRET_KEYS: `{"app": "${KEY}"}` }, /"app" is not an SdkAppId/],
    ["an empty key", { TRTC_SDK_SECRET_KEYS: `{"1400188366": ""}` }, /key for SdkAppId 1400188366 must be a non-empty string/],
    ["a zero lifetime", { TRTC_USERSIG_EXPIRE_SECONDS: "0" }, /trtc:userSigExpireSeconds .*whole number of seconds/],
    ["a fractional lifetime", { TRTC_USERSIG_EXPIRE_SECONDS: "1.5" }, /trtc:userSigExpireSeconds/],
  ])("%s is a ConfigError naming the setting and never quoting a key", (_name, env, message) => {
    const error = (() => {
      try {
        resolveUserSigSettings(env);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain(KEY);
  });
});

describe("check", () => {
  const can = (keys: Record<number, string>) => (id: unknown) => (typeof id === "number" ? keys[id] !== undefined : id === UNKNOWN);

  test("an omitted push-back UserSig without a key names feedBackRoomParams[i].userSig and both ways out", () => {
    const { failures } = checkArguments(withoutSigs(), "cn", can({}));
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("feedBackRoomParams[0].userSig");
    expect(failures[0].reason).toMatch(/set feedBackRoomParams\[0\]\.userSig .*or configure .*trtc:sdkSecretKey/);
  });

  test("with a key for the app, omission passes and the inputs stay without a ticket", () => {
    const { inputs, failures } = checkArguments(withoutSigs(), "cn", can({ [APP]: KEY }));
    expect(failures).toEqual([]);
    expect((inputs as any).feedBackRoomParams[0]).not.toHaveProperty("userSig");
    expect((inputs as any).agentParams).not.toHaveProperty("userSig");
  });

  test("a key for another app does not help", () => {
    expect(checkArguments(withoutSigs(), "cn", can({ 1400000001: KEY })).failures.map((f) => f.property)).toEqual([
      "feedBackRoomParams[0].userSig",
    ]);
  });

  test("the relay robot's ticket stays optional without any key; other rules still apply with one", () => {
    const args = seedArgs("mix-feedback-room");
    delete args.agentParams.userSig;
    expect(checkArguments(args, "cn", can({})).failures).toEqual([]);
    const bad = withoutSigs();
    bad.agentParams.maxIdleTime = 1;
    expect(checkArguments(bad, "cn", can({ [APP]: KEY })).failures.map((f) => f.property)).toEqual(["agentParams.maxIdleTime"]);
  });

  test("preview with an unknown SdkAppId and some key configured reports nothing", () => {
    const args = { ...withoutSigs(), sdkAppId: UNKNOWN };
    expect(checkArguments(args, "cn", can({ 1400000001: KEY })).failures).toEqual([]);
  });
});

describe("diff", () => {
  const generated = () => {
    const args = withoutSigs();
    args.agentParams.userSig = genUserSig({ sdkAppId: APP, secretKey: KEY, userId: args.agentParams.userId, expireSeconds: 600 });
    args.feedBackRoomParams[0].userSig = genUserSig({
      sdkAppId: APP,
      secretKey: KEY,
      userId: args.feedBackRoomParams[0].userId,
      expireSeconds: 600,
    });
    return storedState(args);
  };

  test("generated tickets in the old outputs, absent from the new inputs: no change", () => {
    expect(planChanges(generated(), withoutSigs(), STORED_TARGET)).toEqual({ changes: false, replaces: [], send: {}, changed: [] });
  });

  test("the user now giving a ticket of their own is a change: agentParams replaces, a push-back robot updates", () => {
    const agent = withoutSigs();
    agent.agentParams.userSig = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS84oy0zJBEhZmhiYGRsZmBuYmBiYmBgbmBgA_";
    expect(planChanges(generated(), agent, STORED_TARGET).replaces).toEqual(["agentParams"]);
    const feedback = withoutSigs();
    feedback.feedBackRoomParams[0].userSig = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS84oy0zJBEhZmhiYGRsZmBuYmBiYmBgbmBgA_";
    const plan = planChanges(generated(), feedback, STORED_TARGET);
    expect(plan.replaces).toEqual([]);
    expect(plan.send.feedBackRoomParams).toEqual(feedback.feedBackRoomParams);
  });

  test("a robot renamed does not inherit the old robot's ticket", () => {
    const news = withoutSigs();
    news.feedBackRoomParams[0].userId = "trtc_partner_renamed";
    const plan = planChanges(generated(), news, STORED_TARGET);
    expect(plan.replaces).toEqual([]);
    expect((plan.send.feedBackRoomParams as any[])[0]).not.toHaveProperty("userSig");
  });

  test("an unknown userSig in preview is a change, never silently the old ticket", () => {
    const news = withoutSigs();
    news.feedBackRoomParams[0].userSig = UNKNOWN;
    expect(planChanges(generated(), news, STORED_TARGET).changes).toBe(true);
  });
});

describe("create and update", () => {
  function harness(env: Record<string, string>) {
    const calls: { action: string; body: Record<string, any> }[] = [];
    const logs: string[] = [];
    const answer = (action: string) => async (body: Record<string, any>) => {
      calls.push({ action, body });
      return { TaskId: body.TaskId ?? "task-1", RequestId: `req-${calls.length}` };
    };
    const api = {
      startPublishCdnStream: answer("start"),
      updatePublishCdnStream: answer("update"),
      stopPublishCdnStream: answer("stop"),
    } as unknown as TaskApi;
    const lifecycle = makeLifecycle({ connect: () => api, env: () => env, log: (l) => logs.push(l) });
    return { lifecycle, calls, logs };
  }
  const ENV = {
    TENCENTCLOUD_SECRET_ID: "AKIDunit",
    TENCENTCLOUD_SECRET_KEY: "unit-secret-key-value",
    TRTC_ENDPOINT: "http://127.0.0.1:9",
    TRTC_SDK_SECRET_KEY: KEY,
  };
  const verifies = (sig: unknown, userId: string) =>
    typeof sig === "string" && verifyUserSig(sig, { sdkAppId: APP, secretKey: KEY, userId }).ok;

  test("create generates each missing robot ticket once, sends it and stores it; logs name paths only", async () => {
    const { lifecycle, calls, logs } = harness(ENV);
    const args = withoutSigs();
    const { outs } = await lifecycle.create({ ...args, __provider: "shim" });
    const sent = calls[0].body;
    expect(verifies(sent.AgentParams.UserSig, args.agentParams.userId)).toBe(true);
    expect(verifies(sent.FeedBackRoomParams[0].UserSig, args.feedBackRoomParams[0].userId)).toBe(true);
    expect((outs as any).agentParams.userSig).toBe(sent.AgentParams.UserSig);
    expect((outs as any).feedBackRoomParams[0].userSig).toBe(sent.FeedBackRoomParams[0].UserSig);
    expect(logs.join("\n")).toMatch(/generated UserSigs for agentParams\.userSig, feedBackRoomParams\[0\]\.userSig \(valid 15552000 s\)/);
    expect(logs.join("\n")).not.toContain(sent.AgentParams.UserSig);
    expect(logs.join("\n")).not.toContain(KEY);
  });

  test("create leaves a user's own ticket alone, and without a key sends none for the relay robot", async () => {
    const own = harness(ENV);
    const args = seedArgs("mix-feedback-room");
    await own.lifecycle.create(args);
    expect(own.calls[0].body.AgentParams.UserSig).toBe(args.agentParams.userSig);
    expect(own.calls[0].body.FeedBackRoomParams[0].UserSig).toBe(args.feedBackRoomParams[0].userSig);
    const none = harness({ ...ENV, TRTC_SDK_SECRET_KEY: "" });
    const relayOnly = seedArgs("mix-audio-video-cdn");
    delete relayOnly.agentParams.userSig;
    await none.lifecycle.create(relayOnly);
    expect(none.calls[0].body.AgentParams).not.toHaveProperty("UserSig");
  });

  test("update re-sends the stored ticket of an unchanged robot and generates one for a new robot only", async () => {
    const { lifecycle, calls } = harness(ENV);
    const args = withoutSigs();
    const { outs } = await lifecycle.create(args);
    const olds = { ...outs, __provider: "shim" } as Record<string, any>;
    const news = withoutSigs();
    news.feedBackRoomParams.push({ roomId: "630778", roomIdType: 0, userId: "trtc_partner_test_3" });
    const diff = await lifecycle.diff("task-1", olds, news);
    expect(diff).toEqual({ changes: true });

    const { outs: after } = await lifecycle.update("task-1", olds, news);
    const sent = calls[1].body;
    expect(calls[1].action).toBe("update");
    expect(sent.FeedBackRoomParams[0].UserSig).toBe(olds.feedBackRoomParams[0].userSig);
    expect(sent.FeedBackRoomParams[1].UserSig).not.toBe(olds.feedBackRoomParams[0].userSig);
    expect(verifies(sent.FeedBackRoomParams[1].UserSig, "trtc_partner_test_3")).toBe(true);
    expect(sent).not.toHaveProperty("AgentParams");
    expect((after as any).agentParams.userSig).toBe(olds.agentParams.userSig);
    expect((after as any).feedBackRoomParams.map((r: any) => r.userSig)).toEqual(sent.FeedBackRoomParams.map((r: any) => r.UserSig));
    // And the next diff sees no change at all.
    expect(await lifecycle.diff("task-1", { ...after, __provider: "shim" }, { ...news, __provider: "shim" })).toEqual({ changes: false });
  });

  test("an update that does not send the robots keeps every stored ticket in the outputs", async () => {
    const { lifecycle, calls } = harness(ENV);
    const { outs } = await lifecycle.create(withoutSigs());
    const news = withoutSigs();
    news.videoParams.videoEncode.bitRate = 900;
    const { outs: after } = await lifecycle.update("task-1", { ...outs }, news);
    expect(calls[1].body).not.toHaveProperty("FeedBackRoomParams");
    expect((after as any).agentParams.userSig).toBe((outs as any).agentParams.userSig);
    expect((after as any).feedBackRoomParams[0].userSig).toBe((outs as any).feedBackRoomParams[0].userSig);
  });

  test("check through the lifecycle reads the key from stack config set by configure", async () => {
    const { lifecycle } = harness({ ...ENV, TRTC_SDK_SECRET_KEY: "" });
    expect((await lifecycle.check({}, withoutSigs())).failures.map((f) => f.property)).toEqual(["feedBackRoomParams[0].userSig"]);
    lifecycle.configure({ get: (k) => (k === "trtc:sdkSecretKey" ? KEY : undefined) });
    expect((await lifecycle.check({}, withoutSigs())).failures).toEqual([]);
  });
});
