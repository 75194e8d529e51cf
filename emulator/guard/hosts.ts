/**
 * Which `Host` headers the emulator answers. Binding 127.0.0.1 keeps other machines out, but not the web
 * pages in the developer's own browser: a page whose domain name is re-pointed at 127.0.0.1 (DNS
 * rebinding) reaches the emulator as "same origin" and could read every task's UserSigs and push URLs. A
 * browser always sends the page's own name as `Host`, so answering only the names the emulator is really
 * reached by closes that door (the same defence as Vite's `server.allowedHosts` and webpack-dev-server's
 * `allowedHosts`).
 *
 * Answered: the address the emulator is bound to (any IP literal when it is bound to every interface,
 * since a literal address cannot be rebound), `localhost` and `*.localhost` (RFC 6761 §6.3: they always
 * resolve to loopback), each on the bound port; and the entries of `allowHost` (`--allow-host`).
 */
import { isIP } from "node:net";

/** One `allowHost` entry: a name (or `*.` suffix, or IP literal) and the port it is reached on. */
export interface AllowedHost {
  /** Lower-case host name or IP literal (IPv6 without brackets); for a wildcard, the suffix after `*.`. */
  readonly name: string;
  /** True for `*.example.test`: any name ending in `.example.test` (not `example.test` itself). */
  readonly wildcard: boolean;
  /** The port the name is reached on; undefined = the emulator's bound port. */
  readonly port?: number;
}

/** A Host header split into a normalised name and a port (80 when absent, as for `http:`). */
interface HostPort {
  readonly name: string;
  readonly port: number;
}

/** Characters that make a Host header something other than `name[:port]`. */
const NOT_A_HOST = /[\s/\\@?#%]/;

/**
 * Splits `name[:port]` (IPv6 in brackets) the way a browser builds it, normalising case, a trailing dot
 * and IPv4 spellings through the WHATWG URL parser. Undefined for anything else.
 */
function splitHost(value: string): HostPort | undefined {
  if (value === "" || NOT_A_HOST.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return undefined;
  }
  const name = url.hostname.replace(/\.$/, "").replace(/^\[(.*)\]$/, "$1");
  if (name === "") return undefined;
  return { name, port: url.port === "" ? 80 : Number(url.port) };
}

/**
 * Parses one `allowHost` entry: `name`, `*.suffix`, an IP literal, each optionally `:port`.
 * @returns the entry, or a message naming the entry and the rule it breaks.
 */
export function parseAllowedHost(entry: string): AllowedHost | string {
  const bad = `allowHost entry "${entry}" must be a host name, "*.<domain>" or an IP address, optionally with ":<port>"`;
  const wildcard = entry.startsWith("*.");
  const rest = wildcard ? entry.slice(2) : entry;
  if (rest.includes("*")) return bad;
  const split = splitHost(rest);
  if (!split) return bad;
  if (wildcard && isIP(split.name) !== 0) return bad;
  const explicitPort = /:\d+$/.test(rest) && !/^\[[^\]]*\]$/.test(rest);
  return { name: split.name, wildcard, port: explicitPort ? split.port : undefined };
}

/** Where the emulator listens, as `server.address()` and the `host` option tell. */
export interface BoundAddress {
  /** The `host` option (a name or address, possibly a wildcard). */
  readonly host: string;
  /** The address actually bound. */
  readonly address: string;
  /** The port actually bound. */
  readonly port: number;
}

const WILDCARDS = new Set(["0.0.0.0", "::", "", "[::]"]);

/** Decides whether a request's Host is one the emulator serves. */
export class HostGuard {
  private readonly ownNames: ReadonlySet<string>;
  private readonly everyAddress: boolean;

  /**
   * @param bound where the emulator listens.
   * @param allowed the `allowHost` entries, already parsed by {@link parseAllowedHost}.
   */
  constructor(
    private readonly bound: BoundAddress,
    private readonly allowed: ReadonlyArray<AllowedHost>,
  ) {
    this.everyAddress = WILDCARDS.has(bound.host);
    this.ownNames = new Set(
      [bound.host, bound.address]
        .filter((h) => !WILDCARDS.has(h))
        .map((h) => splitHost(isIP(h) === 6 ? `[${h}]` : h)?.name)
        .filter((h): h is string => h !== undefined),
    );
  }

  /** True when `hostHeader` names this emulator (see the module comment for which names do). */
  accepts(hostHeader: string | undefined): boolean {
    const host = hostHeader === undefined ? undefined : splitHost(hostHeader);
    if (!host) return false;
    for (const a of this.allowed) {
      const nameMatches = a.wildcard ? host.name.endsWith(`.${a.name}`) : host.name === a.name;
      if (nameMatches && host.port === (a.port ?? this.bound.port)) return true;
    }
    if (host.port !== this.bound.port) return false;
    if (host.name === "localhost" || host.name.endsWith(".localhost")) return true;
    if (this.ownNames.has(host.name)) return true;
    return this.everyAddress && isIP(host.name) !== 0;
  }

  /** The answer to a refused Host: what was refused, what is served, and the option that widens it. */
  refusal(hostHeader: string | undefined): string {
    const own = [...this.ownNames].map((n) => (isIP(n) === 6 ? `[${n}]` : n));
    const served = [
      ...(this.everyAddress ? ["any IP address"] : own),
      "localhost",
      "*.localhost",
      ...this.allowed.map((a) => `${a.wildcard ? "*." : ""}${a.name}${a.port !== undefined ? `:${a.port}` : ""}`),
    ];
    const what = hostHeader === undefined ? "a request without a Host header" : `Host ${JSON.stringify(hostHeader)}`;
    return (
      `trtc-emulator refused ${what}: it answers only ${served.join(", ")} on port ${this.bound.port}, so that ` +
      "web pages cannot reach it by another name (DNS rebinding). If you reach it by this name on purpose, " +
      "start it with --allow-host <name>[:<port>] (startEmulator option allowHost)."
    );
  }
}

/**
 * The normalised `name:port` of a Host header (IPv6 in brackets), or undefined when it is not one; the
 * origin check compares a browser's `Origin` with it.
 */
export function hostKey(value: string): string | undefined {
  const split = splitHost(value);
  if (!split) return undefined;
  return `${isIP(split.name) === 6 ? `[${split.name}]` : split.name}:${split.port}`;
}
