/**
 * Update: UpdatePublishCdnStream through the shared lifecycle (../lifecycle/update.ts), in place, same
 * TaskId. In preview no API call is made: the outputs are the new inputs with the TaskId kept and the values
 * only the call can tell unknown. customTimeouts.update bounds the client's deadline.
 */
import { type UpdateRequest, UpdateResponse } from "@pulumi/pulumi/proto/provider_pb";
import { update as lifecycleUpdate } from "../lifecycle";
import { pickArguments } from "../outputs";
import { UNKNOWN_SENTINELS } from "../unknowns";
import { callDeps } from "./call-deps";
import { withSecretPaths } from "./errors";
import { previewTarget } from "./create";
import { rewrap, toStruct, unwrap } from "./wire";

type Props = Record<string, unknown>;

/** Update of a running task; secrets that arrived marked (new or old) leave marked. */
export async function update(req: UpdateRequest): Promise<UpdateResponse> {
  const olds = unwrap(req.getOlds());
  const news = unwrap(req.getNews());
  const secretPaths = [...news.secretPaths, ...olds.secretPaths];
  const deps = callDeps(req.getUrn(), req.getTimeout());
  const res = new UpdateResponse();
  if (req.getPreview()) {
    const state: Props = {
      ...(pickArguments(news.props) as unknown as Props),
      taskId: typeof olds.props.taskId === "string" ? olds.props.taskId : req.getId(),
      sequenceNumber: UNKNOWN_SENTINELS.string, // the untyped sentinel, as in create.ts: the Node.js SDK knows no other
      requestId: UNKNOWN_SENTINELS.string,
      ...previewTarget(deps.env()),
    };
    res.setProperties(toStruct(rewrap(state, secretPaths)));
    return res;
  }
  let updated: Awaited<ReturnType<typeof lifecycleUpdate>>;
  try {
    updated = await lifecycleUpdate(deps, req.getId(), olds.props, news.props);
  } catch (e) {
    throw withSecretPaths(e, secretPaths);
  }
  res.setProperties(toStruct(rewrap(updated.outs as unknown as Props, secretPaths)));
  return res;
}
