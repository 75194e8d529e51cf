/**
 * uint64 integers (issue 17, kind 4): Tencent types every Integer as uint64 (spec §0). The shared table
 * accepts the whole range, bigints included, and the API JSON helpers (trtc/json.ts) keep every digit.
 */
import { exactIntegers, parseApiJson, stringifyApiJson } from "../../trtc/json";
import { MAX_UINT64 } from "../../trtc/schema/common";
import { formatIssue, validateRequest } from "../../trtc/validate";
import { MIX, UPDATE, patch } from "../fixtures/bodies";

const issues = (body: unknown): string[] => {
  const r = validateRequest("UpdatePublishCdnStream", body);
  return r.ok ? [] : r.issues.map(formatIssue);
};

describe("SequenceNumber in the shared table", () => {
  test("a nanosecond timestamp (issue example) is accepted, as a number or a bigint", () => {
    expect(issues({ ...UPDATE, SequenceNumber: 1732900000000000000 })).toEqual([]);
    expect(issues({ ...UPDATE, SequenceNumber: 1732900000000000001n })).toEqual([]);
  });

  test("the top of uint64 is accepted; one past it and negatives are refused with the range named", () => {
    expect(MAX_UINT64).toBe(2n ** 64n - 1n);
    expect(issues({ ...UPDATE, SequenceNumber: 18446744073709551615n })).toEqual([]);
    expect(issues({ ...UPDATE, SequenceNumber: 0 })).toEqual([]);
    expect(issues({ ...UPDATE, SequenceNumber: 18446744073709551616n })).toEqual([
      "sequenceNumber: must be an integer from 0 to 18446744073709551615 (got 18446744073709551616)",
    ]);
    expect(issues({ ...UPDATE, SequenceNumber: -1n })).toEqual([
      "sequenceNumber: must be an integer from 0 to 18446744073709551615 (got -1)",
    ]);
  });

  test("no message contradicts its value any more (the old 'must be a non-negative integer (got 1732900000000000000)')", () => {
    for (const value of [1732900000000000000, 2 ** 63, 2 ** 64 - 2048]) expect(issues({ ...UPDATE, SequenceNumber: value })).toEqual([]);
  });

  test("sibling: other uint64 fields without a narrower range take values past 2^53 too", () => {
    const body = { ...patch(MIX, { "VideoParams.LayoutParams.MixLayoutList[0].ZOrder": 2 ** 60 }), SdkAppId: 2n ** 60n };
    const r = validateRequest("StartPublishCdnStream", body);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  test("fields with a documented range still refuse a bigint beyond it", () => {
    const body = patch(MIX, {});
    (body.AgentParams as Record<string, unknown>).MaxIdleTime = 10n ** 20n;
    const r = validateRequest("StartPublishCdnStream", body);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([
      "agentParams.maxIdleTime: must be an integer from 5 to 86400 (got 100000000000000000000)",
    ]);
  });
});

describe("API JSON (trtc/json.ts, on lossless-json)", () => {
  test("reads integers past 2^53 as exact bigints and everything else as JSON.parse does", () => {
    const text = '{"a":18446744073709551615,"b":1732900000000000001,"c":9007199254740991,"d":1.5,"e":-3,"f":[1e2,"x",null,true]}';
    expect(parseApiJson(text)).toEqual({
      a: 18446744073709551615n,
      b: 1732900000000000001n,
      c: 9007199254740991,
      d: 1.5,
      e: -3,
      f: [100, "x", null, true],
    });
  });

  test("writes bigints as bare integers and anything else exactly as JSON.stringify", () => {
    expect(stringifyApiJson({ SequenceNumber: 18446744073709551615n })).toBe('{"SequenceNumber":18446744073709551615}');
    for (const value of [MIX, { s: '直播间 \u2028 \ud800 "q"', n: [0, -0, 1e21, 2 ** 60, 0.1], u: undefined, z: null }])
      expect(stringifyApiJson(value)).toBe(JSON.stringify(value));
    expect(stringifyApiJson({ a: [1, { b: 2 }] }, 2)).toBe(JSON.stringify({ a: [1, { b: 2 }] }, null, 2));
  });

  test("round-trips the top of uint64 and its neighbours distinctly", () => {
    const values = [18446744073709551615n, 18446744073709551614n, 1732900000000000000n, 1732900000000000001n];
    expect(parseApiJson(stringifyApiJson(values))).toEqual(values);
  });

  test("exactIntegers writes a double past 2^53 as the integer it holds, not its shortest digits", () => {
    expect(JSON.stringify(2 ** 64 - 2048)).toBe("18446744073709550000");
    expect(stringifyApiJson(exactIntegers({ n: 2 ** 64 - 2048, small: 5, f: 0.5 }))).toBe('{"n":18446744073709549568,"small":5,"f":0.5}');
  });

  test("refuses a repeated key rather than guessing which one counts", () => {
    expect(() => parseApiJson('{"SequenceNumber":1,"SequenceNumber":2}')).toThrow(/Duplicate key/);
  });
});
