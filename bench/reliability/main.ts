/**
 * `npm run reliability`: the fault matrix (N tasks per scenario), the bad-input corpus, the secrets audit
 * and the load run, then docs/RELIABILITY.md. Options: `--size N` (default 20), `--load N` (default 200),
 * `--corpus N` invalid programs previewed through the engine (default: all), `--only a,b` scenario names,
 * `--skip corpus,secrets,load,matrix`, and `--part corpus`: the corpus alone, replacing only its section of
 * the existing docs/RELIABILITY.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { spliceSection, renderCorpus } from "./bad-input-report";
import { runCorpus } from "../../harness/reliability/bad-input-run";
import { runLoad } from "./load";
import { renderReport, type ReliabilityFigures } from "./report";
import { runScenario } from "../../harness/reliability/run-scenario";
import { SCENARIOS } from "../../harness/reliability/scenarios";
import { runSecretsAudit } from "../../harness/reliability/secrets-audit";

const REPO = path.resolve(__dirname, "../..");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function versions(): Record<string, string> {
  const pkg = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", name, "package.json"), "utf8")).version as string;
  let cli = "?";
  try {
    cli = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
  } catch {
    // reported as unknown
  }
  return {
    node: process.version,
    "pulumi CLI": cli,
    "@pulumi/pulumi": pkg("@pulumi/pulumi"),
    typescript: pkg("typescript"),
    undici: pkg("undici"),
    zod: pkg("zod"),
  };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const size = Number(flag("size", "20"));
  const only = flag("only", "").split(",").filter(Boolean);
  const skip = new Set(flag("skip", "").split(",").filter(Boolean));
  const log = (line: string) => console.log(`[${Math.round((Date.now() - t0) / 1000)} s] ${line}`);
  const corpusSize = Number(flag("corpus", "Infinity"));
  if (flag("part", "") === "corpus") {
    const corpus = await runCorpus({ invalid: corpusSize, log });
    log(`corpus: ${corpus.engineInvalid.explained}/${corpus.engineInvalid.total} through the engine`);
    const file = path.join(REPO, "docs", "RELIABILITY.md");
    fs.writeFileSync(file, spliceSection(fs.readFileSync(file, "utf8"), renderCorpus(corpus, versions()["pulumi CLI"])));
    log("replaced the Bad input section of docs/RELIABILITY.md");
    return;
  }
  const figures: ReliabilityFigures = { versions: versions(), startedAt: new Date().toISOString(), minutes: 0, scenarios: [] };
  const write = () => {
    figures.minutes = Math.round((Date.now() - t0) / 6000) / 10;
    fs.writeFileSync(path.join(REPO, "docs", "RELIABILITY.md"), renderReport(figures));
  };
  if (!skip.has("matrix")) {
    for (const s of SCENARIOS.filter((x) => only.length === 0 || only.includes(x.name))) {
      figures.scenarios.push(await runScenario(s, size, log));
      write();
    }
  }
  if (!skip.has("load")) {
    figures.load = await runLoad(Number(flag("load", "200")), 64, log);
    write();
  }
  if (!skip.has("secrets")) {
    figures.secrets = await runSecretsAudit();
    log(`secrets: ${figures.secrets.leaks.length} leaks`);
    write();
  }
  if (!skip.has("corpus")) {
    figures.corpus = await runCorpus({ invalid: corpusSize, log });
    log(`corpus: ${figures.corpus.engineInvalid.explained}/${figures.corpus.engineInvalid.total} through the engine`);
    write();
  }
  log("wrote docs/RELIABILITY.md");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
