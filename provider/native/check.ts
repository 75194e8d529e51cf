/**
 * Check: the shared lifecycle's offline validation (../lifecycle/check.ts), on unwrapped inputs with
 * scalars in their schema types (coerce.ts). The checked inputs go back with every secret re-wrapped: the
 * engine stores what Check returns as the resource's inputs, and with `acceptSecrets` it no longer marks
 * them itself.
 *
 * Arguments Tencent documents as having no effect where they are pass (Tencent accepts them), and the user is
 * told: a check that passes sends one warning per such argument to the engine's log for the resource, the
 * plugin's counterpart of the dynamic resource's `pulumi.log.warn` (issue 17, kind 6).
 */
import { CheckFailure, type CheckRequest, CheckResponse } from "@pulumi/pulumi/proto/provider_pb";
import { check as lifecycleCheck } from "../lifecycle";
import { noEffectWarnings } from "../no-effect";
import { callDeps } from "./call-deps";
import { coerceInputs } from "./coerce";
import { engineLog } from "./engine-log";
import { rewrap, toStruct, topLevelOf, unwrap } from "./wire";

/** The resource type this plugin serves. */
export const TYPE_TOKEN = "trtc:index:PublishCdnStream";

/** Check for one resource registration (preview and up; again with empty olds on a replacement). */
export async function check(req: CheckRequest): Promise<CheckResponse> {
  const olds = unwrap(req.getOlds());
  const news = unwrap(req.getNews());
  const inputs = coerceInputs(req.getType() || TYPE_TOKEN, news.props);
  const result = await lifecycleCheck(callDeps(req.getUrn()), olds.props, inputs, topLevelOf(news.secretPaths));
  if (result.failures.length === 0) for (const message of noEffectWarnings(result.inputs)) engineLog(req.getUrn(), "warning", message);
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
