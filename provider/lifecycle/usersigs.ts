/** Robot UserSigs the provider issues itself, at Start or when Update adds a push-back robot. */
import { fillRobotUserSigs } from "../usersig/fill";
import { resolveUserSigSettings } from "../usersig/settings";
import type { LifecycleDeps } from "./deps";

type Props = Record<string, any>;

/** `body` with every robot that lacks a UserSig given one, when a key is configured; logs paths, never values. */
export function issueUserSigs(deps: LifecycleDeps, body: Props): Props {
  const settings = resolveUserSigSettings(deps.env());
  const filled = fillRobotUserSigs(body, settings);
  if (filled.generated.length > 0) {
    deps.log(`trtc: generated UserSigs for ${filled.generated.join(", ")} (valid ${settings.expireSeconds} s)`);
  }
  return filled.body;
}
