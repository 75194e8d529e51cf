/**
 * Options of {@link startEmulator} and their defaults, resolved in one place so the CLI, the tests and the
 * provider's embedded mode all get the same emulator for the same switches.
 */
import { ACTION_NAMES, ACTIONS } from "../trtc/actions";
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, type EmulatorCredential } from "./api/auth";
import { resolveCallbackOptions, type CallbackOptions, type CallbackTarget } from "./callbacks/config";
import type { ClockFn } from "./state/clock";
import { DEFAULT_MAX_BODY_BYTES } from "./http-io";
import { RATE_WINDOWS, type RateWindow } from "./api/rate-limit";
import type { Site } from "./api/router";
import { toKeyRing } from "./api/usersig-check";
import { parseAllowedHost, type AllowedHost } from "./guard/hosts";
import { ROBOT_COLLISION_MODES, type RobotCollisionMode } from "./api/handlers/robots";

/**
 * The action table's documented per-action limit (trtc/actions.ts, spec §9), which the emulator applies to
 * each action separately. The emulator has one limit for every action, so where the table's actions
 * differed it would take the strictest.
 */
export const DEFAULT_RATE_LIMIT_PER_SECOND = Math.min(...ACTION_NAMES.map((a) => ACTIONS[a].rateLimitPerSecond));

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: the emulator is for this machine only. */
  host?: string;
  /**
   * Further names requests may carry in `Host` (CLI `--allow-host`), each `name`, `*.<domain>` or an IP
   * address, optionally `:<port>` (default: the bound port). The bound address, `localhost` and
   * `*.localhost` are always served; any other Host is refused with HTTP 403, which keeps web pages that
   * rebind their own name to 127.0.0.1 out (guard/hosts.ts). Example: `["trtc.internal"]` for an SDK
   * endpoint `trtc.internal:<port>`.
   */
  allowHost?: readonly string[];
  /** One accepted SecretId (with `secretKey`); default {@link DEFAULT_SECRET_ID}. */
  secretId?: string;
  /** The SecretKey for `secretId`; default {@link DEFAULT_SECRET_KEY}. */
  secretKey?: string;
  /** Further accepted key pairs, e.g. a temporary one with a `token`. */
  credentials?: EmulatorCredential[];
  /** false skips every signature, timestamp, SecretId and token check. Default true. */
  auth?: boolean;
  /** JSON file that keeps tasks, rooms and sequence numbers across restarts; memory only when absent. */
  dataFile?: string;
  /** Requests per second per action and SecretId; default {@link DEFAULT_RATE_LIMIT_PER_SECOND} (the action table's), 0 = no throttling. */
  rateLimitPerSecond?: number;
  /**
   * How a second is counted: `fixed` (default) each wall-clock second, `sliding` the 1000 ms before each
   * arrival. Tencent does not document its window (spec §9); see docs/EMULATOR.md.
   */
  rateWindow?: RateWindow;
  /** Running-task limit answered with `FailedOperation.RestrictedConcurrency`; unlimited when absent. */
  maxConcurrentTasks?: number;
  /** Which site's regions and schema variant to imitate. Default `cn`. */
  site?: Site;
  /** Wall clock in milliseconds; default `Date.now`. */
  clock?: ClockFn;
  /** Receives one line per API request (the request log, secrets never included). */
  log?: (line: string) => void;
  /** Body size limit in bytes; default 10 MB as documented. */
  maxBodyBytes?: number;
  /** Randomness for fault probabilities; default `Math.random`. */
  random?: () => number;
  /**
   * SDK secret keys by SdkAppId, e.g. `{ 1400188366: "..." }`: robot UserSigs of these applications are
   * checked at Start/Update (usersig-check.ts). Memory only; `PUT /_emulator/apps/<id>` adds more.
   */
  sdkSecretKeys?: Record<string, string> | ReadonlyMap<number, string>;
  /** Send relay-to-CDN callbacks here (spec §10); none when absent. Changeable through `PUT /_emulator/callback`. */
  callback?: CallbackOptions;
  /**
   * What a Start does when its robot's (or a push-back robot's) UserId is already in the room (CLI
   * `--robot-collision`). `kick` (default) is what Tencent documents: the Start succeeds and whoever
   * entered first is kicked, ending that robot's task (`FinishReason: "kicked"`). `refuse` answers the
   * Start with `InvalidParameter` instead, which Tencent does not do. See docs/EMULATOR.md.
   */
  robotCollision?: RobotCollisionMode;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  /** `allowHost`, parsed. */
  allowHost: AllowedHost[];
  credentials: EmulatorCredential[];
  auth: boolean;
  dataFile?: string;
  rateLimitPerSecond: number;
  rateWindow: RateWindow;
  maxConcurrentTasks?: number;
  site: Site;
  clock: ClockFn;
  log?: (line: string) => void;
  maxBodyBytes: number;
  random: () => number;
  /** The live key ring: the control API's apps routes edit it. */
  sdkSecretKeys: Map<number, string>;
  callback?: CallbackTarget;
  robotCollision: RobotCollisionMode;
}

const nonNegativeInt = (name: string, v: number | undefined): void => {
  if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new RangeError(`trtc-emulator: ${name} must be a non-negative integer`);
};

/** Applies defaults and rejects nonsense early, naming the option. */
export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  nonNegativeInt("port", o.port);
  nonNegativeInt("rateLimitPerSecond", o.rateLimitPerSecond);
  nonNegativeInt("maxConcurrentTasks", o.maxConcurrentTasks);
  nonNegativeInt("maxBodyBytes", o.maxBodyBytes);
  if (o.rateWindow !== undefined && !RATE_WINDOWS.includes(o.rateWindow))
    throw new RangeError(`trtc-emulator: rateWindow must be "fixed" or "sliding"`);
  if (o.site !== undefined && o.site !== "cn" && o.site !== "intl") throw new RangeError(`trtc-emulator: site must be "cn" or "intl"`);
  if (o.robotCollision !== undefined && !ROBOT_COLLISION_MODES.includes(o.robotCollision))
    throw new RangeError(`trtc-emulator: robotCollision must be "kick" or "refuse"`);
  if ((o.secretId === undefined) !== (o.secretKey === undefined)) {
    throw new RangeError("trtc-emulator: secretId and secretKey must be given together");
  }
  const allowHost = (o.allowHost ?? []).map((entry) => {
    const parsed = typeof entry === "string" ? parseAllowedHost(entry) : "allowHost entries must be strings";
    if (typeof parsed === "string") throw new RangeError(`trtc-emulator: ${parsed}`);
    return parsed;
  });
  const primary: EmulatorCredential[] =
    o.secretId !== undefined
      ? [{ secretId: o.secretId, secretKey: o.secretKey as string }]
      : o.credentials?.length
        ? []
        : [{ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }];
  return {
    port: o.port ?? 0,
    host: o.host ?? "127.0.0.1",
    allowHost,
    credentials: [...primary, ...(o.credentials ?? [])],
    auth: o.auth ?? true,
    dataFile: o.dataFile,
    rateLimitPerSecond: o.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND,
    rateWindow: o.rateWindow ?? "fixed",
    maxConcurrentTasks: o.maxConcurrentTasks,
    site: o.site ?? "cn",
    clock: o.clock ?? Date.now,
    log: o.log,
    maxBodyBytes: o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    random: o.random ?? Math.random,
    sdkSecretKeys: toKeyRing(o.sdkSecretKeys),
    callback: resolveCallbackOptions(o.callback),
    robotCollision: o.robotCollision ?? "kick",
  };
}
