/**
 * Command-line flags of `trtc-emulator`, parsed into {@link EmulatorOptions}. Kept apart from main.ts so
 * the parsing can be tested without spawning a process.
 */
import { checkCallbackOptions } from "../callbacks/config";
import { DEFAULT_RATE_LIMIT_PER_SECOND, type EmulatorOptions } from "../options";
import { parseAllowedHost } from "../guard/hosts";

/** What the command line asked for. */
export type CliCommand = { kind: "help" } | { kind: "run"; options: EmulatorOptions; verbose: boolean };

/** The `--help` text. */
export const USAGE = `Usage: trtc-emulator [options]

A local Tencent Cloud TRTC API 3.0 emulator (Start/Update/StopPublishCdnStream).
Prints the URL it listens on as the first line of stdout.

  --host <addr>         interface to bind (default 127.0.0.1)
  --port <n>            port; 0 picks a free one (default 0)
  --allow-host <name>[:<port>]
                        also answer requests for this Host name (repeatable; "*.<domain>" for
                        its subdomains). Always answered: the bound address, localhost, *.localhost
  --secret-id <id>      accepted SecretId (default: the documented local AKIDtrtcemulator... key)
  --secret-key <key>    its SecretKey (give both or neither)
  --no-auth             accept requests without checking signatures
  --data <file>         keep tasks, rooms and sequence numbers in this file (JSON lines)
  --rate-limit <n>      requests per second per action and SecretId (default ${DEFAULT_RATE_LIMIT_PER_SECOND}, 0 = off)
  --rate-window fixed|sliding
                        count each wall-clock second (default) or the 1000 ms before each request
  --max-tasks <n>       running-task limit (FailedOperation.RestrictedConcurrency); default unlimited
  --site cn|intl        regions and schema variant to imitate (default cn)
  --callback-url <url>  send relay-to-CDN status callbacks (spec §10) to this http(s) URL
  --callback-key <key>  their signing key, 1-32 letters/digits (or set TRTC_CALLBACK_KEY,
                        which unlike argv is not visible in ps)
  --robot-collision kick|refuse
                        a Start whose robot UserId is already in the room: kick whoever entered
                        first, ending that robot's task, as Tencent documents (default), or refuse
                        the Start with InvalidParameter
  --sdk-secret-key <SdkAppId>=<key>
                        check robot UserSigs of that application (repeatable)
  --verbose             write the request log to stderr
  --help                show this text
`;

const VALUE_FLAGS = new Set([
  "--host",
  "--port",
  "--allow-host",
  "--secret-id",
  "--secret-key",
  "--data",
  "--rate-limit",
  "--rate-window",
  "--max-tasks",
  "--site",
  "--callback-url",
  "--callback-key",
  "--sdk-secret-key",
  "--robot-collision",
]);

const intFlag = (name: string, raw: string): number => {
  if (!/^\d+$/.test(raw)) throw new Error(`${name} needs a non-negative integer, got "${raw}"`);
  return Number(raw);
};

/** Parses argv (without node and script); throws an Error naming the bad flag. */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): CliCommand {
  const options: EmulatorOptions = {};
  const callback: { url?: string; key?: string } = {};
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (VALUE_FLAGS.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
    }
    switch (flag) {
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--host":
        options.host = value;
        break;
      case "--port":
        options.port = intFlag(flag, value as string);
        break;
      case "--allow-host": {
        const parsed = parseAllowedHost(value as string);
        if (typeof parsed === "string") throw new Error(`--allow-host: ${parsed.replace(/^allowHost entry/, "entry")}`);
        options.allowHost = [...(options.allowHost ?? []), value as string];
        break;
      }
      case "--secret-id":
        options.secretId = value;
        break;
      case "--secret-key":
        options.secretKey = value;
        break;
      case "--no-auth":
        options.auth = false;
        break;
      case "--data":
        options.dataFile = value;
        break;
      case "--rate-limit":
        options.rateLimitPerSecond = intFlag(flag, value as string);
        break;
      case "--rate-window":
        if (value !== "fixed" && value !== "sliding") throw new Error(`--rate-window must be fixed or sliding, got "${value}"`);
        options.rateWindow = value;
        break;
      case "--max-tasks":
        options.maxConcurrentTasks = intFlag(flag, value as string);
        break;
      case "--site":
        if (value !== "cn" && value !== "intl") throw new Error(`--site must be cn or intl, got "${value}"`);
        options.site = value;
        break;
      case "--callback-url":
        callback.url = value;
        break;
      case "--callback-key":
        callback.key = value;
        break;
      case "--robot-collision":
        if (value !== "kick" && value !== "refuse") throw new Error(`--robot-collision must be kick or refuse, got "${value}"`);
        options.robotCollision = value;
        break;
      case "--sdk-secret-key": {
        const [appId, ...key] = (value as string).split("=");
        if (!/^\d+$/.test(appId) || key.join("=") === "") throw new Error("--sdk-secret-key needs <SdkAppId>=<key>");
        options.sdkSecretKeys = { ...(options.sdkSecretKeys as Record<string, string>), [appId]: key.join("=") };
        break;
      }
      case "--verbose":
        verbose = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  if ((options.secretId === undefined) !== (options.secretKey === undefined)) {
    throw new Error("--secret-id and --secret-key must be given together");
  }
  const callbackKey = callback.key ?? env.TRTC_CALLBACK_KEY;
  if (callback.key !== undefined && callback.url === undefined) throw new Error("--callback-key needs --callback-url");
  if (callback.url !== undefined) {
    if (!callbackKey) throw new Error("--callback-url needs --callback-key or TRTC_CALLBACK_KEY");
    const checked = checkCallbackOptions({ url: callback.url, key: callbackKey }, "--callback-");
    if (typeof checked === "string") throw new Error(checked);
    options.callback = { url: callback.url, key: callbackKey };
  }
  return { kind: "run", options, verbose };
}
