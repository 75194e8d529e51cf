/**
 * The provider text every PublishCdnStream stores in state as `__provider`.
 *
 * Pulumi's dynamic resources normally store a closure-serialized copy of the provider object; this one
 * stores a one-line CommonJS module instead, which the dynamic-provider host loads the same way
 * (`require-from-string(text).handler()`). What that buys:
 * - state stays small: 75 bytes, stored twice per resource, instead of 2.5 KB (a closure-serialized shim)
 *   or tens of KB (a serialized implementation), which the engine rewrites with every checkpoint;
 * - the text is identical across versions and holds no secrets, modules, config or credentials, so it
 *   never causes a diff and `delete`/`read` of old resources run the installed code (pulumi/pulumi#16826);
 * - programs skip closure serialization (its first call loads the TypeScript parser, about 0.3 s).
 * The price is the same as any shim's: the program's node_modules must contain this package, and the
 * implementation must accept every older state shape and every older stored text (provider/impl.ts).
 */

/** The stored provider: loads the installed implementation's ready-made provider object. */
export const PROVIDER_SOURCE = 'exports.handler = () => require("pulumi-trtc-relay/impl").dynamicProvider;\n';

/** The type token of PublishCdnStream: the `pulumi-nodejs` package routes it to the dynamic-provider host. */
export const RESOURCE_TYPE = "pulumi-nodejs:dynamic/trtc:PublishCdnStream";
