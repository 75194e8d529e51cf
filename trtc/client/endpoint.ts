/**
 * Where requests go: the API host of either site, a region-pinned host, or a local emulator URL, and
 * which site's metadata applies there.
 */
import { HOSTS } from "../actions";
import type { Site } from "../schema";

/** A resolved endpoint. */
export interface Endpoint {
  /** The URL requests are POSTed to, always ending in `/`. */
  readonly url: string;
  /** The `Host` header value as sent and signed (`host[:port]`). */
  readonly host: string;
  /** The site whose request schemas apply. */
  readonly site: Site;
}

/**
 * The site an API host belongs to: `intl` for the international site's hosts (`trtc.intl.tencentcloudapi.com`
 * and its regional forms, which all contain `.intl.`), else `cn`. The one place the site is told from a host.
 */
export function siteOfHost(hostname: string): Site {
  return hostname.includes(".intl.") ? "intl" : "cn";
}

/** The default endpoint: the China site's nearest-region host. */
export const DEFAULT_ENDPOINT = `https://${HOSTS.cn}`;

/**
 * Resolves `endpoint` (a host name, or an `http(s)://` URL without path, query or credentials).
 * A bare host gets `https://`: Tencent serves HTTPS only, and `http://` is meant for the local emulator.
 * The site is `intl` when the host contains `.intl.`, else `cn`, unless `site` says otherwise.
 * Throws a TypeError naming `endpoint` for anything else.
 */
export function resolveEndpoint(endpoint: string = DEFAULT_ENDPOINT, site?: Site): Endpoint {
  const raw = endpoint.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new TypeError(`endpoint must be a host name or an http(s):// URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new TypeError(`endpoint must use https:// (or http:// for a local emulator), got ${url.protocol}//`);
  if (url.username || url.password)
    throw new TypeError("endpoint must not contain credentials; pass them as credentials.secretId / credentials.secretKey");
  if (url.pathname !== "/" || url.search || url.hash)
    throw new TypeError(
      `endpoint must not have a path, query or fragment (TRTC API 3.0 is always POST /), got ${JSON.stringify(endpoint)}`,
    );
  if (site !== undefined && site !== "cn" && site !== "intl")
    throw new TypeError(`site must be "cn" or "intl", got ${JSON.stringify(site)}`);
  return {
    url: `${url.protocol}//${url.host}/`,
    host: url.host,
    site: site ?? siteOfHost(url.hostname),
  };
}
