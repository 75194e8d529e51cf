/**
 * The serialized provider inside Pulumi's real dynamic-provider host process, spoken to over gRPC the way
 * the engine does (no CLI needed). What only this layer shows: the host's own deserialization and
 * provider cache, config handed over as namespaced keys, the configure race (the first RPCs arrive while
 * configure may still run), protobuf Struct conversion of every output, and the init-failure detail an
 * error with an id becomes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { PROVIDER_SOURCE } from "../../provider/provider";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, startEmulator, type RunningEmulator } from "../../emulator";
import { ROOT, ensureDist } from "../helpers/ensure-dist";
import { seedArgs } from "../helpers/stream-args";

/* eslint-disable @typescript-eslint/no-require-imports */
const providerPb = require("@pulumi/pulumi/proto/provider_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

const URN = "urn:pulumi:test::proj::pulumi-nodejs:dynamic/trtc:PublishCdnStream::live";

let emu: RunningEmulator;
let host: ChildProcess;
let client: any;
let text: string;

/** Pulumi's wire marker of a secret value: `{ [SECRET_SIG]: SECRET_VALUE, value }`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/** Top-level secret markers replaced by their values, as the engine sends inputs to this host. */
const unwrapSecrets = (props: Record<string, any>): Record<string, any> =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v?.[SECRET_SIG] === SECRET_VALUE ? v.value : v]));

/** Promisified unary call. */
function rpc(method: string, request: unknown): Promise<any> {
  return new Promise((resolve, reject) => client[method](request, (err: unknown, res: unknown) => (err ? reject(err) : resolve(res))));
}

/** Create over gRPC; the new id and output properties. */
async function createVia(props: Record<string, unknown>): Promise<{ id: string; outs: Record<string, any> }> {
  const create = new providerPb.CreateRequest();
  create.setUrn(URN);
  create.setProperties(Struct.fromJavaScript(props));
  const created = await rpc("create", create);
  return { id: created.getId(), outs: created.getProperties().toJavaScript() };
}

/** An UpdateRequest for `id` from stored outputs to new inputs. */
function updateRequest(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): any {
  const update = new providerPb.UpdateRequest();
  update.setId(id);
  update.setUrn(URN);
  update.setOlds(Struct.fromJavaScript(olds));
  update.setNews(Struct.fromJavaScript(news));
  return update;
}

/** Delete over gRPC, then the task's status in the emulator. */
async function deleteVia(id: string, props: Record<string, unknown>): Promise<string> {
  const del = new providerPb.DeleteRequest();
  del.setId(id);
  del.setUrn(URN);
  del.setProperties(Struct.fromJavaScript(props));
  await rpc("delete", del);
  const held: any = await (await fetch(`${emu.url}/_emulator/tasks/${encodeURIComponent(id)}`)).json();
  return (held.task ?? held).Status;
}

beforeAll(async () => {
  expect(ensureDist()).toBe(true); // the host loads dist/ through the shim
  emu = await startEmulator({ port: 0 });
  text = PROVIDER_SOURCE;
  host = spawn(process.execPath, [require.resolve("@pulumi/pulumi/cmd/dynamic-provider"), "127.0.0.1:1"], {
    cwd: ROOT,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: "proj" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    host.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    host.once("exit", (code) => reject(new Error(`dynamic-provider host exited with ${code}`)));
  });
  client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 180_000);

beforeEach(async () => {
  await fetch(`${emu.url}/_emulator/reset`, { method: "POST" });
});

afterAll(async () => {
  client?.close();
  host?.kill();
  await emu?.close();
});

test("configure, check, create, update, diff, read and delete through the real host", async () => {
  const configure = new providerPb.ConfigureRequest();
  configure.setArgs(
    Struct.fromJavaScript({
      "tencentcloud:secretId": DEFAULT_SECRET_ID,
      "tencentcloud:secretKey": DEFAULT_SECRET_KEY,
      "trtc:endpoint": emu.url,
    }),
  );
  expect((await rpc("configure", configure)).getAcceptsecrets()).toBe(false);

  const args = seedArgs("mix-layout-sei");
  const check = new providerPb.CheckRequest();
  check.setUrn(URN);
  check.setOlds(Struct.fromJavaScript({}));
  check.setNews(Struct.fromJavaScript({ ...args, __provider: text }));
  // The first two provider calls arrive together: the host caches the provider before its configure
  // settles, so the create must still find the credentials (configure stores them synchronously).
  const racer = new providerPb.CreateRequest();
  racer.setUrn(URN);
  const racerArgs = seedArgs("relay-single-audio-only");
  racerArgs.agentParams.userId = "racer_robot";
  racer.setProperties(Struct.fromJavaScript({ ...racerArgs, __provider: text }));
  const [checked, raced] = await Promise.all([rpc("check", check), rpc("create", racer)]);
  expect(raced.getId()).toEqual(expect.any(String));
  expect(checked.getFailuresList()).toEqual([]);
  const marked = checked.getInputs().toJavaScript();
  expect(marked.__provider).toBe(text);
  // check marks each secret argument secret whole (provider/dynamic-secrets.ts); the engine keeps the mark
  // in state and strips it before every later call, as unwrapSecrets does here.
  expect(marked.agentParams).toEqual({ [SECRET_SIG]: SECRET_VALUE, value: args.agentParams });
  expect(marked.videoParams).toEqual(args.videoParams);
  const inputs = unwrapSecrets(marked);

  const create = new providerPb.CreateRequest();
  create.setUrn(URN);
  create.setProperties(Struct.fromJavaScript(inputs));
  const created = await rpc("create", create);
  const id: string = created.getId();
  const outs = created.getProperties().toJavaScript();
  expect(outs).toMatchObject({ taskId: id, sequenceNumber: 0, endpoint: emu.url, __provider: text });

  const news = { ...inputs, seiParams: { layoutVolume: { appData: "v2", payloadType: 100 } } };
  const diff = new providerPb.DiffRequest();
  diff.setId(id);
  diff.setUrn(URN);
  diff.setOlds(Struct.fromJavaScript(outs));
  diff.setNews(Struct.fromJavaScript(news));
  const diffed = await rpc("diff", diff);
  expect(diffed.getChanges()).toBe(providerPb.DiffResponse.DiffChanges.DIFF_SOME);
  expect(diffed.getReplacesList()).toEqual([]);

  const updated = (await rpc("update", updateRequest(id, outs, news))).getProperties().toJavaScript();
  expect(updated).toMatchObject({ taskId: id, sequenceNumber: 1, seiParams: news.seiParams });

  const read = new providerPb.ReadRequest();
  read.setId(id);
  read.setUrn(URN);
  read.setProperties(Struct.fromJavaScript(updated));
  const refreshed = await rpc("read", read);
  expect(refreshed.getId()).toBe(id);
  expect(refreshed.getProperties().toJavaScript()).toEqual(updated);

  expect(await deleteVia(id, updated)).toBe("finished");
});

test("an Update that finds the task ended returns an init failure carrying the id and the finished state", async () => {
  const args = seedArgs("mix-audio-only-cdn");
  const { id, outs } = await createVia({ ...args, __provider: text });
  await fetch(`${emu.url}/_emulator/tasks/${encodeURIComponent(id)}/expire`, { method: "POST" });

  const update = updateRequest(id, outs, {
    ...args,
    publishCdnParams: [{ publishCdnUrl: "rtmp://x/live/y", isTencentCdn: 1 }],
    __provider: text,
  });
  const error: any = await rpc("update", update).catch((e) => e);
  expect(error.message).toMatch(/is no longer running; TRTC does not say why/);
  // The engine reads ErrorResourceInitFailed from grpc-status-details-bin; decode it the same way.
  const [details] = error.metadata.get("grpc-status-details-bin");
  const { Status } = require("@pulumi/pulumi/proto/status_pb") as any;
  const { ErrorResourceInitFailed } = providerPb;
  const status = Status.deserializeBinary(details);
  const initFailed = ErrorResourceInitFailed.deserializeBinary(status.getDetailsList()[0].getValue());
  expect(initFailed.getId()).toBe(id);
  expect(initFailed.getProperties().toJavaScript()).toMatchObject({ taskId: id, finished: true, __provider: text });
  expect(initFailed.getReasonsList()).toEqual([expect.stringMatching(/pulumi up/)]);
});

test("a task created by the first releases (2.5 KB shim in its outputs) is updated and stopped through the host", async () => {
  const legacy = readFileSync(join(ROOT, "tests/fixtures/provider-shim-v0.txt"), "utf8");
  const args = seedArgs("relay-single-audio-only");
  args.agentParams.userId = "legacy_robot";
  const { id, outs } = await createVia({ ...args, __provider: legacy });
  expect(outs.__provider).toBe(legacy);

  // The upgrade: new inputs carry the current text, the stored outputs the old one.
  const news = { ...args, publishCdnParams: [{ publishCdnUrl: "rtmp://x/live/legacy", isTencentCdn: 1 }], __provider: text };
  const updated = (await rpc("update", updateRequest(id, outs, news))).getProperties().toJavaScript();
  expect(updated).toMatchObject({ taskId: id, sequenceNumber: 1, __provider: text });

  // A resource whose outputs still hold the old text is deleted with that text.
  expect(await deleteVia(id, { ...updated, __provider: legacy })).toBe("finished");
});
