/**
 * The baseline: the obvious dynamic provider a user would write first. It signs with tc3Authorization and
 * POSTs with fetch — no validation, no rate limiter, no retry, no timeout — so a deployment of many tasks
 * sends as fast as the engine's parallelism allows and every `RequestLimitExceeded` fails a resource.
 *
 * Pulumi serializes the provider object with everything it captures (tc3Authorization and its helpers,
 * `require("node:crypto")`), so it runs self-contained in the provider process. Credentials are read from
 * that process's environment at call time, never captured, so neither state nor the serialized provider
 * holds them; the request body is a secret input for the same reason.
 */
import * as pulumi from "@pulumi/pulumi";
import { toApiCase } from "../trtc/casing";
import { tc3Authorization } from "../trtc/client/sign";
import type { PublishCdnStreamArgs } from "../provider/args";

/** Environment variables the naive provider reads in the provider process (the CLI passes them on). */
export const NAIVE_ENV = {
  endpoint: "BENCH_NAIVE_ENDPOINT",
  secretId: "BENCH_NAIVE_SECRET_ID",
  secretKey: "BENCH_NAIVE_SECRET_KEY",
} as const;

/** Sends one action; throws on any error answer, as the obvious implementation does. */
async function call(action: string, body: Record<string, unknown>): Promise<any> {
  const endpoint = process.env[NAIVE_ENV.endpoint] as string;
  const secretId = process.env[NAIVE_ENV.secretId] as string;
  const secretKey = process.env[NAIVE_ENV.secretKey] as string;
  const host = new URL(endpoint).host;
  const payload = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  const authorization = tc3Authorization({ secretId, secretKey, service: "trtc", host, timestamp, payload });
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-TC-Action": action,
      "X-TC-Version": "2019-07-22",
      "X-TC-Region": "ap-guangzhou",
      "X-TC-Timestamp": String(timestamp),
      Authorization: authorization,
    },
    body: payload,
  });
  const answer = (await res.json()) as { Response: { Error?: { Code: string; Message: string }; RequestId: string } & Record<string, any> };
  const error = answer.Response?.Error;
  if (error) throw new Error(`${action} failed: ${error.Code}: ${error.Message} (RequestId ${answer.Response.RequestId})`);
  return answer.Response;
}

const naiveProvider: pulumi.dynamic.ResourceProvider = {
  async diff(_id: string, olds: any, news: any) {
    return { changes: JSON.stringify(olds.body) !== JSON.stringify(news.body) };
  },
  async create(inputs: any) {
    const answer = await call("StartPublishCdnStream", inputs.body);
    return { id: answer.TaskId, outs: { body: inputs.body, sequenceNumber: 0 } };
  },
  async update(id: string, olds: any, news: any) {
    const sequenceNumber = (olds.sequenceNumber ?? 0) + 1;
    const { SdkAppId, WithTranscoding, PublishCdnParams } = news.body;
    await call("UpdatePublishCdnStream", { SdkAppId, TaskId: id, SequenceNumber: sequenceNumber, WithTranscoding, PublishCdnParams });
    return { outs: { body: news.body, sequenceNumber } };
  },
  async delete(id: string, props: any) {
    await call("StopPublishCdnStream", { SdkAppId: props.body.SdkAppId, TaskId: id });
  },
};

/** A relay task through the naive provider: same arguments as PublishCdnStream, sent as they are. */
export class NaiveRelay extends pulumi.dynamic.Resource {
  /** @param name resource name; @param args the PublishCdnStream arguments (plain values). */
  constructor(name: string, args: PublishCdnStreamArgs, opts?: pulumi.CustomResourceOptions) {
    super(naiveProvider, name, { body: pulumi.secret(toApiCase(args)), sequenceNumber: undefined }, opts, "bench", "NaiveRelay");
  }
}
