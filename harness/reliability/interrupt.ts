/**
 * Hard interruptions of the Pulumi CLI, as when a CI runner or a laptop dies mid-`up`: SIGKILL, so the
 * engine cannot finish its in-flight steps or release the stack lock (Ctrl-C, SIGINT, would wait for them).
 * Only processes this benchmark started are touched: the `pulumi` run of one stack under this process, and
 * the language host and provider processes under it.
 */
import { execFileSync } from "node:child_process";

interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

function processes(): Proc[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
}

function descendants(all: readonly Proc[], pid: number): Proc[] {
  const children = all.filter((p) => p.ppid === pid);
  return children.flatMap((c) => [c, ...descendants(all, c.pid)]);
}

/**
 * Keeps this process alive when an Automation API inline program whose engine was killed rejects later
 * with gRPC UNAVAILABLE (its resource monitor is gone): the program runs in this process, and that
 * rejection is the interruption working, not the benchmark failing. Logged; anything else still crashes.
 */
export function survivePrograms(): void {
  process.on("unhandledRejection", (reason) => {
    const e = reason as { code?: unknown; message?: unknown } | undefined;
    if (e?.code === 14 && /UNAVAILABLE/.test(String(e.message))) {
      console.error(`reliability: an inline program lost its engine (${String(e.message).split("\n")[0]}); ignored`);
      return;
    }
    throw reason;
  });
}

/**
 * SIGKILLs the `pulumi <command> … --stack <stackName>` process started under this process, and everything
 * under it. Returns how many processes it killed (0 when no such run was found).
 */
export function killPulumiRun(stackName: string, command = "up"): number {
  const all = processes();
  const cli = descendants(all, process.pid).find((p) => {
    const argv = p.args.split(/\s+/);
    return /(^|\/)pulumi$/.test(argv[0]) && argv[1] === command && argv.includes(stackName);
  });
  if (!cli) return 0;
  // Children first would let the CLI notice and react; kill the CLI, then what it had started.
  const victims = [cli, ...descendants(all, cli.pid)];
  for (const p of victims) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return victims.length;
}
