/** The diff table: every replace trigger, in-place updates, removals, preview unknowns, ignored keys. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIFF_RULES, planChanges } from "../../provider/diff";
import { UNKNOWN } from "../../provider/unknowns";
import { STORED_TARGET, seedArgs, storedState } from "../helpers/stream-args";

const base = () => seedArgs("mix-audio-video-cdn");
const olds = (args = base(), extra = {}) => storedState(args, extra);
/** New inputs as check returns them, plus the `__provider` the host re-adds (a different code string). */
const withProvider = (args: Record<string, any>) => ({ ...args, __provider: "exports.handler = __f1; // new code" });

function plan(mutate: (news: Record<string, any>) => void, oldArgs = base()) {
  const news = structuredClone(oldArgs);
  mutate(news);
  return planChanges(olds(oldArgs), withProvider(news), STORED_TARGET);
}

describe("no change", () => {
  test("identical arguments with new provider code and computed outputs present are not a change", () => {
    const result = planChanges(olds(), withProvider(base()), STORED_TARGET);
    expect(result).toEqual({ changes: false, replaces: [], send: {}, changed: [] });
  });

  test("key order does not matter", () => {
    const news = base();
    news.audioParams = { audioEncode: { channel: 2, bitRate: 64, codec: 0, sampleRate: 48000 } };
    expect(planChanges(olds(), news, STORED_TARGET).changes).toBe(false);
  });

  test("an absent list and an empty list mean the same", () => {
    const news = base();
    news.audioParams.subscribeAudioList = [];
    expect(planChanges(olds(), news, STORED_TARGET).changes).toBe(false);
  });
});

describe("replace triggers", () => {
  const cases: Array<[string, (n: Record<string, any>) => void, string]> = [
    [
      "sdkAppId",
      (n) => {
        n.sdkAppId = 1400000001;
      },
      "sdkAppId",
    ],
    [
      "roomId",
      (n) => {
        n.roomId = "777";
      },
      "roomId",
    ],
    [
      "roomIdType",
      (n) => {
        n.roomIdType = 1;
      },
      "roomIdType",
    ],
    [
      "agentParams.userSig",
      (n) => {
        n.agentParams.userSig = "another-sig";
      },
      "agentParams",
    ],
    [
      "agentParams.maxIdleTime",
      (n) => {
        n.agentParams.maxIdleTime = 60;
      },
      "agentParams",
    ],
    [
      "withTranscoding",
      (n) => {
        n.withTranscoding = 0;
      },
      "withTranscoding",
    ],
    [
      "recordParams added",
      (n) => {
        n.recordParams = { uniRecord: 2 };
      },
      "recordParams",
    ],
    [
      "audioParams.audioEncode.bitRate",
      (n) => {
        n.audioParams.audioEncode.bitRate = 128;
      },
      "audioParams.audioEncode",
    ],
    [
      "videoParams removed (video -> audio-only)",
      (n) => {
        delete n.videoParams;
      },
      "videoParams",
    ],
    [
      "publishCdnParams removed",
      (n) => {
        delete n.publishCdnParams;
        n.feedBackRoomParams = [{ roomId: "1", roomIdType: 0, userId: "fb", userSig: "s" }];
      },
      "publishCdnParams",
    ],
    [
      "publishCdnParams emptied",
      (n) => {
        n.publishCdnParams = [];
        n.feedBackRoomParams = [{ roomId: "1", roomIdType: 0, userId: "fb", userSig: "s" }];
      },
      "publishCdnParams",
    ],
    [
      "an argument the table does not know",
      (n) => {
        n.futureParams = { x: 1 };
      },
      "futureParams",
    ],
  ];
  test.each(cases)("%s", (_label, mutate, path) => {
    const result = plan(mutate);
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual([path]);
  });

  test("videoParams added (audio-only -> video) replaces", () => {
    const audioOnly = seedArgs("mix-audio-only-cdn");
    const result = plan((n) => {
      n.videoParams = base().videoParams;
    }, audioOnly);
    expect(result.replaces).toEqual(["videoParams"]);
  });

  test("recordParams changed replaces", () => {
    const withRecord = { ...base(), recordParams: { uniRecord: 2 } };
    expect(
      plan((n) => {
        n.recordParams.uniRecord = 1;
      }, withRecord).replaces,
    ).toEqual(["recordParams"]);
  });

  test("singleSubscribeParams removed replaces", () => {
    const relay = seedArgs("relay-single-audio-video");
    expect(
      plan((n) => {
        delete n.singleSubscribeParams;
      }, relay).replaces,
    ).toEqual(["singleSubscribeParams"]);
  });

  test("feedBackRoomParams removed replaces", () => {
    const feedback = seedArgs("mix-feedback-room");
    const result = plan((n) => {
      delete n.feedBackRoomParams;
      n.publishCdnParams = [{ publishCdnUrl: "rtmp://x/live/a", isTencentCdn: 1 }];
    }, feedback);
    expect(result.replaces).toEqual(["feedBackRoomParams"]);
  });

  test("a changed endpoint or region (from config) replaces; older state without them does not", () => {
    expect(planChanges(olds(), base(), { ...STORED_TARGET, endpoint: "https://trtc.tencentcloudapi.com" }).replaces).toEqual(["endpoint"]);
    expect(planChanges(olds(), base(), { ...STORED_TARGET, region: "ap-beijing" }).replaces).toEqual(["region"]);
    const oldShape = olds();
    delete oldShape.endpoint;
    delete oldShape.region;
    expect(planChanges(oldShape, base(), { endpoint: "https://elsewhere", region: "ap-beijing" }).changes).toBe(false);
  });

  test("a task recorded as finished replaces even without argument changes", () => {
    expect(planChanges(olds(base(), { finished: true }), base(), STORED_TARGET).replaces).toEqual(["finished"]);
  });
});

describe("in-place updates send the changed group complete", () => {
  test("publishCdnParams: the whole new list", () => {
    const result = plan((n) => {
      n.publishCdnParams.push({ publishCdnUrl: "rtmp://x/live/b", isTencentCdn: 0 });
    });
    expect(result).toMatchObject({ changes: true, replaces: [] });
    expect(Object.keys(result.send)).toEqual(["publishCdnParams"]);
    expect(result.send.publishCdnParams).toHaveLength(2);
  });

  test("videoParams contents: the whole videoParams, with waterMarkList [] when removed", () => {
    const result = plan((n) => {
      n.videoParams.videoEncode.bitRate = 2000;
      delete n.videoParams.waterMarkList;
    });
    expect(result.replaces).toEqual([]);
    const video = result.send.videoParams as Record<string, any>;
    expect(video.videoEncode.bitRate).toBe(2000);
    expect(video.layoutParams).toEqual(base().videoParams.layoutParams);
    expect(video.waterMarkList).toEqual([]);
  });

  test("audio lists: both lists sent, the removed one as []", () => {
    const crossRoom = seedArgs("mix-cross-room");
    const result = plan((n) => {
      delete n.audioParams.subscribeAudioList;
    }, crossRoom);
    expect(result.replaces).toEqual([]);
    expect(result.send).toEqual({
      audioParams: { audioEncode: crossRoom.audioParams.audioEncode, subscribeAudioList: [], unSubscribeAudioList: [] },
    });
  });

  test("seiParams removed: sends an empty seiParams", () => {
    const sei = seedArgs("mix-layout-sei");
    const result = plan((n) => {
      delete n.seiParams;
    }, sei);
    expect(result).toEqual({
      changes: true,
      replaces: [],
      send: { seiParams: {} },
      changed: [{ path: "seiParams", verdict: "update", kind: "delete" }],
    });
  });

  test("seiParams added or changed: sent as given", () => {
    const result = plan((n) => {
      n.seiParams = { layoutVolume: {} };
    });
    expect(result.send).toEqual({ seiParams: { layoutVolume: {} } });
  });

  test("singleSubscribeParams changed: sent, no replace", () => {
    const relay = seedArgs("relay-single-audio-video");
    const result = plan((n) => {
      n.singleSubscribeParams.userMediaStream.userInfo.userId = "Trtc_User_9";
    }, relay);
    expect(result.replaces).toEqual([]);
    expect(Object.keys(result.send)).toEqual(["singleSubscribeParams"]);
  });

  test("feedBackRoomParams changed: sent, no replace", () => {
    const feedback = seedArgs("mix-feedback-room");
    const result = plan((n) => {
      n.feedBackRoomParams[0].userSig = "rotated";
    }, feedback);
    expect(result.replaces).toEqual([]);
    expect(Object.keys(result.send)).toEqual(["feedBackRoomParams"]);
  });

  test("several groups at once", () => {
    const result = plan((n) => {
      n.publishCdnParams[0].isTencentCdn = 0;
      n.seiParams = { layoutVolume: {} };
    });
    expect(Object.keys(result.send).sort()).toEqual(["publishCdnParams", "seiParams"]);
  });

  test("a replace and an update together: replaces wins", () => {
    const result = plan((n) => {
      n.roomId = "1";
      n.publishCdnParams[0].isTencentCdn = 0;
    });
    expect(result.replaces).toEqual(["roomId"]);
  });
});

describe("preview unknowns", () => {
  test("an unknown value in a replace field replaces", () => {
    expect(
      plan((n) => {
        n.agentParams.userSig = UNKNOWN;
      }).replaces,
    ).toEqual(["agentParams"]);
    expect(
      plan((n) => {
        n.roomId = UNKNOWN;
      }).replaces,
    ).toEqual(["roomId"]);
  });

  test("an unknown leaf inside an updatable group is an update", () => {
    const result = plan((n) => {
      n.publishCdnParams[0].publishCdnUrl = UNKNOWN;
    });
    expect(result).toMatchObject({ changes: true, replaces: [] });
  });

  test("a wholly unknown updatable group previews as the update it resolves to, not as a removal", () => {
    for (const group of ["publishCdnParams", "videoParams", "feedBackRoomParams", "seiParams"]) {
      expect(
        plan((n) => {
          n[group] = UNKNOWN;
        }),
      ).toMatchObject({ changes: true, replaces: [] });
    }
  });

  test("a wholly unknown group where there was none replaces when adding it replaces", () => {
    const audioOnly = base();
    delete audioOnly.videoParams;
    const news = { ...audioOnly, videoParams: UNKNOWN };
    expect(planChanges(olds(audioOnly), news, STORED_TARGET).replaces).toEqual(["videoParams"]);
  });

  test("an unknown parent leaves its nested replace rules alone: the updatable contents changed", () => {
    expect(
      plan((n) => {
        n.audioParams = UNKNOWN;
      }),
    ).toMatchObject({ changes: true, replaces: [] });
  });

  test("an unknown wholly-updatable group is an update", () => {
    expect(
      plan((n) => {
        n.seiParams = UNKNOWN;
      }),
    ).toMatchObject({ changes: true, replaces: [] });
  });

  test("an unknown __provider is ignored", () => {
    const news = { ...base(), __provider: UNKNOWN };
    expect(planChanges(olds(), news, STORED_TARGET).changes).toBe(false);
  });
});

test("every rule explains itself and names a top-level argument or a config/state key", () => {
  for (const rule of DIFF_RULES) {
    expect(rule.why.length).toBeGreaterThan(20);
    expect(rule.path).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/);
  }
});

test("docs/RESOURCE.md lists every rule with the same verdict", () => {
  const text = readFileSync(join(__dirname, "..", "..", "docs", "RESOURCE.md"), "utf8");
  const doc = text.slice(text.indexOf("## Update or replace"), text.indexOf("## Validation"));
  const rows = new Map<string, string>();
  // Biome pads the table's columns, so any run of spaces may precede a cell's closing pipe.
  for (const m of doc.matchAll(/^\| `([a-zA-Z.]+)`(?: \((?:config|state)\))? *\| ([^|]+) \|/gm)) rows.set(m[1], m[2].trim());
  for (const rule of DIFF_RULES) {
    const verdict = rows.get(rule.path);
    expect({ path: rule.path, documented: verdict !== undefined }).toEqual({ path: rule.path, documented: true });
    expect({ path: rule.path, verdict: verdict!.split(";")[0] }).toEqual({ path: rule.path, verdict: rule.change });
  }
  expect([...rows.keys()].filter((path) => !DIFF_RULES.some((r) => r.path === path))).toEqual([]);
});

describe("changed paths (the plugin's detailed diff)", () => {
  test("an in-place change is listed at its leaf, with the row's verdict", () => {
    const result = plan((n) => {
      n.videoParams.layoutParams.mixLayoutList[1].imageWidth = 600;
    });
    expect(result.changed).toEqual([{ path: "videoParams.layoutParams.mixLayoutList[1].imageWidth", verdict: "update", kind: "update" }]);
  });

  test("a replacement is listed with its own path; an update beside it keeps its own verdict", () => {
    const result = plan((n) => {
      n.roomId = "7";
      n.audioParams.audioEncode.bitRate = 128;
      n.audioParams.subscribeAudioList = [{ userInfo: { userId: "a" } }];
    });
    expect(result.changed).toEqual(
      expect.arrayContaining([
        { path: "roomId", verdict: "replace", kind: "update" },
        { path: "audioParams.audioEncode.bitRate", verdict: "replace", kind: "update" },
        { path: "audioParams.subscribeAudioList", verdict: "update", kind: "add" },
      ]),
    );
    expect(result.changed).toHaveLength(3);
  });

  test("video appearing is one ADD replace at videoParams, not also its children", () => {
    const audioOnly = base();
    delete audioOnly.videoParams;
    const result = plan((n) => {
      n.videoParams = base().videoParams;
    }, audioOnly);
    expect(result.changed).toEqual([{ path: "videoParams", verdict: "replace", kind: "add" }]);
  });

  test("an unknown (preview) value is one change at its path; endpoint rows name the setting", () => {
    expect(plan((n) => (n.roomId = UNKNOWN)).changed).toEqual([{ path: "roomId", verdict: "replace", kind: "update" }]);
    const moved = planChanges(olds(), base(), { ...STORED_TARGET, endpoint: "http://127.0.0.1:10" });
    expect(moved.changed).toEqual([{ path: "endpoint", verdict: "replace", kind: "update" }]);
  });
});
