/**
 * Shared set-up for the emulator's integration tests: valid request bodies with unique robots, and a
 * signed-call shortcut bound to one running emulator.
 */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { control, signedRequest, type RawResponse, type SignedRequest } from "./raw-request";

/** The SdkAppId of Tencent's examples. */
export const APP = 1400188366;

let robotSeq = 0;
/** A robot UserId no other test uses. */
export const uniqueRobot = (): string => `robot_${process.pid}_${++robotSeq}`;

/** A minimal valid audio+video mixing Start body with a fresh robot; `extra` overrides top-level fields. */
export function startBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SdkAppId: APP,
    RoomId: "295066",
    RoomIdType: 0,
    WithTranscoding: 1,
    AgentParams: {
      UserId: uniqueRobot(),
      UserSig: "eJw1zV8LgjAUBfCvInsO2dStGfQSQUb2pFJvsnLJJZW1LekPffdc6X08v8O5b5Snmd9LjRYeCnyM",
      MaxIdleTime: 30,
    },
    AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64, Codec: 0 } },
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1536, Gop: 2 },
      LayoutParams: { MixLayoutMode: 3 },
    },
    PublishCdnParams: [
      { PublishCdnUrl: "rtmp://3891.livepush.myqcloud.com/live/test?txSecret=0123456789abcdef&txTime=62635BDE", IsTencentCdn: 1 },
    ],
    ...extra,
  };
}

/** An audio-only mixing Start body (no VideoParams). */
export function audioOnlyStartBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body = startBody(extra);
  delete body.VideoParams;
  return body;
}

/** Signs calls with the emulator's own credentials. */
export interface Api {
  /** Sends `body` as `action`; `options` override anything in the signed request. */
  call(action: string, body: unknown, options?: Partial<SignedRequest>): Promise<RawResponse>;
  /** Start that must succeed; returns the TaskId. */
  start(body?: Record<string, unknown>): Promise<string>;
  /** A control-API call. */
  control(method: string, path: string, body?: unknown): Promise<RawResponse>;
}

/** Binds {@link Api} to a running emulator. */
export function apiFor(emu: RunningEmulator): Api {
  const api: Api = {
    call: (action, body, options = {}) =>
      signedRequest({ url: emu.url, action, body, secretId: emu.secretId, secretKey: emu.secretKey, ...options }),
    async start(body = startBody()) {
      const res = await api.call("StartPublishCdnStream", body);
      if (!res.json?.Response?.TaskId) throw new Error(`Start failed: ${res.text}`);
      return res.json.Response.TaskId as string;
    },
    control: (method, path, body) => control(emu.url, method, path, body),
  };
  return api;
}

/** Starts an emulator for one test file and closes it afterwards; `get()` returns it inside tests. */
export function useEmulator(options: EmulatorOptions = {}): { get: () => RunningEmulator; api: () => Api } {
  let emu: RunningEmulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await emu?.close();
  });
  const get = (): RunningEmulator => {
    if (!emu) throw new Error("emulator not started");
    return emu;
  };
  return { get, api: () => apiFor(get()) };
}

/** The error code of an API answer, or `ok`. */
export const codeOf = (res: RawResponse): string => res.json?.Response?.Error?.Code ?? (res.json?.Response ? "ok" : `HTTP ${res.status}`);
