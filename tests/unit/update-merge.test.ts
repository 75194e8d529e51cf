/**
 * An Update judged against the task it changes (issue 17, kind 1): the merge Tencent documents
 * (emulator/api/handlers/update-rules.ts), every Start rule on the result, and the provider's check of its
 * full arguments reaching the same verdict, since the provider sends whole groups (provider/diff.ts).
 */
import { withValuesOf } from "../../harness/reliability/bad-input";
import { immutableViolation, mergeUpdate, mergedTaskViolation } from "../../emulator/api/handlers/update-rules";
import { checkArguments } from "../../provider/check";
import { planChanges } from "../../provider/diff";
import { toApiCase, toPulumiCase } from "../../trtc/casing";
import { validateRequest } from "../../trtc/validate";
import { MIX, cell, clone, patch, user } from "../fixtures/bodies";
import { STORED_TARGET, storedState } from "../helpers/stream-args";

const update = (extra: Record<string, unknown>) => ({ SdkAppId: 1400188366, TaskId: "t", SequenceNumber: 3, WithTranscoding: 1, ...extra });
const startIssues = (body: Record<string, unknown>) => {
  const r = validateRequest("StartPublishCdnStream", body);
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, rule: i.rule }));
};

describe("mergeUpdate: Tencent's incremental Update", () => {
  test("an omitted top-level group keeps its value; a sent one replaces it whole; addressing fields are not params", () => {
    const urls = [{ PublishCdnUrl: "rtmp://a.example/live/new", IsTencentCdn: 0 }];
    const merged = mergeUpdate(MIX, update({ PublishCdnParams: urls }));
    expect(merged).toEqual({ ...MIX, PublishCdnParams: urls });
    expect(merged).not.toHaveProperty("SequenceNumber");
    expect(merged).not.toHaveProperty("TaskId");
  });

  test("AudioParams: AudioEncode and an omitted list are kept, a sent list replaces (McuAudioParams: 'update时，不填表示不更新')", () => {
    const start = patch(MIX, { "AudioParams.UnSubscribeAudioList": [{ UserInfo: user("noisy") }] });
    const allow = [{ UserInfo: user("Trtc_User_0") }];
    expect(mergeUpdate(start, update({ AudioParams: { SubscribeAudioList: allow } })).AudioParams).toEqual({
      AudioEncode: (MIX.AudioParams as { AudioEncode: unknown }).AudioEncode,
      UnSubscribeAudioList: [{ UserInfo: user("noisy") }],
      SubscribeAudioList: allow,
    });
  });

  test("VideoParams: VideoEncode is kept when a sent VideoParams omits it (Tencent's own Update example 1); the rest replaces", () => {
    const layout = { MixLayoutMode: 3 };
    const merged = mergeUpdate(MIX, update({ VideoParams: { LayoutParams: layout } })) as { VideoParams: Record<string, unknown> };
    expect(merged.VideoParams).toEqual({ VideoEncode: (MIX.VideoParams as { VideoEncode: unknown }).VideoEncode, LayoutParams: layout });
  });

  test("does not touch its inputs", () => {
    const before = clone(MIX);
    mergeUpdate(MIX, update({ VideoParams: { LayoutParams: { MixLayoutMode: 3 } }, AudioParams: { SubscribeAudioList: [] } }));
    expect(MIX).toEqual(before);
  });

  test("what Update may never change is still refused before merging", () => {
    expect(immutableViolation(MIX, update({ AudioParams: { AudioEncode: { SampleRate: 44100, Channel: 2, BitRate: 64 } } }))).toMatch(
      /AudioEncode/,
    );
  });
});

describe("the merged task is judged by every Start rule, and the provider's check agrees", () => {
  const tenCells = patch(MIX, {
    "VideoParams.LayoutParams.MixLayoutList": Array.from({ length: 10 }, (_, i) => cell(`cell_${i}`, i * 128, 0, 128, 72)),
  });
  const tenVoices = Array.from({ length: 10 }, (_, i) => ({ UserInfo: user(`voice_${i}`) }));

  test.each([
    [
      "transcoding switched off while two cells are mixed (issue example)",
      MIX,
      update({ WithTranscoding: 0, PublishCdnParams: MIX.PublishCdnParams }),
      { path: "withTranscoding", rule: "must be 1 to mix streams (videoParams.layoutParams.mixLayoutList has 2 cells)" },
    ],
    [
      "ten audio-only users on top of ten cells (issue example)",
      tenCells,
      update({ AudioParams: { SubscribeAudioList: tenVoices } }),
      {
        path: "audioParams.subscribeAudioList",
        rule: "together with videoParams.layoutParams.mixLayoutList mixes 20 streams; at most 16 can be mixed",
      },
    ],
    [
      "a cell for the robot's UserId (sibling)",
      MIX,
      update({ VideoParams: { LayoutParams: { MixLayoutMode: 4, MixLayoutList: [cell("trtc_partner_test_1", 0, 0, 640, 720)] } } }),
      {
        path: "agentParams.userId",
        rule: 'must differ from every UserId the task mixes or relays, but videoParams.layoutParams.mixLayoutList[0].userMediaStream.userInfo.userId is also "trtc_partner_test_1"; TRTC removes one of two users with the same UserId from a room',
      },
    ],
    [
      "an allow-list user heard from another room than their cell (sibling)",
      MIX,
      update({ AudioParams: { SubscribeAudioList: [{ UserInfo: user("Trtc_User_1", "295067") }] } }),
      {
        path: "audioParams.subscribeAudioList[0].userInfo.roomId",
        rule: 'must match the roomId of "Trtc_User_1"\'s cell in videoParams.layoutParams.mixLayoutList ("295066"), got "295067"',
      },
    ],
  ])("%s", (_, start, body, expected) => {
    // The Update body alone is fine: only the task it makes is not.
    expect(validateRequest("UpdatePublishCdnStream", body)).toMatchObject({ ok: true });
    const merged = mergeUpdate(start, body);
    expect(startIssues(merged)).toContainEqual(expected);
    const apiPath = expected.path
      .split(".")
      .map((part) => part[0].toUpperCase() + part.slice(1))
      .join(".");
    expect(mergedTaskViolation(merged, "cn")).toContain(`${apiPath} ${expected.rule}`);
    // The provider checks the full arguments, which are the merged task: the same property, the same rule
    // (reported on the resource when the property is a secret argument such as agentParams).
    // Its reasons name arguments in place of room ids and UserIds (provider/identifiers.ts); the values
    // at those paths are put back to compare with the emulator's wording.
    const args = toPulumiCase(merged);
    const { failures } = checkArguments(args, "cn");
    expect(failures.map((f) => withValuesOf(f.property ? `${f.property}: ${f.reason}` : f.reason, args))).toContain(
      `${expected.path}: ${expected.rule}`,
    );
  });

  test("a valid partial Update makes a valid task", () => {
    const merged = mergeUpdate(tenCells, update({ AudioParams: { SubscribeAudioList: tenVoices.slice(0, 6) } }));
    expect(mergedTaskViolation(merged, "cn")).toBeUndefined();
  });
});

describe("the provider sends whole groups, so its full arguments are the merged task", () => {
  test.each([
    ["the CDN targets", (a: Record<string, any>) => (a.publishCdnParams = [{ publishCdnUrl: "rtmp://b.example/live/x", isTencentCdn: 0 }])],
    ["the layout", (a: Record<string, any>) => (a.videoParams.layoutParams = { mixLayoutMode: 3 })],
    ["the audio allow-list", (a: Record<string, any>) => (a.audioParams.subscribeAudioList = [{ userInfo: { userId: "Trtc_User_0" } }])],
    ["the SEI", (a: Record<string, any>) => (a.seiParams = { layoutVolume: { appData: "x" } })],
  ])("changing %s", (_, change) => {
    const args = toPulumiCase(MIX) as Record<string, any>;
    const next = clone(args);
    change(next);
    const plan = planChanges(storedState(args), next, STORED_TARGET);
    expect(plan.replaces).toEqual([]);
    const merged = mergeUpdate(toApiCase(args), toApiCase({ ...plan.send, withTranscoding: next.withTranscoding }));
    // Fills the provider adds (an empty block-list sent with the allow-list) aside, the task is the arguments.
    const expected = toApiCase(next) as Record<string, any>;
    if (plan.send.audioParams) expected.AudioParams = { ...expected.AudioParams, UnSubscribeAudioList: [] };
    if (plan.send.videoParams) expected.VideoParams = { ...expected.VideoParams, WaterMarkList: expected.VideoParams.WaterMarkList ?? [] };
    expect(merged).toEqual(expected);
  });
});
