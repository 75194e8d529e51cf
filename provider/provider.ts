/**
 * The provider text every PublishCdnStream stores in state as `__provider`.
 *
 * Pulumi's dynamic resources normally store a closure-serialized copy of the provider object; this one
 * stores a one-line CommonJS module instead, which the dynamic-provider host loads the same way
 * (`require-from-string(text).handler()`). What that buys:
 * - state stays small: under 512 bytes, stored twice per resource, instead of 2.5 KB (a closure-serialized shim)
 *   or tens of KB (a serialized implementation), which the engine rewrites with every checkpoint;
 * - the text is identical across versions and holds no secrets, modules, config or credentials, so it
 *   never causes a diff and `delete`/`read` of old resources run the installed code (pulumi/pulumi#16826);
 * - programs skip closure serialization (its first call loads the TypeScript parser, about 0.3 s).
 * The price is the same as any shim's: the program's node_modules must contain this package, and the
 * implementation must accept every older state shape and every older stored text (provider/impl.ts).
 */

/**
 * The stored provider: loads the installed implementation's ready-made provider object. When the package
 * is not installed where the program runs (uninstalled before its resources were destroyed), it says so
 * and how to recover, instead of Node's bare "Cannot find module" and a stack trace; any other failure to
 * load (a dependency of the package missing, say) is passed on as it is.
 */
export const PROVIDER_SOURCE =
  'exports.handler = () => { try { return require("pulumi-trtc-relay/impl").dynamicProvider; } catch (e) { ' +
  'if (e.code !== "MODULE_NOT_FOUND" || !String(e.message).startsWith("Cannot find module \'pulumi-trtc-relay/impl\'")) throw e; ' +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the stored text's own template, filled in where the host runs it
  "throw new Error(`Cannot find module 'pulumi-trtc-relay/impl' from ${process.cwd()}: PublishCdnStream needs the npm package " +
  "pulumi-trtc-relay installed there. Its TRTC tasks still run. Run \\`npm install pulumi-trtc-relay\\`, then this command again.`); } };\n";

/** The type token of PublishCdnStream: the `pulumi-nodejs` package routes it to the dynamic-provider host. */
export const RESOURCE_TYPE = "pulumi-nodejs:dynamic/trtc:PublishCdnStream";
