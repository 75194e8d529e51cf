/** Rules about where the mix goes: CDN targets, push-back rooms and their robots (spec §2.2(1), (14)). */
import { formatPath } from "../../casing";
import { type Rule, arr, has, obj, str } from "./model";
import { mixUsers } from "./rooms";

/** Start must send the mix somewhere. */
export const startNeedsTarget: Rule = {
  id: "start-needs-target",
  source: "spec §2.1, §2.2(1)",
  summary: "Start needs at least one entry in publishCdnParams or feedBackRoomParams.",
  check(body, report) {
    if (arr(body.PublishCdnParams).length + arr(body.FeedBackRoomParams).length > 0) return;
    // A present value of the wrong type is the schema's complaint, not this one's.
    if (has(body, "PublishCdnParams") && !Array.isArray(body.PublishCdnParams)) return;
    if (has(body, "FeedBackRoomParams") && !Array.isArray(body.FeedBackRoomParams)) return;
    report(
      ["PublishCdnParams"],
      "at least one CDN target (publishCdnParams) or push-back room (feedBackRoomParams) is required",
      "missing",
    );
  },
};

/**
 * A push target's identity: scheme, host (case-insensitive, default RTMP port 1935 dropped) and path (the
 * app and stream name), ignoring the query and fragment. The query carries the push authentication
 * (`txSecret`, `txTime`), so two URLs that differ only there push to the same stream.
 */
export function cdnTargetIdentity(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase() + (u.port && !(u.protocol === "rtmp:" && u.port === "1935") ? `:${u.port}` : "");
    return `${u.protocol.toLowerCase()}//${host}${u.pathname}`;
  } catch {
    return url.replace(/[?#].*$/s, ""); // not a URL: the schema reports it; compare what precedes the query
  }
}

/**
 * Two pushes to one stream would fight over it. Not a documented error (UNSURE), but never what a user
 * means; the message names the other entry rather than the URL, which may carry a txSecret.
 */
export const distinctCdnUrls: Rule = {
  id: "distinct-cdn-urls",
  source: "spec §5.18 (UNSURE: duplicates are not documented); a target is its scheme, host and path (app and stream name)",
  summary: "Each publishCdnParams entry pushes to a different stream: scheme, host and path differ, whatever the query.",
  check(body, report) {
    const seen = new Map<string, number>();
    arr(body.PublishCdnParams).forEach((target, i) => {
      const url = str(obj(target)?.PublishCdnUrl);
      if (url === undefined) return;
      const identity = cdnTargetIdentity(url);
      const first = seen.get(identity);
      if (first === undefined) seen.set(identity, i);
      else
        report(
          ["PublishCdnParams", i, "PublishCdnUrl"],
          `repeats publishCdnParams[${first}].publishCdnUrl: the same scheme, host and path (app and stream name), whatever the query; each CDN target needs its own stream`,
        );
    });
  },
};

/**
 * A robot shares no UserId with anyone the task names. TRTC lets one UserId into a room once: a second
 * user with the same UserId kicks the first, and a kicked robot ends the task (spec §2.2(14)); the relay
 * robot "must not equal any other user/robot UserId" (spec §5.1), a push-back robot "must be unique (not
 * used by any other user/robot)" (spec §5.22). So every robot differs from the other robots and from every
 * UserId the request itself names: custom-layout cells, the big-picture user, the single relayed user and
 * both audio lists. Users merely present in the room are not in the request; the emulator's collision
 * behaviour covers those.
 */
export const distinctRobots: Rule = {
  id: "distinct-robots",
  source: "spec §2.2(14), §5.1, §5.22",
  summary:
    "agentParams.userId and every feedBackRoomParams[].userId differ from each other and from every UserId the request mixes or relays.",
  check(body, report) {
    const users = new Map<string, string[]>();
    for (const { path, info } of mixUsers(body)) {
      const id = str(info.UserId);
      if (id !== undefined) users.set(id, [...(users.get(id) ?? []), formatPath([...path, "UserId"])]);
    }
    const sharedWith = (id: string): string | undefined => {
      const places = users.get(id);
      if (!places) return undefined;
      return (
        `must differ from every UserId the task mixes or relays, but ${places.join(" and ")} ${places.length === 1 ? "is" : "are"} ` +
        `also ${JSON.stringify(id)}; TRTC removes one of two users with the same UserId from a room`
      );
    };
    const agent = str(obj(body.AgentParams)?.UserId);
    const agentClash = agent === undefined ? undefined : sharedWith(agent);
    if (agentClash) report(["AgentParams", "UserId"], agentClash);
    const seen = new Map<string, number>();
    arr(body.FeedBackRoomParams).forEach((room, i) => {
      const id = str(obj(room)?.UserId);
      if (id === undefined) return;
      const path = ["FeedBackRoomParams", i, "UserId"];
      const clash = sharedWith(id);
      if (id === agent) report(path, `must differ from agentParams.userId (${JSON.stringify(id)}); every robot needs its own UserId`);
      else if (seen.has(id))
        report(path, `repeats feedBackRoomParams[${seen.get(id)}].userId (${JSON.stringify(id)}); every robot needs its own UserId`);
      else seen.set(id, i);
      if (clash) report(path, clash);
    });
  },
};
