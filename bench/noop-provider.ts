/**
 * The engine's own floor: a dynamic resource whose provider does nothing but echo its inputs. A deployment
 * of N of these costs what the Pulumi engine, the language host and the dynamic-provider host cost for N
 * resources, with no API and no limiter; subtracting it isolates what PublishCdnStream's provider adds.
 *
 * It registers exactly PublishCdnStream's property map (the same output names, the same secrets, the same
 * stray-name handling, via inputProperties) and, like PublishCdnStream, a fixed provider text rather than a
 * closure-serialized one. So the engine, the program and the state file carry the same data per resource,
 * and the difference between the two is the provider's check, diff, create, update and delete (and the
 * API limit) alone. {@link NoopBlob} is the cheapest shape there is, reported beside it for reference.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs } from "../provider/args";
import { inputProperties } from "../provider/resource";
import { COMPUTED_KEYS } from "../provider/outputs";
import { SECRET_OUTPUTS } from "../provider/secrets";
import { noopComputedOutputs } from "./noop-shape";

/**
 * The whole provider as the text the dynamic-provider host loads. Ids come from a counter plus the process
 * id, unique enough for one benchmark stack. `diff` compares the arguments the way any provider must; create
 * and update store the inputs plus the computed outputs PublishCdnStream's create stores (bench/noop-shape.ts,
 * derived from provider/outputs.ts), so the state holds the same properties per resource.
 */
export const NOOP_PROVIDER_SOURCE = `let n = 0;
const computed = ${JSON.stringify(noopComputedOutputs(""))};
const skip = new Set(["__provider", ...${JSON.stringify(COMPUTED_KEYS)}]);
const args = (p) => JSON.stringify(Object.entries(p).filter(([k]) => !skip.has(k)).sort());
exports.handler = () => ({
  check: async (olds, news) => ({ inputs: news }),
  diff: async (id, olds, news) => ({ changes: args(olds) !== args(news) }),
  create: async (inputs) => { const id = "noop-" + process.pid + "-" + (n++); return { id, outs: { ...inputs, ...computed, taskId: id } }; },
  update: async (id, olds, news) => ({ outs: { ...news, ...computed, taskId: id } }),
  delete: async () => {},
});
`;

/** A resource shaped like PublishCdnStream that costs only what the engine costs. */
export class NoopRelay extends pulumi.CustomResource {
  /** @param name resource name; @param args the PublishCdnStream arguments, echoed as outputs. */
  constructor(name: string, args: PublishCdnStreamArgs, opts?: pulumi.CustomResourceOptions) {
    const props = { ...inputProperties(args), __provider: NOOP_PROVIDER_SOURCE };
    super("pulumi-nodejs:dynamic/bench:NoopRelay", name, props, { ...opts, additionalSecretOutputs: [...SECRET_OUTPUTS] });
  }
}

/** The no-op provider behind one plain property holding all arguments: fewer outputs, no secrets. */
export class NoopBlob extends pulumi.CustomResource {
  /** @param name resource name; @param args the PublishCdnStream arguments, echoed as one output. */
  constructor(name: string, args: PublishCdnStreamArgs, opts?: pulumi.CustomResourceOptions) {
    super("pulumi-nodejs:dynamic/bench:NoopBlob", name, { args, __provider: NOOP_PROVIDER_SOURCE }, opts);
  }
}
