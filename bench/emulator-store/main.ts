/**
 * `npm run bench:emulator-store [-- --reps N] [--burst N] [--concurrency N] [--large N] [--write] [--emulator PATH] [--only MODE]`: Starts/s
 * of the emulator at 100 and at 10,000 stored tasks, in memory and persisted. Prints the Markdown section;
 * `--write` splices it into docs/BENCHMARKS.md (report.ts says how).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { emulatorControl } from "../../emulator";
import { CommandLineError } from "../../harness/command-line";
import { repoRoot } from "../../harness/repo";
import type { TrtcClient } from "../../trtc";
import { benchClient, type EmulatorProcess, spawnEmulator, startBurst, storedTasks } from "./drive";
import { renderSection, spliceSection, type RestartSample, type StoreBenchResults, type StoreSample } from "./report";

interface Args {
  reps: number;
  burst: number;
  concurrency: number;
  /** Warm-up Starts of the small emulators; default {@link Args.large}. */
  warmup?: number;
  small: number;
  large: number;
  write: boolean;
  /** Another build's `emulator/cli/main.js`, to measure before a change; default this checkout's dist/. */
  emulator?: string;
  /** Measure one mode only (e.g. an old build whose persisted store cannot reach the large size). */
  only?: StoreSample["mode"];
}

const INT_FLAGS = {
  "--reps": "reps",
  "--burst": "burst",
  "--concurrency": "concurrency",
  "--warmup": "warmup",
  "--small": "small",
  "--large": "large",
} as const;

/** Parses the flags; anything else is an error naming it. */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { reps: 5, burst: 300, concurrency: 32, small: 100, large: 10_000, write: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--write") args.write = true;
    else if (a === "--emulator" && argv[i + 1]) args.emulator = path.resolve(argv[++i]);
    else if (a === "--only" && (argv[i + 1] === "memory" || argv[i + 1] === "persisted")) args.only = argv[++i] as StoreSample["mode"];
    else if (a in INT_FLAGS && /^[1-9]\d*$/.test(argv[i + 1] ?? "")) args[INT_FLAGS[a as keyof typeof INT_FLAGS]] = Number(argv[++i]);
    else
      throw new CommandLineError(
        `bench:emulator-store: unknown or incomplete argument ${JSON.stringify(a)}; use ${Object.keys(INT_FLAGS).join(" N, ")} N, --write, --emulator PATH, --only memory|persisted`,
      );
  }
  if (args.large <= args.small + args.burst) throw new CommandLineError("bench:emulator-store: --large must exceed --small + --burst");
  return args;
}

const percentile = (values: readonly number[], p: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** Starts until the emulator holds `target` tasks (in bursts, so progress is visible). */
async function fillTo(url: string, client: TrtcClient, target: number, concurrency: number, log: (s: string) => void): Promise<void> {
  for (let have = await storedTasks(url); have < target; have = await storedTasks(url)) {
    await startBurst(client, Math.min(2000, target - have), concurrency);
    log(`  ${url}: ${Math.min(target, have + 2000)} stored`);
  }
}

/** One of the four emulators measured side by side. */
interface Subject {
  mode: StoreSample["mode"];
  /** The store size each burst starts from (the small subject is reset and refilled before each burst). */
  stored: number;
  extraArgs: string[];
  dataFile?: string;
  emu: EmulatorProcess;
  client: TrtcClient;
}

/** Spawns one subject's emulator (kept apart from {@link fill}, so a failed fill still kills it). */
async function spawnSubject(mode: StoreSample["mode"], stored: number, args: Args, dir: string): Promise<Subject> {
  const dataFile = mode === "persisted" ? path.join(dir, `${mode}-${stored}.json`) : undefined;
  const extraArgs = dataFile ? ["--data", dataFile] : [];
  const emu = await spawnEmulator(extraArgs, args.emulator);
  return { mode, stored, extraArgs, dataFile, emu, client: benchClient(emu.url) };
}

/** Warms a subject up and fills it to its size. */
async function fill(subject: Subject, args: Args, log: (s: string) => void): Promise<void> {
  const { emu, client } = subject;
  // The large one's fill is its warm-up; the small one gets as many Starts, then a reset, so the JIT has
  // had the same work on both (under load it takes thousands of Starts to reach full speed).
  if (subject.stored < args.large) {
    await fillTo(emu.url, client, args.warmup ?? args.large, args.concurrency, log);
    await emulatorControl(emu.url, "POST", "reset");
  }
  await fillTo(emu.url, client, subject.stored, args.concurrency, log);
}

/** One measured burst; the small subject is first brought back to its size. */
async function measure(subject: Subject, args: Args, log: (s: string) => void): Promise<StoreSample> {
  const { emu, client } = subject;
  if (subject.stored === args.small) {
    await emulatorControl(emu.url, "POST", "reset");
    await fillTo(emu.url, client, args.small, args.concurrency, log);
  }
  const stored = await storedTasks(emu.url);
  const burst = await startBurst(client, args.burst, args.concurrency);
  const sample = {
    mode: subject.mode,
    stored: subject.stored,
    starts: burst.starts,
    ms: burst.ms,
    p50Ms: percentile(burst.latencies, 50),
    p99Ms: percentile(burst.latencies, 99),
  };
  log(
    `${subject.mode} from ${stored}: ${((sample.starts / sample.ms) * 1000).toFixed(0)} Starts/s, p50 ${sample.p50Ms.toFixed(1)} ms, p99 ${sample.p99Ms.toFixed(1)} ms`,
  );
  return sample;
}

/** Time from spawning the CLI with `extraArgs` to its URL line, and the tasks it then holds. */
async function timeStart(extraArgs: string[], args: Args): Promise<{ ms: number; tasks: number }> {
  const began = performance.now();
  const emu = await spawnEmulator(extraArgs, args.emulator);
  const ms = performance.now() - began;
  try {
    return { ms, tasks: await storedTasks(emu.url) };
  } finally {
    await emu.kill();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-store-bench-"));
  const loadBefore = os.loadavg();
  const samples: StoreSample[] = [];
  const restarts: RestartSample[] = [];
  const subjects: Subject[] = [];
  // Children do not die with their parent: take them along on Ctrl-C or a kill.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const x of subjects) x.emu.child.kill("SIGKILL");
      process.exit(130);
    });
  }
  try {
    for (const mode of args.only ? [args.only] : (["memory", "persisted"] as const)) {
      for (const stored of [args.small, args.large]) {
        log(`setting up ${mode} at ${stored}`);
        const subject = await spawnSubject(mode, stored, args, dir);
        subjects.push(subject);
        await fill(subject, args, log);
      }
    }
    for (let rep = 1; rep <= args.reps; rep++) {
      log(`round ${rep}/${args.reps}`);
      // All four subjects in every round, in an order that rotates, so a drift in machine load spreads over all.
      for (let i = 0; i < subjects.length; i++) samples.push(await measure(subjects[(i + rep - 1) % subjects.length], args, log));
    }
    const large = subjects.find((x) => x.mode === "persisted" && x.stored === args.large);
    await large?.emu.kill();
    for (let i = 0; large && i < args.reps; i++) {
      const full = await timeStart(large.extraArgs, args);
      const empty = await timeStart(["--data", path.join(dir, `empty-${i}.json`)], args);
      restarts.push({
        tasks: full.tasks,
        fileBytes: fs.statSync(large.dataFile as string).size,
        restartMs: full.ms,
        emptyStartMs: empty.ms,
      });
      log(`persisted restart: ${full.tasks} tasks in ${full.ms.toFixed(0)} ms; empty file ${empty.ms.toFixed(0)} ms`);
    }
  } finally {
    for (const x of subjects) await x.emu.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  const results: StoreBenchResults = {
    date: new Date().toISOString(),
    command: ["npm run bench:emulator-store", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "),
    machine: `${os.availableParallelism()} CPUs (${cpu}), Node ${process.version}`,
    loadBefore,
    loadAfter: os.loadavg(),
    reps: args.reps,
    concurrency: args.concurrency,
    burst: args.burst,
    warmup: args.warmup ?? args.large,
    sizes: { small: args.small, large: args.large },
    samples,
    restarts,
  };
  const section = renderSection(results);
  process.stdout.write(`${section}\n`);
  if (args.write) {
    const file = path.join(repoRoot(), "docs", "BENCHMARKS.md");
    fs.writeFileSync(file, spliceSection(fs.readFileSync(file, "utf8"), section));
    log(`bench:emulator-store: wrote its section of ${file}`);
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    if (e instanceof CommandLineError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench:emulator-store: ${e.stack ?? e.message}\n`);
    process.exit(1);
  });
}
