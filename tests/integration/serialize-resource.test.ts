/**
 * The resource class wired into the Pulumi SDK with `setMocks` (no engine, no provider methods run): type
 * token, the serialized shim in the inputs, secret inputs, declared outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs } from "../../provider";
import { seedArgs } from "../helpers/stream-args";

const registered: pulumi.runtime.MockResourceArgs[] = [];
/** Pulumi's wire marker of a secret value: `{ [SECRET_SIG]: SECRET_VALUE, value }`. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push(args);
        return {
          id: "task-mock",
          state: { ...args.inputs, taskId: "task-mock", sequenceNumber: 0, requestId: "r", endpoint: "http://e", region: "ap-guangzhou" },
        };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

/** Resolves an Output in mock mode, with its secretness. */
const settle = (o: pulumi.Output<unknown>) =>
  new Promise<{ value: unknown; secret: boolean }>((resolve) => {
    pulumi.all([o, pulumi.isSecret(o)]).apply(([value, secret]) => resolve({ value, secret }));
  });

test("registers pulumi-nodejs:dynamic/trtc:PublishCdnStream with the small shim and every argument", async () => {
  const { PublishCdnStream } = await import("../../provider");
  const args = seedArgs("mix-audio-video-cdn");
  const live = new PublishCdnStream("live", {
    ...args,
    agentParams: { ...args.agentParams, userSig: pulumi.output(args.agentParams.userSig) },
  } as PublishCdnStreamArgs);
  const taskId = await settle(live.taskId);
  expect(taskId.value).toBe("task-mock");

  expect(registered).toHaveLength(1);
  const [reg] = registered;
  expect(reg.type).toBe("pulumi-nodejs:dynamic/trtc:PublishCdnStream");
  expect(typeof reg.inputs.__provider).toBe("string");
  expect(Buffer.byteLength(reg.inputs.__provider)).toBeLessThan(4096);
  expect(reg.inputs.__provider).toContain('require("pulumi-trtc-relay/impl")');
  const { __provider, ...rest } = reg.inputs;
  // Secret inputs arrive in Pulumi's wire form; exactly the credential-carrying arguments are wrapped.
  const wrapped = Object.keys(rest)
    .filter((k) => rest[k]?.[SECRET_SIG] === SECRET_VALUE)
    .sort();
  expect(wrapped).toEqual(["agentParams", "publishCdnParams"]);
  const plain = Object.fromEntries(Object.entries(rest).map(([k, v]: [string, any]) => [k, wrapped.includes(k) ? v.value : v]));
  expect(plain).toEqual(args); // nested Inputs resolved, nothing added or lost

  // Declared outputs exist even for arguments not given (seeded undefined in props).
  expect(live.seiParams).toBeDefined();
  expect(live.finished).toBeDefined();
  expect((await settle(live.videoParams)).value).toEqual(args.videoParams);
});

test("credential-carrying arguments are secret inputs, so state never holds them in plaintext", async () => {
  const { PublishCdnStream } = await import("../../provider");
  const feedback = seedArgs("mix-feedback-room");
  const cloudStorage = { vendor: 0, region: "ap-guangzhou", bucket: "b", accessKey: "AK", secretKey: "SK" };
  const recordParams = { uniRecord: 2, mcuStorageParams: { cloudStorage } };
  const res = new PublishCdnStream("fb", { ...feedback, recordParams } as PublishCdnStreamArgs);
  await settle(res.taskId);
  for (const key of ["agentParams", "feedBackRoomParams", "recordParams"] as const) {
    expect((await settle(res[key])).secret).toBe(true);
  }
  expect((await settle(res.videoParams)).secret).toBe(false);
  expect((await settle(res.roomId)).secret).toBe(false);
});

test("only the secret leaves are wrapped, so a known list with one unknown push URL keeps its shape", async () => {
  const { secretInput } = await import("../../provider/secret-inputs");
  const url = pulumi.output("rtmp://push.example.com/live/s?txSecret=abc");
  const wrapped = secretInput("publishCdnParams", [{ publishCdnUrl: url, isTencentCdn: 1 }]) as any[];
  expect(Array.isArray(wrapped)).toBe(true); // still a list the SDK serializes item by item
  expect(wrapped[0].isTencentCdn).toBe(1);
  expect(pulumi.Output.isInstance(wrapped[0].publishCdnUrl)).toBe(true);
  expect((await settle(wrapped[0].publishCdnUrl)).secret).toBe(true);

  const agent = secretInput("agentParams", { userId: "robot", maxIdleTime: 30 }) as Record<string, unknown>;
  expect(agent).toEqual({ userId: "robot", maxIdleTime: 30 }); // no UserSig given: nothing to wrap, no Output made
  expect(secretInput("videoParams", { backGroundColor: "0x0" })).toEqual({ backGroundColor: "0x0" });

  // A whole group passed as an Output cannot be looked into without an await: it is wrapped whole.
  const whole = secretInput("publishCdnParams", pulumi.output([{ publishCdnUrl: "rtmp://x/y", isTencentCdn: 1 }]));
  expect((await settle(whole as pulumi.Output<unknown>)).secret).toBe(true);
});

test("names that are not arguments (a stray region, a PascalCase key) reach the provider's check instead of vanishing", async () => {
  const { PublishCdnStream } = await import("../../provider");
  const { sdkAppId, ...args } = seedArgs("mix-audio-only-cdn");
  const res = new PublishCdnStream("stray", {
    ...args,
    SdkAppId: sdkAppId,
    region: "ap-guangzhou",
    extra: undefined,
  } as unknown as PublishCdnStreamArgs);
  await settle(res.taskId);
  const reg = registered.find((r) => r.name === "stray")!;
  expect(reg.inputs.SdkAppId).toBe(sdkAppId);
  expect(reg.inputs.region).toBe("ap-guangzhou");
  expect(Object.keys(reg.inputs)).not.toContain("extra"); // undefined is "not given", as for arguments
});
