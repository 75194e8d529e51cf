/** SEI injected into the output (API structs `McuSeiParams`, `McuLayoutVolume`, `McuPassThrough`, §5.19-5.21). */
import type * as pulumi from "@pulumi/pulumi";

/** Volume/layout SEI (spec §5.20). `{}` asks for the default volume-layout SEI. */
export interface McuLayoutVolumeArgs {
  /** Written into the SEI's `app_data`; fewer than 4096 characters. */
  readonly appData?: pulumi.Input<string>;
  /** SEI payload_type, 100-254 except 244. Default 100. */
  readonly payloadType?: pulumi.Input<number>;
  /** Send interval in ms. Default 1000. */
  readonly interval?: pulumi.Input<number>;
  /** `1` guarantees the SEI on key frames, `0` does not (default). */
  readonly followIdr?: pulumi.Input<number>;
}

/** Custom pass-through SEI (spec §5.21). */
export interface McuPassThroughArgs {
  /** The payload. Required. */
  readonly payloadContent: pulumi.Input<string>;
  /** `5`, or 100-254 except 244. Required. Prefer 100+; some players ignore type 5. */
  readonly payloadType: pulumi.Input<number>;
  /** 32 hex characters; required with payload type 5 and ignored otherwise. */
  readonly payloadUuid?: pulumi.Input<string>;
  /** Send interval in ms. Default 1000. */
  readonly interval?: pulumi.Input<number>;
  /** `1` guarantees the SEI on key frames, `0` does not (default). */
  readonly followIdr?: pulumi.Input<number>;
}

/**
 * SEI parameters (spec §5.19). Updated in place; removing them sends `seiParams: {}`, which asks for
 * neither kind of SEI (each parameter an Update passes replaces the previous one completely, spec §3).
 */
export interface McuSeiParamsArgs {
  /** Volume/layout SEI. */
  readonly layoutVolume?: pulumi.Input<McuLayoutVolumeArgs>;
  /** Custom pass-through SEI. */
  readonly passThrough?: pulumi.Input<McuPassThroughArgs>;
}
