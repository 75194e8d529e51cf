/** Rules for what is drawn or embedded on top of the mix: watermarks and SEI (spec §2.2(9), (10)). */
import { type Rule, arr, at, has, int, obj } from "./model";

/** A watermark carries the content its type says. */
export const watermarkHasContent: Rule = {
  id: "watermark-has-content",
  source: "spec §2.2(9), §5.14",
  summary: "waterMarkType 0 (the default) needs waterMarkImage; 1 needs waterMarkText.",
  check(body, report) {
    arr(at(body, "VideoParams", "WaterMarkList")).forEach((mark, i) => {
      const m = obj(mark);
      const type = m?.WaterMarkType === undefined ? 0 : int(m.WaterMarkType);
      const path = ["VideoParams", "WaterMarkList", i];
      if (!m) return;
      if (type === 0 && !has(m, "WaterMarkImage"))
        report([...path, "WaterMarkImage"], "is required when waterMarkType is 0 (image, the default)", "missing");
      if (type === 1 && !has(m, "WaterMarkText"))
        report([...path, "WaterMarkText"], "is required when waterMarkType is 1 (text)", "missing");
    });
  },
};

/** SEI payload type 5 (user_data_unregistered) is identified by a UUID. */
export const passThroughUuid: Rule = {
  id: "pass-through-uuid",
  source: "spec §2.2(10), §5.21",
  summary: "seiParams.passThrough with payloadType 5 needs payloadUuid.",
  check(body, report) {
    const pass = obj(at(body, "SeiParams", "PassThrough"));
    if (int(pass?.PayloadType) === 5 && !has(pass, "PayloadUuid")) {
      report(["SeiParams", "PassThrough", "PayloadUuid"], "is required when payloadType is 5 (32 hexadecimal characters)", "missing");
    }
  },
};
