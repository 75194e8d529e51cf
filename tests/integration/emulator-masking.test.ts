/**
 * The control API's task views mask UserSigs, `txSecret` values and storage keys unless the caller asks
 * with `?reveal=secrets` (docs/EMULATOR.md, "Security"); the stored task keeps them, since the API needs
 * them to behave like the cloud.
 */
import { emulatorControl } from "../../emulator";
import { MASK } from "../../trtc/redact";
import { startBody, uniqueRobot, useEmulator } from "../helpers/emulator-harness";

const SECRET = {
  robotSig: "eJwMASKINGROBOTSIG0123456789abcdefXYZ",
  feedbackSig: "eJwMASKINGFEEDBACKSIG9876543210fedcba",
  txSecret: "maskingtxsecret0123456789abcdef",
  storageSecretKey: "MaskingStorageSecretKey1414213562",
  storageAccessKey: "AKIDMaskingStorageAccess1732050807",
};

/** A Start body with every kind of secret the API takes. */
function secretBody(): Record<string, unknown> {
  const body = startBody();
  return {
    ...body,
    AgentParams: { ...(body.AgentParams as object), UserSig: SECRET.robotSig },
    FeedBackRoomParams: [{ RoomId: "630778", RoomIdType: 0, UserId: uniqueRobot(), UserSig: SECRET.feedbackSig }],
    PublishCdnParams: [
      { PublishCdnUrl: `rtmp://3891.livepush.myqcloud.com/live/masking?txSecret=${SECRET.txSecret}&txTime=62635BDE`, IsTencentCdn: 1 },
    ],
    RecordParams: {
      UniRecord: 3,
      McuStorageParams: {
        CloudStorage: {
          Vendor: 0,
          Region: "ap-guangzhou",
          Bucket: "masking-1250000000",
          AccessKey: SECRET.storageAccessKey,
          SecretKey: SECRET.storageSecretKey,
        },
      },
    },
  };
}

const leaked = (value: unknown): string[] => {
  const text = JSON.stringify(value);
  return Object.entries(SECRET)
    .filter(([, s]) => text.includes(s))
    .map(([name]) => name);
};

describe("masked and revealed task views", () => {
  const emu = useEmulator();
  let taskId = "";
  let body: Record<string, unknown>;
  const control = <T = any>(method: string, route: string) => emulatorControl<T>(emu.get().url, method, route);

  beforeAll(async () => {
    body = secretBody();
    taskId = await emu.api().start(body);
  });

  it("GET tasks and GET tasks/<id> mask every secret by default, keeping the rest readable", async () => {
    const { tasks } = await control("GET", "tasks");
    const one = await control("GET", `tasks/${encodeURIComponent(taskId)}`);
    for (const view of [tasks, one]) expect(leaked(view)).toEqual([]);
    expect(one.Params.AgentParams).toEqual({ ...(body.AgentParams as object), UserSig: MASK });
    expect(one.Params.FeedBackRoomParams[0].UserSig).toBe(MASK);
    expect(one.Params.PublishCdnParams[0].PublishCdnUrl).toBe(
      `rtmp://3891.livepush.myqcloud.com/live/masking?txSecret=${MASK}&txTime=62635BDE`,
    );
    expect(one.Params.RecordParams.McuStorageParams.CloudStorage).toEqual({
      Vendor: 0,
      Region: "ap-guangzhou",
      Bucket: "masking-1250000000",
      AccessKey: MASK,
      SecretKey: MASK,
    });
    expect(one).toMatchObject({ TaskId: taskId, Status: "running", SdkAppId: body.SdkAppId, RoomId: body.RoomId });
  });

  it("?reveal=secrets shows the task exactly as sent", async () => {
    const { tasks } = await control("GET", "tasks?reveal=secrets");
    const one = await control("GET", `tasks/${encodeURIComponent(taskId)}?reveal=secrets`);
    expect(tasks.find((t: { TaskId: string }) => t.TaskId === taskId).Params).toEqual(body);
    expect(one.Params).toEqual(body);
    expect(leaked(one).sort()).toEqual(Object.keys(SECRET).sort());
  });

  it("an unknown reveal value is refused rather than silently masked or revealed", async () => {
    await expect(control("GET", "tasks?reveal=1")).rejects.toThrow(/400 .*reveal must be \\"secrets\\"/);
  });

  it("the task POST tasks/<id>/expire answers with is masked too, unless revealed", async () => {
    const masked = await control("POST", `tasks/${encodeURIComponent(taskId)}/expire`);
    expect(masked.Status).toBe("finished");
    expect(leaked(masked)).toEqual([]);
    const other = await emu.api().start(secretBody());
    const revealed = await control("POST", `tasks/${encodeURIComponent(other)}/expire?reveal=secrets`);
    expect(revealed.Params.AgentParams.UserSig).toBe(SECRET.robotSig);
  });

  it("the other control views and the dashboard carry no secret either", async () => {
    for (const route of ["rooms", "requests", "callbacks", "callback", "stats", "faults", "clock", "apps"])
      expect({ route, leaked: leaked(await control("GET", route)) }).toEqual({ route, leaked: [] });
    const page = await (await fetch(`${emu.get().url}/_emulator/ui/tasks/${encodeURIComponent(taskId)}`)).text();
    expect(leaked(page)).toEqual([]);
  });

  it("the stored task keeps the secrets (the emulator needs them to act like the cloud)", () => {
    const stored = emu.get().core.store.getTask(taskId);
    expect(stored?.Params).toEqual(body);
  });
});
