/**
 * harness/own-subchannels.ts: why every inline stack gives `@pulumi/pulumi`'s engine clients their own
 * subchannels. The SDK's own EngineClient, created with the SDK's own client options, calls a CLI's engine
 * that has exited (ECONNREFUSED, the subchannel then backs off); a new engine listens on the same port; a new
 * client's first `setRootResource` (the first call of every program) must reach it. With grpc-js's shared
 * pool it fails at once, the error that made an up deploy nothing (the negative control below).
 */
import * as net from "node:net";
import * as grpc from "@grpc/grpc-js";
import { EngineClient, EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { SetRootResourceRequest, SetRootResourceResponse } from "@pulumi/pulumi/proto/engine_pb";
import { LOCAL_SUBCHANNEL_POOL, ownSubchannels, pulumiClientOptions } from "../../harness/own-subchannels";

/** A 127.0.0.1 port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function setRootResource(client: EngineClient): Promise<string> {
  return new Promise((resolve) => {
    const req = new SetRootResourceRequest();
    req.setUrn("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev");
    client.setRootResource(req, (err) => resolve(err ? `${err.code} ${err.details}` : "ok"));
  });
}

/** An engine that exited, then a new one on its port: what the second client's first call gets. */
async function callAfterPortReuse(options: Record<string, unknown>): Promise<{ exited: string; reused: string }> {
  const port = await closedPort();
  const address = `127.0.0.1:${port}`;
  const exitedEngine = new EngineClient(address, grpc.credentials.createInsecure(), options);
  const server = new grpc.Server();
  const newClient = new EngineClient(address, grpc.credentials.createInsecure(), options);
  try {
    const exited = await setRootResource(exitedEngine);
    server.addService(EngineService, {
      setRootResource: (_call: unknown, cb: grpc.sendUnaryData<SetRootResourceResponse>) => cb(null, new SetRootResourceResponse()),
    } as unknown as grpc.UntypedServiceImplementation);
    await new Promise<void>((resolve, reject) =>
      server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (e) => (e ? reject(e) : resolve())),
    );
    return { exited, reused: await setRootResource(newClient) };
  } finally {
    exitedEngine.close();
    newClient.close();
    server.forceShutdown();
  }
}

test("with ownSubchannels, a program's first call reaches a new engine on an exited engine's port", async () => {
  ownSubchannels();
  expect(pulumiClientOptions()[LOCAL_SUBCHANNEL_POOL]).toBe(1);
  const r = await callAfterPortReuse(pulumiClientOptions());
  expect(r.exited).toMatch(/^14 .*ECONNREFUSED/);
  expect(r.reused).toBe("ok");
});

test("negative control: with grpc-js's shared pool, the same call fails at once with the error CI saw", async () => {
  const shared = { ...pulumiClientOptions(), [LOCAL_SUBCHANNEL_POOL]: 0 };
  const r = await callAfterPortReuse(shared);
  expect(r.exited).toMatch(/^14 .*ECONNREFUSED/);
  expect(r.reused).toBe("14 No connection established. Last error: null. Resolution note: ");
});
