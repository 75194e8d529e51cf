/**
 * Adopting a task that already runs. TRTC has no Describe call and Pulumi's dynamic-provider host cannot
 * import (pulumi/pulumi#16175), so the dynamic resource refuses the `import` and `id` options with a
 * message saying why and what to use; the native provider plugin imports (its rows are not applicable to
 * the dynamic front end, and say so).
 */
import { toApiCase } from "../../../../trtc/casing";
import { inState, requestsOf, task } from "../checks";
import type { Row } from "../model";
import { SDK_APP_ID, mixArgs, program, resource } from "../programs";
import { emulator, pulumi, upFails, urnOf, verify, write } from "../steps";

const ROOM = "450001";
/** A TaskId of the emulator's shape that no task has. */
const SOME_TASK_ID = "1I0AXxeaMZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZQ..";

const REFUSED = [/PublishCdnStream "live": the `import` resource option is not supported/, /no Describe call/, /pulumi-resource-trtc/];

/** A task started outside Pulumi with exactly the program's arguments, as a user's own tooling would. */
const startOutside = emulator("start the task outside Pulumi (the TRTC API)", async (ctx) => {
  const started = await ctx.emulator.client().startPublishCdnStream(toApiCase(mixArgs(ROOM)));
  ctx.vars.outside = started.TaskId;
});

const adoptedWithoutStart = verify("state holds the outside task; Pulumi started nothing", async (ctx) => {
  expect((await inState(ctx, "live")).id).toBe(ctx.vars.outside);
  expect(await requestsOf(ctx, "StartPublishCdnStream")).toBe(1);
  expect((await task(ctx, ctx.vars.outside)).Status).toBe("running");
});

export const importRows: Row[] = [
  {
    id: "import-option",
    item: 4,
    workflow: "The import (and id) resource option on the dynamic resource",
    expected:
      "Refused when the program runs, before any API call: the message says TRTC has no Describe call, Pulumi's " +
      "dynamic host cannot import, and names the native provider plugin, which can.",
    notApplicable: (fe) => (fe.importOption ? "this front end adopts the task instead: row import-option-adopt" : undefined),
    steps: [
      write(program(resource("live", mixArgs(ROOM), { import: SOME_TASK_ID }))),
      upFails(REFUSED),
      write(program(resource("live", mixArgs(ROOM), { id: SOME_TASK_ID }))),
      upFails([/PublishCdnStream "live": the `id` resource option is not supported/]),
      verify("nothing reached the emulator", async (ctx) => {
        expect(await ctx.emulator.requests()).toEqual([]);
      }),
    ],
  },
  {
    id: "import-option-adopt",
    workflow: "The import resource option adopts a running task",
    expected: "The up records the running task's TaskId without a Start; the next up changes nothing.",
    notApplicable: (fe) =>
      fe.importOption ? undefined : "a dynamic resource cannot import (pulumi/pulumi#16175); it refuses the option: row import-option",
    steps: [
      startOutside,
      write((ctx) => program(resource("live", mixArgs(ROOM), { import: ctx.fe.importId!(SDK_APP_ID, ctx.vars.outside) }))),
      pulumi(["up"], { ok: true, ops: { live: "import" } }),
      adoptedWithoutStart,
    ],
  },
  {
    id: "import-cli",
    workflow: "pulumi import <type> <name> <id> of a running task",
    expected: "The task is in state (protected, as the CLI imports), no Start sent, the task untouched.",
    notApplicable: (fe) =>
      fe.cliImport
        ? undefined
        : "Pulumi's dynamic-provider host fails `pulumi import` before any provider code runs (pulumi/pulumi#16175); " +
          "docs/RESOURCE.md says so and points to the native provider plugin",
    steps: [
      startOutside,
      write(program()),
      pulumi(
        ["import", (ctx) => ctx.fe.typeToken, "live", (ctx) => ctx.fe.importId!(SDK_APP_ID, ctx.vars.outside), "--generate-code=false"],
        { ok: true },
      ),
      adoptedWithoutStart,
      pulumi(["state", "unprotect", urnOf("live")], { ok: true }),
    ],
  },
];
