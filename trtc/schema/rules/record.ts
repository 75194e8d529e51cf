/** Recording rules (spec §2.2(13), §5.23, §5.24). */
import { type Rule, arr, has, obj, str } from "./model";

const PARAMS = ["RecordParams"];

/** The record block's parts agree with each other. */
export const recordParamsConsistent: Rule = {
  id: "record-params-consistent",
  source: "spec §2.2(13), §5.23, §5.24",
  summary:
    "recordFormat has no duplicates and not both mp4 and aac; mcuStorageParams holds exactly one of cloudStorage / mcuCloudVod. (The uniRecord-3 fields outside uniRecord 3 are accepted with a no-effect notice: no-effect.ts.)",
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
  },
};
