/** Recording rules (spec §2.2(13), §5.23, §5.24). */
import { type Rule, arr, has, int, obj, str } from "./model";

const PARAMS = ["RecordParams"];

/**
 * Fields that "only take effect when UniRecord = 3" (spec §5.23). Tencent presumably ignores them
 * otherwise; they are refused here (UNSURE) because a user who sets them expects them to matter.
 */
const ONLY_WITH_API_PARAMS = ["RecordWaitTime", "RecordFormat", "MaxMediaFileDuration", "StreamType", "McuStorageParams"];

/** The record block's parts agree with each other. */
export const recordParamsConsistent: Rule = {
  id: "record-params-consistent",
  source: "spec §2.2(13), §5.23, §5.24",
  summary:
    "recordFormat has no duplicates and not both mp4 and aac; mcuStorageParams holds exactly one of cloudStorage / mcuCloudVod; the uniRecord-3 fields need uniRecord 3.",
  check(body, report) {
    const rec = obj(body.RecordParams);
    if (!rec) return;
    const formats = arr(rec.RecordFormat).map(str);
    formats.forEach((f, i) => {
      if (f !== undefined && formats.indexOf(f) < i) report([...PARAMS, "RecordFormat", i], `repeats ${JSON.stringify(f)}`);
    });
    if (formats.includes("mp4") && formats.includes("aac")) {
      report([...PARAMS, "RecordFormat"], `cannot contain both "mp4" and "aac" (they are mutually exclusive)`);
    }
    const storage = obj(rec.McuStorageParams);
    if (storage) {
      const chosen = ["CloudStorage", "McuCloudVod"].filter((k) => has(storage, k)).length;
      if (chosen !== 1) {
        report(
          [...PARAMS, "McuStorageParams"],
          `must contain exactly one of cloudStorage or mcuCloudVod (got ${chosen === 0 ? "neither" : "both"})`,
        );
      }
    }
    const uni = int(rec.UniRecord);
    if (uni === 1 || uni === 2) {
      for (const key of ONLY_WITH_API_PARAMS) {
        if (has(rec, key)) report([...PARAMS, key], `only applies when uniRecord is 3 (got ${uni})`);
      }
    }
  },
};
