/**
 * The secrets audit: a small stack with every kind of secret (SecretKey, STS session token, robot and
 * push-back UserSigs, push-URL txSecret, storage keys) goes through up, an update, an update that fails,
 * and destroy at the engine's normal verbosity (what a terminal or CI log shows, including everything the
 * provider prints); then every byte the run left behind or printed is searched for the plaintext values.
 *
 * Not audited: Pulumi's own tracing. With `-v=9 --logtostderr` the engine logs every RPC payload
 * ("Marshaling property for RPC[...Configure().inputs]: value={...}"), and with `--debug` the Node SDK
 * dumps resource registrations, both after secrets were unwrapped for the dynamic provider, which does not
 * accept secrets. Measured once (SECRETS_AUDIT_VERBOSE=1): every plaintext hit was in those trace lines,
 * none in state, history, backups or normal output. Pulumi documents that verbose logs may hold secrets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fleetArgs } from "./fleet";
import { openEnv } from "../env";
import { PublishCdnStream } from "../../provider";

/** The values that must never appear; distinctive so a hit is never a coincidence. */
export const AUDIT_SECRETS = {
  secretKey: "AuditSecretKey0a1b2c3d4e5f6a7b8c9d",
  token: "AuditSessionToken55aa66bb77cc88dd",
  userSig: "eJwAUDITROBOTSIG3141592653",
  feedbackSig: "eJwAUDITFEEDBACKSIG2718281828",
  txSecret: "audittxsecret1618033988",
  storageSecretKey: "AuditStorageSecretKey1414213562",
  storageAccessKey: "AKIDAuditStorageAccess1732050807",
} as const;

/** Where the audit looked and what it found. */
export interface SecretsAuditResult {
  /** Places searched, with their size in bytes. */
  searched: Array<{ place: string; bytes: number }>;
  /** `place: secret name` for every hit (must be empty). */
  leaks: string[];
  /** Whether the deliberately failing update failed (so error messages were exercised). */
  failureExercised: boolean;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isSymbolicLink()) return [];
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Runs the audit on its own emulator. */
export async function runSecretsAudit(): Promise<SecretsAuditResult> {
  const S = AUDIT_SECRETS;
  const rig = await openEnv({ credentials: [{ secretId: "AKIDauditKeyId000000", secretKey: S.secretKey, token: S.token }] });
  const texts: Record<string, string> = {};
  const add = (place: string) => (s: string) => {
    texts[place] = (texts[place] ?? "") + s;
  };
  let generation = 1;
  const program = async () => {
    for (let i = 0; i < 3; i++) {
      const base = fleetArgs(i, generation, { userSig: S.userSig, txSecret: S.txSecret });
      new PublishCdnStream(`audit-${i}`, {
        ...base,
        feedBackRoomParams: [{ roomId: String(920000 + i), roomIdType: 0, userId: `audit_feedback_${i}`, userSig: S.feedbackSig }],
        recordParams: {
          uniRecord: 3,
          recordKey: `audit_${i}`,
          mcuStorageParams: {
            cloudStorage: {
              vendor: 0,
              region: "ap-shanghai",
              bucket: "rec-1250000000",
              accessKey: S.storageAccessKey,
              secretKey: S.storageSecretKey,
            },
          },
        },
      });
    }
    return {};
  };
  try {
    const stack = await rig.stack("secrets", "audit", program, {
      "tencentcloud:secretId": { value: "AKIDauditKeyId000000" },
      "tencentcloud:secretKey": { value: S.secretKey, secret: true },
      "tencentcloud:securityToken": { value: S.token, secret: true },
    });
    const verbose = process.env.SECRETS_AUDIT_VERBOSE ? ({ logToStdErr: true, logVerbosity: 9, debug: true } as const) : {};
    await stack.up({ ...verbose, onOutput: add("up stdout"), onError: add("up stderr") });
    generation = 2;
    await stack.up({ ...verbose, onOutput: add("update stdout"), onError: add("update stderr") });
    generation = 3;
    await rig.control("POST", "faults", { action: "UpdatePublishCdnStream", error: "InternalError" });
    let failureExercised = false;
    try {
      await stack.up({ ...verbose, onOutput: add("failing update stdout"), onError: add("failing update stderr") });
    } catch (e) {
      failureExercised = true;
      add("failing update error")(String((e as Error).message));
    }
    await rig.control("DELETE", "faults");
    await stack.destroy({ ...verbose, onOutput: add("destroy stdout"), onError: add("destroy stderr") });
    for (const file of [...filesUnder(path.join(rig.dir, "backend")), ...filesUnder(path.join(rig.dir, "home", "logs"))]) {
      texts[path.relative(rig.dir, file)] = fs.readFileSync(file, "utf8");
    }
    texts["emulator request log"] = JSON.stringify(await rig.control("GET", "requests"));
    if (process.env.SECRETS_AUDIT_DUMP) {
      fs.mkdirSync(process.env.SECRETS_AUDIT_DUMP, { recursive: true });
      for (const [place, text] of Object.entries(texts))
        fs.writeFileSync(path.join(process.env.SECRETS_AUDIT_DUMP, place.replace(/[^\w.-]+/g, "_")), text);
    }
    const leaks: string[] = [];
    for (const [place, text] of Object.entries(texts)) {
      for (const [name, value] of Object.entries(S)) if (text.includes(value)) leaks.push(`${place}: ${name}`);
    }
    return { searched: Object.entries(texts).map(([place, t]) => ({ place, bytes: Buffer.byteLength(t) })), leaks, failureExercised };
  } finally {
    await rig.close();
  }
}
