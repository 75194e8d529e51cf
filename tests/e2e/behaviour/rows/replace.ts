/**
 * Replacement, on every path the engine has. TRTC seats one robot UserId once per room, so a replacement
 * must stop the old task before the new one starts (docs/RESOURCE.md); the only exception is a user who
 * set `deleteBeforeReplace: false` and gets what they asked for.
 */
import { expectStopThenStart, inState, remember, task } from "../checks";
import type { Row } from "../model";
import { mixArgs, program, resource } from "../programs";
import { up, urnOf, verify, write } from "../steps";

const ROOM = "410001";
const live = (options = {}) => program(resource("live", mixArgs(ROOM), options));
const anchorOf = (room: string) => resource("anchor", mixArgs(room), { deleteBeforeReplace: false });

/** A task replaced when its `replacementTrigger` changes, and `live`, replaced with the anchor (`replaceWith`). */
const engineDecided = (trigger: string, anchorRoom: string) =>
  program(
    resource("trigger", mixArgs("410031"), { replacementTrigger: trigger }),
    anchorOf(anchorRoom),
    resource("live", mixArgs(ROOM), { replaceWith: ["anchor"] }),
  );

const SAME_IN_BOTH_MODES =
  "Stopped before started, so the two robots never meet: the same outcome whether the emulator refuses a " +
  "colliding Start or kicks the robot already seated.";

export const replaceRows: Row[] = [
  {
    id: "replace-diff",
    workflow: "A change the diff replaces (roomId)",
    expected: "Old task stopped, then the new one started in the new room; one task running.",
    steps: [
      write(live()),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("live", mixArgs("410002")))),
      up({ live: "replace" }),
      verify("the old task stopped before the new one started", async (ctx) => {
        const now = await inState(ctx, "live");
        const old = await task(ctx, ctx.vars.live);
        const fresh = await task(ctx, now.id);
        expect(old.FinishReason).toBe("stopped");
        expect(Date.parse(old.FinishedAt!)).toBeLessThanOrEqual(Date.parse(fresh.CreatedAt));
        expect((await ctx.emulator.running()).map((t) => t.TaskId)).toEqual([now.id]);
      }),
    ],
  },
  {
    id: "replace-cli",
    item: 1,
    workflow: "pulumi up --replace <urn>",
    expected: `The old task stopped, then a new one started with the same arguments. ${SAME_IN_BOTH_MODES}`,
    perCollisionMode: true,
    steps: [
      write(live()),
      up({ live: "create" }),
      remember("live"),
      up({ live: "replace" }, ["--replace", urnOf("live")]),
      expectStopThenStart("live"),
    ],
  },
  {
    id: "target-replace",
    item: 1,
    workflow: "pulumi up --target-replace <urn>",
    expected: `As --replace, and nothing else is touched. ${SAME_IN_BOTH_MODES}`,
    perCollisionMode: true,
    steps: [
      write(program(resource("live", mixArgs(ROOM)), resource("bystander", mixArgs("410009")))),
      up({ live: "create", bystander: "create" }),
      remember("live"),
      remember("bystander"),
      up({ live: "replace", bystander: "none" }, ["--target-replace", urnOf("live")]),
      expectStopThenStart("live"),
      verify("the bystander's task was not touched", async (ctx) => {
        expect((await task(ctx, ctx.vars.bystander)).History.map((h) => h.Action)).toEqual(["StartPublishCdnStream"]);
      }),
    ],
  },
  {
    id: "replace-options",
    item: 1,
    workflow: "replacementTrigger changed, and replaceWith naming a resource that is replaced, in one up",
    expected:
      "The engine decides both replacements without asking the provider; each old task is still stopped before " +
      `its replacement starts. ${SAME_IN_BOTH_MODES}`,
    perCollisionMode: true,
    steps: [
      // The anchor moves rooms create-first, so the engine does not fold live into a delete-first chain of
      // dependents: live's replacement is the engine's own decision (replaceWith), never asked of diff.
      write(engineDecided("v1", "410011")),
      up({ trigger: "create", anchor: "create", live: "create" }),
      remember("trigger"),
      remember("live"),
      write(engineDecided("v2", "410012")),
      up({ trigger: "replace", anchor: "replace", live: "replace" }),
      expectStopThenStart("trigger"),
      expectStopThenStart("live"),
    ],
  },
  {
    id: "dbr-false",
    workflow: "deleteBeforeReplace: false, then a replacement",
    expected:
      "The user's choice wins: the new task starts before the old one stops (here in another room, so the " +
      "robots do not meet); both existed at once, then one runs.",
    steps: [
      write(live({ deleteBeforeReplace: false })),
      up({ live: "create" }),
      remember("live"),
      write(program(resource("live", mixArgs("410003"), { deleteBeforeReplace: false }))),
      up({ live: "replace" }),
      verify("created first, deleted after", async (ctx) => {
        const now = await inState(ctx, "live");
        const old = await task(ctx, ctx.vars.live);
        const fresh = await task(ctx, now.id);
        expect(old.FinishReason).toBe("stopped");
        expect(Date.parse(fresh.CreatedAt)).toBeLessThanOrEqual(Date.parse(old.FinishedAt!));
        expect((await ctx.emulator.running()).map((t) => t.TaskId)).toEqual([now.id]);
      }),
    ],
  },
];
