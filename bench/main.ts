/**
 * `npm run bench [-- --quick] [--reps N] [--n N] [--preview-reps N] [--out FILE] [--render RAW.json]`
 * (harness/bench-args.ts; anything else is refused, naming it): runs every measurement once, interleaving the
 * variants, and writes docs/BENCHMARKS.md (a quick run writes to a temporary file unless `--out` says
 * otherwise, so it never replaces the committed full report). The emulator-store section that
 * `npm run bench:emulator-store -- --write` keeps in the same file is carried over as it is.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from "../emulator";
import { type EmulatorEndpoint, pulumiCliVersion, repoRoot } from "../harness";
import { spawnEmulator } from "../harness/emulator-process";
import { parseBenchArgs } from "../harness/bench-args";
import { runTool } from "../harness/command-line";
import { measureFootprint, type Footprint } from "./footprint";
import { machineInfo } from "./machine";
import { runMicro } from "./micro";
import { keepSection, replaceSection } from "../harness/bench-verdicts";
import { SECTION_END, SECTION_START } from "./emulator-store/report";
import { useNativePlugins } from "./engine";
import { installNativePlugins } from "./native-plugins";
import { measureOneTime } from "./one-time";
import { runCreatePreviews, runDiffPreviews, type PreviewSample } from "./preview-cost";
import { CURRENT_LIMITER, LIMIT_PER_SECOND, README_HEADLINE, readmeHeadline, renderReport, type BenchResults } from "./report";
import { runThroughput } from "./throughput";

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.render) {
    const saved = JSON.parse(fs.readFileSync(args.render, "utf8")) as BenchResults;
    const file = args.out ?? (saved.quick ? path.join(os.tmpdir(), "trtc-bench-quick.md") : path.join(repoRoot(), "docs", "BENCHMARKS.md"));
    writeReport(file, renderReport(saved));
    if (!saved.quick && !args.out) writeHeadline(saved);
    process.stdout.write(`bench: rendered ${args.render} to ${file}\n`);
    return;
  }
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const machine = machineInfo(pulumiCliVersion());
  const sizes = args.n ? [args.n] : args.quick ? [20, 40] : [20, 100, 200];
  const top = Math.max(...sizes);
  const reps = { throughput: args.reps ?? 1, preview: args.previewReps ?? (args.quick ? 1 : 7), micro: args.quick ? 3 : 7 };
  const outFile = args.out ?? (args.quick ? path.join(os.tmpdir(), "trtc-bench-quick.md") : path.join(repoRoot(), "docs", "BENCHMARKS.md"));
  const command = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");

  log(`bench: ${command}; sizes ${sizes.join(", ")}; reps ${JSON.stringify(reps)}`);
  log("4. client microbenchmarks");
  const micro = runMicro(reps.micro, { sign: 20_000, validate: 2_000 });
  for (const m of micro.results) log(`  ${m.name}: ${Math.round(m.opsPerSecond)} ops/s`);

  // The emulator runs as its own process: arrivals it logs are not bunched by stalls of this process's event
  // loop, which runs the Automation API and every program (in-process, 2 throttled answers in the run of
  // 2026-11-30 09:40 were such stalls; docs/BENCHMARKS.md then said so).
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "trtc-bench-"));
  const server = await spawnEmulator(["--rate-limit", String(LIMIT_PER_SECOND)], { compiled: true });
  const emulator: EmulatorEndpoint = { url: server.url, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
  try {
    log("building and installing the provider plugins (native variants)");
    const plugins = installNativePlugins(stateDir);
    useNativePlugins(plugins);
    log("5. one-time costs");
    const oneTime = await measureOneTime(emulator, path.join(stateDir, "home"), plugins, args.quick ? 3 : 5);
    log(
      `  dynamic load ${oneTime.dynamic.load.wallMs.toFixed(0)} ms; plugin start ${oneTime.pluginStartMs.native.toFixed(0)} ms (no-op ${oneTime.pluginStartMs.nativeNoop.toFixed(0)} ms)`,
    );
    log(`2. previews of ${top} resources (fresh stacks)`);
    const previews: PreviewSample[] = await runCreatePreviews(emulator, stateDir, top, reps.preview, log);
    log(`2. previews of ${top} resources (changed arguments)`);
    previews.push(...(await runDiffPreviews(emulator, stateDir, top, reps.preview, log)));
    const footprints: Footprint[] = [];
    log("1. throughput (3. footprint taken after the first create at the largest N)");
    const throughput = await runThroughput({
      emulator,
      stateDir,
      sizes,
      reps: reps.throughput,
      log,
      afterCreate: async (s, n, rep) => {
        if (n === top && rep === 1) footprints.push(measureFootprint(stateDir, s));
      },
    });
    const results: BenchResults = {
      command,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      quick: args.quick,
      machine,
      loadAfter: os.loadavg(),
      sizes,
      reps,
      throughput,
      previews,
      previewN: top,
      footprints,
      micro,
      limiter: CURRENT_LIMITER,
      oneTime,
      emulatorOwnProcess: true,
    };
    // Raw samples first: a report that fails to render can be rendered again with --render.
    const raw = path.join(os.tmpdir(), `trtc-bench-${started}.json`);
    fs.writeFileSync(raw, JSON.stringify(results, null, 2));
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    writeReport(outFile, renderReport(results));
    if (!args.quick && !args.out) writeHeadline(results);
    log(`bench: wrote ${outFile} (raw samples: ${raw}) in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    await server.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Writes the report, keeping the emulator-store section the file already holds. */
function writeReport(file: string, text: string): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.writeFileSync(file, keepSection(previous, text, SECTION_START, SECTION_END));
}

/** Puts this run's figures into the README's headline section (only a run that writes docs/BENCHMARKS.md). */
function writeHeadline(r: BenchResults): void {
  const file = path.join(repoRoot(), "README.md");
  fs.writeFileSync(file, replaceSection(fs.readFileSync(file, "utf8"), README_HEADLINE.start, README_HEADLINE.end, readmeHeadline(r)));
}

runTool(main);
