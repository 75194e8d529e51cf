/**
 * Pulumi's `customTimeouts` strings ("5m", "40s", "1h30m", "2.5s") in milliseconds. The engine parses
 * them with Go's `time.ParseDuration` (pkg/resource/deploy/source_eval.go, generateTimeoutInSeconds) and
 * refuses the program when one does not parse, so this accepts exactly that grammar.
 */

/** Milliseconds per Go duration unit. */
const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };

const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** The duration in ms (rounded up to whole ms), or undefined when `text` is not a Go duration. */
export function durationMs(text: string): number | undefined {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") return undefined;
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const match = TERM.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_MS[match[2]];
  }
  return sign * Math.ceil(total);
}
