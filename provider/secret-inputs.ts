/**
 * Marks the secret leaves of an argument as Pulumi secrets when the resource is constructed (the rule and
 * why leaves, not groups: secrets.ts). Synchronous and plain-value only: one `pulumi.secret` per secret
 * value given, none for arguments without secrets, no await.
 */
import * as pulumi from "@pulumi/pulumi";
import { SECRET_LEAVES, type SecretTree, isSecretProperty } from "./secrets";

/** A literal object or array the program wrote, as opposed to an Output or a Promise. */
const isLiteral = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) || (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype);

/**
 * `value` with every leaf `tree` names wrapped in `pulumi.secret`. Where the program passed an Output (or
 * a Promise) above a secret leaf, its shape is not known now, so that whole value is wrapped instead; so
 * is a value of the wrong shape (a list where an object belongs), which check then rejects by name.
 */
function wrapLeaves(value: unknown, tree: SecretTree): unknown {
  if (value === undefined || value === null) return value;
  if (tree === true || !isLiteral(value)) return pulumi.secret(value);
  const items = tree["*"];
  if (Array.isArray(value)) return items ? value.map((item) => wrapLeaves(item, items)) : pulumi.secret(value);
  if (items) return pulumi.secret(value);
  const out: Record<string, unknown> = { ...value };
  for (const [key, sub] of Object.entries(tree)) if (key in out) out[key] = wrapLeaves(out[key], sub);
  return out;
}

/** The argument `key` as registered: its secret leaves wrapped, other arguments as given. */
export function secretInput(key: string, value: unknown): unknown {
  return value !== undefined && isSecretProperty(key) ? wrapLeaves(value, SECRET_LEAVES[key]) : value;
}
