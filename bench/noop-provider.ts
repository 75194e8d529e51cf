/**
 * The engine's own floor: a dynamic resource whose provider does nothing but echo its inputs. A deployment
 * of N of these costs what the Pulumi engine, the language host and the dynamic-provider host cost for N
 * resources, with no API and no limiter; subtracting it isolates what PublishCdnStream adds.
 *
 * It takes the same arguments as PublishCdnStream (as plain inputs), so the engine moves the same amount
 * of data per resource.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs } from "../provider/args";

/** Echoes inputs; ids come from a counter plus the process id, unique enough for one benchmark stack. */
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: any, news: any) {
    return { inputs: news };
  },
  async diff(_id: string, olds: any, news: any) {
    return { changes: JSON.stringify(olds.args) !== JSON.stringify(news.args) };
  },
  async create(inputs: any) {
    return { id: `noop-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`, outs: inputs };
  },
  async update(_id: string, _olds: any, news: any) {
    return { outs: news };
  },
  async delete() {
    return;
  },
};

/** A resource that costs only what the engine costs. */
export class NoopRelay extends pulumi.dynamic.Resource {
  /** @param name resource name; @param args the PublishCdnStream arguments, echoed as outputs. */
  constructor(name: string, args: PublishCdnStreamArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, { args }, opts, "bench", "NoopRelay");
  }
}
