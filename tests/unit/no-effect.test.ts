/**
 * The one policy for fields Tencent documents as "only takes effect in …" (issue 17, kind 6): the shared
 * table (trtc/schema/rules/no-effect.ts) accepts them and says so, and every place that speaks — the
 * validator, the provider's check, the layout picture — reads the same rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderLayout } from "../../layout/render";
import { checkArguments } from "../../provider/check";
import { noEffectWarnings } from "../../provider/no-effect-warnings";
import { toPulumiCase } from "../../trtc/casing";
import { NO_EFFECT_RULES, START_RULES, UPDATE_RULES, noEffectNotices } from "../../trtc/schema";
import { noEffectFields, validateRequest } from "../../trtc/validate";
import { DYNAMIC_START, MIX, patch, seed } from "../fixtures/bodies";
import { NO_EFFECT } from "../fixtures/valid-bodies";

describe("the no-effect table", () => {
  test("every row has a stable id, a condition in words and a Tencent source", () => {
    expect(new Set(NO_EFFECT_RULES.map((r) => r.id)).size).toBe(NO_EFFECT_RULES.length);
    for (const rule of NO_EFFECT_RULES) {
      expect([rule.id, /§\d/.test(rule.source), rule.effectiveIn.length > 5, /^[A-Z]/.test(rule.field)]).toEqual([
        rule.id,
        true,
        true,
        true,
      ]);
    }
  });

  test("every row is seen at work by a valid-body case", () => {
    const seen = new Set(NO_EFFECT.map((c) => c.noEffect.ruleId));
    expect(NO_EFFECT_RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  test("is data: a generator can read every condition without running code", () => {
    const json = JSON.parse(JSON.stringify(NO_EFFECT_RULES)) as typeof NO_EFFECT_RULES;
    expect(json).toEqual(NO_EFFECT_RULES);
  });

  test("docs/EMULATOR.md lists every request rule and every no-effect row, each with its source", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "EMULATOR.md"), "utf8");
    const rows = [...new Set([...START_RULES, ...UPDATE_RULES])].map((r) => ({ id: r.id, source: r.source }));
    const missing = [...rows, ...NO_EFFECT_RULES].filter((r) => !doc.includes(`| \`${r.id}\` |`) || !doc.includes(r.source));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  test("never throws on garbage", () => {
    for (const body of [
      null,
      1,
      [],
      {},
      { VideoParams: [] },
      { VideoParams: { LayoutParams: { MixLayoutList: [null, 1] } } },
      { RecordParams: 5 },
    ])
      expect(() => noEffectNotices(body)).not.toThrow();
  });
});

describe.each(NO_EFFECT.map((c) => [c.name, c] as const))("%s", (_, c) => {
  test("is accepted by the validator and reported as having no effect", () => {
    const result = validateRequest(c.action, c.body, { site: c.site });
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(noEffectFields(c.body).map((f) => ({ path: f.path, ruleId: f.ruleId }))).toContainEqual(c.noEffect);
  });

  test("passes the provider's check, and the resource would warn about it", () => {
    const args = toPulumiCase(c.body) as Record<string, unknown>;
    expect(checkArguments(args, c.site ?? "cn").failures).toEqual([]);
    expect(noEffectWarnings(args).some((w) => w.startsWith(`${c.noEffect.path}: has no effect`))).toBe(true);
  });
});

describe("the issue's examples", () => {
  const grid = patch(DYNAMIC_START, { "VideoParams.LayoutParams.MixLayoutMode": 3 });

  test("maxVideoUser with a grid layout: accepted, with the reason in the user's terms", () => {
    expect(validateRequest("StartPublishCdnStream", grid).ok).toBe(true);
    expect(noEffectFields(grid)).toEqual([
      {
        path: "videoParams.layoutParams.maxVideoUser",
        apiPath: "VideoParams.LayoutParams.MaxVideoUser",
        rule: "has no effect: it only takes effect with mixLayoutMode 1 (floating) or 2 (screen sharing), and mixLayoutMode is 3 (grid)",
        ruleId: "max-video-user-layouts",
      },
    ]);
  });

  test("mixLayoutList with mixLayoutMode 2, recordWaitTime with uniRecord 2: accepted (they were refused before)", () => {
    const screen = patch(MIX, { "VideoParams.LayoutParams.MixLayoutMode": 2 });
    const record = patch(MIX, {
      RecordParams: { UniRecord: 2, RecordWaitTime: 30 },
      "VideoParams.LayoutParams.PureAudioHoldPlaceMode": undefined,
    });
    for (const body of [screen, record]) expect(validateRequest("StartPublishCdnStream", body)).toMatchObject({ ok: true });
    expect(noEffectFields(screen).map((f) => f.ruleId)).toContain("mix-layout-list-custom");
    expect(noEffectFields(record).map((f) => f.rule)).toEqual([
      "has no effect: it only takes effect with uniRecord 3 (record with these parameters), and uniRecord is 2 (console template)",
    ]);
  });

  test("the fields already accepted are now also reported: pureAudioHoldPlaceMode, renderMode, transparentUrl, payloadUuid", () => {
    const body = patch(MIX, {
      "VideoParams.LayoutParams.PureAudioHoldPlaceMode": 1,
      "VideoParams.LayoutParams.RenderMode": 1,
      "VideoParams.LayoutParams.MixLayoutList[0].RenderMode": 1,
      "VideoParams.LayoutParams.MixLayoutList[0].TransparentUrl": "https://example.com/mask.png",
      SeiParams: { PassThrough: { PayloadContent: "x", PayloadType: 100, PayloadUuid: "0123456789abcdef0123456789abcdef" } },
    });
    expect(validateRequest("StartPublishCdnStream", body).ok).toBe(true);
    expect(noEffectFields(body).map((f) => f.path)).toEqual([
      "videoParams.layoutParams.pureAudioHoldPlaceMode",
      "videoParams.layoutParams.renderMode",
      "videoParams.layoutParams.mixLayoutList[0].transparentUrl",
      "seiParams.passThrough.payloadUuid",
    ]);
  });

  test("fields where they take effect are not reported", () => {
    expect(noEffectFields(DYNAMIC_START)).toEqual([]);
    expect(noEffectFields(seed("start-relay-single-audio-video.json"))).toEqual([]);
    expect(noEffectFields(patch(MIX, { "VideoParams.LayoutParams.PureAudioHoldPlaceMode": undefined }))).toEqual([]);
  });
});

describe("the layout picture lists them as warnings", () => {
  test("maxVideoUser in a grid: a no-effect warning in the problem list and in the drawing's text", () => {
    const r = renderLayout(toPulumiCase(patch(DYNAMIC_START, { "VideoParams.LayoutParams.MixLayoutMode": 3 })), { users: ["Trtc_User_0"] });
    const problem = r.problems.find((p) => p.code === "no-effect" && p.path === "videoParams.layoutParams.maxVideoUser");
    expect(problem).toMatchObject({ severity: "warning", apiPath: "VideoParams.LayoutParams.MaxVideoUser" });
    expect(problem?.message).toBe(
      "videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 (floating) or 2 (screen sharing), and mixLayoutMode is 3 (grid)",
    );
  });

  test("recording and SEI fields are not the picture's business", () => {
    const r = renderLayout(
      patch(MIX, { RecordParams: { UniRecord: 2, RecordWaitTime: 30 }, "VideoParams.LayoutParams.PureAudioHoldPlaceMode": undefined }),
    );
    expect(r.problems).toEqual([]);
  });
});
