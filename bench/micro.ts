/**
 * Measurement 4: client microbenchmarks — TC3 signing and request validation of the largest seed request,
 * in operations per second, the median of several timed repetitions after a warm-up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateRequest } from "../trtc/validate";
import { tc3Authorization } from "../trtc/client/sign";
import { repoRoot } from "../harness/repo";
import { median } from "../harness/stats";

/** The seed Start requests (tests/fixtures/seed), read as data. */
const SEED_DIR = path.join(repoRoot(), "tests", "fixtures", "seed");

/** The largest seed StartPublishCdnStream body, by bytes, and its file name. */
export function largestSeedStart(dir = SEED_DIR): { file: string; body: Record<string, unknown>; bytes: number } {
  const files = fs.readdirSync(dir).filter((f) => f.startsWith("start-") && f.endsWith(".json"));
  const sized = files.map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), "utf8") }));
  sized.sort((a, b) => Buffer.byteLength(b.text) - Buffer.byteLength(a.text));
  const top = sized[0];
  if (!top) throw new Error(`bench: no start-*.json seed request in ${dir}`);
  const body = JSON.parse(top.text) as Record<string, unknown>;
  return { file: top.file, body, bytes: Buffer.byteLength(JSON.stringify(body)) };
}

/** One microbenchmark's result. */
export interface MicroResult {
  name: string;
  /** Median operations per second over the repetitions. */
  opsPerSecond: number;
  /** Each repetition's operations per second. */
  samples: number[];
  iterations: number;
}

/** Runs `fn` `iterations` times per repetition, `reps` repetitions after one warm-up repetition. */
export function measureOps(name: string, fn: () => unknown, iterations: number, reps: number): MicroResult {
  let sink: unknown;
  for (let i = 0; i < iterations; i++) sink = fn();
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn();
    samples.push(iterations / ((performance.now() - start) / 1000));
  }
  if (sink === Symbol.for("never")) console.log(sink); // keeps the calls observable to the optimizer
  return { name, opsPerSecond: median(samples), samples, iterations };
}

/** Signs and validates the largest seed request; validation must accept it, or the figure means nothing. */
export function runMicro(
  reps: number,
  iterations: { sign: number; validate: number },
): { seed: string; bytes: number; results: MicroResult[] } {
  const { file, body, bytes } = largestSeedStart();
  const check = validateRequest("StartPublishCdnStream", body);
  if (!check.ok) throw new Error(`bench: seed ${file} does not validate: ${JSON.stringify(check.issues)}`);
  const payload = JSON.stringify(body);
  const sign = () =>
    tc3Authorization({
      secretId: "AKIDbenchmark000000000000000000000000",
      secretKey: "benchmark-secret-key-0000000000000000",
      service: "trtc",
      host: "trtc.tencentcloudapi.com",
      timestamp: 1700000000,
      payload,
    });
  return {
    seed: file,
    bytes,
    results: [
      measureOps("tc3Authorization (sign one request)", sign, iterations.sign, reps),
      measureOps(
        'validateRequest("StartPublishCdnStream")',
        () => validateRequest("StartPublishCdnStream", body),
        iterations.validate,
        reps,
      ),
    ],
  };
}
