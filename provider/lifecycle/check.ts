/** `check`: offline validation of the arguments (no credentials needed); the rules are in ../check.ts. */
import { type CheckFailure, checkArguments } from "../check";
import { ConfigError, type Target, resolveTarget } from "../config";
import { optionFailures } from "../option-check";
import { withOptions } from "../options";
import { argumentsOf } from "../outputs";
import { type UserSigSettings, resolveUserSigSettings } from "../usersig/settings";
import type { LifecycleDeps } from "./deps";

type Props = Record<string, any>;

/**
 * The checked inputs and every failure, each naming the camelCase property and the rule broken.
 * `secretArguments`: top-level arguments the program marked secret (the plugin knows; the dynamic host does
 * not), whose values a failure must not get printed beside. The options the dynamic resource handed over
 * (`__options`) stay beside the arguments, checked for paths that name no argument.
 */
export async function check(
  deps: LifecycleDeps,
  olds: Props,
  news: Props,
  secretArguments?: ReadonlySet<string>,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  // `pulumi import` checks what read returned (olds = news = the import id's sdkAppId): the engine would warn
  // of "a bug in the provider" for each argument only the program can supply at the next `up`.
  if (isImportCheck(olds, news)) return { inputs: argumentsOf(news) as Props, failures: [] };
  let target: Target;
  let userSigs: UserSigSettings;
  try {
    target = resolveTarget(deps.env());
    userSigs = resolveUserSigSettings(deps.env());
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { inputs: withOptions(argumentsOf(news) as Props, news), failures: [{ property: "", reason: e.message }] };
  }
  const checked = checkArguments(news, target.site, userSigs.canGenerate, secretArguments);
  return { inputs: withOptions(checked.inputs, news), failures: [...checked.failures, ...optionFailures(news)] };
}

/** True for the inputs read records on import (../adopted.ts), checked against themselves. */
function isImportCheck(olds: Props, news: Props): boolean {
  const keys = Object.keys(news);
  return (
    keys.length === 1 &&
    keys[0] === "sdkAppId" &&
    Number.isSafeInteger(news.sdkAppId) &&
    olds?.sdkAppId === news.sdkAppId &&
    Object.keys(olds).length === 1
  );
}
