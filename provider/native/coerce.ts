/**
 * Scalars in the type the package schema declares. Pulumi YAML (v1.25) passes a digits-only config value as
 * a number even where the program declares it `type: string` and the schema says `string` (a room id such
 * as `${roomId}`), and the engine does not convert it. The schema is generated from the one argument table,
 * so converting a number or boolean to text where it says `string` adds no rule: the check that follows
 * judges the text. Nothing else is converted (a string where a number belongs stays an error).
 */
import { schemaText } from "./package-files";

/** The part of a Pulumi schema property or type spec this reads. */
interface Spec {
  type?: string;
  $ref?: string;
  items?: Spec;
  additionalProperties?: Spec;
  properties?: Record<string, Spec>;
}

interface PackageSchema {
  types?: Record<string, Spec>;
  resources?: Record<string, { inputProperties?: Record<string, Spec> }>;
}

let schema: PackageSchema | undefined;

const TYPE_REF = "#/types/";

function coerce(value: unknown, spec: Spec | undefined, types: Record<string, Spec>, depth = 0): unknown {
  if (spec === undefined || value === null || value === undefined || depth > 32) return value;
  if (spec.$ref?.startsWith(TYPE_REF)) return coerce(value, types[spec.$ref.slice(TYPE_REF.length)], types, depth + 1);
  if (spec.type === "string" && (typeof value === "number" || typeof value === "boolean")) return String(value);
  if (spec.type === "array" && Array.isArray(value)) return value.map((item) => coerce(item, spec.items, types, depth + 1));
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const props = spec.properties;
    const extra = spec.additionalProperties;
    if (!props && !extra) return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, coerce(v, props?.[k] ?? extra, types, depth + 1)]),
    );
  }
  return value;
}

/** `inputs` of resource `type` with numbers and booleans turned to text where the schema declares a string. */
export function coerceInputs(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
  schema ??= JSON.parse(schemaText()) as PackageSchema;
  const resource = schema.resources?.[type];
  if (!resource?.inputProperties) return inputs;
  return coerce(inputs, { type: "object", properties: resource.inputProperties }, schema.types ?? {}) as Record<string, unknown>;
}
