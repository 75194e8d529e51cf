/**
 * The plugin's pure parts: Pulumi's wire encoding (secrets in and out, resource references, assets), the
 * seven unknown sentinels, and the settings named as each front end names them.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import {
  CONFIG_KEYS,
  ConfigError,
  SETTING_NAMES,
  clearConfig,
  configKey,
  resolveCredentials,
  resolveTarget,
  storeConfig,
  useConfigNaming,
} from "../../provider/config";
import { SETTING_DOCS } from "../../provider/config-docs";
import { RESOURCE_SIG, SECRET_SIG, SIG, rewrap, secret, topLevelOf, unwrap } from "../../provider/native/wire";
import { SECRET_OUTPUTS } from "../../provider/secrets";
import { UNKNOWN, UNKNOWN_SENTINELS, containsUnknown, isUnknown } from "../../provider/unknowns";

const struct = (v: Record<string, unknown>) => Struct.fromJavaScript(v as never);

afterEach(() => {
  useConfigNaming("stack");
  clearConfig();
});

describe("wire encoding", () => {
  test("unwrap removes secret envelopes at any depth and records where they were", () => {
    const { props, secretPaths } = unwrap(
      struct({
        roomId: secret("295066"),
        publishCdnParams: [{ publishCdnUrl: secret("rtmp://x?txSecret=abc"), isTencentCdn: 1 }],
        agentParams: secret({ userId: "r", userSig: "sig" }),
      }),
    );
    expect(props).toEqual({
      roomId: "295066",
      publishCdnParams: [{ publishCdnUrl: "rtmp://x?txSecret=abc", isTencentCdn: 1 }],
      agentParams: { userId: "r", userSig: "sig" },
    });
    expect(secretPaths.sort()).toEqual(["agentParams", "publishCdnParams[0].publishCdnUrl", "roomId"]);
    expect([...topLevelOf(secretPaths)].sort()).toEqual(["agentParams", "publishCdnParams", "roomId"]);
  });

  test("a resource reference stands for its id, else its URN; assets are refused by path", () => {
    const ref = (id?: string) => ({ [SIG]: RESOURCE_SIG, urn: "urn:pulumi:s::p::t::n", ...(id ? { id } : {}) });
    expect(unwrap(struct({ roomId: ref("42") })).props.roomId).toBe("42");
    expect(unwrap(struct({ roomId: ref() })).props.roomId).toBe("urn:pulumi:s::p::t::n");
    expect(() => unwrap(struct({ videoParams: { x: { [SIG]: "c44067f5952c0a294b673a41bacd8c17", path: "a" } } }))).toThrow(
      /^videoParams\.x: assets and archives/,
    );
  });

  test("rewrap wraps every always-secret property and every one that arrived holding a secret", () => {
    const out = rewrap({ roomId: "1", agentParams: { userSig: "s" }, publishCdnParams: [], videoParams: {}, taskId: "t" }, ["roomId"]);
    expect(out.roomId).toEqual({ [SIG]: SECRET_SIG, value: "1" });
    for (const key of ["agentParams", "publishCdnParams"]) expect((out[key] as Record<string, unknown>)[SIG]).toBe(SECRET_SIG);
    expect(out.videoParams).toEqual({});
    expect(out.taskId).toBe("t");
    expect(SECRET_OUTPUTS).toEqual(expect.arrayContaining(["agentParams", "feedBackRoomParams", "publishCdnParams", "recordParams"]));
  });
});

describe("unknown sentinels", () => {
  test("all seven are unknown, anywhere in a tree; other GUID-like strings are not", () => {
    expect(Object.values(UNKNOWN_SENTINELS)).toHaveLength(7);
    for (const s of Object.values(UNKNOWN_SENTINELS)) {
      expect(isUnknown(s)).toBe(true);
      expect(containsUnknown({ a: [{ b: s }] })).toBe(true);
    }
    expect(UNKNOWN_SENTINELS.string).toBe(UNKNOWN);
    expect(isUnknown("04da6b54-80e4-46f7-96ec-b56ff0331ba8")).toBe(false);
  });
});

describe("one settings table, two namings", () => {
  test("the plugin reads trtc:<setting> with the namespace stripped; the dynamic provider its stack keys", () => {
    useConfigNaming("package");
    storeConfig({ get: (k) => ({ endpoint: "http://127.0.0.1:5", region: "ap-beijing" })[k as "endpoint"] });
    expect(resolveTarget({})).toMatchObject({ endpoint: "http://127.0.0.1:5", region: "ap-beijing" });
    expect(configKey("secretKey")).toBe("trtc:secretKey");
    expect(() => resolveCredentials({})).toThrow(/pulumi config set --secret trtc:secretKey/);
    useConfigNaming("stack");
    expect(configKey("secretKey")).toBe("tencentcloud:secretKey");
    expect(Object.keys(CONFIG_KEYS)).toEqual(SETTING_NAMES);
  });

  test("config errors name their setting, so CheckConfig can report on it", () => {
    const error = (() => {
      try {
        resolveTarget({}, { requestTimeoutMs: "5" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ setting: "requestTimeoutMs" });
  });

  test("the credentials and UserSig keys are the secret settings", () => {
    expect(SETTING_NAMES.filter((s) => SETTING_DOCS[s].secret)).toEqual(["secretKey", "securityToken", "sdkSecretKey", "sdkSecretKeys"]);
  });
});
