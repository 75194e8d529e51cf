/**
 * Builds strict struct schemas for one site (China or international).
 *
 * The two sites' metadata differ only in a handful of fields and ranges (spec §13.4), so every struct is
 * written once and built twice: a field marked {@link Builder.onlyOn} another site is left out of the
 * struct, which makes the strict object report it as an unknown key, exactly as the other site's gateway
 * would. The TypeScript types keep every field of both sites, so one type describes what either accepts.
 */
import { z } from "zod";
import { ruleError } from "./common";

/** Which Tencent Cloud site a request is for: cloud.tencent.com ("cn") or tencentcloud.com ("intl"). */
export type Site = "cn" | "intl";

/** Both sites, in a stable order. */
export const SITES: readonly Site[] = ["cn", "intl"];

/** What a struct schema knows about itself, so an unknown key can be explained. */
export interface StructInfo {
  /** The metadata/SDK struct name, e.g. `McuLayout`. */
  readonly name: string;
  /** The API keys this site accepts. */
  readonly keys: readonly string[];
  /** Keys left out because only the other site accepts them, with that site. */
  readonly siteOnly: ReadonlyMap<string, Site>;
}

const STRUCTS = new WeakMap<object, StructInfo>();

const mustBeObject = ruleError("must be an object");
// zod raises one issue for all unknown keys of an object; validate.ts splits it and names each key.
const objectError = (iss: { code?: string; input?: unknown }): string =>
  iss.code === "unrecognized_keys" ? "is not a known property" : mustBeObject(iss);

/**
 * The {@link StructInfo} of a schema made by {@link Builder.struct}, if it is one. A copy made by `.meta()`
 * (a field describing the struct in its own words) is the same struct: zod records the original as `parent`.
 */
export function structInfoOf(schema: unknown): StructInfo | undefined {
  if (schema === null || typeof schema !== "object") return undefined;
  const parent = (schema as { _zod?: { parent?: unknown } })._zod?.parent;
  return STRUCTS.get(schema) ?? (parent ? structInfoOf(parent) : undefined);
}

const SITE_ONLY = Symbol("siteOnly");

interface SiteOnlyField {
  readonly [SITE_ONLY]: Site;
  readonly schema: z.ZodType;
}

const isSiteOnly = (v: unknown): v is SiteOnlyField => typeof v === "object" && v !== null && SITE_ONLY in v;

/** What a struct says about itself (meta.ts): Tencent's description of it. */
export interface StructDoc {
  readonly description: string;
}

/** Struct construction for one site. */
export interface Builder {
  /** The site these schemas validate for. */
  readonly site: Site;
  /** Pick a value by site, for ranges that differ (e.g. `Fps` 1–60 on CN, 0–60 on INTL). */
  bySite<T>(values: Record<Site, T>): T;
  /** Marks a field as existing only on `only`; elsewhere the struct omits it. */
  onlyOn<T extends z.ZodType>(only: Site, schema: T): T;
  /**
   * A strict object schema named `name`; unknown keys are reported, never stripped. `doc` describes the
   * struct (meta.ts); it is registered on the schema itself, so the struct keeps its {@link StructInfo}.
   */
  struct<S extends z.ZodRawShape>(name: string, shape: S, doc?: StructDoc): z.ZodObject<S, z.core.$strict>;
}

/** The {@link Builder} for `site`. */
export function builderFor(site: Site): Builder {
  return {
    site,
    bySite: (values) => values[site],
    // The marker is not a schema; `struct` unwraps it. The cast keeps the field's type in the shape.
    onlyOn: <T extends z.ZodType>(only: Site, schema: T): T => ({ [SITE_ONLY]: only, schema }) as unknown as T,
    struct<S extends z.ZodRawShape>(name: string, shape: S, doc?: StructDoc) {
      const kept: Record<string, z.ZodType> = {};
      const siteOnly = new Map<string, Site>();
      for (const [key, field] of Object.entries(shape)) {
        if (!isSiteOnly(field)) kept[key] = field as z.ZodType;
        else if (field[SITE_ONLY] === site) kept[key] = field.schema;
        else siteOnly.set(key, field[SITE_ONLY]);
      }
      const schema = z.strictObject(kept as unknown as S, { error: objectError });
      STRUCTS.set(schema, { name, keys: Object.keys(kept), siteOnly });
      z.globalRegistry.add(schema, { title: name, ...doc });
      return schema;
    },
  };
}
