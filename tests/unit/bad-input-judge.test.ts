/**
 * How the bad-input corpus run reads the engine's output (harness/reliability/bad-input.ts): a case counts
 * only when a diagnostic of its own resource names the expected property and states the expected rule.
 * The lines are as CLI v3.259 printed them.
 */
import { INVALID_CASES, explains, printedFailures, type CorpusCase } from "../../harness/reliability/bad-input";
import { sample } from "../../harness/reliability/bad-input-run";

const OUTPUT = [
  "Previewing update (cn):",
  "    pulumi-nodejs:dynamic/trtc:PublishCdnStream bad-7  error: pulumi-nodejs:dynamic/trtc:PublishCdnStream resource 'bad-7': property agentParams.maxIdleTime value {<nil>} has a problem: must be an integer from 5 to 86400 (got 30.5)",
  "    pulumi-nodejs:dynamic/trtc:PublishCdnStream bad-70  error: pulumi-nodejs:dynamic/trtc:PublishCdnStream resource 'bad-70' has a problem: region: is not an argument: the region comes from the tencentcloud:region stack config (or TENCENTCLOUD_REGION)",
  "Diagnostics:",
  "  pulumi-nodejs:dynamic/trtc:PublishCdnStream (bad-7):",
  "    error: pulumi-nodejs:dynamic/trtc:PublishCdnStream resource 'bad-7': property agentParams.maxIdleTime value {<nil>} has a problem: must be an integer from 5 to 86400 (got 30.5)",
].join("\n");

const caseFor = (resource: string, path: string, rule: RegExp): CorpusCase => ({
  resource,
  name: "t",
  group: "g",
  site: "cn",
  args: {},
  expect: { path, rule },
});

test("reads both diagnostic forms, once each, for the named resource only", () => {
  expect(printedFailures(OUTPUT, "bad-7")).toEqual([
    { property: "agentParams.maxIdleTime", reason: "must be an integer from 5 to 86400 (got 30.5)" },
  ]);
  expect(printedFailures(OUTPUT, "bad-70")).toEqual([
    {
      property: "",
      reason: "region: is not an argument: the region comes from the tencentcloud:region stack config (or TENCENTCLOUD_REGION)",
    },
  ]);
  expect(printedFailures(OUTPUT, "bad-1")).toEqual([]);
});

test("a case needs its property and its rule in one diagnostic", () => {
  const at7 = printedFailures(OUTPUT, "bad-7");
  expect(explains(at7, caseFor("bad-7", "agentParams.maxIdleTime", /from 5 to 86400/))).toBe(true);
  expect(explains(at7, caseFor("bad-7", "agentParams.userId", /from 5 to 86400/))).toBe(false); // other property
  expect(explains(at7, caseFor("bad-7", "agentParams", /from 5 to 86400/))).toBe(false); // a parent is not enough
  expect(explains(at7, caseFor("bad-7", "agentParams.maxIdleTime", /is required/))).toBe(false); // other rule
  const at70 = printedFailures(OUTPUT, "bad-70");
  expect(explains(at70, caseFor("bad-70", "region", /^is not an argument/))).toBe(true);
  expect(explains(at70, caseFor("bad-70", "endpoint", /is not an argument/))).toBe(false);
  expect(explains([], caseFor("bad-1", "", /anything/))).toBe(false);
});

test("a sample covers every group once it is at least as large as the number of groups", () => {
  const groups = new Set(INVALID_CASES.map((c) => c.group));
  const picked = sample(INVALID_CASES, groups.size);
  expect(new Set(picked.map((c) => c.group))).toEqual(groups);
  expect(sample(INVALID_CASES, 60)).toHaveLength(60);
  expect(sample(INVALID_CASES, Infinity)).toEqual(INVALID_CASES);
});
