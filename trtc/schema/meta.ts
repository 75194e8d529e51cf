/**
 * What every request field says about itself, kept on the zod schema with `.meta()` (zod's global registry),
 * so that `z.toJSONSchema` emits it and the generator (codegen/) derives the Pulumi argument types, the
 * argument reference and the Pulumi package schema from the one table.
 *
 * Two kinds of keys, written in two places:
 * - By the struct files, per field: `description` (Tencent's API doc, in the user's terms), `unit`, `default`
 *   (the service's default when the field is omitted: documentation only, nothing fills it in).
 * - By the field helpers in common.ts, from their own arguments: `rule` (the text validation reports, e.g.
 *   "must be an integer from 5 to 86400"), `enumDescriptions` (what each allowed value means), `maxItems`
 *   (a list bound enforced by a refinement, which JSON Schema cannot see) and `secret` (values never echoed).
 *
 * Ranges are never written as metadata: they are the field's own checks (JSON Schema `minimum`, `maximum`,
 * `enum`, `pattern`) and its `rule`. Each key is a JSON Schema keyword (`description`, `default`,
 * `maxItems`) or an annotation a JSON Schema reader may ignore (`unit`, `rule`, `secret`,
 * `enumDescriptions`, the last as in VS Code's JSON schemas). A request's JSON Schema is therefore
 * `z.toJSONSchema(SCHEMAS.cn.StartPublishCdnStreamRequest, { unrepresentable: "any" })` (one per site).
 */
import { z } from "zod";

/** Units a number field is measured in. */
export type Unit = "px" | "kbps" | "Hz" | "fps" | "s" | "ms" | "min";

/** The metadata of one field (or struct), merged from its wrappers inwards. */
export interface FieldMeta {
  /** What the field is and does, one or more sentences of Markdown (backticks for names and values). */
  readonly description?: string;
  /** A struct's API name (set by the builder on struct schemas, as JSON Schema `title`). */
  readonly title?: string;
  /** Unit of a number. */
  readonly unit?: Unit;
  /** What the service uses when the field is omitted, as documented by Tencent. */
  readonly default?: unknown;
  /** The value is a credential (UserSig, storage key) or carries one (`txSecret` in a push URL). */
  readonly secret?: boolean;
  /** The rule validation reports when the value is wrong, e.g. "must be an integer from 5 to 86400". */
  readonly rule?: string;
  /** What each value of an enumeration means, in the order of the enumeration. */
  readonly enumDescriptions?: readonly string[];
  /** Most entries a list may have (the list helper enforces it with a refinement). */
  readonly maxItems?: number;
}

/** The keys {@link FieldMeta} allows, so a misspelt key can be reported (by codegen's checks). */
export const FIELD_META_KEYS: readonly (keyof FieldMeta)[] = [
  "description",
  "title",
  "unit",
  "default",
  "secret",
  "rule",
  "enumDescriptions",
  "maxItems",
];

type Def = { type?: string; innerType?: z.ZodType };

/**
 * The metadata of `schema`, merged from the outermost wrapper inwards: what a struct file wrote on the field
 * (`int(5, 86400).optional().meta({...})`) wins over what the helper recorded on the value inside.
 */
export function fieldMetaOf(schema: z.ZodType): FieldMeta {
  const layers: FieldMeta[] = [];
  let current: z.ZodType | undefined = schema;
  while (current) {
    const meta = z.globalRegistry.get(current);
    if (meta) layers.push(meta as FieldMeta);
    const def: Def = current._zod.def as Def;
    current = def.type === "optional" ? def.innerType : undefined;
  }
  return Object.assign({}, ...layers.reverse());
}
