/** SEI the mix carries: the volume/layout SEI and custom pass-through SEI (spec §5.19–§5.21). */
import type { Builder } from "./builder";
import { int, oneOf, seiPayloadType, text } from "./common";

/** `AppData` must be shorter than 4096 characters (spec §5.20). */
export const MAX_APP_DATA = 4095;

const followIdr = () => oneOf([0, 1], ["not guaranteed on key frames", "guaranteed on key frames"]);

/** The SEI structs for one site. */
export function buildSeiStructs(b: Builder) {
  const McuLayoutVolume = b.struct("McuLayoutVolume", {
    AppData: text({ min: 0, max: MAX_APP_DATA, rule: "must be a string shorter than 4096 characters" }).optional(),
    PayloadType: seiPayloadType(false).optional(),
    // Milliseconds between SEI frames; the doc gives only the default (1000), so any positive value.
    Interval: int(1).optional(),
    FollowIdr: followIdr().optional(),
  });
  const McuPassThrough = b.struct("McuPassThrough", {
    PayloadContent: text(),
    PayloadType: seiPayloadType(true),
    PayloadUuid: text({ pattern: /^[0-9a-fA-F]{32}$/, rule: "must be exactly 32 hexadecimal characters" }).optional(),
    Interval: int(1).optional(),
    FollowIdr: followIdr().optional(),
  });
  const McuSeiParams = b.struct("McuSeiParams", {
    LayoutVolume: McuLayoutVolume.optional(),
    PassThrough: McuPassThrough.optional(),
  });
  return { McuLayoutVolume, McuPassThrough, McuSeiParams };
}
