/**
 * A task as anything outside the emulator may see it by default: the control API's task views and the
 * dashboard's parameter panel. Secrets are masked with the package's one set of rules (trtc/redact.ts):
 * fields named like a credential (robot `UserSig`, storage `SecretKey`), `txSecret`-style URL parameters
 * and UserSig-shaped text anywhere, and each of the task's own secrets by value. A storage `AccessKey` is
 * masked too: the request schema counts it as a credential (trtc/schema/record.ts), even though
 * redact.ts keeps key ids such as a SecretId readable in free text.
 */
import { redactValue, secretsIn } from "../../trtc/redact";
import type { TaskRecord } from "./task";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** `McuStorageParams.CloudStorage.AccessKey` of `RecordParams`, where present. */
function storageAccessKeys(params: Obj): string[] {
  const storage = isObj(params.RecordParams) && isObj(params.RecordParams.McuStorageParams) ? params.RecordParams.McuStorageParams : {};
  const cloud = isObj(storage.CloudStorage) ? storage.CloudStorage : {};
  return typeof cloud.AccessKey === "string" ? [cloud.AccessKey] : [];
}

/** Every secret of a task's parameters, for masking by value. */
export const taskSecrets = (params: Obj): string[] => [...secretsIn(params), ...storageAccessKeys(params)];

/** A deep copy of `params` with every secret masked (`***`). */
export function maskedParams(params: Obj): Obj {
  const out = redactValue(params, taskSecrets(params));
  const storage = isObj(out.RecordParams) && isObj(out.RecordParams.McuStorageParams) ? out.RecordParams.McuStorageParams : undefined;
  // Masked by value above when long enough; by name here whatever its length.
  if (storage && isObj(storage.CloudStorage) && storage.CloudStorage.AccessKey !== undefined) storage.CloudStorage.AccessKey = "***";
  return out;
}

/** A deep copy of `task` with the secrets of its parameters masked. */
export function maskedTask(task: TaskRecord): TaskRecord {
  return { ...redactValue(task, taskSecrets(task.Params)), Params: maskedParams(task.Params) };
}
