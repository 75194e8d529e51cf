/**
 * The native front end's two variants: the `pulumi-resource-trtc` plugin's PublishCdnStream and the no-op
 * plugin's (bench/native-noop/plugin.ts), registered from the same Node.js inline program with exactly the
 * property map the dynamic resource registers, so the four variants differ only in who serves them.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs } from "../provider/args";
import { inputProperties } from "../provider/resource";
import { SECRET_OUTPUTS } from "../provider/secrets";

/** The plugin packages: the real one (version = package.json's) and the bench's no-op. */
export const NATIVE_PACKAGES = { native: "trtc", nativeNoop: "trtcnoop" } as const;

/** The type token each plugin serves. */
export const NATIVE_TYPES = {
  native: `${NATIVE_PACKAGES.native}:index:PublishCdnStream`,
  nativeNoop: `${NATIVE_PACKAGES.nativeNoop}:index:PublishCdnStream`,
} as const;

/** The version the no-op plugin reports and is installed as. */
export const NATIVE_NOOP_VERSION = "0.0.1";

/** A PublishCdnStream served by one of the two plugins; `version` pins the installed plugin. */
export class NativeRelay extends pulumi.CustomResource {
  /**
   * @param kind which plugin serves it; @param name resource name; @param args the PublishCdnStream arguments;
   * @param version the installed plugin's version.
   */
  constructor(kind: keyof typeof NATIVE_TYPES, name: string, args: PublishCdnStreamArgs, version: string) {
    super(NATIVE_TYPES[kind], name, inputProperties(args), { version, additionalSecretOutputs: [...SECRET_OUTPUTS] });
  }
}
