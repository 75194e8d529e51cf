/**
 * The provider exactly as Pulumi stores it: serialized with the SDK's own closure serializer, checked for
 * size and secrets, then loaded the way the dynamic-provider host loads it (`require-from-string(text)
 * .handler()`, resolving from the repo root through node_modules/pulumi-trtc-relay) and driven through a
 * whole lifecycle against the emulator. This catches everything a unit test of the TypeScript cannot:
 * captured modules, `this` binding, run-time `require` resolution, dist/ being stale or missing.
 */
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { provider } from "../../provider/provider";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { ROOT, ensureDist } from "../helpers/ensure-dist";
import { seedArgs } from "../helpers/stream-args";

const SIZE_BUDGET = 4096;

let emu: RunningEmulator;
let text: string;
let containsSecrets: boolean;

beforeAll(async () => {
  expect(ensureDist()).toBe(true);
  emu = await startEmulator({ port: 0 });
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  text = serialized.text;
  containsSecrets = serialized.containsSecrets;
}, 180_000);

afterAll(async () => {
  await emu?.close();
});

describe("the serialized text", () => {
  test(`is small (< ${SIZE_BUDGET} bytes) and holds no secret Output`, () => {
    expect(Buffer.byteLength(text)).toBeLessThan(SIZE_BUDGET);
    expect(containsSecrets).toBe(false);
  });

  test("requires nothing but the installed implementation, and captures no config or credentials", () => {
    const requires = new Set([...text.matchAll(/require\((["'`])([^"'`]+)\1\)/g)].map((m) => m[2]));
    expect([...requires]).toEqual(["pulumi-trtc-relay/impl"]);
    for (const forbidden of [DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, "tencentcloud:", "TENCENTCLOUD_", "zod", "undici", "Config"]) {
      expect(text).not.toContain(forbidden);
    }
  });

  test("is identical across serializations (no spurious __provider diffs)", async () => {
    const again = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    expect(again.text).toBe(text);
  });
});

test("deserialized like the host does, it runs configure/check/create/update/diff/read/delete against the emulator", async () => {
  const requireFromString = require("require-from-string");
  const loaded = requireFromString(text, join(ROOT, "__provider.js")).handler();
  const stackConfig: Record<string, string> = {
    "tencentcloud:secretId": DEFAULT_SECRET_ID, "tencentcloud:secretKey": DEFAULT_SECRET_KEY, "trtc:endpoint": emu.url,
  };
  // Not awaited on purpose: configuration must be in place synchronously (the host races it).
  const configured = loaded.configure({ config: { get: (k: string) => stackConfig[k], require: (k: string) => stackConfig[k] } });

  const args = seedArgs("mix-audio-video-cdn");
  const checked = await loaded.check({}, { ...args, __provider: text });
  expect(checked.failures).toEqual([]);
  await configured;
  const created = await loaded.create({ ...checked.inputs, __provider: text });
  const taskUrl = `${emu.url}/_emulator/tasks/${encodeURIComponent(created.id)}`;
  const held = async () => { const r: any = await (await fetch(taskUrl)).json(); return r.task ?? r; };
  expect(await held()).toMatchObject({ Status: "running" });

  const next = structuredClone(args);
  next.publishCdnParams[0].isTencentCdn = 0;
  const news = { ...(await loaded.check(created.outs, next)).inputs, __provider: text };
  expect(await loaded.diff(created.id, { ...created.outs, __provider: "older provider text" }, news)).toEqual({ changes: true });
  const updated = await loaded.update(created.id, created.outs, news);
  expect(updated.outs).toMatchObject({ taskId: created.id, sequenceNumber: 1 });
  expect((await held()).Params.PublishCdnParams[0].IsTencentCdn).toBe(0);

  expect(await loaded.read(created.id, updated.outs)).toEqual({ id: created.id, props: updated.outs });
  await loaded.delete(created.id, updated.outs);
  expect(await held()).toMatchObject({ Status: "finished" });
});
