/**
 * The bad-input corpus as Pulumi programs: every Start-shaped invalid body of tests/fixtures/invalid-bodies.ts
 * (plus mistakes only a Pulumi program can make, and the valid edge cases) becomes a PublishCdnStream
 * resource with a distinct name; the engine's diagnostics are then matched case by case.
 */
import { parsePath } from "../../provider/unknowns";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { toPulumiCase } from "../../trtc/casing";
import { PublishCdnStream } from "../../provider";
import { MIX } from "../../tests/fixtures/bodies";
import { INVALID_BODIES_BY_GROUP, type InvalidBody } from "../../tests/fixtures/invalid-bodies";
import { VALID_BODIES, type ValidBody } from "../../tests/fixtures/valid-bodies";

/** Which of Tencent's sites a case is validated for (the stack's endpoint decides it). */
export type CorpusSite = "cn" | "intl";

/** One resource of the corpus program. */
export interface CorpusCase {
  /** Resource name (`bad-<n>` / `ok-<n>`). */
  resource: string;
  /** The fixture's name. */
  name: string;
  /** The fixture group (`range`, `type mistake`, …); `valid` for valid cases. */
  group: string;
  /** The site whose rules apply. */
  site: CorpusSite;
  /** Pulumi-cased arguments. */
  args: Record<string, unknown>;
  /** For invalid cases: the camelCase path and rule the message must show. */
  expect?: { path: string; rule: RegExp };
}

/** Start bodies that are JSON objects: what a resource can declare. */
const usable = (c: InvalidBody | ValidBody): boolean =>
  c.action === "StartPublishCdnStream" && c.body !== null && typeof c.body === "object" && !Array.isArray(c.body);

/**
 * API-level cases whose Pulumi form differs. An API body's `Region` is an argument named `region` in a
 * program, and the API's "camelCase key" mistake is a PascalCase key in a program (toPulumiCase would merge
 * `sdkAppId` and `SdkAppId` into one valid argument).
 */
const PULUMI_FORMS: Record<string, (args: Record<string, unknown>) => Pick<CorpusCase, "args" | "expect">> = {
  "unknown top-level key": (args) => ({
    args,
    expect: { path: "region", rule: /is not an argument: the region comes from the tencentcloud:region stack config/ },
  }),
  "camelCase key not converted": ({ sdkAppId, ...rest }) => ({
    args: { ...rest, SdkAppId: sdkAppId },
    expect: { path: "SdkAppId", rule: /is written in PascalCase: did you mean sdkAppId\?/ },
  }),
};

const mix = toPulumiCase(MIX) as Record<string, any>;

/** Mistakes only a program can make: names that are settings or outputs, PascalCase inside an argument. */
const PROGRAM_ONLY: Array<Omit<CorpusCase, "resource" | "site">> = [
  {
    name: "endpoint as an argument",
    group: "not an argument",
    args: { ...mix, endpoint: "http://127.0.0.1:9" },
    expect: { path: "endpoint", rule: /is not an argument: the endpoint comes from the trtc:endpoint stack config/ },
  },
  {
    name: "secretKey as an argument",
    group: "not an argument",
    args: { ...mix, secretKey: "not-a-real-key" },
    expect: { path: "secretKey", rule: /is not an argument: the secretKey comes from the tencentcloud:secretKey stack config/ },
  },
  {
    name: "computed taskId as an argument",
    group: "not an argument",
    args: { ...mix, taskId: "task-1" },
    expect: { path: "taskId", rule: /is not an argument: it is an output the provider sets/ },
  },
  {
    name: "userSig outside agentParams",
    group: "not an argument",
    args: { ...mix, userSig: "misplaced" },
    expect: { path: "userSig", rule: /is not a known property/ },
  },
  {
    name: "PascalCase key inside agentParams",
    group: "not an argument",
    args: { ...mix, agentParams: { UserId: mix.agentParams.userId, userSig: mix.agentParams.userSig } },
    expect: { path: "agentParams.UserId", rule: /is written in PascalCase: did you mean userId\?/ },
  },
];

/** The invalid cases. */
export const INVALID_CASES: CorpusCase[] = [
  ...Object.entries(INVALID_BODIES_BY_GROUP).flatMap(([group, bodies]) =>
    bodies.filter(usable).map((c) => {
      const args = toPulumiCase(c.body) as Record<string, unknown>;
      const form = PULUMI_FORMS[c.name]?.(args) ?? { args, expect: { path: c.expectPath, rule: c.expectRule } };
      return { name: c.name, group, site: c.site ?? "cn", ...form };
    }),
  ),
  ...PROGRAM_ONLY.map((c) => ({ ...c, site: "cn" as const })),
].map((c, n) => ({ ...c, resource: `bad-${n}` }));

/** The valid edge cases. */
export const VALID_CASES: CorpusCase[] = VALID_BODIES.filter(usable).map((c, n) => ({
  resource: `ok-${n}`,
  name: c.name,
  group: "valid",
  site: c.site ?? "cn",
  args: toPulumiCase(c.body) as Record<string, unknown>,
}));

/** A program declaring `cases`. */
export const corpusProgram =
  (cases: readonly CorpusCase[]): PulumiFn =>
  async () => {
    for (const c of cases) new PublishCdnStream(c.resource, c.args as never);
    return {};
  };

/** The rule text without the provider's advice after the first colon (e.g. how to get a UserSig). */
export const ruleOf = (reason: string): string => reason.split(/:\s/)[0];

/** One check failure as the engine printed it: the property (`""` when none) and the reason. */
export interface PrintedFailure {
  property: string;
  reason: string;
}

/**
 * The check failures the engine printed for resource `name`, from either of its two forms:
 * `resource '<name>': property <p> value {…} has a problem: <reason>` and, for the resource as a whole
 * (which is also how check reports a property whose value may hold a secret, as `<property>: <rule>`),
 * `resource '<name>' has a problem: <reason>`.
 */
export function printedFailures(output: string, name: string): PrintedFailure[] {
  const seen = new Set<string>();
  const found: PrintedFailure[] = [];
  const prefix = `resource '${name}'`;
  for (const line of output.split("\n")) {
    const at = line.indexOf(prefix);
    if (at < 0) continue;
    const rest = line.slice(at + prefix.length);
    const withProperty = /^: property (\S+) value .*? has a problem: (.*)$/.exec(rest);
    const whole = /^ has a problem: (.*)$/.exec(rest);
    const failure = withProperty
      ? { property: withProperty[1], reason: withProperty[2] }
      : whole
        ? { property: "", reason: whole[1] }
        : undefined;
    if (!failure || seen.has(JSON.stringify(failure))) continue; // the progress line and the summary repeat it
    seen.add(JSON.stringify(failure));
    found.push(failure);
  }
  return found;
}

/**
 * `text` with each `<argument.path>` the provider printed in place of a room id, UserId or URL (it never prints
 * those values: provider/identifiers.ts) replaced by the value at that path of `args`, so a case's rule can
 * name the value and still proves the placeholder names the right argument.
 */
export function withValuesOf(text: string, args: unknown): string {
  return text.replace(/<([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*)>/g, (whole, path: string) => {
    let at: unknown = args;
    for (const part of parsePath(path)) at = at == null ? undefined : (at as Record<string | number, unknown>)[part];
    return typeof at === "string" ? at : whole;
  });
}

/** True when one printed failure names the case's property and states its rule. */
export function explains(failures: readonly PrintedFailure[], c: CorpusCase): boolean {
  const { path, rule } = c.expect!;
  return failures.some(({ property, reason: printed }) => {
    const reason = withValuesOf(printed, c.args);
    let text = reason;
    if (path !== "" && property !== path) {
      if (property !== "" || !reason.startsWith(`${path}: `)) return false;
      text = reason.slice(path.length + 2);
    }
    return rule.test(text) || rule.test(ruleOf(text));
  });
}
