/**
 * Every example under examples/ through `pulumi preview`, `up` and `destroy` in its own project
 * directory (the CLI's Node.js language host compiles and runs it, as for a user), against the emulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { toApiCase } from "../../trtc/casing";
import { openEnv, projectStack, relayResources, REPO, stateText, userArgs, type E2eEnv } from "./harness";

const EXAMPLES = fs
  .readdirSync(path.join(REPO, "examples"))
  .filter((name) => fs.existsSync(path.join(REPO, "examples", name, "Pulumi.yaml")))
  .sort();

/** Secret-shaped values the examples fall back to; state must hold them only encrypted. */
const LOCAL_SECRETS = ["local-emulator-usersig-replace-me-with-pulumi-config", "0f1e2d3c4b5a69788796a5b4c3d2e1f0"];

let env: E2eEnv;
beforeAll(async () => {
  env = await openEnv();
});
afterAll(async () => {
  await env?.close();
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

describe.each(EXAMPLES)("examples/%s", (example) => {
  let stack: Awaited<ReturnType<typeof projectStack>>;
  beforeAll(async () => {
    stack = await projectStack(env, example, "e2e");
  });

  test("preview plans the task and makes no API call", async () => {
    const before = await env.requestCount();
    const preview = await stack.preview();
    expect(preview.changeSummary.create).toBe(2); // the stack and the task
    expect(await env.requestCount()).toBe(before);
  });

  test("up starts the task with exactly the parameters the program declared", async () => {
    const up = await stack.up();
    const taskId = up.outputs.taskId.value as string;
    const task = (await env.tasks(true)).find((t) => t.TaskId === taskId);
    expect(task?.Status).toBe("running");
    const [res] = await relayResources(stack);
    expect(res.id).toBe(taskId);
    expect(task!.Params).toEqual(toApiCase(userArgs(res.inputs)));
  });

  test("the state file holds its UserSigs and push-URL secrets only encrypted", async () => {
    // The raw file on the backend, not `stack export` (which the Automation API runs with --show-secrets).
    const project = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(REPO, "examples", example, "Pulumi.yaml"), "utf8"))![1];
    const text = stateText(env, project, "e2e");
    expect(text).toContain("ciphertext");
    for (const secret of [...LOCAL_SECRETS, env.emulator.secretKey]) expect(text).not.toContain(secret);
  });

  test("destroy leaves no task of this example running", async () => {
    const [res] = await relayResources(stack);
    await stack.destroy();
    const task = (await env.tasks()).find((t) => t.TaskId === res.id);
    expect(task?.Status).toBe("finished");
  });
});
