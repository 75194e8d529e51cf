/** Where the mix is pushed: RTMP CDN targets (spec §5.18). */
import type { Builder } from "./builder";
import { oneOf, text } from "./common";

/** Most CDN targets (and, separately, most push-back rooms) one task may have (spec §2.2(1)). */
export const MAX_TARGETS = 10;

/** The CDN struct for one site. */
export function buildCdnStructs(b: Builder) {
  const McuPublishCdnParam = b.struct("McuPublishCdnParam", {
    // Push URLs carry `txSecret` signatures, so the value is never echoed.
    PublishCdnUrl: text({
      max: 2048,
      pattern: /^rtmp:\/\/\S+$/i,
      secret: true,
      rule: "must be an rtmp:// URL of at most 2048 characters without spaces",
    }),
    IsTencentCdn: oneOf([0, 1], ["third-party CDN", "Tencent Cloud CDN"]).optional(),
  });
  return { McuPublishCdnParam };
}
