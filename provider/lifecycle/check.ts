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
  _olds: Props,
  news: Props,
  secretArguments?: ReadonlySet<string>,
): Promise<{ inputs: Props; failures: CheckFailure[] }> {
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
