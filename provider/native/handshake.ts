/**
 * The plugin's own RPCs: Handshake, GetPluginInfo, GetSchema, Attach and Cancel. Handshake answers that the
 * plugin takes secrets and resource references; a handshaking plugin also gets preview Create/Update calls
 * (pulumi/pulumi `provider_plugin.go`, supportsPreview forced on), which create.ts and update.ts answer
 * without an API call.
 */
import type { PluginAttach, PluginInfo as PluginInfoMessage } from "@pulumi/pulumi/proto/plugin_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { GetSchemaResponse, type ProviderHandshakeRequest, ProviderHandshakeResponse } from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { setEngineAddress } from "./engine-log";
import { packageVersion, schemaText } from "./package-files";

let cancelled = false;

/** True once the engine called Cancel: no new task may start (the engine is shutting the plugin down). */
export const isCancelled = (): boolean => cancelled;

/** Handshake: records the engine's address; secrets and resource references are accepted. */
export async function handshake(req: ProviderHandshakeRequest): Promise<ProviderHandshakeResponse> {
  setEngineAddress(req.getEngineAddress());
  const res = new ProviderHandshakeResponse();
  res.setAcceptSecrets(true);
  res.setAcceptResources(true);
  res.setAcceptOutputs(false);
  res.setSupportsAutonamingConfiguration(false);
  return res;
}

/** GetPluginInfo: the package version (the engine warns when a plugin reports less than it asked for). */
export async function getPluginInfo(): Promise<PluginInfoMessage> {
  const res = new PluginInfo();
  res.setVersion(packageVersion());
  return res;
}

/** GetSchema: the committed package schema, as it is. */
export async function getSchema(): Promise<GetSchemaResponse> {
  const res = new GetSchemaResponse();
  res.setSchema(schemaText());
  return res;
}

/** Attach (`PULUMI_DEBUG_PROVIDERS`): the engine dialled a running plugin and says where it listens. */
export async function attach(req: PluginAttach): Promise<Empty> {
  setEngineAddress(req.getAddress());
  return new Empty();
}

/**
 * Cancel: the engine is shutting down (it calls this at the end of every operation, then interrupts the
 * process). Operations in flight finish (a Start whose TaskId never reached state would leave a task
 * running); no new Create starts.
 */
export async function cancel(): Promise<Empty> {
  cancelled = true;
  return new Empty();
}
