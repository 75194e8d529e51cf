/**
 * The dynamic provider object that Pulumi serializes into every PublishCdnStream's state.
 *
 * It is a shim on purpose: each method loads the real implementation from the installed package at run
 * time (`pulumi-trtc-relay/impl`, i.e. dist/provider/lifecycle.js) and captures nothing — no modules, no
 * schemas, no config, no credentials. So the text stored in state is a few hundred bytes, identical across
 * versions, free of secrets, and `delete`/`read` of old resources run the installed code rather than a
 * stale snapshot (pulumi/pulumi#16826). The price: the program's node_modules must contain this package,
 * and the implementation must accept every older state shape.
 *
 * Method syntax and `require` inside the bodies keep serialization trivial: `require` is a Node module
 * global, which the closure serializer never captures, and no method uses `this`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The single provider instance every PublishCdnStream shares (one serialization, cached by the SDK). */
export const provider: pulumi.dynamic.ResourceProvider = {
  async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    // Synchronous hand-off before any await: the host may run other calls before this promise settles.
    require("pulumi-trtc-relay/impl").configure(req.config);
  },
  async check(olds: any, news: any): Promise<pulumi.dynamic.CheckResult> {
    return require("pulumi-trtc-relay/impl").check(olds, news);
  },
  async diff(id: string, olds: any, news: any): Promise<pulumi.dynamic.DiffResult> {
    return require("pulumi-trtc-relay/impl").diff(id, olds, news);
  },
  async create(inputs: any): Promise<pulumi.dynamic.CreateResult> {
    return require("pulumi-trtc-relay/impl").create(inputs);
  },
  async read(id: string, props?: any): Promise<pulumi.dynamic.ReadResult> {
    return require("pulumi-trtc-relay/impl").read(id, props);
  },
  async update(id: string, olds: any, news: any): Promise<pulumi.dynamic.UpdateResult> {
    return require("pulumi-trtc-relay/impl").update(id, olds, news);
  },
  async delete(id: string, props: any): Promise<void> {
    return require("pulumi-trtc-relay/impl").delete(id, props);
  },
};
