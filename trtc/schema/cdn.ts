/** Where the mix is pushed: RTMP CDN targets (spec §5.18). */
import type { Builder } from "./builder";
import { oneOf, text } from "./common";

/** Most CDN targets (and, separately, most push-back rooms) one task may have (spec §2.2(1)). */
export const MAX_TARGETS = 10;

/** The CDN struct for one site. */
export function buildCdnStructs(b: Builder) {
  const McuPublishCdnParam = b.struct(
    "McuPublishCdnParam",
    {
      // Push URLs carry `txSecret` signatures, so the value is never echoed.
      PublishCdnUrl: text({
        max: 2048,
        pattern: /^rtmp:\/\/\S+$/i,
        secret: true,
        rule: "must be an rtmp:// URL of at most 2048 characters without spaces",
      }).meta({
        description:
          "The RTMP push URL. Push URLs carry a `txSecret` signature. An Update that changes it cuts that push " + "and pushes again.",
      }),
      IsTencentCdn: oneOf([0, 1], ["third-party CDN", "Tencent Cloud CDN"])
        .optional()
        .meta({
          description:
            "Whether the URL is Tencent Cloud CDN's. Relaying to a third-party CDN is billed, and on the China site " +
            "must first be enabled by Tencent support; Tencent recommends always setting it.",
          default: 1,
        }),
    },
    { description: "One CDN the output is pushed to over RTMP." },
  );
  return { McuPublishCdnParam };
}
