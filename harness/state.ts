/** Reading what a stack stored: its state file, its deployment export with secrets revealed. */
import * as fs from "node:fs";
import type { Stack } from "@pulumi/pulumi/automation";
import { stateFilePath } from "./local-stack";

/** The raw text of a stack's state file. */
export function stateText(env: { dir: string }, projectName: string, stackName: string): string {
  return fs.readFileSync(stateFilePath(env.dir, projectName, stackName), "utf8");
}

/** Pulumi's marker for a secret value in a deployment export. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Replaces exported secret envelopes (`{sig, plaintext}`) by their values, recursively. */
export function revealSecrets(value: unknown): any {
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SECRET_SIG] === "1b47061264138c4ac30d75fd1eb44270" && typeof obj.plaintext === "string")
      return revealSecrets(JSON.parse(obj.plaintext));
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, revealSecrets(v)]));
  }
  return value;
}

/** The PublishCdnStream resources of a stack, secrets decrypted (`pulumi stack export --show-secrets`). */
export async function relayResources(stack: Stack): Promise<Array<{ urn: string; id: string; inputs: any; outputs: any }>> {
  const deployment = await stack.exportStack();
  return revealSecrets((deployment.deployment.resources ?? []).filter((r: any) => String(r.type).endsWith(":PublishCdnStream")));
}

/** Drops the provider plumbing from a resource's inputs, leaving the user's arguments. */
export function userArgs(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider, ...rest } = inputs as Record<string, unknown>;
  void __provider;
  return rest;
}
