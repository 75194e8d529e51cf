/**
 * The one table of what a change to a PublishCdnStream means: an in-place UpdatePublishCdnStream, or a
 * replacement (Stop the old task, then Start a new one). `diff` reads it to answer the engine, and
 * `update` reads the same answer to build the Update body, so the two can never disagree.
 *
 * Ground rules, from spec §3:
 * - Update is incremental: a top-level parameter that is omitted stays as it was, and a parameter that is
 *   passed replaces the previous value completely. So an in-place change sends its whole top-level group.
 * - Omission cannot clear anything. Removing a value must either send an explicit "empty" value, or replace.
 * - Some things Update cannot change at all (room, robot, recording, audio encoding, audio-only vs video).
 * - An empty list and an absent list mean the same thing to the service, so they compare equal here.
 * - An imported task's arguments are unknown rather than absent (adopted.ts): the first `up` after
 *   `pulumi import` takes them from the program and updates the task in place, whatever the table says
 *   about adding them; values the import id carried (sdkAppId) and the target compare as usual.
 */
import { isAdopted } from "./adopted";
import type { Target } from "./config";
import { COMPUTED_KEYS, OPTIONS_KEY, PROVIDER_KEY } from "./outputs";
import { containsUnknown, isUnknown } from "./unknowns";

/** Where a rule reads the new value from. */
type Source = "args" | "config" | "state";

/** One row of {@link DIFF_RULES}. */
export interface DiffRule {
  /** camelCase path of the property, as the user writes it. */
  readonly path: string;
  /** `args` (default): compare old outputs with new inputs; `config`: with current config; `state`: old outputs only. */
  readonly from?: Source;
  /** What a change of a present value means. */
  readonly change: "update" | "replace";
  /** What appearing (absent -> present) means, when it differs from `change`. */
  readonly added?: "replace";
  /** What disappearing (present -> absent) means, when it differs from `change`. */
  readonly removed?: "replace";
  /**
   * Sent in place of an absent value whenever this rule's top-level group is sent, so an Update clears what
   * an earlier value set (omission would leave it unchanged).
   */
  readonly fill?: unknown;
  /**
   * For a value the provider may fill in itself (a generated UserSig): when the new inputs omit it, the
   * old output of the same item — matched on this sibling key — is the new value. Filling in is thus never
   * a change, and Update re-sends the stored value. The row's top-level group judges real changes; when the
   * group is a list, the row applies to each item.
   */
  readonly keepsOldWhenOmitted?: string;
  /** Why; shown nowhere, read by maintainers. */
  readonly why: string;
}

/** The table. Nested rows refine their top-level group; any argument not listed here replaces. */
export const DIFF_RULES: readonly DiffRule[] = [
  { path: "sdkAppId", change: "replace", why: "It identifies the application; a task cannot move to another app." },
  { path: "roomId", change: "replace", why: "Not an Update parameter (spec §3.1)." },
  { path: "roomIdType", change: "replace", why: "Not an Update parameter (spec §3.1)." },
  { path: "agentParams", change: "replace", why: "Not an Update parameter: the robot (UserId, UserSig, MaxIdleTime) is fixed at Start." },
  {
    path: "agentParams.userSig",
    change: "replace",
    keepsOldWhenOmitted: "userId",
    why:
      "Omitted with trtc:sdkSecretKey configured, the provider generated it at Start; the robot keeps that " +
      "ticket (same userId), so its absence from the inputs is not a change.",
  },
  { path: "recordParams", change: "replace", why: "Not an Update parameter; recording is fixed at Start (added 2024-10-30)." },
  {
    path: "withTranscoding",
    change: "replace",
    why:
      "Switching between single-stream relay and mixing changes what the task is and how it is billed; " +
      "Update would need every parameter re-sent anyway, and the robot rejoins either way.",
  },
  {
    path: "audioParams.audioEncode",
    change: "replace",
    why: "Codec, sample rate, bit rate and channels cannot be updated (spec §3.1).",
  },
  {
    path: "audioParams.subscribeAudioList",
    change: "update",
    fill: [],
    why: 'Updatable; `[]` restores "mix every anchor". Both lists are always sent together (spec §5.2).',
  },
  {
    path: "audioParams.unSubscribeAudioList",
    change: "update",
    fill: [],
    why: "Updatable; `[]` clears the block-list. Both lists are always sent together (spec §5.2).",
  },
  {
    path: "videoParams",
    change: "update",
    added: "replace",
    removed: "replace",
    why:
      "Contents are updatable (encode except codec, layout, background, watermarks), but a task cannot " +
      "switch between audio-only and video (spec §3.1).",
  },
  {
    path: "videoParams.waterMarkList",
    change: "update",
    fill: [],
    why: "Sent as `[]` when absent so removing the last watermark actually removes it.",
  },
  {
    path: "singleSubscribeParams",
    change: "update",
    removed: "replace",
    why:
      "Updatable while relaying without transcoding; removal has no Update form (its only field is " +
      'required, and omission means "unchanged"), so it replaces.',
  },
  {
    path: "publishCdnParams",
    change: "update",
    removed: "replace",
    why:
      "The list is sent complete and replaces the old one. Dropping the last CDN target (e.g. switching to " +
      "push-back only) replaces: an empty list's meaning on Update is undocumented, and Start requires a target.",
  },
  {
    path: "feedBackRoomParams",
    change: "update",
    removed: "replace",
    why: "As publishCdnParams: a non-empty list updates in place, removing the last room replaces.",
  },
  {
    path: "feedBackRoomParams.userSig",
    change: "update",
    keepsOldWhenOmitted: "userId",
    why:
      "As agentParams.userSig, per push-back robot (matched on userId): the stored ticket is reused and " +
      "re-sent when the list is updated; a robot new to the list gets a fresh one.",
  },
  {
    path: "seiParams",
    change: "update",
    fill: {},
    why:
      "Updatable. Removing it sends `{}`: a passed parameter replaces the old one completely, and an empty " +
      "struct asks for neither layout nor pass-through SEI (an empty layoutVolume would ask for the default SEI).",
  },
  {
    path: "endpoint",
    from: "config",
    change: "replace",
    why: "A task lives at one endpoint; pointing the stack elsewhere (e.g. emulator -> cloud) needs a new task there.",
  },
  { path: "region", from: "config", change: "replace", why: "A task lives in one region (X-TC-Region)." },
  {
    path: "finished",
    from: "state",
    change: "replace",
    why: "An Update found the task ended on its own; only a new Start brings the stream back.",
  },
];

/** One property path a plan changes, for the engine's detailed diff (`pulumi preview --diff`, replaceOnChanges). */
export interface ChangedPath {
  /** Pulumi property path in camelCase, e.g. `videoParams.layoutParams.mixLayoutList[1].imageWidth`. */
  readonly path: string;
  /** The verdict of the table row that covers it. */
  readonly verdict: "update" | "replace";
  /** `add`: absent before; `delete`: absent now; `update`: present on both sides (or not known yet). */
  readonly kind: "add" | "delete" | "update";
}

/** What the engine should do, and what Update must send. */
export interface DiffPlan {
  /** Any difference at all (including ones preview cannot know yet). */
  readonly changes: boolean;
  /** Paths forcing replacement; non-empty means replace. */
  readonly replaces: string[];
  /** Top-level updatable groups that changed, each complete, with `fill` values in place (camelCase). */
  readonly send: Record<string, unknown>;
  /**
   * Every changed leaf path with the verdict of its row; no path listed below an ancestor that carries
   * the same or a stronger verdict. Empty when `changes` is false; for an imported task (adopted.ts) it
   * lists only the groups Update sends, not the arguments recorded from the program.
   */
  readonly changed: ChangedPath[];
}

type Props = Record<string, unknown>;
const MISSING = Symbol("missing");
const UNKNOWN_AT = Symbol("unknown");

/** The value at a dotted path; {@link UNKNOWN_AT} when the path passes through the preview sentinel. */
function valueAt(props: Props, path: string): unknown {
  let current: unknown = props;
  for (const key of path.split(".")) {
    if (isUnknown(current)) return UNKNOWN_AT;
    if (current === null || typeof current !== "object" || !(key in (current as Props))) return MISSING;
    current = (current as Props)[key];
  }
  return current;
}

const isAbsent = (v: unknown): boolean => v === MISSING || v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** JSON with sorted keys: deep equality independent of key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Props)[k]]),
        )
      : v,
  );
}

/** `none`, `update` or `replace` for one rule, given old and new values. */
function judge(rule: DiffRule, before: unknown, after: unknown): "none" | "update" | "replace" {
  if (rule.from === "state") return before === true ? "replace" : "none";
  const oldAbsent = isAbsent(before);
  // Preview unknowns are judged as the change `up` makes when the value resolves to a valid new value of
  // its group, so a preview and its saved plan match the up (docs/RESOURCE.md, "Preview unknowns"):
  // - the value itself unknown: present and changed (added, if it was absent);
  if (isUnknown(after)) return oldAbsent ? (rule.added ?? rule.change) : rule.change;
  // - an ancestor unknown (a wholly unknown group): its updatable contents changed, its fixed parts (the
  //   audio encoding, say) did not. Were they to change, `up --plan` refuses the replacement.
  if (after === UNKNOWN_AT) return rule.change === "update" ? "update" : "none";
  const newAbsent = isAbsent(after);
  if (oldAbsent && newAbsent) return "none";
  if (oldAbsent) return rule.added ?? rule.change;
  if (newAbsent) return rule.removed ?? rule.change;
  if (containsUnknown(after)) return rule.change; // present, with parts unknown: a change of contents
  return canonical(before) === canonical(after) ? "none" : rule.change;
}

const topLevel = (path: string): string => path.split(".")[0];

/** The leaf paths below `at` where `before` and `after` differ, each with its kind. */
function leafChanges(before: unknown, after: unknown, at: string): Array<Omit<ChangedPath, "verdict">> {
  const oldAbsent = isAbsent(before);
  const newAbsent = after !== UNKNOWN_AT && isAbsent(after);
  if (oldAbsent && newAbsent) return [];
  if (oldAbsent) return [{ path: at, kind: "add" }];
  if (newAbsent) return [{ path: at, kind: "delete" }];
  if (after === UNKNOWN_AT || isUnknown(after)) return [{ path: at, kind: "update" }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => leafChanges(before[i] ?? MISSING, after[i] ?? MISSING, `${at}[${i}]`)).flat();
  }
  if (isPlain(before) && isPlain(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => leafChanges(k in before ? before[k] : MISSING, k in after ? after[k] : MISSING, `${at}.${k}`));
  }
  return canonical(before) === canonical(after) ? [] : [{ path: at, kind: "update" }];
}

/** True when `ancestor` is a proper ancestor of `path` in property-path syntax. */
const isBelow = (path: string, ancestor: string): boolean => path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);

/** The changed paths, one entry per path (replace wins), none below an ancestor with an equal or stronger verdict. */
function mergeChanged(found: ChangedPath[]): ChangedPath[] {
  const byPath = new Map<string, ChangedPath>();
  for (const c of found) {
    const seen = byPath.get(c.path);
    if (!seen || (seen.verdict === "update" && c.verdict === "replace")) byPath.set(c.path, c);
  }
  const all = [...byPath.values()];
  return all.filter((c) => !all.some((a) => isBelow(c.path, a.path) && (a.verdict === "replace" || c.verdict === "update")));
}
const COVERED = new Set(DIFF_RULES.filter((r) => (r.from ?? "args") === "args").map((r) => topLevel(r.path)));
/** Not arguments: a change of provider code, of the handed-over options or of computed values is not a change. */
const IGNORED = new Set<string>([PROVIDER_KEY, OPTIONS_KEY, ...COMPUTED_KEYS]);

/** Sets `value` at a dotted path below `root`, creating objects on the way. */
function setAt(root: Props, path: string[], value: unknown): void {
  let current = root;
  for (const key of path.slice(0, -1)) {
    if (current[key] === null || typeof current[key] !== "object") current[key] = {};
    current = current[key] as Props;
  }
  current[path[path.length - 1]] = value;
}

const isPlain = (v: unknown): v is Props => v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v);

/**
 * A copy of `news` in which each value a {@link DiffRule.keepsOldWhenOmitted} row covers, when omitted,
 * is taken from the old outputs' item with the same match key (e.g. the stored UserSig of the robot with
 * the same userId). Unknown values are left alone: preview must not pretend to know them.
 */
export function withKeptValues(olds: Props, news: Props): Props {
  const out: Props = structuredClone(news);
  for (const rule of DIFF_RULES) {
    const match = rule.keepsOldWhenOmitted;
    const parts = match === undefined ? null : /^(\w+)\.(\w+)$/.exec(rule.path);
    if (!match || !parts) continue;
    const [, group, key] = parts;
    const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
    const previous = items(olds[group]).filter(isPlain);
    for (const item of items(out[group])) {
      // Present means given by the user, including the preview sentinel (a string): only omission inherits.
      if (!isPlain(item) || (item[key] !== undefined && item[key] !== null && item[key] !== "")) continue;
      const id = item[match];
      if (typeof id !== "string" || isUnknown(id)) continue;
      const old = previous.find((p) => p[match] === id && typeof p[key] === "string" && p[key] !== "");
      if (old) item[key] = old[key];
    }
  }
  return out;
}

/**
 * Compares the old outputs with the new (checked) inputs and the current target.
 * `target` may be omitted when it cannot be resolved; endpoint/region rows are then skipped.
 */
export function planChanges(olds: Props, news: Props, target?: Pick<Target, "endpoint" | "region">): DiffPlan {
  return planKeptChanges(olds, withKeptValues(olds, news), target);
}

/** {@link planChanges} for inputs that {@link withKeptValues} was already applied to (update applies it once). */
export function planKeptChanges(olds: Props, news: Props, target?: Pick<Target, "endpoint" | "region">): DiffPlan {
  const replaces: string[] = [];
  const updatedGroups = new Set<string>();
  const changed: ChangedPath[] = [];
  let changes = false;
  const adopted = isAdopted(olds);

  for (const rule of DIFF_RULES) {
    if (rule.keepsOldWhenOmitted) continue; // applied above; the group's own row judges the change
    const from = rule.from ?? "args";
    if (from === "config" && (!target || olds[rule.path] === undefined)) continue; // older state: nothing to compare
    const group = topLevel(rule.path);
    if (adopted && from === "args" && isAbsent(valueAt(olds, group))) {
      // An imported task's arguments are unknown, not absent: the program's are taken, never a replacement.
      // Update sends every group it can carry, or the row's empty value, so the task ends up as declared.
      // Only those are listed as changed: the rest (roomId, agentParams, ...) are recorded as given, and
      // listing them would let a replaceOnChanges option (the generated SDKs set one for each of them) turn
      // the adoption into a replacement (pulumi/pulumi step_generator.go applyReplaceOnChanges).
      const given = !isAbsent(valueAt(news, group));
      if (given) changes = true;
      if (rule.change !== "update") continue;
      if (given) changed.push({ path: group, verdict: "update", kind: "add" });
      if (given || (rule.fill !== undefined && rule.path === group)) updatedGroups.add(group);
      continue;
    }
    const before = valueAt(olds, rule.path);
    const after = from === "config" ? (target as Props)[rule.path] : from === "args" ? valueAt(news, rule.path) : undefined;
    const verdict = judge(rule, before, after);
    if (verdict === "none") continue;
    changes = true;
    if (verdict === "replace") replaces.push(rule.path);
    else updatedGroups.add(group);
    const leaves = from === "args" ? leafChanges(before, after, rule.path) : [];
    if (leaves.length === 0) leaves.push({ path: rule.path, kind: "update" });
    for (const leaf of leaves) changed.push({ ...leaf, verdict });
  }

  // An argument the table does not know: replacing is the only change guaranteed to take effect.
  for (const key of new Set([...Object.keys(olds), ...Object.keys(news)])) {
    if (IGNORED.has(key) || COVERED.has(key)) continue;
    if (canonical(olds[key]) !== canonical(news[key])) {
      changes = true;
      replaces.push(key);
      const kind = olds[key] === undefined ? "add" : news[key] === undefined ? "delete" : "update";
      changed.push({ path: key, verdict: "replace", kind });
    }
  }

  const send: Props = {};
  for (const group of updatedGroups) {
    const value = news[group];
    send[group] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  for (const rule of DIFF_RULES) {
    if (rule.fill === undefined || !updatedGroups.has(topLevel(rule.path))) continue;
    if (isAbsent(valueAt(send, rule.path))) setAt(send, rule.path.split("."), structuredClone(rule.fill));
  }
  for (const key of Object.keys(send)) if (send[key] === undefined) delete send[key];

  return { changes, replaces, send, changed: mergeChanged(changed) };
}
