/**
 * Reads a StartPublishCdnStream body (Pulumi camelCase or API PascalCase) into the few facts a drawing
 * needs. This is deliberately a reader, not a validator: the shared schema table decides what the API
 * accepts; here a value of the wrong type is reported as unreadable and drawn with the API default.
 */
import { toApiCase } from "../trtc/casing";
import { cssColour, urlLabel } from "./labels";
import { problemAt, type PathPart } from "./problems";
import type { Problem, Rect, StreamKind, WatermarkGeometry } from "./types";

/** A stream named by `UserMediaStream`. */
export interface StreamRef {
  readonly userId?: string;
  readonly streamType: StreamKind;
  readonly roomId?: string;
}

/** One `MixLayoutList` entry as read, before anonymous cells are filled and painting order is decided. */
export interface CustomCellSpec extends Rect, StreamRef {
  readonly index: number;
  readonly z: number;
  readonly renderMode: number;
  readonly placeholderImage?: string;
  readonly placeholderRenderMode?: number;
  readonly transparentTemplate?: string;
  readonly customCrop?: Rect;
  readonly customRender?: { readonly w: number; readonly h: number; readonly radius: number };
}

/** Everything the renderer uses from a Start body. */
export interface LayoutModel {
  readonly keyStyle: "pulumi" | "api";
  /** The body with API (PascalCase) keys, for the shared request rules. */
  readonly apiBody: Obj;
  /** The body is an UpdatePublishCdnStream body (it has a TaskId): omitted parameters mean "unchanged". */
  readonly isUpdate: boolean;
  /** `VideoParams` is present: the task outputs video. */
  readonly hasVideo: boolean;
  readonly withTranscoding: number;
  /** `VideoEncode` Width × Height, when both are positive. */
  readonly encodeSize?: { readonly width: number; readonly height: number };
  readonly backgroundColour: string;
  readonly backgroundImage?: string;
  readonly backgroundRenderMode: number;
  /** 1 floating (the API default), 2 screen sharing, 3 grid, 4 custom. */
  readonly mode: number;
  readonly pureAudioHoldPlaceMode: number;
  readonly renderMode?: number;
  readonly maxVideoUser?: StreamRef;
  readonly customCells: CustomCellSpec[];
  readonly watermarks: WatermarkGeometry[];
  /** `SingleSubscribeParams.UserMediaStream`, for relays without transcoding. */
  readonly single?: StreamRef;
  /** Users of `AudioParams.SubscribeAudioList`: their audio is mixed even without a cell. */
  readonly audioSubscribers: string[];
  /** Values that could not be read (wrong JSON type); drawn with the API default. */
  readonly notes: Problem[];
}

/** A JSON object as parsed. */
export type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads typed values, recording an "unreadable-value" note (and using the default) on a type mismatch. */
class Reader {
  readonly notes: Problem[] = [];

  obj(parent: Obj | undefined, key: string, path: PathPart[]): Obj | undefined {
    const v = parent?.[key];
    if (v === undefined || v === null) return undefined;
    if (isObj(v)) return v;
    this.unreadable([...path, key], "an object", v);
    return undefined;
  }

  list(parent: Obj | undefined, key: string, path: PathPart[]): unknown[] {
    const v = parent?.[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.unreadable([...path, key], "a list", v);
    return [];
  }

  int(parent: Obj | undefined, key: string, path: PathPart[], fallback: number): number;
  int(parent: Obj | undefined, key: string, path: PathPart[], fallback?: number): number | undefined;
  int(parent: Obj | undefined, key: string, path: PathPart[], fallback?: number): number | undefined {
    const v = parent?.[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.unreadable([...path, key], "a number", v);
    return fallback;
  }

  str(parent: Obj | undefined, key: string, path: PathPart[]): string | undefined {
    const v = parent?.[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    // Room ids are strings in the API but users often write numbers; accept those without complaint.
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    this.unreadable([...path, key], "a string", v);
    return undefined;
  }

  private unreadable(path: PathPart[], expected: string, got: unknown): void {
    const type = Array.isArray(got) ? "a list" : typeof got === "object" ? "an object" : `a ${typeof got}`;
    this.notes.push(problemAt("unreadable-value", "warning", path, `must be ${expected} (got ${type}); drawn with the API default`));
  }
}

function streamRef(r: Reader, ums: Obj | undefined, path: PathPart[]): StreamRef {
  const info = r.obj(ums, "UserInfo", path);
  const infoPath = [...path, "UserInfo"];
  return {
    userId: r.str(info, "UserId", infoPath),
    roomId: r.str(info, "RoomId", infoPath),
    streamType: r.int(ums, "StreamType", path, 0) === 1 ? "screen" : "camera",
  };
}

function customCell(r: Reader, raw: unknown, index: number, path: PathPart[]): CustomCellSpec {
  const p = [...path, index];
  const c = isObj(raw) ? raw : {};
  const ums = r.obj(c, "UserMediaStream", p);
  const crop = r.obj(c, "CustomCrop", p);
  const render = r.obj(c, "BackgroundCustomRender", p);
  const placeholder = r.str(c, "BackgroundImageUrl", p);
  const transparent = r.str(c, "TransparentUrl", p);
  const cropPath = [...p, "CustomCrop"];
  const renderPath = [...p, "BackgroundCustomRender"];
  return {
    index,
    ...(ums ? streamRef(r, ums, [...p, "UserMediaStream"]) : { streamType: "camera" as const }),
    x: r.int(c, "LocationX", p, 0),
    y: r.int(c, "LocationY", p, 0),
    w: r.int(c, "ImageWidth", p, 0),
    h: r.int(c, "ImageHeight", p, 0),
    z: r.int(c, "ZOrder", p, 0),
    renderMode: r.int(c, "RenderMode", p, 0),
    placeholderImage: placeholder ? urlLabel(placeholder) : undefined,
    placeholderRenderMode: placeholder ? r.int(c, "BackgroundRenderMode", p, 3) : undefined,
    transparentTemplate: transparent ? urlLabel(transparent) : undefined,
    customCrop: crop
      ? {
          x: r.int(crop, "LocationX", cropPath, 0),
          y: r.int(crop, "LocationY", cropPath, 0),
          w: r.int(crop, "Width", cropPath, 0),
          h: r.int(crop, "Height", cropPath, 0),
        }
      : undefined,
    customRender: render
      ? {
          w: r.int(render, "Width", renderPath, 0),
          h: r.int(render, "Height", renderPath, 0),
          radius: r.int(render, "Radius", renderPath, 0),
        }
      : undefined,
  };
}

function watermark(r: Reader, raw: unknown, index: number, path: PathPart[]): WatermarkGeometry | undefined {
  const p = [...path, index];
  const wm = isObj(raw) ? raw : {};
  const type = r.int(wm, "WaterMarkType", p, 0);
  const body = r.obj(wm, type === 1 ? "WaterMarkText" : "WaterMarkImage", p);
  if (!body) return undefined;
  const bp = [...p, type === 1 ? "WaterMarkText" : "WaterMarkImage"];
  const box = {
    index,
    x: r.int(body, "LocationX", bp, 0),
    y: r.int(body, "LocationY", bp, 0),
    w: r.int(body, "WaterMarkWidth", bp, 0),
    h: r.int(body, "WaterMarkHeight", bp, 0),
    z: r.int(body, "ZOrder", bp, 0),
    dynamicPosType: r.int(body, "DynamicPosType", bp, 0),
  };
  if (type === 1) {
    return {
      ...box,
      kind: "text",
      label: r.str(body, "Text", bp) ?? "",
      fontSize: r.int(body, "FontSize", bp),
      fontColor: cssColour(body.FontColor) ?? "#ffffff",
      backgroundColor: cssColour(body.BackGroundColor),
    };
  }
  const url = r.str(body, "WaterMarkUrl", bp);
  return { ...box, kind: "image", label: url ? urlLabel(url) : "(no url)" };
}

/** True when the body's own keys are camelCase (a Pulumi-style body); PascalCase otherwise. */
export function detectKeyStyle(body: Obj): "pulumi" | "api" {
  const keys = Object.keys(body);
  return keys.some((k) => /^[a-z]/.test(k)) ? "pulumi" : "api";
}

/**
 * Reads a Start body. Throws a TypeError only when `params` is not an object at all; every other oddity
 * becomes a note so the drawing still shows as much as can be known.
 */
export function readLayout(params: unknown): LayoutModel {
  if (!isObj(params)) {
    throw new TypeError("renderLayout: params must be a StartPublishCdnStream body (an object with videoParams, audioParams, ...)");
  }
  const keyStyle = detectKeyStyle(params);
  const body = toApiCase<Obj>(params);
  const r = new Reader();
  const vp = r.obj(body, "VideoParams", []);
  const enc = r.obj(vp, "VideoEncode", ["VideoParams"]);
  const lp = r.obj(vp, "LayoutParams", ["VideoParams"]);
  const lpPath: PathPart[] = ["VideoParams", "LayoutParams"];
  const width = r.int(enc, "Width", ["VideoParams", "VideoEncode"], 0);
  const height = r.int(enc, "Height", ["VideoParams", "VideoEncode"], 0);
  const mvu = r.obj(lp, "MaxVideoUser", lpPath);
  const mvuStream = r.obj(mvu, "UserMediaStream", [...lpPath, "MaxVideoUser"]);
  const single = r.obj(r.obj(body, "SingleSubscribeParams", []), "UserMediaStream", ["SingleSubscribeParams"]);
  const bgImage = r.str(vp, "BackgroundImageUrl", ["VideoParams"]);
  const audio = r.obj(body, "AudioParams", []);
  const audioSubscribers = r
    .list(audio, "SubscribeAudioList", ["AudioParams"])
    .map((u) => (isObj(u) && isObj(u.UserInfo) && typeof u.UserInfo.UserId === "string" ? u.UserInfo.UserId : undefined))
    .filter((u): u is string => u !== undefined);
  const model: LayoutModel = {
    keyStyle,
    apiBody: body,
    isUpdate: body.TaskId !== undefined,
    hasVideo: vp !== undefined,
    withTranscoding: r.int(body, "WithTranscoding", [], 1),
    encodeSize: width > 0 && height > 0 ? { width, height } : undefined,
    backgroundColour: cssColour(vp?.BackGroundColor) ?? "#000000",
    backgroundImage: bgImage ? urlLabel(bgImage) : undefined,
    backgroundRenderMode: r.int(vp, "BackgroundRenderMode", ["VideoParams"], 2),
    mode: r.int(lp, "MixLayoutMode", lpPath, 1),
    pureAudioHoldPlaceMode: r.int(lp, "PureAudioHoldPlaceMode", lpPath, 0),
    renderMode: r.int(lp, "RenderMode", lpPath),
    maxVideoUser: mvuStream ? streamRef(r, mvuStream, [...lpPath, "MaxVideoUser", "UserMediaStream"]) : undefined,
    customCells: r.list(lp, "MixLayoutList", lpPath).map((c, i) => customCell(r, c, i, [...lpPath, "MixLayoutList"])),
    watermarks: r
      .list(vp, "WaterMarkList", ["VideoParams"])
      .map((w, i) => watermark(r, w, i, ["VideoParams", "WaterMarkList"]))
      .filter((w): w is WatermarkGeometry => w !== undefined),
    single: single ? streamRef(r, single, ["SingleSubscribeParams", "UserMediaStream"]) : undefined,
    audioSubscribers,
    notes: r.notes,
  };
  return model;
}
