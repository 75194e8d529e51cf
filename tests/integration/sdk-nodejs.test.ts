/**
 * The generated Node.js SDK (sdk/nodejs) compiles with this repository's TypeScript and @pulumi/pulumi 3.248
 * (scripts/build-sdk-nodejs.sh, the build a TypeScript program needs before it imports the SDK), a TypeScript
 * program using it type-checks, and the compiled package, loaded by its name, registers `trtc:index:PublishCdnStream`
 * with the program's arguments under Pulumi's mocks. Running it against the plugin is the end-to-end suite's job.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { SDK_NAMES } from "../../codegen/package-schema";
import { typeCheck } from "../helpers/type-check";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "tests", "fixtures", "sdk-ts-program");

beforeAll(() => {
  execFileSync("bash", [join(ROOT, "scripts", "build-sdk-nodejs.sh")], { stdio: ["ignore", "inherit", "inherit"] });
}, 300_000);

test("a TypeScript program using the SDK by its package name type-checks; one with a wrong argument type does not", () => {
  // One tsc run over both: index.ts (the quickstart) must add no error, wrong.ts (the negative control) exactly one.
  expect(typeCheck(PROGRAM)).toEqual({
    status: 2,
    out: "tests/fixtures/sdk-ts-program/wrong.ts(7,3): error TS2322: Type 'string' is not assignable to type 'Input<number>'.",
  });
});

describe("under Pulumi's mocks", () => {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  beforeAll(() => {
    pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          registered.push(args);
          return { id: "task-1", state: { ...args.inputs, taskId: "task-1", sequenceNumber: 0 } };
        },
        call: () => ({}),
      },
      "sdk-nodejs",
      "test",
    );
  });

  // Loaded by name at run time: the package exists only once built, and its sources are outside this tsconfig.
  type Sdk = {
    PublishCdnStream: new (name: string, args: Record<string, unknown>) => pulumi.CustomResource & { taskId: pulumi.Output<string> };
  };
  const trtc = () => require(SDK_NAMES.nodejs) as Sdk;
  const args = {
    sdkAppId: 1400188366,
    roomId: "295066",
    roomIdType: 0,
    withTranscoding: 1,
    agentParams: { userId: "relay_295066", userSig: pulumi.secret("sig") },
    publishCdnParams: [{ publishCdnUrl: "rtmp://push.example.com/live/s?txSecret=x", isTencentCdn: 1 }],
  };

  /** A secret as the engine receives it (the wire envelope of @pulumi/pulumi runtime/rpc.js). */
  const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

  test("PublishCdnStream registers trtc:index:PublishCdnStream with the arguments in camelCase, secret ones wrapped", async () => {
    const live = new (trtc().PublishCdnStream)("live", args);
    const taskId = await new Promise((resolve) => live.taskId.apply(resolve));
    expect(taskId).toBe("task-1");
    const reg = registered.find((r) => r.name === "live")!;
    expect(reg.type).toBe("trtc:index:PublishCdnStream");
    expect(reg.inputs).toEqual({
      sdkAppId: 1400188366,
      roomId: "295066",
      roomIdType: 0,
      withTranscoding: 1,
      agentParams: secret({ userId: "relay_295066", userSig: "sig" }),
      publishCdnParams: secret([{ publishCdnUrl: "rtmp://push.example.com/live/s?txSecret=x", isTencentCdn: 1 }]),
    });
  });

  test("a missing required argument is refused before registration, by name", () => {
    const { sdkAppId: _, ...incomplete } = args;
    expect(() => new (trtc().PublishCdnStream)("incomplete", incomplete)).toThrow("Missing required property 'sdkAppId'");
    expect(registered.some((r) => r.name === "incomplete")).toBe(false);
  });
});
