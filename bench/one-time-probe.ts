/**
 * Run as its own process by bench/one-time.ts (`node dist/bench/one-time-probe.js`): what the dynamic-provider
 * host pays for PublishCdnStream once, as it pays it (the provider text's `require`, then the calls), apart
 * from what each further resource costs. Prints one JSON line of milliseconds (wall and CPU):
 * `load` (require("pulumi-trtc-relay/impl"), at the first Check), `firstCheck`/`nextCheck`, `firstCreate`
 * (loads the client and opens the connection) and `nextCreate`, `nextDelete`. The endpoint and credentials
 * come from the environment (the benchmark's emulator).
 */
import { taskArgs } from "./workload";

/**
 * What the engine hands Create after Check: the inputs with Pulumi's secret marks (`{ [sig]: secretSig, value }`,
 * which check puts on secret arguments: provider/dynamic-secrets.ts) stripped. Written here rather than imported
 * from the harness, whose modules load @pulumi/pulumi and would make the measured `require` look cheaper.
 */
function stripSecretMarks(value: unknown): any {
  if (Array.isArray(value)) return value.map(stripSecretMarks);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270") return stripSecretMarks(obj.value);
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, stripSecretMarks(v)]));
}

type Step = { wallMs: number; cpuMs: number };

async function step(run: () => unknown): Promise<Step> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

async function main(): Promise<void> {
  // What the host hands the provider: plain JSON arguments (secrets already unwrapped by the engine).
  const news = (i: number) => JSON.parse(JSON.stringify(taskArgs(i, 1, 900_000)));
  let provider: any;
  const out: Record<string, Step> = {};
  out.load = await step(() => {
    provider = require("pulumi-trtc-relay/impl").dynamicProvider;
  });
  let checked: any;
  out.firstCheck = await step(async () => {
    checked = stripSecretMarks((await provider.check({}, news(0))).inputs);
  });
  out.nextCheck = await step(() => provider.check({}, news(1)));
  let made: any;
  out.firstCreate = await step(async () => {
    made = await provider.create(checked);
  });
  await provider.delete(made.id, made.outs);
  const second = stripSecretMarks((await provider.check({}, news(2))).inputs);
  out.nextCreate = await step(async () => {
    made = await provider.create(second);
  });
  out.nextDelete = await step(() => provider.delete(made.id, made.outs));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e) => {
  process.stderr.write(`one-time-probe: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
