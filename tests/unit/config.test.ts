/** Credentials, region and endpoint resolution: stack config first, then the environment, then defaults. */
import {
  CONFIG_KEYS,
  ConfigError,
  DEFAULT_ENDPOINT,
  DEFAULT_REGION,
  clearConfig,
  normalizeEndpoint,
  resolveCredentials,
  resolveTarget,
  storeConfig,
} from "../../provider/config";

const source = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

afterEach(() => clearConfig());

describe("target", () => {
  test("defaults: China-site endpoint, ap-guangzhou", () => {
    expect(resolveTarget({})).toEqual({ endpoint: DEFAULT_ENDPOINT, region: DEFAULT_REGION, site: "cn" });
  });

  test("environment overrides defaults", () => {
    const env = { TRTC_ENDPOINT: "http://127.0.0.1:4567/", TENCENTCLOUD_REGION: "ap-singapore" };
    expect(resolveTarget(env)).toEqual({ endpoint: "http://127.0.0.1:4567", region: "ap-singapore", site: "cn" });
  });

  test("stack config overrides the environment", () => {
    storeConfig(source({ "trtc:endpoint": "trtc.intl.tencentcloudapi.com", "tencentcloud:region": "ap-hongkong" }));
    const target = resolveTarget({ TRTC_ENDPOINT: "http://127.0.0.1:1", TENCENTCLOUD_REGION: "ap-beijing" });
    expect(target).toEqual({ endpoint: "https://trtc.intl.tencentcloudapi.com", region: "ap-hongkong", site: "intl" });
  });

  test("a later configure replaces an earlier one, and blank values count as unset", () => {
    storeConfig(source({ "tencentcloud:region": "ap-hongkong" }));
    storeConfig(source({ "tencentcloud:region": "  " }));
    expect(resolveTarget({}).region).toBe(DEFAULT_REGION);
  });

  test("a config source that throws is treated as empty, not as a failed configure", () => {
    expect(() =>
      storeConfig({
        get: () => {
          throw new Error("boom");
        },
      }),
    ).not.toThrow();
    expect(resolveTarget({ TENCENTCLOUD_REGION: "ap-beijing" }).region).toBe("ap-beijing");
  });

  test("bad endpoints are ConfigErrors naming the keys", () => {
    expect(() => normalizeEndpoint("http://")).toThrow(ConfigError);
    expect(() => normalizeEndpoint("http://")).toThrow(/trtc:endpoint.*TRTC_ENDPOINT/);
    expect(() => normalizeEndpoint("ftp://host")).toThrow(/http or https/);
  });

  test("a setting that changes between calls applies at once, and a caller's change to a result reaches no other", () => {
    const first = resolveTarget({ TRTC_ENDPOINT: "http://127.0.0.1:1" });
    expect(resolveTarget({ TRTC_ENDPOINT: "trtc.intl.tencentcloudapi.com" })).toMatchObject({ site: "intl" });
    expect(resolveTarget({ TRTC_ENDPOINT: "http://127.0.0.1:1", TRTC_REQUEST_TIMEOUT_MS: "5000" }).timeoutMs).toBe(5000);
    expect(() => resolveTarget({ TRTC_ENDPOINT: "http://127.0.0.1:1", TRTC_REQUEST_TIMEOUT_MS: "5" })).toThrow(ConfigError);
    first.region = "changed by the caller";
    expect(resolveTarget({ TRTC_ENDPOINT: "http://127.0.0.1:1" })).toEqual({
      endpoint: "http://127.0.0.1:1",
      region: DEFAULT_REGION,
      site: "cn",
    });
    const env = { TRTC_ENDPOINT: "http://127.0.0.1:2", TENCENTCLOUD_REGION: "ap-beijing" };
    const built = resolveTarget(env); // a miss: just built and remembered
    built.endpoint = "changed after a miss";
    const reused = resolveTarget(env); // a hit
    reused.region = "changed after a hit";
    expect(resolveTarget(env)).toEqual({ endpoint: "http://127.0.0.1:2", region: "ap-beijing", site: "cn" });
    expect(resolveTarget({ ...env, TENCENTCLOUD_REGION: "ap-singapore" }).region).toBe("ap-singapore"); // the region is part of the key
    expect(() => resolveTarget({ TRTC_ENDPOINT: "ftp://host" })).toThrow(ConfigError); // thrown every time, not remembered
    expect(() => resolveTarget({ TRTC_ENDPOINT: "ftp://host" })).toThrow(ConfigError);
  });

  test("endpoints keep scheme, host and port only", () => {
    expect(normalizeEndpoint("trtc.ap-guangzhou.tencentcloudapi.com")).toBe("https://trtc.ap-guangzhou.tencentcloudapi.com");
    expect(normalizeEndpoint("http://localhost:8080/some/path")).toBe("http://localhost:8080");
  });
});

describe("credentials", () => {
  test("from the environment, with the session token", () => {
    const env = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "env-key", TENCENTCLOUD_SECURITY_TOKEN: "tok" };
    expect(resolveCredentials(env)).toEqual({ secretId: "AKIDenv", secretKey: "env-key", token: "tok" });
  });

  test("stack config wins key by key", () => {
    storeConfig(source({ [CONFIG_KEYS.secretId]: "AKIDcfg", [CONFIG_KEYS.secretKey]: "cfg-key" }));
    const env = { TENCENTCLOUD_SECRET_ID: "AKIDenv", TENCENTCLOUD_SECRET_KEY: "env-key" };
    expect(resolveCredentials(env)).toEqual({ secretId: "AKIDcfg", secretKey: "cfg-key" });
  });

  test("missing credentials name every config key and variable, and no value", () => {
    let error: unknown;
    try {
      resolveCredentials({ TENCENTCLOUD_SECRET_ID: "AKIDonly-the-id" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/tencentcloud:secretKey/);
    expect(message).toMatch(/TENCENTCLOUD_SECRET_KEY/);
    expect(message).not.toMatch(/tencentcloud:secretId \(/); // the id was found
    expect(message).not.toContain("AKIDonly-the-id");
    expect(() => resolveCredentials({})).toThrow(/tencentcloud:secretId.*TENCENTCLOUD_SECRET_ID.*tencentcloud:secretKey/);
  });
});
