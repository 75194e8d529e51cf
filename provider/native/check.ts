/**
 * Check: the shared lifecycle's offline validation (../lifecycle/check.ts), on unwrapped inputs with
 * scalars in their schema types (coerce.ts). The checked inputs go back with every secret re-wrapped: the
 * engine stores what Check returns as the resource's inputs, and with `acceptSecrets` it no longer marks
 * them itself.
 */
import { CheckFailure, type CheckRequest, CheckResponse } from "@pulumi/pulumi/proto/provider_pb";
import { check as lifecycleCheck } from "../lifecycle";
import { callDeps } from "./call-deps";
import { coerceInputs } from "./coerce";
import { rewrap, toStruct, topLevelOf, unwrap } from "./wire";

/** The resource type this plugin serves. */
export const TYPE_TOKEN = "trtc:index:PublishCdnStream";

/** Check for one resource registration (preview and up; again with empty olds on a replacement). */
export async function check(req: CheckRequest): Promise<CheckResponse> {
  const olds = unwrap(req.getOlds());
  const news = unwrap(req.getNews());
  const inputs = coerceInputs(req.getType() || TYPE_TOKEN, news.props);
  const result = await lifecycleCheck(callDeps(req.getUrn()), olds.props, inputs, topLevelOf(news.secretPaths));
  const res = new CheckResponse();
  res.setInputs(toStruct(rewrap(result.inputs, news.secretPaths)));
  res.setFailuresList(
    result.failures.map((f) => {
      const failure = new CheckFailure();
      failure.setProperty(f.property);
      failure.setReason(f.reason);
      return failure;
    }),
  );
  return res;
}
