/** Where a stored task lives, and where a lifecycle operation sends its calls. */
import { siteOfHost } from "../../trtc/client/endpoint";
import { normalizeEndpoint, type Target } from "../config";

type Props = Record<string, any>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** Where a stored task lives; older state without endpoint/region means "where config points now". */
export function storedTarget(props: Props, current: Target): Target {
  if (typeof props.endpoint !== "string") return current;
  const endpoint = normalizeEndpoint(props.endpoint);
  return {
    endpoint,
    region: typeof props.region === "string" ? props.region : current.region,
    site: siteOfHost(new URL(endpoint).hostname),
    timeoutMs: current.timeoutMs,
  };
}

/** True when `endpoint` is on this machine (a local emulator). */
export function isLocal(endpoint: string): boolean {
  return LOOPBACK.test(new URL(endpoint).hostname);
}
