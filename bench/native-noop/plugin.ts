/**
 * `pulumi-resource-trtcnoop`: the native front end's floor, a provider plugin that serves
 * `trtcnoop:index:PublishCdnStream` and does nothing but answer. It is what every Node.js provider plugin
 * costs whatever it manages: a Node process, grpc-js and Pulumi's protobuf stubs loaded, a gRPC server,
 * every request decoded and every response encoded. It runs on the same stack (bundled by esbuild, started
 * by a sh launcher) as `pulumi-resource-trtc`, so `native / native no-op` is the trtc plugin's own work:
 * its module load, the wire conversion (secrets unwrapped and re-wrapped), check, diff and the API calls.
 *
 * Same shape as the real plugin's resource: the program registers the same property map
 * (bench/native-variants.ts), Check returns the inputs, Create and Update return them with the computed
 * outputs the real Create stores (derived from provider/outputs.ts), Diff compares the arguments.
 */
import * as grpc from "@grpc/grpc-js";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import {
  CheckResponse,
  ConfigureResponse,
  CreateResponse,
  DiffResponse,
  ProviderHandshakeResponse,
  UpdateResponse,
} from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { COMPUTED_KEYS } from "../../provider/outputs";
import { noopComputedOutputs } from "../noop-shape";

/** The version the plugin reports and is installed as (bench/native-plugins.ts). */
const VERSION = process.env.TRTCNOOP_VERSION ?? "0.0.1";

type Props = Record<string, unknown>;
let next = 0;

const COMPUTED: ReadonlySet<string> = new Set(COMPUTED_KEYS);
/** The arguments of a property map, comparable as text (olds are outputs: computed values left out). */
const argumentsText = (p: Props) =>
  JSON.stringify(
    Object.entries(p)
      .filter(([k]) => !COMPUTED.has(k))
      .sort(),
  );
const withComputed = (id: string, s: Struct | undefined): Struct =>
  Struct.fromJavaScript({ ...(s?.toJavaScript() ?? {}), ...noopComputedOutputs(id) } as never);

const HANDLERS: Record<string, (req: any) => unknown> = {
  handshake: () => {
    const res = new ProviderHandshakeResponse();
    res.setAcceptSecrets(true);
    res.setAcceptResources(true);
    return res;
  },
  getPluginInfo: () => new PluginInfo().setVersion(VERSION),
  attach: () => new Empty(),
  cancel: () => new Empty(),
  checkConfig: (req) => new CheckResponse().setInputs(req.getNews()),
  diffConfig: () => new DiffResponse().setChanges(DiffResponse.DiffChanges.DIFF_NONE),
  configure: () => new ConfigureResponse().setAcceptsecrets(true).setAcceptresources(true).setSupportspreview(true),
  check: (req) => new CheckResponse().setInputs(req.getNews()),
  diff: (req) => {
    const same = argumentsText(req.getOlds()?.toJavaScript() ?? {}) === argumentsText(req.getNews()?.toJavaScript() ?? {});
    return new DiffResponse().setChanges(same ? DiffResponse.DiffChanges.DIFF_NONE : DiffResponse.DiffChanges.DIFF_SOME);
  },
  create: (req) => {
    const id = req.getPreview() ? "" : `noop-${process.pid}-${next++}`;
    return new CreateResponse().setId(id).setProperties(withComputed(id, req.getProperties()));
  },
  read: () => {
    throw new Error("trtcnoop: read is not served");
  },
  update: (req) => new UpdateResponse().setProperties(withComputed(req.getId(), req.getNews())),
  delete: () => new Empty(),
};

async function main(): Promise<void> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const impl = Object.fromEntries(
    Object.entries(HANDLERS).map(([name, handler]) => [
      name,
      (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        try {
          callback(null, handler(call.request));
        } catch (e) {
          callback({ code: grpc.status.UNKNOWN, details: String((e as Error).message) });
        }
      },
    ]),
  );
  server.addService(ResourceProviderService, impl);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  process.stdout.write(`${port}\n`);
}

void main();
