/**
 * The ResourceProvider gRPC service of `pulumi-resource-trtc`: each RPC's handler (one file per group in
 * this folder) behind one adapter that turns thrown errors into statuses. RPCs a custom-resource-only
 * provider does not serve (Invoke, Call, Construct, Parameterize, GetMapping…) are left to grpc-js, which
 * answers UNIMPLEMENTED; the engine treats that as "not supported".
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { check } from "./check";
import { create } from "./create";
import { deleteResource } from "./delete";
import { diff } from "./diff";
import { toStatus } from "./errors";
import { attach, cancel, getPluginInfo, getSchema, handshake } from "./handshake";
import { checkConfig, configure, diffConfig } from "./provider-config";
import { read } from "./read";
import { update } from "./update";

// Each handler types its own request; grpc-js passes them untyped.
type Handler = (req: any) => Promise<unknown>;

/** A grpc-js unary handler around `handler`: its result, or its error as a status. */
function unary(handler: Handler): grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    handler(call.request).then(
      (res) => callback(null, res),
      (e: unknown) => callback(toStatus(e)),
    );
  };
}

/** The implemented RPCs, by grpc-js method name. */
export const HANDLERS: Record<string, Handler> = {
  handshake,
  getPluginInfo,
  getSchema,
  attach,
  cancel,
  checkConfig,
  diffConfig,
  configure,
  check,
  diff,
  create,
  read,
  update,
  delete: deleteResource,
};

/** Serves the provider on 127.0.0.1 (an ephemeral port unless given); resolves with the server and its port. */
export async function serve(port = 0): Promise<{ server: grpc.Server; port: number }> {
  // Pulumi's own limit (@pulumi/pulumi runtime/settings grpcChannelOptions): large states fit.
  const limit = 400 * 1024 * 1024;
  const server = new grpc.Server({ "grpc.max_receive_message_length": limit, "grpc.max_send_message_length": limit });
  const impl = Object.fromEntries(Object.entries(HANDLERS).map(([name, handler]) => [name, unary(handler)]));
  server.addService(ResourceProviderService, impl);
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { server, port: bound };
}
