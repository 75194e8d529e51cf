/**
 * `npm run reliability`: the fault matrix (N tasks per scenario), the bad-input corpus, the secrets audit
 * and the load run, then the report (docs/RELIABILITY.md unless `--out FILE`). The options are OPTIONS
 * below; anything else is refused, naming it. `--part corpus` runs the corpus alone and replaces only its
 * section of the existing report (the `--out` file when it exists, else docs/RELIABILITY.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pulumiCliVersion, repoRoot } from "../../harness";
import { type CommandLineSpec, CommandLineError, parseCommandLine, runTool } from "../../harness/command-line";
import { runCorpus } from "../../harness/reliability/bad-input-run";
import { runScenario } from "../../harness/reliability/run-scenario";
import { SCENARIOS } from "../../harness/reliability/scenarios";
import { runSecretsAudit } from "../../harness/reliability/secrets-audit";
import { survivePrograms } from "../../harness/reliability/interrupt";
import { renderCorpus, spliceSection } from "./bad-input-report";
import { runLoad } from "./load";
import { renderReport, type ReliabilityFigures } from "./report";

const REPO = repoRoot();

/** The parts a full run has, in the order it runs them. */
const PARTS = ["matrix", "load", "secrets", "corpus"] as const;

/** The command line of `npm run reliability -- ...`. */
const OPTIONS = {
  size: { kind: "count", value: "N", help: "tasks per fault-matrix scenario (default 20)" },
  load: { kind: "count", value: "N", help: "tasks of the load run (default 200)" },
  corpus: { kind: "count", value: "N", help: "invalid programs previewed through the engine (default: all)" },
  only: { kind: "text", value: "a,b", help: `fault-matrix scenarios to run (default all: ${SCENARIOS.map((s) => s.name).join(", ")})` },
  skip: { kind: "text", value: "a,b", help: `parts to leave out: ${PARTS.join(", ")}` },
  part: { kind: "text", value: "corpus", choices: ["corpus"], help: "run the corpus alone and replace only its section" },
  out: { kind: "text", value: "FILE", help: "where the report goes (default docs/RELIABILITY.md)" },
} as const satisfies CommandLineSpec;

/** Splits a comma list, refusing any name not in `known`. */
function names(option: string, raw: string | undefined, known: readonly string[]): string[] {
  const list = (raw ?? "").split(",").filter(Boolean);
  const unknown = list.filter((n) => !known.includes(n));
  if (unknown.length)
    throw new CommandLineError(
      `npm run reliability: --${option} does not know ${unknown.map((n) => `"${n}"`).join(", ")}; it takes ${known.join(", ")}`,
    );
  return list;
}

function versions(): Record<string, string> {
  const pkg = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", name, "package.json"), "utf8")).version as string;
  let cli = "?";
  try {
    cli = pulumiCliVersion();
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
  const args = parseCommandLine("npm run reliability", process.argv.slice(2), OPTIONS);
  const only = names(
    "only",
    args.only,
    SCENARIOS.map((s) => s.name),
  );
  const skip = new Set(names("skip", args.skip, PARTS));
  survivePrograms();
  const t0 = Date.now();
  const size = args.size ?? 20;
  const log = (line: string) => console.log(`[${Math.round((Date.now() - t0) / 1000)} s] ${line}`);
  const corpusSize = args.corpus ?? Infinity;
  const committed = path.join(REPO, "docs", "RELIABILITY.md");
  const outFile = args.out ? path.resolve(args.out) : committed;
  if (args.part === "corpus") {
    const corpus = await runCorpus({ invalid: corpusSize, log });
    log(`corpus: ${corpus.engineInvalid.explained}/${corpus.engineInvalid.total} through the engine`);
    const existing = fs.existsSync(outFile) ? outFile : committed;
    fs.writeFileSync(outFile, spliceSection(fs.readFileSync(existing, "utf8"), renderCorpus(corpus, versions()["pulumi CLI"])));
    log(`replaced the Bad input section of ${existing} in ${outFile}`);
    return;
  }
  const figures: ReliabilityFigures = { versions: versions(), startedAt: new Date().toISOString(), minutes: 0, scenarios: [] };
  const write = () => {
    figures.minutes = Math.round((Date.now() - t0) / 6000) / 10;
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, renderReport(figures));
  };
  if (!skip.has("matrix")) {
    for (const s of SCENARIOS.filter((x) => only.length === 0 || only.includes(x.name))) {
      for (const mode of s.modes ?? ["kick"]) {
        figures.scenarios.push(await runScenario(s, size, log, mode));
        write();
      }
    }
  }
  if (!skip.has("load")) {
    figures.load = await runLoad(args.load ?? 200, 64, log);
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
  write();
  log(`wrote ${outFile}`);
}

runTool(main);
