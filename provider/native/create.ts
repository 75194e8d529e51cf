/**
 * Create: Start through the shared lifecycle (../lifecycle/create.ts). In preview (the engine asks a
 * handshaking plugin) no API call is made: the outputs are the checked inputs, with the values only Start
 * can tell (TaskId, RequestId) unknown. customTimeouts.create bounds the client's deadline.
 */
import { type CreateRequest, CreateResponse } from "@pulumi/pulumi/proto/provider_pb";
import { resolveTarget } from "../config";
import { create as lifecycleCreate } from "../lifecycle";
import { pickArguments } from "../outputs";
import { UNKNOWN_SENTINELS } from "../unknowns";
import { callDeps } from "./call-deps";
import { withSecretPaths } from "./errors";
import { isCancelled } from "./handshake";
import { rewrap, toStruct, unwrap } from "./wire";

type Props = Record<string, unknown>;

/** Where the task will run, as preview can tell it; unknown when config cannot say (check reports that). */
export function previewTarget(env: NodeJS.ProcessEnv): { endpoint: string; region: string } {
  try {
    const { endpoint, region } = resolveTarget(env);
    return { endpoint, region };
  } catch {
    return { endpoint: UNKNOWN_SENTINELS.string, region: UNKNOWN_SENTINELS.string };
  }
}

/** The preview outputs of a task about to start: its arguments and where it will run; the rest unknown. */
function previewState(inputs: Props, env: NodeJS.ProcessEnv): Props {
  return {
    ...(pickArguments(inputs) as unknown as Props),
    taskId: UNKNOWN_SENTINELS.string,
    // The untyped sentinel: the engine hands a typed one on to the program as is, and the Node.js SDK (3.248)
    // knows only this one, so a program would read "3eeb2bf0-…" as sequenceNumber's value in preview.
    sequenceNumber: UNKNOWN_SENTINELS.string,
    requestId: UNKNOWN_SENTINELS.string,
    ...previewTarget(env),
  };
}

/** Create: the TaskId as the id, the inputs as applied plus computed values as outputs, secrets wrapped. */
export async function create(req: CreateRequest): Promise<CreateResponse> {
  const inputs = unwrap(req.getProperties());
  const deps = callDeps(req.getUrn(), req.getTimeout());
  const res = new CreateResponse();
  if (req.getPreview()) {
    res.setId("");
    res.setProperties(toStruct(rewrap(previewState(inputs.props, deps.env()), inputs.secretPaths)));
    return res;
  }
  if (isCancelled()) throw new Error("The deployment was cancelled before this task started; no task was started.");
  let created: Awaited<ReturnType<typeof lifecycleCreate>>;
  try {
    created = await lifecycleCreate(deps, inputs.props);
  } catch (e) {
    throw withSecretPaths(e, inputs.secretPaths);
  }
  res.setId(created.id);
  res.setProperties(toStruct(rewrap(created.outs as unknown as Props, inputs.secretPaths)));
  return res;
}
