/**
 * Measurement 3: how much state a task costs — the bytes of its resource entry in the state file, and
 * the length of the serialized dynamic provider (`__provider`) stored with it.
 */
import * as fs from "node:fs";
import { stateFilePath } from "../harness";
import type { BenchStack } from "./engine";
import { VARIANT_TYPE, type Variant } from "./variants";

/** State footprint of one stack's resources of one variant. */
export interface Footprint {
  variant: Variant;
  /** Resources of the variant found in state. */
  resources: number;
  /** Size of the whole state file. */
  stateFileBytes: number;
  /** Mean bytes of one resource entry as the state file holds it (compact JSON). */
  bytesPerResource: number;
  /** Length of the stored `__provider` string (identical for every resource of a variant). */
  providerBytes: number;
}

/** Reads the stack's state file and measures the variant's resource entries. */
export function measureFootprint(stateDir: string, s: BenchStack): Footprint {
  const file = stateFilePath(stateDir, s.projectName, "bench");
  const text = fs.readFileSync(file, "utf8");
  const state = JSON.parse(text);
  const resources: any[] = (state.checkpoint?.latest?.resources ?? []).filter((r: any) => String(r.type).endsWith(VARIANT_TYPE[s.variant]));
  const entryBytes = resources.map((r) => Buffer.byteLength(JSON.stringify(r)));
  const providers = resources.map((r) => String(r.inputs?.__provider ?? ""));
  return {
    variant: s.variant,
    resources: resources.length,
    stateFileBytes: Buffer.byteLength(text),
    bytesPerResource: entryBytes.length ? entryBytes.reduce((a, b) => a + b, 0) / entryBytes.length : 0,
    providerBytes: providers.length ? Math.max(...providers.map((p) => Buffer.byteLength(p))) : 0,
  };
}
