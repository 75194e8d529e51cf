/**
 * The native provider plugin `pulumi-resource-trtc` as the engine meets it: packaged by `npm run plugin`'s
 * script, unpacked, its launcher spawned (never the handlers in process), every RPC called over gRPC with
 * the engine's wire encoding (secrets, the seven unknown sentinels), against a real emulator. A fake engine
 * Log service receives the plugin's messages. What the emulator holds is the ground truth.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { PluginAttach } from "@pulumi/pulumi/proto/plugin_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, emulatorControl, startEmulator, type RunningEmulator } from "../../emulator";
import { SETTING_NAMES } from "../../provider/config";
import { SETTING_DOCS } from "../../provider/config-docs";
import { SECRET_OUTPUTS } from "../../provider/secrets";
import { UNKNOWN_SENTINELS } from "../../provider/unknowns";
import { toApiCase } from "../../trtc/casing";
import { VERSION, packagePlugin, startPlugin, unpackPlugin, type RunningPlugin } from "../helpers/plugin";
import { seedArgs } from "../helpers/stream-args";

jest.setTimeout(120_000);

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const TYPE = "trtc:index:PublishCdnStream";
const urn = (name: string) => `urn:pulumi:test::plugin::${TYPE}::${name}`;
const secret = (value: unknown) => ({ [SIG]: SECRET_SIG, value });
const isSecret = (v: unknown) => v !== null && typeof v === "object" && (v as Record<string, unknown>)[SIG] === SECRET_SIG;
const struct = (v: Record<string, unknown>) => Struct.fromJavaScript(v as never);
const js = (s: Struct | undefined): Record<string, any> => (s?.toJavaScript() ?? {}) as Record<string, any>;
/** A value with its secret envelopes removed, recursively (what the lifecycle sees). */
const plain = (v: any): any =>
  Array.isArray(v)
    ? v.map(plain)
    : v !== null && typeof v === "object"
      ? isSecret(v)
        ? plain(v.value)
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
      : v;

/** The quickstart's arguments as an SDK sends them: secret arguments wrapped, the room wrapped by the user. */
function programInputs(over: Record<string, unknown> = {}): Record<string, unknown> {
  const args = { ...seedArgs("mix-audio-video-cdn"), ...over };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, (SECRET_OUTPUTS as string[]).includes(k) ? secret(v) : v]));
}

let emu: RunningEmulator;
let plugin: RunningPlugin;
let engine: grpc.Server;
let work: string;
const logs: Array<{ severity: number; message: string; urn: string }> = [];
const control = (method: string, route: string, body?: unknown) => emulatorControl(emu.url, method, route, body);
const requestCount = async (): Promise<number> => (await control("GET", "requests")).requests.length;
const task = async (taskId: string) => {
  const res = await control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`);
  return res.task ?? res;
};

/** A fake engine: only its Log service, recording every message. */
async function startEngine(): Promise<{ server: grpc.Server; address: string }> {
  const server = new grpc.Server();
  server.addService(EngineService, {
    log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, cb: grpc.sendUnaryData<Empty>) => {
      logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      cb(null, new Empty());
    },
  });
  const port = await new Promise<number>((res, rej) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))),
  );
  return { server, address: `127.0.0.1:${port}` };
}

async function configure(settings: Record<string, unknown>): Promise<pb.ConfigureResponse> {
  const req = new pb.ConfigureRequest();
  req.setAcceptsecrets(true);
  req.setAcceptresources(true);
  req.setArgs(struct(settings));
  return plugin.rpc("configure", req);
}

async function check(news: Record<string, unknown>, olds: Record<string, unknown> = {}, name = "live"): Promise<pb.CheckResponse> {
  const req = new pb.CheckRequest();
  req.setUrn(urn(name));
  req.setName(name);
  req.setType(TYPE);
  req.setOlds(struct(olds));
  req.setNews(struct(news));
  return plugin.rpc("check", req);
}

async function create(inputs: Record<string, unknown>, options: { preview?: boolean; timeout?: number } = {}) {
  const req = new pb.CreateRequest();
  req.setUrn(urn("live"));
  req.setName("live");
  req.setType(TYPE);
  req.setProperties(struct(inputs));
  req.setPreview(options.preview ?? false);
  req.setTimeout(options.timeout ?? 0);
  return plugin.rpc<pb.CreateResponse>("create", req);
}

async function diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pb.DiffResponse> {
  const req = new pb.DiffRequest();
  req.setId(id);
  req.setUrn(urn("live"));
  req.setOlds(struct(olds));
  req.setNews(struct(news));
  return plugin.rpc("diff", req);
}

async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>, preview = false) {
  const req = new pb.UpdateRequest();
  req.setId(id);
  req.setUrn(urn("live"));
  req.setOlds(struct(olds));
  req.setNews(struct(news));
  req.setPreview(preview);
  return plugin.rpc<pb.UpdateResponse>("update", req);
}

async function remove(id: string, props: Record<string, unknown>, timeout = 0): Promise<void> {
  const req = new pb.DeleteRequest();
  req.setId(id);
  req.setUrn(urn("live"));
  req.setProperties(struct(props));
  req.setTimeout(timeout);
  await plugin.rpc("delete", req);
}

/** Checked inputs (failing the test on any CheckFailure), as the engine would pass them on. */
async function checked(news: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await check(news);
  expect(res.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`)).toEqual([]);
  return js(res.getInputs());
}

const KIND_NAMES = Object.fromEntries(Object.entries(pb.PropertyDiff.Kind).map(([name, n]) => [n, name])) as Record<number, string>;
const detailed = (res: pb.DiffResponse): Record<string, string> => {
  const out: Record<string, string> = {};
  res.getDetaileddiffMap().forEach((d, p) => {
    out[p] = KIND_NAMES[d.getKind()];
  });
  return out;
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-plugin-grpc-"));
  emu = await startEmulator({ port: 0 });
  const started = await startEngine();
  engine = started.server;
  const archive = packagePlugin(path.join(work, "dist"));
  const dir = unpackPlugin(archive, path.join(work, "plugins", `resource-trtc-v${VERSION}`));
  // No TRTC_* / TENCENTCLOUD_* variables: everything comes from Configure, as for a YAML user.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TRTC_|TENCENTCLOUD_)/.test(k)));
  plugin = await startPlugin(dir, started.address, { env });
});
afterAll(async () => {
  await plugin?.close();
  engine?.forceShutdown();
  await emu?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("the package", () => {
  test("the archive is named for the version, OS and architecture, with the launcher at its root", () => {
    const archives = fs.readdirSync(path.join(work, "dist"));
    const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
    expect(archives).toContain(`pulumi-resource-trtc-v${VERSION}-linux-${arch}.tar.gz`);
    const dir = path.join(work, "plugins", `resource-trtc-v${VERSION}`);
    expect(fs.statSync(path.join(dir, "pulumi-resource-trtc")).mode & 0o111).not.toBe(0);
    expect(fs.existsSync(path.join(dir, "node_modules"))).toBe(false); // one bundle, no dependencies beside it
  });

  test("Handshake accepts secrets and resource references; GetPluginInfo reports the package version", async () => {
    const hs = new pb.ProviderHandshakeRequest();
    hs.setEngineAddress(plugin.child.spawnargs.at(-1) as string);
    const res = await plugin.rpc<pb.ProviderHandshakeResponse>("handshake", hs);
    expect(res.getAcceptSecrets()).toBe(true);
    expect(res.getAcceptResources()).toBe(true);
    const info = await plugin.rpc<any>("getPluginInfo", new Empty());
    expect(info.getVersion()).toBe(VERSION);
    const attach = new PluginAttach();
    attach.setAddress(hs.getEngineAddress());
    await expect(plugin.rpc("attach", attach)).resolves.toBeDefined();
  });

  test("GetSchema serves the package schema: the resource, and every setting as a config variable, secrets marked", async () => {
    const res = await plugin.rpc<pb.GetSchemaResponse>("getSchema", new pb.GetSchemaRequest());
    const schema = JSON.parse(res.getSchema());
    expect(schema.name).toBe("trtc");
    if (schema.version !== undefined) expect(schema.version).toBe(VERSION);
    expect(Object.keys(schema.resources)).toEqual([TYPE]);
    const variables = schema.config.variables;
    expect(Object.keys(variables).sort()).toEqual([...SETTING_NAMES].sort());
    for (const name of SETTING_NAMES) expect(Boolean(variables[name].secret)).toBe(Boolean(SETTING_DOCS[name].secret));
  });

  test("RPCs a custom-resource provider does not serve answer UNIMPLEMENTED", async () => {
    await expect(plugin.rpc("invoke", new pb.InvokeRequest())).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
  });
});

describe("provider configuration", () => {
  const checkConfig = async (news: Record<string, unknown>) => {
    const req = new pb.CheckRequest();
    req.setUrn("urn:pulumi:test::plugin::pulumi:providers:trtc::default");
    req.setNews(struct(news));
    req.setOlds(struct({}));
    return plugin.rpc<pb.CheckResponse>("checkConfig", req);
  };
  const failures = (res: pb.CheckResponse) => res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));

  test("CheckConfig names each bad setting and the rule, and a misspelt key", async () => {
    const res = await checkConfig({
      endpoint: "ftp://emulator",
      requestTimeoutMs: "5",
      userSigExpireSeconds: 0,
      secretkey: "oops-a-secret",
      version: "0.1.0",
    });
    const found = failures(res);
    expect(found).toEqual(
      expect.arrayContaining([
        { property: "endpoint", reason: expect.stringMatching(/http or https .*trtc:endpoint/) },
        {
          property: "requestTimeoutMs",
          reason: expect.stringMatching(/whole number of milliseconds from 100 to 600000; set trtc:requestTimeoutMs/),
        },
        { property: "userSigExpireSeconds", reason: expect.stringMatching(/trtc:userSigExpireSeconds .*whole number of seconds/) },
        // An unknown key may be a misspelt secret: reported on the provider, so its value is never printed.
        {
          property: "",
          reason: expect.stringMatching(/^secretkey: is not a setting of the trtc provider \(did you mean trtc:secretKey\?\)/),
        },
      ]),
    );
    expect(found).toHaveLength(4); // `version` is the engine's, not a setting
    expect(JSON.stringify(found)).not.toContain("oops-a-secret");
  });

  test("a bad secret setting is reported without its value; good config comes back with secrets wrapped", async () => {
    const bad = failures(await checkConfig({ sdkSecretKeys: "not-json-sdk-key-123" }));
    expect(bad).toEqual([{ property: "", reason: expect.stringMatching(/^sdkSecretKeys: trtc:sdkSecretKeys .*not valid JSON/) }]);
    expect(JSON.stringify(bad)).not.toContain("not-json-sdk-key-123");
    const good = await checkConfig({ endpoint: emu.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY });
    expect(failures(good)).toEqual([]);
    const inputs = js(good.getInputs());
    expect(inputs.secretKey).toEqual(secret(DEFAULT_SECRET_KEY));
    expect(inputs.endpoint).toBe(emu.url);
  });

  test("DiffConfig lists the changed settings and never replaces the provider", async () => {
    const req = new pb.DiffRequest();
    req.setOlds(struct({ endpoint: "http://127.0.0.1:1", secretKey: secret("a") }));
    req.setNews(struct({ endpoint: emu.url, secretKey: secret("a"), region: "ap-beijing" }));
    const res = await plugin.rpc<pb.DiffResponse>("diffConfig", req);
    expect(res.getChanges()).toBe(pb.DiffResponse.DiffChanges.DIFF_SOME);
    expect(res.getDiffsList().sort()).toEqual(["endpoint", "region"]);
    expect(res.getReplacesList()).toEqual([]);
    expect(detailed(res)).toEqual({ endpoint: "UPDATE", region: "ADD" });
  });

  test("Configure takes the trtc: settings (secrets wrapped) and answers like Handshake, with preview", async () => {
    const res = await configure({
      endpoint: emu.url,
      secretId: DEFAULT_SECRET_ID,
      secretKey: secret(DEFAULT_SECRET_KEY),
      version: VERSION,
    });
    expect(res.getAcceptsecrets()).toBe(true);
    expect(res.getSupportspreview()).toBe(true);
  });
});

describe("a task through Check, preview, Create, Diff, Update, Read and Delete", () => {
  let id = "";
  let outputs: Record<string, any> = {};

  test("Check validates offline, names camelCase paths, and returns the inputs with secrets wrapped", async () => {
    const before = await requestCount();
    const res = await check(programInputs({ roomId: secret("295066") }));
    expect(res.getFailuresList()).toEqual([]);
    const inputs = js(res.getInputs());
    for (const key of ["agentParams", "publishCdnParams", "roomId"]) expect(isSecret(inputs[key])).toBe(true);
    expect(isSecret(inputs.videoParams)).toBe(false);

    const bad = await check(programInputs({ withTranscoding: 7, roomId: secret("not-a-number") }));
    const reasons = bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()]);
    expect(reasons).toEqual(expect.arrayContaining([["withTranscoding", expect.stringMatching(/must be one of 0 .*got 7/)]]));
    // roomId arrived secret: its failure is not attached to the property, so the engine prints no value.
    expect(reasons.some(([p]) => p === "roomId")).toBe(false);
    expect(reasons.some(([p, r]) => p === "" && r.startsWith("roomId:"))).toBe(true);
    expect(await requestCount()).toBe(before);
  });

  test("Check reads a number where the schema says string as its text (pulumi-yaml passes digits-only config as numbers)", async () => {
    const videoParams = seedArgs("mix-audio-video-cdn").videoParams;
    videoParams.layoutParams.mixLayoutList[0].userMediaStream.userInfo.roomId = 295066; // nested: the schema's types
    const res = await check(programInputs({ roomId: 295066, videoParams }));
    expect(res.getFailuresList().map((f) => f.getReason())).toEqual([]);
    const inputs = js(res.getInputs());
    expect(inputs.roomId).toBe("295066");
    expect(inputs.videoParams.layoutParams.mixLayoutList[0].userMediaStream.userInfo.roomId).toBe("295066");
    // Only that way round: text where a number belongs is still an error.
    const bad = await check(programInputs({ roomIdType: "0" }));
    expect(bad.getFailuresList().map((f) => f.getProperty())).toContain("roomIdType");
  });

  test("Check treats every typed unknown sentinel as a value not known yet", async () => {
    const args = seedArgs("mix-audio-video-cdn");
    args.videoParams.videoEncode.width = UNKNOWN_SENTINELS.number;
    args.roomIdType = UNKNOWN_SENTINELS.number;
    args.audioParams = UNKNOWN_SENTINELS.object;
    args.publishCdnParams = UNKNOWN_SENTINELS.array;
    const res = await check(args);
    expect(res.getFailuresList().map((f) => f.getReason())).toEqual([]);
  });

  test("Check passes an argument without effect and warns in the engine's log for the resource; not while it is unknown", async () => {
    const grid = (mixLayoutMode: unknown) => {
      const videoParams = seedArgs("mix-audio-video-cdn").videoParams;
      videoParams.layoutParams = {
        mixLayoutMode,
        maxVideoUser: { userMediaStream: { userInfo: { userId: "Trtc_User_0", roomId: "295066", roomIdType: 0 } } },
      };
      return programInputs({ videoParams });
    };
    const warning =
      "videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 (floating) or 2 (screen sharing), and mixLayoutMode is 3 (grid)";
    // Its own resource name: Engine.Log is sent without waiting for its answer, so warnings of earlier tests'
    // checks (the seed's custom layout warns of pureAudioHoldPlaceMode) can arrive while this test runs.
    const mine = () => logs.filter((l) => l.urn === urn("grid") && l.message.includes("has no effect"));
    const unknown = await check(grid(UNKNOWN_SENTINELS.number), {}, "grid");
    expect(unknown.getFailuresList()).toEqual([]);
    const res = await check(grid(3), {}, "grid");
    expect(res.getFailuresList()).toEqual([]);
    for (let i = 0; i < 100 && !mine().some((l) => l.message === warning); i++) await new Promise((r) => setTimeout(r, 50));
    // One warning, from the known grid only: the unknown mode may turn out to be 1 or 2.
    expect(mine()).toEqual([{ urn: urn("grid"), severity: 2 /* WARNING */, message: warning }]);
  });

  test("preview Create makes no API call and returns the unknowns only Start can tell", async () => {
    const before = await requestCount();
    const res = await create(await checked(programInputs()), { preview: true });
    expect(res.getId()).toBe("");
    const props = js(res.getProperties());
    expect(props.taskId).toBe(UNKNOWN_SENTINELS.string);
    // The untyped sentinel: the engine passes a typed one to programs as is, and the Node.js SDK reads only this one.
    expect(props.sequenceNumber).toBe(UNKNOWN_SENTINELS.string);
    expect(props.endpoint).toBe(emu.url);
    expect(isSecret(props.agentParams)).toBe(true);
    expect(await requestCount()).toBe(before);
  });

  test("Create starts exactly the declared task; its secrets leave the plugin wrapped", async () => {
    const res = await create(await checked(programInputs()), { timeout: 60 });
    id = res.getId();
    outputs = js(res.getProperties());
    const held = await task(id);
    expect(held.Status).toBe("running");
    expect(held.Params).toEqual(toApiCase(seedArgs("mix-audio-video-cdn")));
    expect(outputs).toMatchObject({ taskId: id, sequenceNumber: 0, endpoint: emu.url, region: "ap-guangzhou" });
    for (const key of SECRET_OUTPUTS) if (key in outputs) expect(isSecret(outputs[key])).toBe(true);
  });

  test("Diff of an updatable change: UPDATE at the leaf path, no replacement", async () => {
    const news = await checked(
      programInputs({ videoParams: { ...seedArgs("mix-audio-video-cdn").videoParams, backGroundColor: "0x00FF00" } }),
    );
    const res = await diff(id, outputs, news);
    expect(res.getChanges()).toBe(pb.DiffResponse.DiffChanges.DIFF_SOME);
    expect(res.getReplacesList()).toEqual([]);
    // Stop-first should the engine upgrade it to a replacement (a replaceOnChanges path): it reads this flag then.
    expect(res.getDeletebeforereplace()).toBe(true);
    expect(res.getDiffsList()).toEqual(["videoParams"]);
    expect(res.getHasdetaileddiff()).toBe(true);
    expect(detailed(res)).toEqual({ "videoParams.backGroundColor": "UPDATE" });
    expect((await diff(id, outputs, await checked(programInputs()))).getChanges()).toBe(pb.DiffResponse.DiffChanges.DIFF_NONE);
  });

  test("Diff of a room change: roomId forces a delete-before-replace", async () => {
    const res = await diff(id, outputs, await checked(programInputs({ roomId: "295067" })));
    expect(res.getReplacesList()).toEqual(["roomId"]);
    expect(res.getDeletebeforereplace()).toBe(true);
    expect(detailed(res)).toEqual({ roomId: "UPDATE_REPLACE" });
    // Not known yet (preview) in a typed form: still a replacement, and said so.
    const unknownRoom = await diff(id, outputs, { ...(await checked(programInputs())), roomId: UNKNOWN_SENTINELS.number });
    expect(detailed(unknownRoom)).toEqual({ roomId: "UPDATE_REPLACE" });
    // A push URL change updates in place, path by path, through the secret envelopes.
    const url = seedArgs("mix-audio-video-cdn").publishCdnParams;
    url[0].publishCdnUrl = `${url[0].publishCdnUrl}?txSecret=0a1b2c&txTime=7FFFFFFF`;
    const cdn = await diff(id, outputs, await checked(programInputs({ publishCdnParams: url })));
    expect(detailed(cdn)).toEqual({ "publishCdnParams[0].publishCdnUrl": "UPDATE" });
  });

  test("preview Update makes no call; Update changes the task in place, same TaskId", async () => {
    const news = await checked(
      programInputs({ videoParams: { ...seedArgs("mix-audio-video-cdn").videoParams, backGroundColor: "0x00FF00" } }),
    );
    const before = await requestCount();
    const preview = js((await update(id, outputs, news, true)).getProperties());
    expect(preview).toMatchObject({ taskId: id, sequenceNumber: UNKNOWN_SENTINELS.string });
    expect(await requestCount()).toBe(before);

    const updated = js((await update(id, outputs, news)).getProperties());
    expect(updated).toMatchObject({ taskId: id, sequenceNumber: 1 });
    expect(isSecret(updated.publishCdnParams)).toBe(true);
    const held = await task(id);
    expect(held.Status).toBe("running");
    expect(held.Params.VideoParams.BackGroundColor).toBe("0x00FF00");
    outputs = updated;
  });

  test("Read echoes the state with inputs, secrets wrapped; a Read without state (import) answers what the id carries", async () => {
    const req = new pb.ReadRequest();
    req.setId(id);
    req.setUrn(urn("live"));
    req.setProperties(struct(outputs));
    const res = await plugin.rpc<pb.ReadResponse>("read", req);
    expect(res.getId()).toBe(id);
    expect(plain(js(res.getProperties()))).toEqual(plain(outputs));
    const inputs = js(res.getInputs());
    expect(inputs.taskId).toBeUndefined();
    expect(isSecret(inputs.agentParams)).toBe(true);

    // `pulumi import trtc:index:PublishCdnStream imported <sdkAppId>/<taskId>/<seq>`: the engine sends the id only,
    // and refuses an answer without properties ("does not exist") or without inputs ("does not support importing").
    const before = await requestCount();
    const bare = new pb.ReadRequest();
    bare.setId(`1400188366/${id}/7`);
    bare.setUrn(urn("imported"));
    const adopted = await plugin.rpc<pb.ReadResponse>("read", bare);
    expect(adopted.getId()).toBe(id);
    expect(js(adopted.getProperties())).toEqual({
      sdkAppId: 1400188366,
      taskId: id,
      sequenceNumber: 7,
      requestId: "",
      endpoint: emu.url,
      region: "ap-guangzhou",
    });
    expect(adopted.hasInputs()).toBe(true);
    expect(js(adopted.getInputs())).toEqual({ sdkAppId: 1400188366 });
    expect(await requestCount()).toBe(before);

    const malformed = new pb.ReadRequest();
    malformed.setId(id);
    malformed.setUrn(urn("imported"));
    await expect(plugin.rpc("read", malformed)).rejects.toMatchObject({
      details: expect.stringMatching(
        /is not <sdkAppId>\/<taskId> or <sdkAppId>\/<taskId>\/<lastSequenceNumber>: the SdkAppId and the TaskId must be separated by `\/`/,
      ),
    });
  });

  test("customTimeouts bound the call: a Delete with a 1 s timeout gives up on a 5 s answer", async () => {
    await control("POST", "faults", { action: "StopPublishCdnStream", latencyMs: 5_000, count: 1 });
    const started = Date.now();
    await expect(remove(id, outputs, 1)).rejects.toMatchObject({ code: grpc.status.UNKNOWN });
    expect(Date.now() - started).toBeLessThan(4_500);
    await control("DELETE", "faults");
  });

  test("Delete stops the task", async () => {
    await remove(id, outputs);
    expect((await task(id)).Status).toBe("finished");
  });
});

describe("failures and messages", () => {
  test("an Update that finds the task ended records it finished through ErrorResourceInitFailed, secrets wrapped", async () => {
    const created = await create(await checked(programInputs({ roomId: "7001" })));
    const outs = js(created.getProperties());
    await control("POST", `tasks/${encodeURIComponent(created.getId())}/expire`);
    const news = await checked(programInputs({ roomId: "7001", seiParams: {} }));
    const error = await update(created.getId(), outs, news).then(
      () => undefined,
      (e: grpc.ServiceError) => e,
    );
    expect(error?.details).toMatch(/no longer running/);
    const raw = error?.metadata.get("grpc-status-details-bin")[0] as Buffer;
    const status = Status.deserializeBinary(new Uint8Array(raw));
    const detail = status
      .getDetailsList()[0]
      .unpack(pb.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed") as pb.ErrorResourceInitFailed;
    expect(detail.getId()).toBe(created.getId());
    const props = js(detail.getProperties());
    expect(props.finished).toBe(true);
    expect(isSecret(props.agentParams)).toBe(true);
    // The next plan replaces it, and says why.
    const next = await diff(created.getId(), props, news);
    expect(next.getReplacesList()).toContain("finished");
  });

  test("lifecycle messages reach the engine's log for the resource: info, and warnings as warnings", async () => {
    await configure({
      endpoint: emu.url,
      secretId: DEFAULT_SECRET_ID,
      secretKey: secret(DEFAULT_SECRET_KEY),
      sdkSecretKey: secret("sdk-key-plugin-test"),
    });
    const args = programInputs({ roomId: "7002" });
    const agent = (args.agentParams as { value: Record<string, unknown> }).value;
    delete agent.userSig; // the provider generates it from trtc:sdkSecretKey
    const created = await create(await checked(args));
    const generated = logs.find((l) => l.message.includes("generated UserSigs"));
    expect(generated).toMatchObject({ urn: urn("live"), severity: 1 /* INFO */ });
    // A task recorded at a local endpoint that now refuses connections is stopped where config points, with a warning.
    const outs = { ...js(created.getProperties()), endpoint: "http://127.0.0.1:1" };
    await remove(created.getId(), outs);
    expect((await task(created.getId())).Status).toBe("finished");
    expect(logs.find((l) => l.message.includes("refused the connection"))).toMatchObject({ urn: urn("live"), severity: 2 /* WARNING */ });
    expect(JSON.stringify(logs)).not.toContain("sdk-key-plugin-test");
  });

  test("after Cancel (engine shutdown) no new task starts", async () => {
    await plugin.rpc("cancel", new Empty());
    const before = (await control("GET", "tasks")).tasks.length;
    await expect(create(await checked(programInputs({ roomId: "7003" })))).rejects.toMatchObject({
      details: expect.stringMatching(/cancelled/),
    });
    expect((await control("GET", "tasks")).tasks.length).toBe(before);
  });

  test("nothing the plugin wrote to stderr holds a secret", () => {
    const err = plugin.stderr();
    const seed = seedArgs("mix-audio-video-cdn");
    for (const s of [DEFAULT_SECRET_KEY, "sdk-key-plugin-test", seed.agentParams.userSig, seed.publishCdnParams[0].publishCdnUrl]) {
      expect(err).not.toContain(s);
    }
  });
});
