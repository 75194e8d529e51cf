/**
 * Every example under examples/ through `pulumi preview`, `up` and `destroy` in its own project
 * directory (the CLI's Node.js language host compiles and runs it, as for a user), against an emulator of
 * its own; two examples run at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { toApiCase } from "../../trtc/casing";
import { pooled } from "../helpers/pooled";
import { openEnv, projectStack, relayResources, REPO, stateText, userArgs, type E2eEnv } from "./harness";

const EXAMPLES = fs
  .readdirSync(path.join(REPO, "examples"))
  .filter((name) => fs.existsSync(path.join(REPO, "examples", name, "Pulumi.yaml")))
  .sort();

/** Secret-shaped values the examples fall back to; state must hold them only encrypted. */
const LOCAL_SECRETS = ["local-emulator-usersig-replace-me-with-pulumi-config", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"];

/** Examples run at once; each holds a CLI, a language host and a provider process (two cores carry two). */
const CONCURRENCY = 2;

type StepName = "preview" | "up" | "state" | "destroy";
/** What each step of one example threw (nothing: it passed); `setup` when the example could not start. */
type Outcome = Partial<Record<StepName | "setup", unknown>>;

/**
 * Preview, up, the state file, destroy: one example against an emulator of its own, so the request counts
 * are this example's alone while others run. Each step's error is kept for its test rather than thrown, and
 * a failed step does not stop the ones after it.
 */
async function runExample(example: string): Promise<Outcome> {
  const outcome: Outcome = {};
  let env: E2eEnv | undefined;
  try {
    env = await openEnv();
    const rig = env;
    const stack = await projectStack(rig, example, "e2e");
    const step = async (name: StepName, body: () => Promise<void>): Promise<void> => {
      try {
        await body();
      } catch (e) {
        outcome[name] = e;
      }
    };
    await step("preview", async () => {
      const before = await rig.requestCount();
      const preview = await stack.preview();
      expect(preview.changeSummary.create).toBe(2); // the stack and the task
      expect(await rig.requestCount()).toBe(before);
    });
    await step("up", async () => {
      const up = await stack.up();
      const taskId = up.outputs.taskId.value as string;
      const task = (await rig.tasks(true)).find((t) => t.TaskId === taskId);
      expect(task?.Status).toBe("running");
      const [res] = await relayResources(stack);
      expect(res.id).toBe(taskId);
      expect(task!.Params).toEqual(toApiCase(userArgs(res.inputs)));
    });
    await step("state", async () => {
      // The raw file on the backend, not `stack export` (which the Automation API runs with --show-secrets).
      const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO, "examples", example, "Pulumi.yaml"), "utf8"))![1];
      const text = stateText(rig, project, "e2e");
      expect(text).toContain("ciphertext");
      for (const secret of [...LOCAL_SECRETS, rig.emulator.secretKey]) expect(text).not.toContain(secret);
    });
    await step("destroy", async () => {
      const [res] = await relayResources(stack);
      await stack.destroy();
      const task = (await rig.tasks()).find((t) => t.TaskId === res.id);
      expect(task?.Status).toBe("finished");
    });
  } catch (e) {
    outcome.setup = e;
  } finally {
    await env?.close();
  }
  return outcome;
}

let outcomes: Array<Promise<Outcome>> = [];
beforeAll(() => {
  outcomes = pooled(
    EXAMPLES.map((example) => () => runExample(example)),
    CONCURRENCY,
  );
});

test("there is one example per seed scenario", () => {
  expect(EXAMPLES).toEqual(
    expect.arrayContaining([
      "cross-room-mix",
      "mix-audio-only",
      "mix-audio-video-cdn",
      "mix-feedback-room",
      "mix-layout-sei",
      "relay-single-audio-only",
      "relay-single-audio-video",
    ]),
  );
});

describe.each(EXAMPLES.map((example, i) => [example, i] as const))("examples/%s", (_example, i) => {
  /** Fails with what the step threw (or what kept the example from starting). */
  const passed = async (name: StepName): Promise<void> => {
    const outcome = await outcomes[i];
    if (outcome.setup !== undefined) throw outcome.setup;
    if (outcome[name] !== undefined) throw outcome[name];
  };
  test("preview plans the task and makes no API call", () => passed("preview"));
  test("up starts the task with exactly the parameters the program declared", () => passed("up"));
  test("the state file holds its UserSigs and push-URL secrets only encrypted", () => passed("state"));
  test("destroy leaves no task of this example running", () => passed("destroy"));
});
