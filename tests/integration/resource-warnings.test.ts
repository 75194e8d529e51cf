/**
 * The PublishCdnStream resource warns, through `pulumi.log.warn`, about arguments that have no effect where
 * they are (issue 17, kind 6): a dynamic provider's check can only return failures, so the resource speaks.
 * Run under `setMocks` (no engine): `pulumi.log.warn` then writes `warning: [runtime] …` to console.warn.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PublishCdnStreamArgs } from "../../provider";
import { seedArgs } from "../helpers/stream-args";

const TX_SECRET = "f00dfeedcafebabe0011";

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: { ...args.inputs, taskId: `${args.name}-id`, sequenceNumber: 0 } }),
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

/** The resource's warnings once its outputs (and so its inputs) have resolved. */
async function warningsOf(name: string, args: Record<string, unknown>): Promise<string[]> {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const { PublishCdnStream } = await import("../../provider");
    const res = new PublishCdnStream(name, args as unknown as PublishCdnStreamArgs);
    await new Promise<void>((resolve) => res.taskId.apply(() => resolve()));
    await new Promise((resolve) => setImmediate(resolve));
    return warn.mock.calls.map((c) => String(c[0]));
  } finally {
    warn.mockRestore();
  }
}

test("maxVideoUser in a grid layout: one warning naming the property, the layout that would use it and the one in force", async () => {
  const args = seedArgs("mix-audio-video-cdn");
  args.videoParams.layoutParams = {
    mixLayoutMode: 3,
    maxVideoUser: { userMediaStream: { userInfo: { userId: "Trtc_User_0", roomId: "295066", roomIdType: 0 } } },
  };
  args.publishCdnParams = [{ publishCdnUrl: pulumi.secret(`rtmp://push.example.com/live/s?txSecret=${TX_SECRET}`), isTencentCdn: 1 }];
  const warnings = await warningsOf("grid", args);
  expect(warnings).toEqual([
    'warning: [runtime] PublishCdnStream "grid": videoParams.layoutParams.maxVideoUser: has no effect: it only takes effect with mixLayoutMode 1 (floating) or 2 (screen sharing), and mixLayoutMode is 3 (grid)',
  ]);
  expect(warnings.join("\n")).not.toContain(TX_SECRET);
});

test("recordWaitTime with the console template, given through an Output: warned once it resolves (sibling)", async () => {
  const args = seedArgs("mix-layout-sei");
  delete args.videoParams.layoutParams.pureAudioHoldPlaceMode;
  args.recordParams = pulumi.output({ uniRecord: 2, recordWaitTime: 60 });
  expect(await warningsOf("record", args)).toEqual([
    'warning: [runtime] PublishCdnStream "record": recordParams.recordWaitTime: has no effect: it only takes effect with uniRecord 3 (record with these parameters), and uniRecord is 2 (console template)',
  ]);
});

test("arguments that take effect where they are: no warning", async () => {
  const args = seedArgs("mix-audio-video-cdn");
  delete args.videoParams.layoutParams.pureAudioHoldPlaceMode;
  expect(await warningsOf("quiet", args)).toEqual([]);
});
