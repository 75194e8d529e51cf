/**
 * Errors as gRPC statuses. A {@link ResourceInitError} (the task exists, but the operation did not finish)
 * becomes Pulumi's `ErrorResourceInitFailed` detail, so the engine records the task with its properties and
 * init errors and the next `up` retries instead of losing it; its properties are re-wrapped, as every
 * response's are. Other errors carry their message only (the lifecycle's messages are redacted at
 * construction). The shape follows `@pulumi/pulumi/cmd/dynamic-provider` `grpcResponseFromError`.
 */
import * as grpc from "@grpc/grpc-js";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { ResourceInitError } from "../init-error";
import { rewrap, toStruct } from "./wire";

const SECRET_PATHS = Symbol("secretPaths");

/** `error`, remembering the request's secret paths for {@link toStatus}; rethrow the result. */
export function withSecretPaths(error: unknown, secretPaths: readonly string[]): unknown {
  if (error instanceof ResourceInitError) Object.defineProperty(error, SECRET_PATHS, { value: secretPaths });
  return error;
}

/** The status sent for `error`; init-failure state is re-wrapped with the paths {@link withSecretPaths} recorded. */
export function toStatus(error: unknown): Partial<grpc.StatusObject> {
  const message = error instanceof Error ? error.message : String(error);
  const metadata = new grpc.Metadata();
  if (error instanceof ResourceInitError) {
    const secretPaths = ((error as unknown as Record<symbol, string[]>)[SECRET_PATHS] ?? []) as string[];
    const detail = new ErrorResourceInitFailed();
    detail.setId(error.id);
    detail.setProperties(toStruct(rewrap(error.properties, secretPaths)));
    detail.setReasonsList(error.reasons);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}
