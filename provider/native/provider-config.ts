/**
 * Provider configuration RPCs: CheckConfig, DiffConfig and Configure. The plugin receives only the `trtc:`
 * namespace of stack config, namespace stripped (or an explicit provider's inputs), and reads it through
 * the settings table both front ends share (../config.ts); the environment fallbacks stay as they are.
 * Missing credentials are not a config failure: preview needs none, and up/destroy say what to set.
 */
import {
  CheckFailure,
  CheckResponse,
  ConfigureResponse,
  DiffResponse,
  PropertyDiff,
  type CheckRequest,
  type ConfigureRequest,
  type DiffRequest,
} from "@pulumi/pulumi/proto/provider_pb";
import { ConfigError, SETTINGS, SETTING_NAMES, type Setting, type SettingValues, configKey, resolveTarget, storeConfig } from "../config";
import { SETTING_DOCS } from "../config-docs";
import { isUnknown } from "../unknowns";
import { resolveUserSigSettings } from "../usersig/settings";
import { secret, toStruct, unwrap } from "./wire";

type Props = Record<string, unknown>;

/** Keys the engine or generated SDKs add to provider inputs that are not settings. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

const isSetting = (key: string): key is Setting => Object.hasOwn(SETTINGS, key);

/** A config value as the settings table reads it: stack config gives strings, explicit providers typed values. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value); // sdkSecretKeys given as an object
}

/** The settings in `props`, as text (unknowns and non-settings left out). */
export function settingValues(props: Props): SettingValues {
  const values: SettingValues = {};
  for (const [key, value] of Object.entries(props)) {
    const text = asText(value);
    if (isSetting(key) && text !== undefined && !isUnknown(text) && text.trim() !== "") values[key] = text.trim();
  }
  return values;
}

/** The failure for one setting, judged alone by the same resolvers every operation uses (no rule copied here). */
function judgeSetting(setting: Setting, value: string): string | undefined {
  const only: SettingValues = { [setting]: value };
  try {
    resolveTarget({}, only);
    resolveUserSigSettings({}, only);
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
}

/**
 * CheckConfig: names every unknown key and every setting that breaks its rule. A secret setting's failure
 * is reported on the provider as a whole (`key: rule`): the engine prints a named property's value.
 */
export async function checkConfig(req: CheckRequest): Promise<CheckResponse> {
  const { props } = unwrap(req.getNews());
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string, hide: boolean) => {
    const f = new CheckFailure();
    f.setProperty(hide ? "" : property);
    f.setReason(hide ? `${property}: ${reason}` : reason);
    failures.push(f);
  };
  const values = settingValues(props);
  for (const key of Object.keys(props)) {
    if (ENGINE_KEYS.has(key) || isSetting(key)) continue;
    const near = SETTING_NAMES.find((s) => s.toLowerCase() === key.toLowerCase());
    fail(
      key,
      `is not a setting of the trtc provider${near ? ` (did you mean ${configKey(near)}?)` : ""}; ` +
        `the settings are ${SETTING_NAMES.map((s) => configKey(s)).join(", ")}`,
      true, // an unknown key may be a misspelt secret
    );
  }
  for (const setting of Object.keys(values) as Setting[]) {
    const reason = judgeSetting(setting, values[setting] as string);
    if (reason !== undefined) fail(setting, reason, SETTING_DOCS[setting].secret === true);
  }
  const res = new CheckResponse();
  // Secret settings stay marked: the provider's stored inputs hold them only encrypted.
  const inputs = Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, isSetting(k) && SETTING_DOCS[k].secret === true && v !== undefined ? secret(v) : v]),
  );
  res.setInputs(toStruct(inputs));
  res.setFailuresList(failures);
  return res;
}

/**
 * DiffConfig: which settings changed, never a replacement of the provider (that would replace every task
 * it manages). Each task's own Diff replaces it when its endpoint or region changed (the diff table's
 * `config` rows), and keeps it otherwise: credentials, timeouts and UserSig keys apply to the next call.
 */
export async function diffConfig(req: DiffRequest): Promise<DiffResponse> {
  const olds = settingValues(unwrap(req.getOldInputs() ?? req.getOlds()).props);
  const news = settingValues(unwrap(req.getNews()).props);
  const changed = SETTING_NAMES.filter((s) => olds[s] !== news[s]);
  const res = new DiffResponse();
  res.setChanges(changed.length > 0 ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE);
  res.setDiffsList(changed);
  for (const s of changed) {
    const d = new PropertyDiff();
    d.setKind(olds[s] === undefined ? PropertyDiff.Kind.ADD : news[s] === undefined ? PropertyDiff.Kind.DELETE : PropertyDiff.Kind.UPDATE);
    d.setInputdiff(true);
    res.getDetaileddiffMap().set(s, d);
  }
  res.setHasdetaileddiff(true);
  return res;
}

/**
 * Configure: stores the settings synchronously (the engine waits for Configure before resource calls, but
 * keeping the dynamic provider's rule costs nothing). `args` is the checked config; engines that send only
 * the deprecated `variables` map name keys `trtc:config:<setting>`.
 */
export async function configure(req: ConfigureRequest): Promise<ConfigureResponse> {
  let values: SettingValues;
  if (req.hasArgs()) values = settingValues(unwrap(req.getArgs()).props);
  else {
    const props: Props = {};
    for (const [key, value] of req.getVariablesMap().toArray()) props[key.replace(/^trtc:config:/, "")] = value;
    values = settingValues(props);
  }
  storeConfig({ get: (key) => values[key as Setting] });
  const res = new ConfigureResponse();
  res.setAcceptsecrets(true);
  res.setAcceptresources(true);
  res.setSupportspreview(true);
  res.setAcceptoutputs(false);
  return res;
}
