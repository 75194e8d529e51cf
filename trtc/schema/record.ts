/** Recording of the relayed output and where the files go (spec §5.23–§5.27). */
import type { Builder } from "./builder";
import { int, list, oneOf, oneOfText, text } from "./common";

/** `RecordKey`: 1–128 of `[A-Za-z0-9_-]` (spec §5.23); also accepted by Stop on the China site. */
export const recordKey = () =>
  text({ pattern: /^[A-Za-z0-9_-]{1,128}$/, rule: "must be 1 to 128 letters, digits, underscores or hyphens" });

/** Storage keys are credentials: messages never show them. */
const storageKey = () => text({ secret: true });

/** The recording structs for one site. */
export function buildRecordStructs(b: Builder) {
  const McuTencentVod = b.struct("McuTencentVod", {
    Procedure: text().optional(),
    ExpireTime: int().optional(),
    StorageRegion: text().optional(),
    ClassId: int().optional(),
    SubAppId: int().optional(),
    SessionContext: text({ min: 0 }).optional(),
    SourceContext: text({ min: 0 }).optional(),
  });
  const McuCloudVod = b.struct("McuCloudVod", { McuTencentVod: McuTencentVod.optional() });
  const CloudStorage = b.struct("CloudStorage", {
    Vendor: oneOf([0, 1], ["Tencent COS", "AWS S3"]),
    Region: text(),
    Bucket: text(),
    AccessKey: storageKey(),
    SecretKey: storageKey(),
    FileNamePrefix: list(text({ pattern: /^[A-Za-z0-9_-]+$/, rule: "must be letters, digits, underscores or hyphens" })).optional(),
    EndpointUrl: b.onlyOn("intl", text().optional()),
  });
  const McuStorageParams = b.struct("McuStorageParams", {
    CloudStorage: CloudStorage.optional(),
    McuCloudVod: McuCloudVod.optional(),
  });
  const McuRecordParams = b.struct("McuRecordParams", {
    // 0 or absent is "not supported, behaviour undefined" (spec §5.23), so a record block must choose.
    UniRecord: oneOf([1, 2, 3], ["no recording", "console template", "these parameters"]),
    RecordKey: recordKey().optional(),
    RecordWaitTime: int(5, 86400).optional(),
    RecordFormat: list(oneOfText(["hls", "mp4", "aac"])).optional(),
    MaxMediaFileDuration: int(1, 1440).optional(),
    StreamType: oneOf([0, 1, 2], ["audio and video", "audio only", "video only"]).optional(),
    UserDefineRecordPrefix: text({
      pattern: /^[A-Za-z0-9_-]{1,64}$/,
      rule: "must be 1 to 64 letters, digits, underscores or hyphens",
    }).optional(),
    McuStorageParams: McuStorageParams.optional(),
  });
  return { McuTencentVod, McuCloudVod, CloudStorage, McuStorageParams, McuRecordParams };
}
