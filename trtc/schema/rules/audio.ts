/** Audio encoding rules (spec §2.2(3), (5), §5.3). */
import { type Rule, at, has, int, obj } from "./model";

const CODEC_NAMES: Record<number, string> = { 1: "HE-AAC", 2: "HE-AACv2" };

/** Audio is always encoded, so Start must say how (spec §2.1: "must be filled when starting"). */
export const startNeedsAudioEncode: Rule = {
  id: "start-needs-audio-encode",
  source: "spec §2.1, §2.2(3), §13.6",
  summary: "Start needs audioParams.audioEncode.",
  check(body, report) {
    const audio = body.AudioParams;
    if (audio !== undefined && obj(audio) === undefined) return;
    if (!has(obj(audio), "AudioEncode")) {
      report(["AudioParams", "AudioEncode"], "is required when starting a task (the output audio is always encoded)", "missing");
    }
  },
};

/** HE-AACv2 is a stereo codec; HE-AAC variants do not run at 8 kHz. */
export const heAacLimits: Rule = {
  id: "he-aac-limits",
  source: "spec §2.2(5), §5.3",
  summary: "codec 2 (HE-AACv2) needs channel 2; codecs 1 and 2 need a sampleRate other than 8000.",
  check(body, report) {
    const encode = obj(at(body, "AudioParams", "AudioEncode"));
    const codec = int(encode?.Codec);
    if (codec !== 1 && codec !== 2) return;
    const path = ["AudioParams", "AudioEncode"];
    const channel = int(encode?.Channel);
    if (codec === 2 && channel !== undefined && channel !== 2) {
      report([...path, "Channel"], `must be 2 (stereo) when codec is 2 (HE-AACv2) (got ${channel})`);
    }
    if (int(encode?.SampleRate) === 8000) {
      report([...path, "SampleRate"], `cannot be 8000 when codec is ${codec} (${CODEC_NAMES[codec]}); use 16000 or more`);
    }
  },
};
