/**
 * `npm run bench [-- --quick] [--reps N] [--out FILE] [--render RAW.json]` (OPTIONS below; anything else is
 * refused, naming it): runs every measurement once, interleaving the variants, and writes docs/BENCHMARKS.md
 * (a quick run writes to a temporary file unless `--out` says otherwise, so it never replaces the committed
 * full report).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openEnv, pulumiCliVersion, repoRoot } from "../harness";
import { parseBenchArgs } from "../harness/bench-args";
import { runTool } from "../harness/command-line";
import { measureFootprint, type Footprint } from "./footprint";
import { machineInfo } from "./machine";
import { runMicro } from "./micro";
import { runCreatePreviews, runDiffPreviews, type PreviewSample } from "./preview-cost";
import { CURRENT_LIMITER, LIMIT_PER_SECOND, renderReport, type BenchResults } from "./report";
import { runThroughput } from "./throughput";

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.render) {
    const saved = JSON.parse(fs.readFileSync(args.render, "utf8")) as BenchResults;
    const file = args.out ?? (saved.quick ? path.join(os.tmpdir(), "trtc-bench-quick.md") : path.join(repoRoot(), "docs", "BENCHMARKS.md"));
    fs.writeFileSync(file, renderReport(saved));
    process.stdout.write(`bench: rendered ${args.render} to ${file}\n`);
    return;
  }
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const machine = machineInfo(pulumiCliVersion());
  const sizes = args.quick ? [20, 40] : [20, 100, 200];
  const top = Math.max(...sizes);
  const reps = { throughput: args.reps ?? 1, preview: args.quick ? 1 : 7, micro: args.quick ? 3 : 7 };
  const outFile = args.out ?? (args.quick ? path.join(os.tmpdir(), "trtc-bench-quick.md") : path.join(repoRoot(), "docs", "BENCHMARKS.md"));
  const command = ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" ");

  log(`bench: ${command}; sizes ${sizes.join(", ")}; reps ${JSON.stringify(reps)}`);
  log("4. client microbenchmarks");
  const micro = runMicro(reps.micro, { sign: 20_000, validate: 2_000 });
  for (const m of micro.results) log(`  ${m.name}: ${Math.round(m.opsPerSecond)} ops/s`);

  const env = await openEnv({ rateLimitPerSecond: LIMIT_PER_SECOND });
  const { emulator, dir: stateDir } = env;
  try {
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
    };
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, renderReport(results));
    const raw = path.join(os.tmpdir(), `trtc-bench-${started}.json`);
    fs.writeFileSync(raw, JSON.stringify(results, null, 2));
    log(`bench: wrote ${outFile} (raw samples: ${raw}) in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  } finally {
    await env.close();
  }
}

runTool(main);
