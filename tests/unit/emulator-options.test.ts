/** The emulator's defaults come from the facts they model, each kept once. */
import { DEFAULT_RATE_LIMIT_PER_SECOND } from "../../emulator";
import { resolveOptions } from "../../emulator/options";
import { USAGE } from "../../emulator/cli/args";
import { ACTION_NAMES, ACTIONS } from "../../trtc/actions";

test.each(ACTION_NAMES)("the default rate limit is the action table's for %s", (action) => {
  expect(resolveOptions().rateLimitPerSecond).toBe(ACTIONS[action].rateLimitPerSecond);
  expect(DEFAULT_RATE_LIMIT_PER_SECOND).toBe(ACTIONS[action].rateLimitPerSecond);
});

test("the CLI's help states that default", () => {
  expect(USAGE).toContain(`(default ${ACTIONS.StartPublishCdnStream.rateLimitPerSecond}, 0 = off)`);
});
