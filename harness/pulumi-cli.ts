/**
 * The Pulumi CLI the harness drives: found on PATH (after `npm test`, `npm run bench` or scripts/setup.sh),
 * or built and cached by scripts/ensure-pulumi.sh when a test runner was started without them.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "./repo";

/**
 * Puts the Pulumi CLI and the dynamic-provider launcher on PATH when they are missing. The script answers
 * from its cache in well under a second once built.
 */
export function ensurePulumiOnPath(): void {
  const launcher = path.join(REPO, "node_modules", "@pulumi", "pulumi");
  const dirs = (process.env.PATH ?? "").split(path.delimiter);
  const hasPulumi = dirs.some((d) => d && fs.existsSync(path.join(d, "pulumi")));
  const extra: string[] = [];
  if (!hasPulumi) extra.push(execFileSync("bash", [path.join(REPO, "scripts", "ensure-pulumi.sh")], { encoding: "utf8" }).trim());
  // ensure-pulumi.sh puts the launcher next to the CLI it builds; elsewhere, @pulumi/pulumi's copy.
  const hasLauncher = [...extra, ...dirs].some((d) => d && fs.existsSync(path.join(d, "pulumi-resource-pulumi-nodejs")));
  if (!hasLauncher) extra.push(launcher);
  if (extra.length) process.env.PATH = [...extra, ...dirs].join(path.delimiter);
}

/** `pulumi version` of the CLI on PATH; throws, saying how to get one, when there is none. */
export function pulumiCliVersion(): string {
  try {
    return execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("the pulumi CLI is not on PATH; run through npm (npm test, npm run bench), which runs scripts/setup.sh first");
  }
}
