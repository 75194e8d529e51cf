/** Output sanitising: nothing the host's protobuf conversion rejects, computed keys separated from arguments. */
import { argumentsOf, buildState, sanitize } from "../../provider/outputs";
import { SECRET_OUTPUTS, isSecretProperty } from "../../provider/secrets";

/** Finds every `undefined` (the value that makes Struct.fromJavaScript throw after Start succeeded). */
function undefinedPaths(value: unknown, at = "$"): string[] {
  if (value === undefined) return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedPaths(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${at}.${k}`));
  }
  return [];
}

describe("sanitize", () => {
  test("drops undefined members, nulls undefined array items and NaN", () => {
    const out = sanitize({ a: undefined, b: [1, undefined, NaN], c: { d: undefined, e: "x" } });
    expect(out).toEqual({ b: [1, null, null], c: { e: "x" } });
    expect(undefinedPaths(out)).toEqual([]);
  });

  test("throws on a bigint instead of letting the host fail later", () => {
    expect(() => sanitize({ sdkAppId: BigInt(1) })).toThrow(/BigInt/);
  });
});

describe("state", () => {
  const computed = { taskId: "t", sequenceNumber: 0, requestId: "r", endpoint: "http://127.0.0.1:1", region: "ap-guangzhou" };

  test("argumentsOf removes __provider and computed values", () => {
    const args = argumentsOf({ __provider: "code", taskId: "t", finished: true, sdkAppId: 1, roomId: "2", videoParams: undefined });
    expect(args).toEqual({ sdkAppId: 1, roomId: "2" });
  });

  test("buildState merges arguments and computed values with no undefined anywhere", () => {
    const state = buildState(
      { sdkAppId: 1, roomId: "2", videoParams: undefined, agentParams: { userId: "u", userSig: undefined } } as never,
      { ...computed, finished: undefined },
    );
    expect(state).toEqual({ sdkAppId: 1, roomId: "2", agentParams: { userId: "u" }, ...computed });
    expect(undefinedPaths(state)).toEqual([]);
  });

  test("computed values win over stale copies in the arguments", () => {
    const state = buildState({ sdkAppId: 1, taskId: "stale" } as never, computed);
    expect(state.taskId).toBe("t");
  });
});

test("the secret outputs are the four credential-carrying arguments", () => {
  expect([...SECRET_OUTPUTS].sort()).toEqual(["agentParams", "feedBackRoomParams", "publishCdnParams", "recordParams"]);
  expect(isSecretProperty("agentParams")).toBe(true);
  expect(isSecretProperty("videoParams")).toBe(false);
  expect(isSecretProperty("toString")).toBe(false);
});
