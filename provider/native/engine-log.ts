/**
 * Messages for the user, sent to the engine's Log service so `pulumi preview`/`up` show them beside the
 * resource they concern (pulumi/pulumi `proto/pulumi/engine.proto`, `Engine.Log` with a URN). The engine's
 * address is the plugin's last argument, or arrives in Handshake/Attach. When the engine cannot be reached
 * (a test talking to the plugin directly), the line goes to stderr, which the engine also shows.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";

/** How serious a message is, in Pulumi's terms. */
export type Severity = "info" | "warning";

let address: string | undefined;
let client: EngineClient | undefined;

/** Records where the engine listens (from argv, Handshake or Attach); later calls log there. */
export function setEngineAddress(next: string | undefined): void {
  if (!next || next === address) return;
  client?.close();
  address = next;
  client = undefined;
}

/** Sends `message` to the engine's log for the resource `urn` (or the whole operation when `urn` is ""). */
export function engineLog(urn: string, severity: Severity, message: string): void {
  const fallback = () => console.error(severity === "warning" ? `warning: ${message}` : message);
  if (address === undefined) return fallback();
  client ??= new EngineClient(address, grpc.credentials.createInsecure());
  const req = new LogRequest();
  req.setSeverity(severity === "warning" ? LogSeverity.WARNING : LogSeverity.INFO);
  req.setMessage(message);
  req.setUrn(urn);
  client.log(req, new grpc.Metadata(), { deadline: Date.now() + 5_000 }, (err) => {
    if (err) fallback();
  });
}
