/**
 * The machine and versions a benchmark ran on, for the report's header.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../harness/repo";

/** What the report says about the machine and software. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverage: number[];
  node: string;
  pulumiCli: string;
  pulumiSdk: string;
  platform: string;
}

/** Collects {@link MachineInfo}; the CLI version is passed in (the caller already ran `pulumi version`). */
export function machineInfo(pulumiCli: string): MachineInfo {
  const sdkPkg = path.join(repoRoot(), "node_modules", "@pulumi", "pulumi", "package.json");
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model?.trim() ?? "unknown",
    memoryGiB: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg(),
    node: process.version,
    pulumiCli,
    pulumiSdk: JSON.parse(fs.readFileSync(sdkPkg, "utf8")).version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}
