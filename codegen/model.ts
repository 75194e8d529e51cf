/**
 * The generator's view of the request schema: every struct reachable from `StartPublishCdnStreamRequest`,
 * each field with its metadata (trtc/schema/meta.ts), its type and what it allows on each site.
 *
 * Both sites' schemas are read: a field only one site accepts (`b.onlyOn`) is kept and marked, and a range that
 * differs by site (`b.bySite`) is shown for both. Structure comes from the zod definitions (struct names through
 * `structInfoOf`), constraints from `z.toJSONSchema` of each leaf and the helpers' rule text, so nothing here
 * restates a range. Bad metadata (a field without a description, a misspelt key, a rule whose numbers differ from
 * the checks) stops the generator with the field's name.
 */
import { z } from "zod";
import { toPulumiKey } from "../trtc/casing";
import { SCHEMAS, type Site, SITES, structInfoOf } from "../trtc/schema";
import { FIELD_META_KEYS, type FieldMeta, fieldMetaOf, type Unit } from "../trtc/schema/meta";
import type { RequestSchemas } from "../trtc/schema/requests";

/** The request the resource's arguments are. */
export const ROOT_STRUCT = "StartPublishCdnStreamRequest";

/** Largest integer every Pulumi language holds in its `integer` (a 32-bit int in .NET and Java). */
export const MAX_INT32 = 2 ** 31 - 1;

/** A field's type, as the generated code needs it. */
export type TypeRef =
  | { readonly kind: "integer" | "number" | "string" | "boolean" }
  | { readonly kind: "array"; readonly items: TypeRef }
  | { readonly kind: "struct"; readonly name: string };

/** One field of a struct, both sites merged. */
export interface FieldModel {
  /** The API's name, e.g. `MaxIdleTime`. */
  readonly api: string;
  /** The argument's name, e.g. `maxIdleTime`. */
  readonly name: string;
  readonly description: string;
  readonly unit?: Unit;
  /** The service's default when omitted, if documented. */
  readonly default?: unknown;
  /** Never echoed, and stored only encrypted. */
  readonly secret: boolean;
  /** Required by the API (on every site that has the field). */
  readonly required: boolean;
  /** The sites that accept the field. */
  readonly sites: readonly Site[];
  /** What the value may be, per site that has it, in the user's words ("an integer from 5 to 86400"). */
  readonly allowed: Readonly<Partial<Record<Site, string>>>;
  readonly type: TypeRef;
}

/** One struct, both sites merged. */
export interface StructModel {
  /** The API's name, e.g. `AgentParams`. */
  readonly name: string;
  readonly description: string;
  readonly fields: readonly FieldModel[];
  /** camelCase paths where the struct appears, `[]` marking a list's items, e.g. `publishCdnParams[]`. */
  readonly paths: readonly string[];
}

/** Every struct of the request, root first, the others in order of first appearance. */
export interface Model {
  readonly root: StructModel;
  readonly structs: ReadonlyMap<string, StructModel>;
}

/** Thrown for metadata the generator cannot use; the message names the field and the fix. */
export class MetadataError extends Error {
  constructor(where: string, problem: string) {
    super(`trtc/schema: ${where}: ${problem}, then run \`npm run generate\``);
    this.name = "MetadataError";
  }
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
const defOf = (s: z.ZodType): Def => s._zod.def as unknown as Def;

function unwrapOptional(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (defOf(inner).type === "optional") {
    optional = true;
    inner = defOf(inner).innerType!;
  }
  return { inner, optional };
}

type Json = Record<string, any>;
const jsonOf = (schema: z.ZodType): Json => z.toJSONSchema(schema, { unrepresentable: "any" }) as Json;

const isInt32 = (n: unknown): boolean => typeof n === "number" && Number.isInteger(n) && Math.abs(n) <= MAX_INT32;

/** The type of a (non-optional) value schema. */
function typeOf(schema: z.ZodType, where: string): TypeRef {
  const def = defOf(schema);
  if (def.type === "array") return { kind: "array", items: typeOf(unwrapOptional(def.element!).inner, `${where}[]`) };
  const info = structInfoOf(schema);
  if (info) return { kind: "struct", name: info.name };
  // A uint64 accepted as a number or a bigint: a number to every SDK, and past 2^31.
  if (def.type === "union" && def.options!.every((o) => ["number", "bigint"].includes(defOf(o).type))) return { kind: "number" };
  const json = jsonOf(schema);
  const values: unknown[] | undefined = json.enum;
  if (values?.every((v) => typeof v === "string") || json.type === "string") return { kind: "string" };
  if (json.type === "boolean") return { kind: "boolean" };
  // An integer that can exceed 2^31 (every unbounded API Integer is a uint64) must be a `number` in Pulumi.
  if (values?.every(isInt32)) return { kind: "integer" };
  if (json.type === "integer") return isInt32(json.minimum) && isInt32(json.maximum) ? { kind: "integer" } : { kind: "number" };
  if (json.type === "number") return { kind: "number" };
  throw new MetadataError(where, `no argument type for a ${def.type} schema`);
}

const code = (v: unknown): string => `\`${JSON.stringify(v)}\``;
const stripMust = (rule: string): string => rule.replace(/^must be /, "");

/** The numbers in a text, to check a rule against its checks. */
const numbersIn = (text: string): number[] => [...text.matchAll(/-?\d+/g)].map((m) => Number(m[0]));

/** What a value may be, in the user's words, or undefined when any value of the type is fine. */
function allowedOf(schema: z.ZodType, meta: FieldMeta, where: string): string | undefined {
  const def = defOf(schema);
  if (structInfoOf(schema)) return undefined;
  if (def.type === "array") {
    const item = unwrapOptional(def.element!).inner;
    const each = allowedOf(item, fieldMetaOf(item), `${where}[]`);
    const bound = meta.maxItems !== undefined ? `at most ${meta.maxItems} entries` : undefined;
    return [bound, each && `each ${each}`].filter(Boolean).join(", ") || undefined;
  }
  const json = def.type === "union" ? {} : jsonOf(schema);
  if (Array.isArray(json.enum)) {
    const labels = meta.enumDescriptions;
    const values: string[] = json.enum.map(code);
    return labels ? values.map((v, i) => `${v} ${labels[i]}`).join(", ") : `one of ${values.join(", ")}`;
  }
  if (!meta.rule) return undefined;
  // A hand-written rule must name the same bounds as the checks it describes.
  for (const bound of [json.minimum, json.maximum]) {
    if (typeof bound === "number" && Math.abs(bound) < Number.MAX_SAFE_INTEGER && bound !== 0 && !numbersIn(meta.rule).includes(bound)) {
      throw new MetadataError(where, `the rule "${meta.rule}" does not mention the bound ${bound} its checks enforce`);
    }
  }
  return stripMust(meta.rule);
}

function checkMeta(meta: FieldMeta, where: string): void {
  const unknown = Object.keys(meta).filter((k) => !(FIELD_META_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new MetadataError(where, `unknown metadata key(s) ${unknown.join(", ")} (see trtc/schema/meta.ts)`);
  if (!meta.description?.trim()) throw new MetadataError(where, "has no description: add `.meta({ description: ... })`");
}

/** Keys of both sites in schema order, a one-site key after the key that precedes it on its site. */
function mergedKeys(shapes: Partial<Record<Site, Record<string, unknown>>>): string[] {
  const keys: string[] = [];
  for (const site of SITES) {
    const own = Object.keys(shapes[site] ?? {});
    own.forEach((key, i) => {
      if (keys.includes(key)) return;
      const before = own
        .slice(0, i)
        .reverse()
        .find((k) => keys.includes(k));
      keys.splice(before === undefined ? 0 : keys.indexOf(before) + 1, 0, key);
    });
  }
  return keys;
}

const SITE_WORDS: Record<Site, string> = { cn: "China site", intl: "international site" };

/** One field's allowed values over the sites that have it, each site named when they differ. */
export function allowedText(field: FieldModel): string | undefined {
  const texts = field.sites.map((s) => field.allowed[s]);
  if (texts.every((t) => t === texts[0])) return texts[0];
  return field.sites.map((s) => `${field.allowed[s] ?? "anything"} (${SITE_WORDS[s]})`).join("; ");
}

/** "China site only." when one site lacks the field. */
export function siteText(field: FieldModel): string | undefined {
  return field.sites.length < SITES.length ? `${field.sites.map((s) => SITE_WORDS[s]).join(", ")} only` : undefined;
}

/** Builds the model of `schemas` (both sites' schema sets; the real ones by default). */
export function buildModel(schemas: Readonly<Record<Site, RequestSchemas>> = SCHEMAS): Model {
  const structs = new Map<string, StructModel>();
  const lookup = (name: string): Partial<Record<Site, z.ZodType>> =>
    Object.fromEntries(SITES.map((s) => [s, (schemas[s] as unknown as Record<string, z.ZodType>)[name]]).filter(([, v]) => v));

  const children = new Map<string, Array<[string, string]>>();

  const describe = (name: string): void => {
    const bySite = lookup(name);
    const shapes = Object.fromEntries(Object.entries(bySite).map(([s, v]) => [s, defOf(v).shape!])) as Partial<
      Record<Site, Record<string, z.ZodType>>
    >;
    const structMeta = fieldMetaOf(Object.values(bySite)[0]!);
    if (!structMeta.description?.trim()) {
      throw new MetadataError(name, 'has no description: pass `{ description: "..." }` as the third argument of b.struct');
    }
    const fields: FieldModel[] = [];
    const nested: Array<[string, string]> = [];
    for (const api of mergedKeys(shapes)) {
      const where = `${name}.${api}`;
      const sites = SITES.filter((s) => shapes[s]?.[api]);
      const meta = fieldMetaOf(shapes[sites[0]]![api]);
      checkMeta(meta, where);
      const type = typeOf(unwrapOptional(shapes[sites[0]]![api]).inner, where);
      const allowed: Partial<Record<Site, string>> = {};
      let required = true;
      for (const site of sites) {
        const own = unwrapOptional(shapes[site]![api]);
        required &&= !own.optional;
        const text = allowedOf(own.inner, fieldMetaOf(own.inner), where);
        if (text !== undefined) allowed[site] = text;
      }
      const fieldName = toPulumiKey(api);
      fields.push({
        api,
        name: fieldName,
        description: meta.description!.trim(),
        ...(meta.unit ? { unit: meta.unit } : {}),
        ...(meta.default !== undefined ? { default: meta.default } : {}),
        secret: meta.secret === true,
        required,
        sites,
        allowed,
        type,
      });
      let t: TypeRef = type;
      let suffix = fieldName;
      while (t.kind === "array") {
        t = t.items;
        suffix += "[]";
      }
      if (t.kind === "struct") nested.push([t.name, suffix]);
    }
    children.set(name, nested);
    structs.set(name, { name, description: structMeta.description.trim(), fields, paths: [] });
  };

  // Every path a struct appears at, so wording that depends on the path (update or replace) sees them all.
  const walk = (name: string, path: string): void => {
    if (!structs.has(name)) describe(name);
    if (path) (structs.get(name)!.paths as string[]).push(path);
    for (const [child, suffix] of children.get(name)!) walk(child, path ? `${path}.${suffix}` : suffix);
  };
  walk(ROOT_STRUCT, "");
  return { root: structs.get(ROOT_STRUCT)!, structs };
}

/** A path without list markers, as provider/diff.ts writes its rows: `publishCdnParams[].x` -> `publishCdnParams.x`. */
export const rulePath = (path: string): string => path.replaceAll("[]", "");
