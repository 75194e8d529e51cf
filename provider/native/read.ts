/**
 * Read (refresh and `pulumi import`): the shared lifecycle's answer (../lifecycle/read.ts). TRTC has no Describe
 * call, so the state is echoed and a task an Update found finished is reported gone (id ""). A Read without
 * state is `pulumi import trtc:index:PublishCdnStream NAME <sdkAppId>/<taskId>[/<lastSequenceNumber>]`: the
 * answer is the TaskId as the id, what the import id carries as properties, and `{ sdkAppId }` as inputs (the
 * engine refuses an import whose inputs are nil); the next `up` takes the rest from the program.
 */
import { type ReadRequest, ReadResponse } from "@pulumi/pulumi/proto/provider_pb";
import { read as lifecycleRead } from "../lifecycle";
import { argumentsOf } from "../outputs";
import { callDeps } from "./call-deps";
import { rewrap, toStruct, unwrap } from "./wire";

/** Read of one resource; outputs and inputs come back with their secrets wrapped. */
export async function read(req: ReadRequest): Promise<ReadResponse> {
  const stored = req.hasProperties() ? unwrap(req.getProperties()) : undefined;
  const secretPaths = [...(stored?.secretPaths ?? []), ...(req.hasInputs() ? unwrap(req.getInputs()).secretPaths : [])];
  const result = await lifecycleRead(callDeps(req.getUrn(), req.getTimeout()), req.getId(), stored?.props);
  const res = new ReadResponse();
  res.setId(result.id);
  if (result.id === "" || result.props === undefined) return res;
  res.setProperties(toStruct(rewrap(result.props, secretPaths)));
  res.setInputs(toStruct(rewrap(argumentsOf(result.props) as unknown as Record<string, unknown>, secretPaths)));
  return res;
}
