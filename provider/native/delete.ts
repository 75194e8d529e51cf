/**
 * Delete: Stop through the shared lifecycle (../lifecycle/delete.ts), where the task was started; "already
 * gone" counts as stopped. customTimeouts.delete bounds the client's deadline.
 */
import type { DeleteRequest } from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { deleteTask } from "../lifecycle";
import { callDeps } from "./call-deps";
import { unwrap } from "./wire";

/** Delete of one resource; resolves once no task of it runs. */
export async function deleteResource(req: DeleteRequest): Promise<Empty> {
  await deleteTask(callDeps(req.getUrn(), req.getTimeout()), req.getId(), unwrap(req.getProperties()).props);
  return new Empty();
}
