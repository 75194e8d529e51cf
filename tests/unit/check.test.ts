/** check: the shared validator's issues as CheckFailures, camelCase, with preview unknowns tolerated. */
import { checkArguments, dependsOnUnknown } from "../../provider/check";
import { UNKNOWN, unknownPaths } from "../../provider/unknowns";
import { seedArgs, type SeedName } from "../helpers/stream-args";

const SEEDS: SeedName[] = [
  "mix-audio-video-cdn", "mix-audio-only-cdn", "relay-single-audio-video", "relay-single-audio-only",
  "mix-feedback-room", "mix-layout-sei", "mix-cross-room",
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
  expect(byProperty["videoParams.layoutParams.mixLayoutList[1]"]).toMatch(/locationX \+ imageWidth \(1400\) exceeds videoEncode.width \(1280\)/);
  expect(byProperty["publishCdnParams[0].publishCdnUrl"]).toMatch(/rtmp/);
  expect(JSON.stringify(failures)).not.toContain("abcdef0123456789"); // never echo push-URL secrets
});

test("a missing required argument and an unknown argument are both named", () => {
  const args = seedArgs("mix-audio-only-cdn");
  delete args.roomId;
  args.roomID = "295066";
  const properties = checkArguments(args, "cn").failures.map((f) => f.property);
  expect(properties).toEqual(expect.arrayContaining(["roomId", "roomID"]));
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
    expect(checkArguments(args, "cn").failures.map((f) => f.property))
      .toEqual(expect.arrayContaining(["audioParams.subscribeAudioList[0].userInfo.roomId"]));
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
