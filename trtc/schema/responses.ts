/**
 * What the API answers (spec §2.3, §3.3, §4.2, §8.1). Unlike requests these are loose objects: a client
 * must keep working when Tencent adds an output field, so unknown keys are kept, not rejected.
 */
import { z } from "zod";

const nonEmpty = () => z.string().min(1);

/** `Response` of a successful Start, Update or Stop: the task and the request that touched it. */
export const TaskResult = z.looseObject({ TaskId: nonEmpty(), RequestId: nonEmpty() });

/** The whole success envelope, `{"Response": {"TaskId": ..., "RequestId": ...}}`. */
export const TaskResponse = z.looseObject({ Response: TaskResult });

/** The error object inside an error envelope; match on `Code`, as messages change (spec §8.1). */
export const ApiError = z.looseObject({ Code: nonEmpty(), Message: z.string() });

/**
 * `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`. `RequestId` is optional here only so that
 * an error from something in front of the API (which may omit it) is still read as an error.
 */
export const ErrorResponse = z.looseObject({
  Response: z.looseObject({ Error: ApiError, RequestId: z.string().optional() }),
});

/** A successful answer's `Response`. */
export type TaskResult = z.infer<typeof TaskResult>;
/** The success envelope. */
export type TaskResponse = z.infer<typeof TaskResponse>;
/** The `Error` object of an error envelope. */
export type ApiError = z.infer<typeof ApiError>;
/** The error envelope. */
export type ErrorResponse = z.infer<typeof ErrorResponse>;
