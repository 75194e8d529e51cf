/**
 * Renders a row's program as Pulumi YAML (the program part of a Pulumi.yaml: `config`, `resources`,
 * `outputs`), for the native plugin's YAML front end. Values are written as JSON, which is YAML; outputs of
 * other resources are `${name.prop}` interpolations. What YAML cannot say throws {@link NotExpressible}
 * with the reason, and the runner reports the row not applicable to YAML with it.
 */
import type { Expr, OptionSpec, ProgramSpec } from "./model";

/** A program (or option) the YAML front end cannot express; the message says why. */
export class NotExpressible extends Error {}

/**
 * The options Pulumi YAML has (pulumi-yaml v1.25, the CLI's bundled host here). `replacementTrigger` and
 * `replaceWith` are newer SDK options YAML lacks; `aliases` the suite does not map to YAML's form (not tried), and
 * `id` is spelled `get:` (a read, not a managed resource).
 */
const YAML_OPTIONS = new Set([
  "deleteBeforeReplace",
  "replaceOnChanges",
  "customTimeouts",
  "ignoreChanges",
  "retainOnDelete",
  "protect",
  "import",
  "dependsOn",
]);

/** `$` is YAML's interpolation sign; a literal one is doubled. */
const literal = (s: string): string => s.replace(/\$/g, "$$$$");

interface Rendering {
  /** Project config keys the program reads (declared `type: string`). */
  config: Set<string>;
  /** Stack references, by `organization/project/stack`, to the resource name that reads them. */
  stackRefs: Map<string, string>;
}

/** An interpolation `${...}` for the values YAML names directly, or undefined for any other value. */
function reference(e: Expr, r: Rendering): string | undefined {
  if (e === null || typeof e !== "object" || Array.isArray(e)) return undefined;
  if ("$ref" in e && typeof e.$ref === "string") return `\${${e.$ref}.${(e as { prop: string }).prop}}`;
  if ("$secretConfig" in e && typeof e.$secretConfig === "string") {
    r.config.add(e.$secretConfig);
    return `\${${e.$secretConfig}}`;
  }
  if ("$stackOutput" in e) {
    const { project, stack, name } = e.$stackOutput as { project: string; stack: string; name: string };
    const full = `organization/${project}/${stack}`;
    if (!r.stackRefs.has(full)) r.stackRefs.set(full, `stackref${r.stackRefs.size}`);
    return `\${${r.stackRefs.get(full)}.outputs["${name}"]}`;
  }
  return undefined;
}

function value(e: Expr, r: Rendering): unknown {
  if (typeof e === "string") return literal(e);
  if (e === null || typeof e !== "object") return e;
  if (Array.isArray(e)) return e.map((x) => value(x, r));
  const ref = reference(e, r);
  if (ref !== undefined) return ref;
  if ("$interpolate" in e && Array.isArray(e.$interpolate)) {
    return e.$interpolate
      .map((p) => {
        if (typeof p === "string") return literal(p);
        const inner = reference(p, r);
        if (inner === undefined) throw new NotExpressible(`YAML interpolates only names, not ${JSON.stringify(p)}`);
        return inner;
      })
      .join("");
  }
  if ("$secret" in e) return { "fn::secret": value(e.$secret as Expr, r) };
  if ("$after" in e || "$it" in e) {
    throw new NotExpressible("the program computes a value from another output (apply), which Pulumi YAML has no way to say");
  }
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, value(v as Expr, r)]));
}

function options(o: OptionSpec | undefined, r: Rendering): Record<string, unknown> | undefined {
  if (!o) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (key === "aliases") throw new NotExpressible("this suite does not map `aliases` specs ({ name }) to Pulumi YAML's alias form");
    if (!YAML_OPTIONS.has(key)) throw new NotExpressible(`Pulumi YAML (pulumi-yaml v1.25) has no \`${key}\` resource option`);
    out[key] = key === "dependsOn" ? (v as string[]).map((n) => `\${${n}}`) : value(v as Expr, r);
  }
  return out;
}

/** The program part of a Pulumi.yaml declaring `program` with resources of type `typeToken`. */
export function renderYaml(program: ProgramSpec, typeToken: string): string {
  const r: Rendering = { config: new Set(), stackRefs: new Map() };
  const resources: Record<string, unknown> = {};
  for (const res of program.resources) {
    const opts = options(res.options, r);
    resources[res.name] = { type: typeToken, properties: value(res.args, r), ...(opts ? { options: opts } : {}) };
  }
  const outputs = Object.fromEntries(Object.entries(program.outputs ?? {}).map(([k, v]) => [k, value(v, r)]));
  for (const [full, name] of r.stackRefs) resources[name] = { type: "pulumi:pulumi:StackReference", properties: { name: full } };
  const lines = ["# Written by the behaviour suite (tests/e2e/behaviour); one row's program."];
  if (r.config.size > 0) lines.push("config:", ...[...r.config].map((k) => `  ${k}: { type: string }`));
  lines.push(`resources: ${JSON.stringify(resources)}`);
  if (Object.keys(outputs).length > 0) lines.push(`outputs: ${JSON.stringify(outputs)}`);
  return `${lines.join("\n")}\n`;
}
