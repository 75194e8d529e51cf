/**
 * The provider text exactly as PublishCdnStream stores it, and the first releases' closure-serialized shim
 * that older stacks still hold: each checked for size and secrets, then loaded the way the
 * dynamic-provider host loads it (`require-from-string(text).handler()`, resolving from the repo root
 * through node_modules/pulumi-trtc-relay) and driven through a whole lifecycle against the emulator. This
 * catches what a unit test of the TypeScript cannot: run-time `require` resolution, the shape the host
 * expects, dist/ being stale or missing, and a change that would strand resources created by an older release.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PublishCdnStream } from "../../provider/resource";
import { PROVIDER_SOURCE, RESOURCE_TYPE } from "../../provider/provider";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { ROOT, ensureDist } from "../helpers/ensure-dist";
import { seedArgs } from "../helpers/stream-args";

const SIZE_BUDGET = 4096;

/**
 * Check's inputs as the engine passes them on to a provider that accepts no secrets: the current text's
 * check marks secret arguments (provider/dynamic-secrets.ts), which the engine keeps in state and strips.
 */
const unwrapSecrets = (props: Record<string, any>): Record<string, any> =>
  Object.fromEntries(
    Object.entries(props).map(([k, v]) => [
      k,
      v?.["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270" ? v.value : v,
    ]),
  );

/** The text PublishCdnStream stored before it wrote its own (kept byte-exact, as state holds it). */
const V0_SHIM = readFileSync(join(ROOT, "tests/fixtures/provider-shim-v0.txt"), "utf8");

let emu: RunningEmulator;

beforeAll(async () => {
  expect(ensureDist()).toBe(true);
  emu = await startEmulator({ port: 0 });
}, 180_000);

afterAll(async () => {
  await emu?.close();
});

test("a PublishCdnStream registers the dynamic type token with PROVIDER_SOURCE as __provider", async () => {
  const registered: Array<{ type: string; inputs: Record<string, unknown> }> = [];
  pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registered.push({ type: a.type, inputs: a.inputs });
        return { id: "task-1", state: a.inputs };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
  const live = new PublishCdnStream("live", seedArgs("mix-audio-video-cdn") as never);
  await new Promise<void>((resolve) => live.urn.apply(() => resolve()));
  expect(registered).toHaveLength(1);
  expect(registered[0].type).toBe(RESOURCE_TYPE);
  expect(registered[0].inputs.__provider).toBe(PROVIDER_SOURCE);
});

describe.each([
  ["the current text", PROVIDER_SOURCE, 512],
  ["the first releases' serialized shim", V0_SHIM, SIZE_BUDGET],
])("%s", (_label, text, budget) => {
  test(`is small (< ${budget} bytes)`, () => {
    expect(Buffer.byteLength(text)).toBeLessThan(budget);
  });

  test("requires nothing but the installed implementation, and captures no config or credentials", () => {
    const requires = new Set([...text.matchAll(/require\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]));
    expect([...requires]).toEqual(["pulumi-trtc-relay/impl"]);
    for (const forbidden of [DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, "tencentcloud:", "TENCENTCLOUD_", "zod", "undici", "Config"]) {
      expect(text).not.toContain(forbidden);
    }
  });

  test("deserialized like the host does, it runs configure/check/create/update/diff/read/delete against the emulator", async () => {
    await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
    const requireFromString = require("require-from-string");
    const loaded = requireFromString(text, join(ROOT, "__provider.js")).handler();
    const stackConfig: Record<string, string> = {
      "tencentcloud:secretId": DEFAULT_SECRET_ID,
      "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
      "trtc:endpoint": emu.url,
    };
    // Not awaited on purpose: configuration must be in place synchronously (the host races it).
    const configured = loaded.configure({ config: { get: (k: string) => stackConfig[k], require: (k: string) => stackConfig[k] } });
    const args = seedArgs("mix-audio-video-cdn");
    const checked = await loaded.check({}, { ...args, __provider: text });
    expect(checked.failures).toEqual([]);
    await configured;
    const created = await loaded.create({ ...unwrapSecrets(checked.inputs), __provider: text });
    const taskUrl = `${emu.url}/_emulator/tasks/${encodeURIComponent(created.id)}`;
    const held = async () => {
      const r: any = await (await fetch(taskUrl)).json();
      return r.task ?? r;
    };
    expect(await held()).toMatchObject({ Status: "running" });

    const next = structuredClone(args);
    next.publishCdnParams[0].isTencentCdn = 0;
    const news = { ...unwrapSecrets((await loaded.check(created.outs, next)).inputs), __provider: text };
    expect(await loaded.diff(created.id, { ...created.outs, __provider: "older provider text" }, news)).toEqual({ changes: true });
    const updated = await loaded.update(created.id, created.outs, news);
    expect(updated.outs).toMatchObject({ taskId: created.id, sequenceNumber: 1 });
    expect((await held()).Params.PublishCdnParams[0].IsTencentCdn).toBe(0);

    expect(await loaded.read(created.id, updated.outs)).toEqual({ id: created.id, props: updated.outs });
    await loaded.delete(created.id, updated.outs);
    expect(await held()).toMatchObject({ Status: "finished" });
  });
});

test("the current text, loaded where pulumi-trtc-relay is not installed, says so and how to recover", () => {
  // What the host meets after `npm uninstall pulumi-trtc-relay` with resources still in state.
  const dir = mkdtempSync(join(tmpdir(), "behave-uninstalled-"));
  try {
    const requireFromString = require("require-from-string");
    const loaded = requireFromString(PROVIDER_SOURCE, join(dir, "__provider.js"));
    expect(() => loaded.handler()).toThrow(
      /^Cannot find module 'pulumi-trtc-relay\/impl' from .+: PublishCdnStream needs the npm package pulumi-trtc-relay installed there\. Its TRTC tasks still run\. Run `npm install pulumi-trtc-relay`, then this command again\.$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
