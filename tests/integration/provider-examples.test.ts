/**
 * Every example program, run under `setMocks` (no engine): it registers one PublishCdnStream whose
 * arguments pass the shared validator, with credentials only in secret inputs, and returns a TaskId.
 * The examples' real deployments run in the e2e suite.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkArguments } from "../../provider/check";
import { noEffectWarnings } from "../../provider/no-effect-warnings";

const EXAMPLES = [
  "mix-audio-video-cdn",
  "mix-audio-only",
  "relay-single-audio-video",
  "relay-single-audio-only",
  "mix-feedback-room",
  "mix-layout-sei",
  "cross-room-mix",
];
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

const registered: pulumi.runtime.MockResourceArgs[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push(args);
        return { id: `task-${args.name}`, state: { ...args.inputs, taskId: `task-${args.name}`, sequenceNumber: 0 } };
      },
      call: () => ({}),
    },
    "examples",
    "test",
    false,
  );
});

/** Strips Pulumi's secret wrappers, returning the plain arguments and which top-level ones were secret. */
function unwrap(inputs: Record<string, any>): { args: Record<string, any>; secret: string[] } {
  const args: Record<string, any> = {};
  const secret: string[] = [];
  for (const [k, v] of Object.entries(inputs)) {
    if (k === "__provider") continue;
    const wrapped = v !== null && typeof v === "object" && SECRET_SIG in v;
    if (wrapped) secret.push(k);
    args[k] = wrapped ? v.value : v;
  }
  return { args, secret: secret.sort() };
}

test.each(EXAMPLES)("examples/%s registers a valid task and returns its TaskId", async (name) => {
  registered.length = 0;
  const mod = await import(`../../examples/${name}`);
  expect(typeof mod.default).toBe("function");
  const outputs = await mod.default();
  const taskId = await new Promise((resolve) => (outputs.taskId as pulumi.Output<string>).apply(resolve));
  expect(taskId).toBe(`task-${name}`);

  expect(registered).toHaveLength(1);
  expect(registered[0].type).toBe("pulumi-nodejs:dynamic/trtc:PublishCdnStream");
  const { args, secret } = unwrap(registered[0].inputs);
  expect(checkArguments(args, "cn").failures).toEqual([]);
  // An example teaches by example: nothing in it is an argument without effect (no resource warning).
  expect(noEffectWarnings(args)).toEqual([]);
  expect(secret).toEqual(["agentParams", args.feedBackRoomParams ? "feedBackRoomParams" : "publishCdnParams"].sort());
});

test("the examples' robots never collide, so they can all run against one emulator", async () => {
  const robots = new Set<string>();
  for (const name of EXAMPLES) {
    registered.length = 0;
    const outputs = await (await import(`../../examples/${name}`)).default();
    await new Promise((resolve) => (outputs.taskId as pulumi.Output<string>).apply(resolve)); // registration done
    const { args } = unwrap(registered[0].inputs);
    for (const id of [args.agentParams.userId, ...(args.feedBackRoomParams ?? []).map((f: any) => f.userId)]) {
      expect(robots.has(id)).toBe(false);
      robots.add(id);
    }
  }
  expect(robots.size).toBe(EXAMPLES.length + 1);
});
