/**
 * Recording of the relayed output (API structs `McuRecordParams`, `McuStorageParams`, `CloudStorage`,
 * `McuCloudVod`, `McuTencentVod`, spec §5.23-5.27). Update cannot change any of it, so a change replaces
 * the task; the whole object is a secret output because `cloudStorage` carries storage keys.
 */
import type * as pulumi from "@pulumi/pulumi";

/** COS or S3-compatible storage (spec §5.25). */
export interface CloudStorageArgs {
  /** `0` Tencent COS, `1` AWS S3. Required. */
  readonly vendor: pulumi.Input<number>;
  /** COS or AWS region, e.g. `ap-shanghai`. Required. */
  readonly region: pulumi.Input<string>;
  /** Bucket name. Required. */
  readonly bucket: pulumi.Input<string>;
  /** COS SecretId or AWS access key. Required and secret. */
  readonly accessKey: pulumi.Input<string>;
  /** COS SecretKey or AWS secret key. Required and secret. */
  readonly secretKey: pulumi.Input<string>;
  /** Path segments of `[a-zA-Z0-9_-]`; `["a","b"]` stores `a/b/<TaskId>/file`. */
  readonly fileNamePrefix?: pulumi.Input<pulumi.Input<string>[]>;
  /** International site only: an S3-compatible endpoint, e.g. Cloudflare R2. */
  readonly endpointUrl?: pulumi.Input<string>;
}

/** Tencent VOD upload settings (spec §5.27). */
export interface McuTencentVodArgs {
  /** VOD task-flow template run after upload. */
  readonly procedure?: pulumi.Input<string>;
  /** Media lifetime in seconds from now; `0` = permanent (default). */
  readonly expireTime?: pulumi.Input<number>;
  /** Upload region. */
  readonly storageRegion?: pulumi.Input<string>;
  /** VOD category ID. Default 0 (other). */
  readonly classId?: pulumi.Input<number>;
  /** VOD sub-application ID. */
  readonly subAppId?: pulumi.Input<number>;
  /** Passed through to the task-flow completion callback. */
  readonly sessionContext?: pulumi.Input<string>;
  /** Passed through to the upload-complete callback. */
  readonly sourceContext?: pulumi.Input<string>;
}

/** Tencent VOD storage (spec §5.26). */
export interface McuCloudVodArgs {
  /** Tencent VOD parameters. */
  readonly mcuTencentVod?: pulumi.Input<McuTencentVodArgs>;
}

/** Where recordings go: exactly one of the two (spec §5.24). */
export interface McuStorageParamsArgs {
  /** COS or third-party object storage. */
  readonly cloudStorage?: pulumi.Input<CloudStorageArgs>;
  /** Tencent VOD. */
  readonly mcuCloudVod?: pulumi.Input<McuCloudVodArgs>;
}

/** Recording parameters (spec §5.23). Fields marked "uniRecord 3" only take effect with `uniRecord: 3`. */
export interface McuRecordParamsArgs {
  /** `1` no recording, `2` the console's auto-record template, `3` the parameters below. `0` is undefined. */
  readonly uniRecord?: pulumi.Input<number>;
  /** Groups several relay tasks into one recording; at most 128 of `[a-zA-Z0-9_-]`. */
  readonly recordKey?: pulumi.Input<string>;
  /** uniRecord 3: seconds to wait for a resumed task, 5-86400. Default 30. */
  readonly recordWaitTime?: pulumi.Input<number>;
  /** uniRecord 3: subset of `"hls"`, `"mp4"`, `"aac"`; mp4 and aac exclude each other. Default `["mp4"]`. */
  readonly recordFormat?: pulumi.Input<pulumi.Input<string>[]>;
  /** uniRecord 3: minutes per mp4/aac file, 1-1440. Default 1440. */
  readonly maxMediaFileDuration?: pulumi.Input<number>;
  /** uniRecord 3: `0` audio+video, `1` audio only, `2` video only. */
  readonly streamType?: pulumi.Input<number>;
  /** File-name prefix for VOD storage, at most 64 of `[a-zA-Z0-9_-]`. */
  readonly userDefineRecordPrefix?: pulumi.Input<string>;
  /** uniRecord 3: the storage target. */
  readonly mcuStorageParams?: pulumi.Input<McuStorageParamsArgs>;
}
