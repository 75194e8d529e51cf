/**
 * Secret markers in what the dynamic provider's `check` returns.
 *
 * The dynamic-provider host accepts no secrets (the engine strips them before every call), but it hands
 * the inputs `check` returns to the engine unchanged, and the engine reads them keeping secret markers
 * (provider_plugin.go, Check: `KeepSecrets: true`); only then does it copy secretness over from the
 * program's inputs. So `check` can say that a whole secret argument is secret, and does:
 *
 * - the resource marks only the secret leaves (secret-inputs.ts), so that one unknown push URL leaves the
 *   list's shape known in preview; the engine then marks a list holding a secret as wholly secret, but only
 *   once the secret is known. A preview with an unknown push URL and the up that follows would record the
 *   list once plain and once secret, and `up --plan` refuses that as "properties changed" (and prints the
 *   new value, secrets and all);
 * - marking every secret argument whole, in preview and up alike, keeps the two identical, and stores the
 *   inputs as the first releases did (each secret argument encrypted whole).
 *
 * Wire format: Pulumi's `{ [sig]: secretSig, value }` (sdk/nodejs/runtime/rpc.ts, specialSigKey).
 */
import { SECRET_OUTPUTS } from "./secrets";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** `inputs` with every secret argument present marked secret as a whole. */
export function markSecretArguments(inputs: Record<string, unknown>): Record<string, unknown> {
  const out = { ...inputs };
  for (const key of SECRET_OUTPUTS) {
    if (out[key] !== undefined && out[key] !== null) out[key] = { [SIG_KEY]: SECRET_SIG, value: out[key] };
  }
  return out;
}
