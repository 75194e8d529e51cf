/** SEI the mix carries: the volume/layout SEI and custom pass-through SEI (spec §5.19–§5.21). */
import type { Builder } from "./builder";
import { int, oneOf, seiPayloadType, text } from "./common";

/** `AppData` must be shorter than 4096 characters (spec §5.20). */
export const MAX_APP_DATA = 4095;

const followIdr = () => oneOf([0, 1], ["not guaranteed on key frames", "guaranteed on key frames"]);

/** The SEI structs for one site. */
export function buildSeiStructs(b: Builder) {
  const McuLayoutVolume = b.struct(
    "McuLayoutVolume",
    {
      AppData: text({ min: 0, max: MAX_APP_DATA, rule: "must be a string shorter than 4096 characters" })
        .optional()
        .meta({ description: "Written into the SEI's `app_data` field." }),
      PayloadType: seiPayloadType(false)
        .optional()
        .meta({ description: "The SEI `payload_type` (244 is Tencent's own timestamp SEI).", default: 100 }),
      // Milliseconds between SEI frames; the doc gives only the default (1000), so any positive value.
      Interval: int(1).optional().meta({ description: "Interval between SEI frames.", unit: "ms", default: 1000 }),
      FollowIdr: followIdr().optional().meta({ description: "Whether key frames are sure to carry the SEI.", default: 0 }),
    },
    {
      description:
        "The volume and layout SEI: the canvas size and, per mixed user, position and volume. An empty object asks " +
        "for the default SEI.",
    },
  );
  const McuPassThrough = b.struct(
    "McuPassThrough",
    {
      PayloadContent: text().meta({ description: "The SEI payload." }),
      PayloadType: seiPayloadType(true).meta({
        description: "The SEI `payload_type`. Some players ignore type 5; prefer 100 or above.",
      }),
      PayloadUuid: text({ pattern: /^[0-9a-fA-F]{32}$/, rule: "must be exactly 32 hexadecimal characters" })
        .optional()
        .meta({ description: "The payload UUID; required with `payloadType: 5`, ignored otherwise." }),
      Interval: int(1).optional().meta({ description: "Interval between SEI frames.", unit: "ms", default: 1000 }),
      FollowIdr: followIdr().optional().meta({ description: "Whether key frames are sure to carry the SEI.", default: 0 }),
    },
    { description: "Custom SEI passed through into the output." },
  );
  const McuSeiParams = b.struct(
    "McuSeiParams",
    {
      LayoutVolume: McuLayoutVolume.optional().meta({ description: "The volume and layout SEI." }),
      PassThrough: McuPassThrough.optional().meta({ description: "Custom pass-through SEI." }),
    },
    { description: "SEI injected into the output stream." },
  );
  return { McuLayoutVolume, McuPassThrough, McuSeiParams };
}
