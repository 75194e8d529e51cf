/** check: the shared validator's issues as CheckFailures, camelCase, with preview unknowns tolerated. */
import { checkArguments, dependsOnUnknown } from "../../provider/check";
import { UNKNOWN, unknownPaths } from "../../provider/unknowns";
import { seedArgs, type SeedName } from "../helpers/stream-args";

const SEEDS: SeedName[] = [
  "mix-audio-video-cdn",
  "mix-audio-only-cdn",
  "relay-single-audio-video",
  "relay-single-audio-only",
  "mix-feedback-room",
  "mix-layout-sei",
  "mix-cross-room",
];

test.each(SEEDS)("the seed scenario %s passes unchanged", (name) => {
  const args = seedArgs(name);
  const { inputs, failures } = checkArguments({ ...args, __provider: "code" }, "cn");
  expect(failures).toEqual([]);
  expect(inputs).toEqual(args); // __provider stripped (the host re-adds it), nothing else touched
});

test("undefined members are removed from the returned inputs", () => {
  const { inputs } = checkArguments({ ...seedArgs("mix-audio-only-cdn"), videoParams: undefined, seiParams: undefined }, "cn");
  expect(Object.keys(inputs)).not.toContain("videoParams");
  expect(Object.keys(inputs)).not.toContain("seiParams");
});

test("every problem is reported by camelCase property with the rule broken", () => {
  const args = seedArgs("mix-audio-video-cdn");
  args.agentParams.maxIdleTime = 3;
  args.videoParams.layoutParams.mixLayoutList[1].locationX = 760;
  args.publishCdnParams[0].publishCdnUrl = "https://not-rtmp.example/live?txSecret=abcdef0123456789";
  const { failures } = checkArguments(args, "cn");
  const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
  expect(byProperty["agentParams.maxIdleTime"]).toMatch(/5.*86400/);
  expect(byProperty["videoParams.layoutParams.mixLayoutList[1]"]).toMatch(
    /locationX \+ imageWidth \(1400\) exceeds videoEncode.width \(1280\)/,
  );
  expect(byProperty["publishCdnParams[0].publishCdnUrl"]).toMatch(/rtmp/);
  expect(JSON.stringify(failures)).not.toContain("abcdef0123456789"); // never echo push-URL secrets
});

test("a missing required argument and an unknown argument are both named", () => {
  const args = seedArgs("mix-audio-only-cdn");
  delete args.roomId;
  args.roomID = "295066";
  const { failures } = checkArguments(args, "cn");
  expect(failures).toEqual([
    { property: "roomId", reason: "is required" },
    { property: "", reason: expect.stringMatching(/^roomID: is not a known property .*did you mean roomId\?/) },
  ]);
});

describe("arguments the schema cannot see", () => {
  test("settings and computed outputs passed as arguments are rejected by name, with where they come from", () => {
    const args = {
      ...seedArgs("mix-audio-only-cdn"),
      region: "ap-guangzhou",
      endpoint: "http://127.0.0.1:1",
      secretKey: "sk-do-not-print",
      taskId: "t-1",
      finished: false,
    };
    const { failures } = checkArguments(args, "cn");
    expect(failures.map((f) => f.reason)).toEqual([
      "region: is not an argument: the region comes from the tencentcloud:region stack config (or TENCENTCLOUD_REGION)",
      "endpoint: is not an argument: the endpoint comes from the trtc:endpoint stack config (or TRTC_ENDPOINT)",
      "secretKey: is not an argument: the secretKey comes from the tencentcloud:secretKey stack config (or TENCENTCLOUD_SECRET_KEY)",
      "taskId: is not an argument: it is an output the provider sets",
      "finished: is not an argument: it is an output the provider sets",
    ]);
    expect(JSON.stringify(failures)).not.toContain("sk-do-not-print");
  });

  test("a setting whose value is not known yet is still rejected", () => {
    const { failures } = checkArguments({ ...seedArgs("mix-audio-only-cdn"), region: UNKNOWN }, "cn");
    expect(failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^region: is not an argument/)]);
  });

  test("PascalCase keys are rejected at any depth with the camelCase name to use", () => {
    const { sdkAppId, agentParams, ...rest } = seedArgs("mix-audio-only-cdn");
    const { userId, ...agent } = agentParams;
    const { failures } = checkArguments({ ...rest, SdkAppId: sdkAppId, agentParams: { ...agent, UserId: userId } }, "cn");
    // Only these two: toApiCase would otherwise have accepted both as the API's own spelling.
    expect(failures).toEqual([
      { property: "", reason: "SdkAppId: is written in PascalCase: did you mean sdkAppId? (argument names are camelCase)" },
      { property: "agentParams.UserId", reason: "is written in PascalCase: did you mean userId? (argument names are camelCase)" },
    ]);
  });

  test("a PascalCase key beside its camelCase twin is rejected too", () => {
    const args = seedArgs("mix-audio-only-cdn");
    const { failures } = checkArguments({ ...args, RoomId: "111" }, "cn");
    expect(failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^RoomId: is written in PascalCase: did you mean roomId\?/)]);
  });
});

test("a failure on a top-level value that may hold a credential names the property in the reason, not as the property", () => {
  // The engine prints the value of a failure's top-level property in plaintext, secrets included.
  const args = seedArgs("mix-audio-only-cdn");
  const url = "rtmp://push.example/live/s?txSecret=abcdef0123456789&txTime=5F5E0F00";
  const { failures } = checkArguments(
    { ...args, publishCdnParams: { publishCdnUrl: url }, userSig: "eJyr-misplaced", sdkAppId: "1400188366" },
    "cn",
  );
  expect(failures).toEqual(
    expect.arrayContaining([
      { property: "", reason: expect.stringMatching(/^publishCdnParams: must be a list \(got an object\)/) },
      { property: "", reason: expect.stringMatching(/^userSig: is not a known property/) },
      { property: "sdkAppId", reason: expect.stringMatching(/^must be an integer/) }, // not secret: the engine may print it
    ]),
  );
  expect(failures.filter((f) => ["publishCdnParams", "userSig"].includes(f.property))).toEqual([]);
});

test("the international site rejects China-only fields", () => {
  const args = seedArgs("mix-audio-video-cdn");
  args.videoParams.layoutParams.enableStreamSEI = 1;
  expect(checkArguments(args, "cn").failures).toEqual([]);
  expect(checkArguments(args, "intl").failures.map((f) => f.property)).toEqual(["videoParams.layoutParams.enableStreamSEI"]);
});

describe("preview unknowns", () => {
  test("unknown values anywhere are accepted", () => {
    const args = seedArgs("mix-audio-video-cdn");
    args.sdkAppId = UNKNOWN;
    args.roomId = UNKNOWN;
    args.agentParams.userSig = UNKNOWN;
    args.videoParams.videoEncode.width = UNKNOWN;
    args.publishCdnParams = UNKNOWN;
    args.audioParams.subscribeAudioList = [{ userInfo: { userId: UNKNOWN, roomId: UNKNOWN, roomIdType: 0 } }];
    const { inputs, failures } = checkArguments(args, "cn");
    expect(failures).toEqual([]);
    expect(inputs.publishCdnParams).toBe(UNKNOWN); // returned as received
  });

  test("a cross-field rule involving an unknown is skipped, one not involving it still fires", () => {
    const args = seedArgs("mix-audio-video-cdn");
    // Dynamic layout: listed users must be in the main room, which is not known yet. The validator reports
    // that at the user's path (unrelated to `roomId`), so only the rule text links it to the unknown.
    args.roomId = UNKNOWN;
    args.videoParams.layoutParams = { mixLayoutMode: 3 };
    args.audioParams.subscribeAudioList = [{ userInfo: { userId: "u1", roomId: "295066", roomIdType: 0 } }];
    args.agentParams.maxIdleTime = 3; // unrelated: still an error
    const { failures } = checkArguments(args, "cn");
    expect(failures.map((f) => f.property)).toEqual(["agentParams.maxIdleTime"]);
    args.roomId = "111"; // known now: the cross-room rule fires
    expect(checkArguments(args, "cn").failures.map((f) => f.property)).toEqual(
      expect.arrayContaining(["audioParams.subscribeAudioList[0].userInfo.roomId"]),
    );
  });

  test("an unknown canvas size skips the cell-fit rule only", () => {
    const args = seedArgs("mix-audio-video-cdn");
    args.videoParams.videoEncode.width = UNKNOWN;
    args.videoParams.layoutParams.mixLayoutList[1].locationX = 760; // would exceed 1280, but the width is unknown
    args.videoParams.layoutParams.mixLayoutList[1].locationY = 100; // exceeds the known height 720
    const { failures } = checkArguments(args, "cn");
    expect(failures).toEqual([
      { property: "videoParams.layoutParams.mixLayoutList[1]", reason: expect.stringMatching(/locationY \+ imageHeight \(820\)/) },
    ]);
  });

  test("a wholly unknown videoParams hides nothing else", () => {
    const args = seedArgs("mix-audio-video-cdn");
    args.videoParams = UNKNOWN;
    args.publishCdnParams[0].publishCdnUrl = "http://wrong";
    expect(checkArguments(args, "cn").failures.map((f) => f.property)).toEqual(["publishCdnParams[0].publishCdnUrl"]);
  });

  test("dependsOnUnknown: by path in either direction, by quoted sentinel, by named field", () => {
    const unknowns = unknownPaths({ a: { b: UNKNOWN }, videoParams: { videoEncode: { width: UNKNOWN } } });
    expect(dependsOnUnknown({ path: "a", rule: "x" }, unknowns)).toBe(true);
    expect(dependsOnUnknown({ path: "a.b.c", rule: "x" }, unknowns)).toBe(true);
    expect(dependsOnUnknown({ path: "", rule: "needs at least one target" }, unknowns)).toBe(true);
    expect(dependsOnUnknown({ path: "z", rule: `must be 1 (got ${UNKNOWN})` }, unknowns)).toBe(true);
    expect(dependsOnUnknown({ path: "cells[0]", rule: "exceeds videoEncode.width (9)" }, unknowns)).toBe(true);
    expect(dependsOnUnknown({ path: "cells[0]", rule: "exceeds imageWidth (9)" }, unknowns)).toBe(false);
    expect(dependsOnUnknown({ path: "z", rule: "x" }, [])).toBe(false);
  });
});
