/**
 * provider/schema.json: the Pulumi package schema of `trtc` (pulumi/pulumi `pkg/codegen/schema/pulumi.json`,
 * shared/spec/pulumi-native-provider.md §3), which a native provider plugin serves from GetSchema and from
 * which SDKs are generated. Every nested struct is an object type `trtc:index:<Struct>` with each property's
 * description, unit, allowed values and default (Pulumi has no keywords for ranges, so they are in the text),
 * required inputs, secret properties, the computed outputs and the `trtc:` config variables.
 *
 * Choices the engine and codegen constrain:
 * - `replaceOnChanges` only where every change replaces (codegen/changes.ts `alwaysReplaces`), on the resource's
 *   `properties` and nested object types, where Pulumi reads it (never on `inputProperties` alone).
 * - No `default` on properties: SDKs would send the service's default explicitly; it is in the description.
 * - Integers that can exceed 2^31 (every unbounded API Integer, the sequence number) are `number`.
 * - Provider inputs carry no `defaultInfo`: SDKs would read the environment into the provider's inputs, and so
 *   into state; the plugin reads the environment itself.
 */
import { CONFIG_KEYS, ENV_KEYS } from "../provider/config";
import { SETTING_DOCS } from "../provider/config-docs";
import { COMPUTED_OUTPUTS } from "../provider/outputs";
import { isSecretProperty } from "../provider/secrets";
import { alwaysReplaces } from "./changes";
import { argRequired, factSentences, fieldPaths } from "./facts";
import { type FieldModel, type Model, type StructModel, type TypeRef, rulePath } from "./model";

/** The package name, so every token is `trtc:<module>:<Name>`. */
export const PACKAGE = "trtc";
/** The one resource's type token. */
export const RESOURCE_TOKEN = `${PACKAGE}:index:PublishCdnStream`;
/** The token of a struct's object type. */
export const typeToken = (struct: string): string => `${PACKAGE}:index:${struct}`;

/**
 * The generated SDKs' names (sdk/, `npm run generate:sdk`). The Go import path assumes the repository is hosted at
 * github.com/pulumi-trtc-relay/pulumi-trtc-relay: a Go SDK is fetched from its repository, so the path must name it.
 */
export const SDK_NAMES = {
  nodejs: "@pulumi-trtc-relay/trtc",
  python: "pulumi_trtc",
  go: "github.com/pulumi-trtc-relay/pulumi-trtc-relay/sdk/go/trtc",
} as const;

/**
 * Per-language codegen options (pkg/codegen/{nodejs,python,go} importer.go). `@pulumi/pulumi` is a peer dependency
 * of the Node SDK, as of this package, so a program has one copy of it.
 */
const LANGUAGE = {
  nodejs: { packageName: SDK_NAMES.nodejs, respectSchemaVersion: true, peerDependencies: { "@pulumi/pulumi": "^3.142.0" } },
  python: { packageName: SDK_NAMES.python, respectSchemaVersion: true },
  go: { importBasePath: SDK_NAMES.go, respectSchemaVersion: true },
};

const RESOURCE_DESCRIPTION =
  "One TRTC mix-and-relay task (or single-stream relay): `StartPublishCdnStream` creates it, " +
  "`UpdatePublishCdnStream` changes it in place, `StopPublishCdnStream` deletes it. A change that Update cannot " +
  "make replaces the task, stopping the old one before the new one starts. TRTC has no Describe call, so refresh " +
  "cannot see the task; one that ended on its own is found by the next Update and replaced by the following `up`.";

const PROVIDER_DESCRIPTION =
  "The provider for TRTC relay tasks. Credentials, region and endpoint come from its inputs (the `trtc:` stack " +
  "config for the default provider), else from the environment variables each setting names.";

type Json = Record<string, unknown>;

function typeSpec(t: TypeRef): Json {
  switch (t.kind) {
    case "array":
      return { type: "array", items: typeSpec(t.items) };
    case "struct":
      return { $ref: `#/types/${typeToken(t.name)}` };
    default:
      return { type: t.kind };
  }
}

function property(struct: StructModel, field: FieldModel, model: Model, flagReplace: boolean): Json {
  const paths = fieldPaths(struct, field, model);
  const top = struct === model.root ? field.name : undefined;
  const secret = field.secret || (top !== undefined && isSecretProperty(top));
  // A flag on a shared type applies at every path the type appears at, so it must hold at all of them.
  const replace = flagReplace && paths.every((p) => alwaysReplaces(rulePath(p)));
  return {
    ...typeSpec(field.type),
    description: [field.description, factSentences(field, paths).join(" ")].join("\n\n"),
    ...(secret ? { secret: true } : {}),
    ...(replace ? { replaceOnChanges: true } : {}),
  };
}

function objectType(struct: StructModel, model: Model): Json {
  const required = struct.fields.filter((f) => argRequired(f, fieldPaths(struct, f, model))).map((f) => f.name);
  return {
    type: "object",
    description: `${struct.description}\n\nAPI struct \`${struct.name}\`.`,
    properties: Object.fromEntries(struct.fields.map((f) => [f.name, property(struct, f, model, true)])),
    ...(required.length ? { required } : {}),
  };
}

function resource(model: Model): Json {
  const root = model.root;
  const inputs = Object.fromEntries(root.fields.map((f) => [f.name, property(root, f, model, false)]));
  const requiredInputs = root.fields.filter((f) => argRequired(f, [f.name])).map((f) => f.name);
  const outputs = Object.fromEntries(
    Object.entries(COMPUTED_OUTPUTS).map(([name, o]) => [name, { type: o.type, description: o.description }]),
  );
  const alwaysSet = Object.keys(COMPUTED_OUTPUTS).filter((k) => k !== "finished");
  return {
    description: RESOURCE_DESCRIPTION,
    inputProperties: inputs,
    requiredInputs,
    properties: { ...Object.fromEntries(root.fields.map((f) => [f.name, property(root, f, model, true)])), ...outputs },
    required: [...requiredInputs, ...alwaysSet],
  };
}

function settings(forConfig: boolean): Json {
  return Object.fromEntries(
    Object.entries(SETTING_DOCS).map(([key, doc]) => {
      const env = ENV_KEYS[key as keyof typeof ENV_KEYS];
      const dynamicKey = CONFIG_KEYS[key as keyof typeof CONFIG_KEYS];
      const dynamic = dynamicKey === `${PACKAGE}:${key}` ? "" : ` The TypeScript dynamic resource reads \`${dynamicKey}\` instead.`;
      const spec: Json = { type: doc.type, description: `${doc.description} Falls back to \`${env}\`.${dynamic}` };
      if (forConfig && doc.default !== undefined) spec.default = doc.default;
      if (forConfig) spec.defaultInfo = { environment: [env] };
      if (doc.secret) spec.secret = true;
      return [key, spec];
    }),
  );
}

/** The package schema of `model`, for the package at `version`. */
export function packageSchema(model: Model, version: string): Json {
  const types = Object.fromEntries(
    [...model.structs.values()].filter((s) => s !== model.root).map((s) => [typeToken(s.name), objectType(s, model)]),
  );
  return {
    name: PACKAGE,
    displayName: "TRTC relay",
    version,
    description: "Tencent Cloud TRTC stream-mixing and relay-to-CDN tasks.",
    keywords: ["pulumi", "trtc", "tencentcloud", "kind/native", "category/cloud"],
    license: "Apache-2.0",
    // supportPack: the Go SDK gets its own go.mod (module sdk/go) and the Python SDK the schema's version.
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: settings(true) },
    provider: { description: PROVIDER_DESCRIPTION, inputProperties: settings(false) },
    types,
    resources: { [RESOURCE_TOKEN]: resource(model) },
    language: LANGUAGE,
  };
}
