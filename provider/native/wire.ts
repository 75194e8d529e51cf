/**
 * Pulumi's wire encoding of property values, for the plugin: protobuf Structs whose special objects carry
 * the key {@link SIG}. The lifecycle works on plain values, so requests are unwrapped on the way in
 * (recording which paths arrived secret) and responses re-wrapped on the way out: a plugin that answers
 * `acceptSecrets` is trusted to keep secrets marked, and the engine stores unmarked values in plaintext
 * (pulumi-native-provider.md §1.4; pulumi/pulumi `sdk/go/common/resource/plugin/rpc.go`).
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { SECRET_OUTPUTS } from "../secrets";

/** The key that marks a special object. */
export const SIG = "4dabf18193072939515e22adb298388d";
/** `{[SIG]: SECRET_SIG, value}`: a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** `{[SIG]: RESOURCE_SIG, urn, id?}`: a resource reference. */
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

type Props = Record<string, unknown>;

/** A request's properties as plain values, plus where secrets were. */
export interface Unwrapped {
  /** Plain values: secrets unwrapped, resource references as their id (else URN); unknown sentinels kept. */
  props: Props;
  /** Pulumi property paths (`publishCdnParams[0].publishCdnUrl`) that arrived marked secret. */
  secretPaths: string[];
}

/** Plain JavaScript from a Struct; `{}` for an absent one. */
export function fromStruct(struct: Struct | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}

/** A Struct from plain JavaScript; `undefined` members are dropped first (Struct.fromJavaScript throws on them). */
export function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Parameters<typeof Struct.fromJavaScript>[0]);
}

function unwrapValue(value: unknown, at: string, secretPaths: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => unwrapValue(item, `${at}[${i}]`, secretPaths));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Props;
  if (obj[SIG] === SECRET_SIG) {
    secretPaths.push(at);
    return unwrapValue(obj.value, at, secretPaths);
  }
  // Pulumi's provider implementers' guide: a reference stands for its resource's id, else its URN.
  if (obj[SIG] === RESOURCE_SIG) return obj.id !== undefined && obj.id !== "" ? obj.id : obj.urn;
  if (obj[SIG] !== undefined) throw new Error(`${at}: assets and archives are not accepted by PublishCdnStream`);
  return Object.fromEntries(Object.entries(obj).map(([k, item]) => [k, unwrapValue(item, at ? `${at}.${k}` : k, secretPaths)]));
}

/** Unwraps a request's Struct. */
export function unwrap(struct: Struct | undefined): Unwrapped {
  const secretPaths: string[] = [];
  const props = unwrapValue(fromStruct(struct), "", secretPaths) as Props;
  return { props, secretPaths };
}

/** `value` marked secret. */
export const secret = (value: unknown): Props => ({ [SIG]: SECRET_SIG, value: value ?? null });

/** The top-level property names of property paths (`a[0].b` → `a`). */
export const topLevelOf = (paths: readonly string[]): Set<string> => new Set(paths.map((p) => p.split(/[.[]/)[0]));

/**
 * `props` with every top-level property wrapped that is always secret ({@link SECRET_OUTPUTS}) or held a
 * secret anywhere when it arrived (`secretPaths`). Pulumi secrets are per value; wrapping the whole top-level
 * property is what the dynamic resource does too, and keeps a nested secret from leaking beside it.
 */
export function rewrap(props: Props, secretPaths: readonly string[] = []): Props {
  const wrapped = new Set<string>([...SECRET_OUTPUTS, ...topLevelOf(secretPaths)]);
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, wrapped.has(k) && v !== undefined ? secret(v) : v]));
}
