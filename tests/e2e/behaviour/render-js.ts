/**
 * Renders a row's program as a CommonJS Pulumi program (no TypeScript compile per run). Shared by every
 * front end whose users write JavaScript or TypeScript: the dynamic resource (`pulumi-trtc-relay`) and a
 * generated Node SDK of the native provider differ only in the line that loads the class.
 */
import type { Expr, OptionSpec, ProgramSpec } from "./model";

const q = (s: string): string => JSON.stringify(s);
const res = (name: string): string => `r[${q(name)}]`;

/** JavaScript for one value; `it` names the resolved output inside an `$after`. */
function expr(e: Expr, it?: string): string {
  if (e === null || typeof e !== "object") return JSON.stringify(e);
  if (Array.isArray(e)) return `[${e.map((x) => expr(x, it)).join(", ")}]`;
  if ("$ref" in e && typeof e.$ref === "string") return `${res(e.$ref)}.${(e as { prop: string }).prop}`;
  if ("$interpolate" in e && Array.isArray(e.$interpolate)) {
    const parts = e.$interpolate.map((p) => (typeof p === "string" ? p.replace(/[`\\$]/g, "\\$&") : `\${${expr(p, it)}}`));
    return `pulumi.interpolate\`${parts.join("")}\``;
  }
  if ("$secretConfig" in e && typeof e.$secretConfig === "string") return `cfg.requireSecret(${q(e.$secretConfig)})`;
  if ("$secret" in e) return `pulumi.secret(${expr(e.$secret as Expr, it)})`;
  if ("$after" in e) {
    const after = e.$after as { $ref: string; prop: string };
    return `${res(after.$ref)}.${after.prop}.apply((it) => (${expr(e.value as Expr, "it")}))`;
  }
  if ("$it" in e) {
    if (!it) throw new Error("$it outside $after");
    return it;
  }
  if ("$stackOutput" in e) {
    const { project, stack, name } = e.$stackOutput as { project: string; stack: string; name: string };
    return `new pulumi.StackReference(${q(`organization/${project}/${stack}`)}).getOutput(${q(name)})`;
  }
  const fields = Object.entries(e).map(([k, v]) => `${q(k)}: ${expr(v as Expr, it)}`);
  return `{ ${fields.join(", ")} }`;
}

/** JavaScript for the options object. */
function options(o: OptionSpec | undefined): string {
  if (!o) return "{}";
  const fields: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (value === undefined) continue;
    if (key === "replaceWith" || key === "dependsOn") fields.push(`${key}: [${(value as string[]).map(res).join(", ")}]`);
    else fields.push(`${key}: ${expr(value as Expr)}`);
  }
  return `{ ${fields.join(", ")} }`;
}

/**
 * The program text. `load` is the statement that binds `PublishCdnStream`, e.g.
 * `const { PublishCdnStream } = require("pulumi-trtc-relay");`.
 */
export function renderJs(program: ProgramSpec, load: string): string {
  const lines = [
    '"use strict";',
    "// Written by the behaviour suite (tests/e2e/behaviour); one row's program.",
    'const pulumi = require("@pulumi/pulumi");',
    load,
    "const cfg = new pulumi.Config();",
    "const r = {};",
  ];
  for (const resource of program.resources) {
    lines.push(`${res(resource.name)} = new PublishCdnStream(${q(resource.name)}, ${expr(resource.args)}, ${options(resource.options)});`);
  }
  const outputs = Object.entries(program.outputs ?? {}).map(([k, v]) => `${q(k)}: ${expr(v)}`);
  lines.push(`module.exports = { ${outputs.join(", ")} };`, "void cfg;", "");
  return lines.join("\n");
}
