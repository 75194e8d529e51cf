/**
 * Checks the resource options handed to the provider (options.ts) the way `check` checks arguments:
 * offline, naming the option and the rule. The engine itself accepts any `replaceOnChanges` path, so a
 * misspelt argument name would silently never replace.
 */
import type { CheckFailure } from "./check";
import { optionsOf } from "./options";
import { ARGUMENT_KEYS, isArgument } from "./outputs";
import { parsePropertyPath } from "./replace-on-changes";

/** A failure per `replaceOnChanges` path that does not parse or names no argument. */
export function optionFailures(news: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const text of optionsOf(news).replaceOnChanges ?? []) {
    const path = typeof text === "string" ? parsePropertyPath(text) : undefined;
    if (!path) {
      failures.push({
        property: "",
        reason: `replaceOnChanges: ${JSON.stringify(text)} is not a property path (e.g. publishCdnParams[*].publishCdnUrl)`,
      });
    } else if (path[0] !== "*" && !isArgument(String(path[0]))) {
      failures.push({
        property: "",
        reason: `replaceOnChanges: ${JSON.stringify(text)} names no argument of PublishCdnStream (arguments: ${ARGUMENT_KEYS.join(", ")})`,
      });
    }
  }
  return failures;
}
