/**
 * Which generated provider/args file holds which struct's interface: a presentation choice (the files users'
 * editors open), so it is the one list here. A struct not listed goes to the file of the struct that first
 * refers to it; the root request goes to index.ts.
 */

/** One generated file of provider/args/. */
export interface ArgsFile {
  /** File name without `.ts`. */
  readonly file: string;
  /** What the file holds, for its header. */
  readonly doc: string;
  /** API struct names, in the order their interfaces appear. */
  readonly structs: readonly string[];
  /** Extra exported types kept for users who import them (names are promises). */
  readonly aliases?: readonly { readonly name: string; readonly doc: string; readonly type: string }[];
}

/** The files, in the order index.ts re-exports them. */
export const ARGS_FILES: readonly ArgsFile[] = [
  { file: "agent", doc: "The relay robot that joins the room.", structs: ["AgentParams"] },
  { file: "audio", doc: "Audio of the relayed stream.", structs: ["AudioEncode", "McuUserInfoParams", "McuAudioParams"] },
  {
    file: "destinations",
    doc: "Where the output goes: CDNs and push-back rooms.",
    structs: ["McuPublishCdnParam", "McuFeedBackRoomParams"],
  },
  { file: "layout", doc: "One cell of a custom layout.", structs: ["McuCustomCrop", "McuBackgroundCustomRender", "McuLayout"] },
  {
    file: "record",
    doc: "Recording of the relayed output and where the files go.",
    structs: ["CloudStorage", "McuTencentVod", "McuCloudVod", "McuStorageParams", "McuRecordParams"],
  },
  { file: "sei", doc: "SEI injected into the output.", structs: ["McuLayoutVolume", "McuPassThrough", "McuSeiParams"] },
  {
    file: "users",
    doc: "The user references shared by audio lists, video layouts and single-stream relays.",
    structs: ["MixUserInfo", "UserMediaStream", "MaxVideoUser", "SingleSubscribeParams"],
  },
  { file: "video", doc: "Video of the mixed stream.", structs: ["VideoEncode", "McuLayoutParams", "McuVideoParams"] },
  {
    file: "watermark",
    doc: "Watermarks.",
    structs: ["McuWaterMarkImage", "McuWaterMarkText", "McuWaterMarkParams"],
    aliases: [
      {
        name: "WaterMarkBoxArgs",
        doc: "Where a watermark sits on the canvas: the box image and text watermarks share.",
        type: 'Pick<McuWaterMarkImageArgs, "waterMarkWidth" | "waterMarkHeight" | "locationX" | "locationY">',
      },
    ],
  },
];

/** The interface name of a struct's arguments. */
export const argsName = (struct: string): string => (struct === "StartPublishCdnStreamRequest" ? "PublishCdnStreamArgs" : `${struct}Args`);
