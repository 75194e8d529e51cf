/**
 * One policy for the fields Tencent documents as "only takes effect in …" (只在…有效 / 仅在…有效):
 * they are **accepted**, as Tencent accepts them (it documents no error for any of them), and the user is
 * **told** that the value has no effect wherever the product can speak — a warning from the
 * `PublishCdnStream` resource when the program runs, the layout picture's problem list, and the emulator's
 * request log. Nothing here ever fails a request.
 *
 * The table is data, so generators (argument docs) and the three places that warn read the same rows;
 * {@link noEffectNotices} is the only code that interprets it.
 */
import { type Json, type Path, arr, at, has, obj } from "./model";

/** When a field takes effect, read from a field of the same struct (or below it). */
export interface EffectCondition {
  /** Path of the deciding field, relative to the struct holding the field, e.g. `["MixLayoutMode"]`. */
  readonly field: readonly string[];
  /** The field takes effect when the deciding field is one of these. */
  readonly oneOf?: readonly (number | string)[];
  /** The field takes effect when the deciding field is absent. */
  readonly absent?: true;
  /** The field takes effect when the deciding list contains one of these. */
  readonly includesAny?: readonly string[];
  /** Tencent's documented default of the deciding field, used when it is absent. */
  readonly default?: number | string | readonly string[];
  /** What each value of the deciding field means, for messages: `{ 3: "grid" }`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** One field that Tencent accepts but documents as taking effect only in some configurations. */
export interface NoEffectRule {
  /** Stable identifier, used by tests and docs. */
  readonly id: string;
  /** API path of the struct holding the field; `"*"` stands for every item of a list. */
  readonly struct: readonly string[];
  /** The field's API key in that struct. */
  readonly field: string;
  /** When the field takes effect; absent means never (Tencent documents it as having no effect). */
  readonly when?: EffectCondition;
  /**
   * Where it takes effect, in camelCase words: `mixLayoutMode 1 (floating) or 2 (screen sharing)`; for a
   * field that never does (no `when`), why not, as a sentence.
   */
  readonly effectiveIn: string;
  /** Tencent's words for it, with the spec section. */
  readonly source: string;
}

const MODES = { 1: "floating", 2: "screen sharing", 3: "grid", 4: "custom" } as const;
const LAYOUT = ["VideoParams", "LayoutParams"];
const CELL = [...LAYOUT, "MixLayoutList", "*"];
const DYNAMIC: EffectCondition = { field: ["MixLayoutMode"], oneOf: [1, 2, 3], default: 1, labels: MODES };
const ONLY_UNI_RECORD_3: EffectCondition = {
  field: ["UniRecord"],
  oneOf: [3],
  labels: { 1: "no recording", 2: "console template", 3: "these parameters" },
};
const RECORD_3_SOURCE = 'spec §2.2(13), §5.23: "only take effect when UniRecord = 3" (UniRecord=3 only)';

/** The table: every field documented as taking effect only somewhere. */
export const NO_EFFECT_RULES: readonly NoEffectRule[] = [
  {
    id: "max-video-user-layouts",
    struct: LAYOUT,
    field: "MaxVideoUser",
    when: { field: ["MixLayoutMode"], oneOf: [1, 2], default: 1, labels: MODES },
    effectiveIn: "mixLayoutMode 1 (floating) or 2 (screen sharing)",
    source:
      'spec §2.2(12), §5.8; McuLayoutParams.MaxVideoUser: "只在悬浮布局和屏幕分享布局有效" (only in the floating and screen-sharing layouts)',
  },
  {
    id: "mix-layout-list-custom",
    struct: LAYOUT,
    field: "MixLayoutList",
    when: { field: ["MixLayoutMode"], oneOf: [4], default: 1, labels: MODES },
    effectiveIn: "mixLayoutMode 4 (custom)",
    source: 'spec §5.8; McuLayoutParams.MixLayoutList: "自定义模板中有效" (effective in the custom template)',
  },
  {
    id: "pure-audio-hold-place-dynamic",
    struct: LAYOUT,
    field: "PureAudioHoldPlaceMode",
    when: DYNAMIC,
    effectiveIn: "the dynamic layouts, mixLayoutMode 1, 2 or 3",
    source: 'spec §2.2(12), §5.8; McuLayoutParams.PureAudioHoldPlaceMode: "只在动态布局中有效" (only in dynamic layouts)',
  },
  {
    id: "layout-render-mode-dynamic",
    struct: LAYOUT,
    field: "RenderMode",
    when: DYNAMIC,
    effectiveIn: "the dynamic layouts, mixLayoutMode 1, 2 or 3",
    source:
      'spec §2.2(12), §5.8; McuLayoutParams.RenderMode: "屏幕分享模板、悬浮模板、九宫格模版有效" (screen-sharing, floating and grid templates)',
  },
  {
    id: "layout-enable-stream-sei-dynamic",
    struct: LAYOUT,
    field: "EnableStreamSEI",
    when: DYNAMIC,
    effectiveIn: "the dynamic layouts, mixLayoutMode 1, 2 or 3",
    source: "spec §2.2(12), §5.8 (China site, added 2026-06-30): dynamic layouts only",
  },
  {
    id: "cell-transparent-url-crop",
    struct: CELL,
    field: "TransparentUrl",
    when: {
      field: ["RenderMode"],
      oneOf: [0],
      default: 0,
      labels: { 0: "crop", 1: "scale and show background", 2: "scale with black background" },
    },
    effectiveIn: "the cell's renderMode 0 (crop)",
    source: "spec §5.9: TransparentUrl is only effective when RenderMode = 0",
  },
  {
    id: "cell-background-colour-unsupported",
    struct: CELL,
    field: "BackGroundColor",
    effectiveIn: "Tencent documents a cell's backGroundColor as not effective and not supported yet",
    source: 'spec §5.9, §13.8: "【此参数配置无效，暂不支持】" (this setting is invalid, not supported yet)',
  },
  {
    id: "pass-through-uuid-type-5",
    struct: ["SeiParams", "PassThrough"],
    field: "PayloadUuid",
    when: { field: ["PayloadType"], oneOf: [5] },
    effectiveIn: "payloadType 5",
    source: "spec §2.2(10), §5.21: PayloadUuid is required iff PayloadType = 5 and ignored otherwise",
  },
  {
    id: "sound-level-allow-list",
    struct: ["AudioParams", "UnSubscribeAudioList", "*"],
    field: "SoundLevel",
    effectiveIn: "soundLevel only takes effect in audioParams.subscribeAudioList, not in the block-list",
    source: "spec §5.4: SoundLevel is only effective in the whitelist (SubscribeAudioList)",
  },
  ...["RecordWaitTime", "RecordFormat", "MaxMediaFileDuration", "StreamType", "McuStorageParams"].map(
    (field): NoEffectRule => ({
      id: `${field.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase())}-needs-uni-record-3`,
      struct: ["RecordParams"],
      field,
      when: ONLY_UNI_RECORD_3,
      effectiveIn: "uniRecord 3 (record with these parameters)",
      source: RECORD_3_SOURCE,
    }),
  ),
  {
    id: "record-max-media-file-duration-mp4-aac",
    struct: ["RecordParams"],
    field: "MaxMediaFileDuration",
    when: { field: ["RecordFormat"], includesAny: ["mp4", "aac"], default: ["mp4"] },
    effectiveIn: 'a recordFormat with "mp4" or "aac"',
    source: "spec §5.23: MaxMediaFileDuration applies to mp4/aac only",
  },
  {
    id: "record-prefix-vod-only",
    struct: ["RecordParams"],
    field: "UserDefineRecordPrefix",
    when: { field: ["McuStorageParams", "CloudStorage"], absent: true },
    effectiveIn: "VOD storage, not recordParams.mcuStorageParams.cloudStorage",
    source: "spec §5.23: UserDefineRecordPrefix is for VOD storage only",
  },
];

/** One field present with no effect, at its API path. */
export interface NoEffectNotice {
  /** API path of the field. */
  readonly path: Path;
  /** Why it has no effect, in camelCase words, e.g. `has no effect: it only takes effect with …`. */
  readonly rule: string;
  /** The {@link NoEffectRule.id} that found it. */
  readonly ruleId: string;
}

const camel = (key: string): string => key[0].toLowerCase() + key.slice(1);

/** Every object at `struct` (expanding `"*"` over list items), with its path. */
function structsAt(body: Json, struct: readonly string[]): Array<{ path: Path; value: Json }> {
  let found: Array<{ path: Path; value: unknown }> = [{ path: [], value: body }];
  for (const key of struct) {
    found = found.flatMap(({ path, value }) =>
      key === "*"
        ? arr(value).map((item, i) => ({ path: [...path, i], value: item }))
        : [{ path: [...path, key], value: obj(value)?.[key] }],
    );
  }
  return found.flatMap(({ path, value }) => (obj(value) ? [{ path, value: obj(value) as Json }] : []));
}

/** Whether the field takes effect given the deciding value; undefined when that value cannot be judged. */
function takesEffect(when: EffectCondition, value: unknown): boolean | undefined {
  if (when.absent) return value === undefined;
  const decided = value ?? when.default;
  if (decided === undefined) return false;
  if (when.oneOf) return typeof decided === "number" || typeof decided === "string" ? when.oneOf.includes(decided) : undefined;
  if (when.includesAny) return Array.isArray(decided) ? decided.some((v) => when.includesAny?.includes(v)) : undefined;
  return true;
}

/** `mixLayoutMode is 3 (grid)` / `payloadType is not set` / `mcuStorageParams.cloudStorage is set`. */
function describeDecider(when: EffectCondition, value: unknown): string {
  const name = when.field.map(camel).join(".");
  if (when.absent) return `${name} is set`;
  if (value === undefined)
    return when.default === undefined ? `${name} is not set` : `${name} is ${JSON.stringify(when.default)} by default`;
  const label = when.labels?.[String(value)];
  return `${name} is ${JSON.stringify(value)}${label ? ` (${label})` : ""}`;
}

/**
 * Every field of `body` (an API-shaped Start or Update body, PascalCase) that is present but, by
 * {@link NO_EFFECT_RULES}, has no effect. Never throws on malformed input: values of the wrong type are
 * the schema's business and are not judged here.
 */
export function noEffectNotices(body: unknown, rules: readonly NoEffectRule[] = NO_EFFECT_RULES): NoEffectNotice[] {
  const root = obj(body);
  if (!root) return [];
  const notices: NoEffectNotice[] = [];
  for (const rule of rules) {
    for (const { path, value } of structsAt(root, rule.struct)) {
      if (!has(value, rule.field)) continue;
      if (!rule.when) {
        notices.push({ path: [...path, rule.field], rule: `has no effect: ${rule.effectiveIn}`, ruleId: rule.id });
        continue;
      }
      const decider = at(value, ...rule.when.field);
      if (takesEffect(rule.when, decider) !== false) continue;
      notices.push({
        path: [...path, rule.field],
        rule: `has no effect: it only takes effect with ${rule.effectiveIn}, and ${describeDecider(rule.when, decider)}`,
        ruleId: rule.id,
      });
    }
  }
  return notices;
}
