/** Rules about where the mix goes: CDN targets, push-back rooms and their robots (spec §2.2(1), (14)). */
import { type Rule, arr, has, obj, str } from "./model";

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
 * Two pushes to one URL would fight over the same stream. Not a documented error (UNSURE), but never what
 * a user means; the message names the other entry rather than the URL, which may carry a txSecret.
 */
export const distinctCdnUrls: Rule = {
  id: "distinct-cdn-urls",
  source: "spec §5.18 (UNSURE: duplicates are not documented)",
  summary: "Each publishCdnParams entry has a different publishCdnUrl.",
  check(body, report) {
    const seen = new Map<string, number>();
    arr(body.PublishCdnParams).forEach((target, i) => {
      const url = str(obj(target)?.PublishCdnUrl);
      if (url === undefined) return;
      const first = seen.get(url);
      if (first === undefined) seen.set(url, i);
      else
        report(
          ["PublishCdnParams", i, "PublishCdnUrl"],
          `repeats publishCdnParams[${first}].publishCdnUrl; each CDN target needs its own URL`,
        );
    });
  },
};

/** A robot UserId that collides with another robot gets one of them kicked and the task ends (spec §2.2(14)). */
export const distinctRobots: Rule = {
  id: "distinct-robots",
  source: "spec §2.2(14), §5.22",
  summary: "Every push-back robot's userId differs from agentParams.userId and from the other robots'.",
  check(body, report) {
    const agent = str(obj(body.AgentParams)?.UserId);
    const seen = new Map<string, number>();
    arr(body.FeedBackRoomParams).forEach((room, i) => {
      const id = str(obj(room)?.UserId);
      if (id === undefined) return;
      const path = ["FeedBackRoomParams", i, "UserId"];
      if (id === agent) report(path, `must differ from agentParams.userId (${JSON.stringify(id)}); every robot needs its own UserId`);
      else if (seen.has(id))
        report(path, `repeats feedBackRoomParams[${seen.get(id)}].userId (${JSON.stringify(id)}); every robot needs its own UserId`);
      else seen.set(id, i);
    });
  },
};
