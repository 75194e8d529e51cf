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
  const McuTencentVod = b.struct(
    "McuTencentVod",
    {
      Procedure: text().optional().meta({ description: "VOD task-flow template run after the upload." }),
      ExpireTime: int()
        .optional()
        .meta({ description: "Media lifetime counted from now; `0` keeps it permanently.", unit: "s", default: 0 }),
      StorageRegion: text().optional().meta({ description: "Upload region." }),
      ClassId: int().optional().meta({ description: 'VOD category ID; `0` is the category "other".', default: 0 }),
      SubAppId: int().optional().meta({ description: "VOD sub-application ID." }),
      SessionContext: text({ min: 0 }).optional().meta({ description: "Passed through to the task-flow completion callback." }),
      SourceContext: text({ min: 0 }).optional().meta({ description: "Passed through to the upload-complete callback." }),
    },
    { description: "Tencent VOD upload settings." },
  );
  const McuCloudVod = b.struct(
    "McuCloudVod",
    { McuTencentVod: McuTencentVod.optional().meta({ description: "Tencent VOD parameters." }) },
    { description: "Tencent VOD storage." },
  );
  const CloudStorage = b.struct(
    "CloudStorage",
    {
      Vendor: oneOf([0, 1], ["Tencent COS", "AWS S3"]).meta({ description: "The storage vendor." }),
      Region: text().meta({ description: "COS or AWS region, e.g. `ap-shanghai`." }),
      Bucket: text().meta({ description: "Bucket name." }),
      AccessKey: storageKey().meta({ description: "COS SecretId or AWS access key." }),
      SecretKey: storageKey().meta({ description: "COS SecretKey or AWS secret key." }),
      FileNamePrefix: list(text({ pattern: /^[A-Za-z0-9_-]+$/, rule: "must be letters, digits, underscores or hyphens" }))
        .optional()
        .meta({ description: 'Path segments before the task\'s files: `["a", "b"]` stores `a/b/<TaskId>/<file>`.' }),
      EndpointUrl: b.onlyOn(
        "intl",
        text().optional().meta({ description: "An S3-compatible endpoint, e.g. Cloudflare R2's `<account_id>.r2.cloudflarestorage.com`." }),
      ),
    },
    { description: "COS or S3-compatible object storage (shared with cloud recording). Delivery to COS is billed." },
  );
  const McuStorageParams = b.struct(
    "McuStorageParams",
    {
      CloudStorage: CloudStorage.optional().meta({ description: "COS or third-party object storage." }),
      McuCloudVod: McuCloudVod.optional().meta({ description: "Tencent VOD." }),
    },
    { description: "Where recordings go: exactly one of the two." },
  );
  const McuRecordParams = b.struct(
    "McuRecordParams",
    {
      // 0 or absent is "not supported, behaviour undefined" (spec §5.23), so a record block must choose.
      UniRecord: oneOf([1, 2, 3], ["no recording", "console template", "these parameters"]).meta({
        description:
          "Whether and how to record: not at all, with the console's auto-record template, or with the parameters " +
          'below (the fields marked "`uniRecord: 3` only").',
      }),
      RecordKey: recordKey()
        .optional()
        .meta({ description: "Groups several relay tasks into one recording; absent records this task alone." }),
      RecordWaitTime: int(5, 86400)
        .optional()
        .meta({ description: "`uniRecord: 3` only: how long to wait for a task to resume.", unit: "s", default: 30 }),
      RecordFormat: list(oneOfText(["hls", "mp4", "aac"]))
        .optional()
        .meta({ description: "`uniRecord: 3` only: the file formats; `mp4` and `aac` exclude each other.", default: ["mp4"] }),
      MaxMediaFileDuration: int(1, 1440).optional().meta({
        description: "`uniRecord: 3` only: length of each mp4 or aac file; files are also split at 2 GB.",
        unit: "min",
        default: 1440,
      }),
      StreamType: oneOf([0, 1, 2], ["audio and video", "audio only", "video only"])
        .optional()
        .meta({ description: "`uniRecord: 3` only: what is recorded (within what the task relays)." }),
      UserDefineRecordPrefix: text({
        pattern: /^[A-Za-z0-9_-]{1,64}$/,
        rule: "must be 1 to 64 letters, digits, underscores or hyphens",
      })
        .optional()
        .meta({ description: "File-name prefix; VOD storage only." }),
      McuStorageParams: McuStorageParams.optional().meta({ description: "`uniRecord: 3` only: where the files go." }),
    },
    { description: "Recording of the relayed output. UpdatePublishCdnStream cannot change it." },
  );
  return { McuTencentVod, McuCloudVod, CloudStorage, McuStorageParams, McuRecordParams };
}
