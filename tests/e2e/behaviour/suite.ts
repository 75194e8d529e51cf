/**
 * The behaviour table as jest tests for one front end: every row (per collision mode where it asks) runs
 * through the real CLI, a few at a time, each with its own emulator and backend; one test per row reports
 * its outcome, and the summary (printed, and written to test-artifacts/behaviour-<front end>.md) counts
 * rows passed, failed and not applicable with the reason for each.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureDist } from "../../helpers/ensure-dist";
import { pooled } from "../../helpers/pooled";
import { REPO } from "../harness";
import type { FrontEnd } from "./frontend";
import type { CollisionMode, Row } from "./model";
import { type RowReport, collisionModes, defaultCollisionMode, runRow } from "./runner";

/** Rows run at once. Each holds a CLI, a language host and a provider process; two cores carry three. */
const CONCURRENCY = Number(process.env.BEHAVIOUR_CONCURRENCY ?? 3);

/** The markdown summary of a run. */
function summary(fe: FrontEnd, reports: RowReport[], wallMs: number): string {
  const count = (o: RowReport["outcome"]) => reports.filter((r) => r.outcome === o).length;
  const lines = [
    `# Behaviour table: ${fe.name}`,
    "",
    `${count("passed")} passed, ${count("failed")} failed, ${count("not applicable")} not applicable; ` +
      `${reports.length} row runs, ${(wallMs / 60_000).toFixed(1)} min wall at concurrency ${CONCURRENCY}.`,
    "",
    "| Row | Workflow | Mode | Outcome | CLI runs | s | Note |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of reports) {
    const note = (r.detail ?? "").split("\n")[0].replace(/\|/g, "\\|");
    lines.push(`| ${r.id} | ${r.workflow} | ${r.mode} | ${r.outcome} | ${r.runs} | ${(r.ms / 1000).toFixed(0)} | ${note} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** How a front end's suite runs the table. */
export interface SuiteOptions {
  /**
   * Run `perCollisionMode` rows in the default mode only. For a front end on the same lifecycle as one that runs
   * them in every mode: what differs between the modes is the provider's recovery, which is that lifecycle's.
   */
  defaultCollisionModeOnly?: boolean;
}

/** Declares the jest tests of `rows` for `fe`. `BEHAVIOUR_ROWS=a,b` runs only those rows. */
export function behaviourSuite(fe: FrontEnd, rows: Row[], options: SuiteOptions = {}): void {
  const only = process.env.BEHAVIOUR_ROWS?.split(",").map((s) => s.trim());
  const cases: Array<{ row: Row; mode: CollisionMode }> = [];
  for (const row of rows) {
    if (only && !only.includes(row.id)) continue;
    const everyMode = row.perCollisionMode && !options.defaultCollisionModeOnly;
    for (const mode of everyMode ? collisionModes() : [defaultCollisionMode()]) cases.push({ row, mode });
  }
  const reports: RowReport[] = [];
  let results: Array<Promise<RowReport>> = [];
  let started = 0;

  // Waiting for a row counts against its test's timeout; rows run a few at a time, so allow a whole run.
  jest.setTimeout(60 * 60_000);

  beforeAll(() => {
    // Programs load the package from dist/, as an installed copy would.
    if (!ensureDist()) throw new Error("dist/ could not be built; run npm run build");
    started = Date.now();
    results = pooled(
      cases.map((c) => () => runRow(c.row, fe, c.mode)),
      CONCURRENCY,
    );
  });

  afterAll(() => {
    const text = summary(fe, reports, Date.now() - started);
    fs.mkdirSync(path.join(REPO, "test-artifacts"), { recursive: true });
    fs.writeFileSync(path.join(REPO, "test-artifacts", `behaviour-${fe.name}.md`), text);
    console.log(text);
  });

  cases.forEach((c, i) => {
    const label = `${c.row.item ? `[issue 19 item ${c.row.item}] ` : ""}${c.row.id}${c.row.perCollisionMode ? ` (${c.mode})` : ""}: ${c.row.workflow}`;
    test(label, async () => {
      const report = await results[i];
      reports.push(report);
      if (report.outcome === "not applicable") console.log(`${c.row.id}: not applicable to ${fe.name}: ${report.detail}`);
      if (report.outcome === "failed") throw new Error(`${c.row.id} (${c.mode}) failed at ${report.detail}`);
    });
  });
}
