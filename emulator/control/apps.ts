/**
 * Control routes `/_emulator/apps[/<SdkAppId>]`: tell the emulator an application's SDK secret key so it
 * checks robot UserSigs (usersig-check.ts). Keys live in memory only — never in the `--data` file, the
 * request log or any answer (answers say `"checksUserSigs": true`) — and survive `POST /_emulator/reset`,
 * like the API credentials, because they are configuration rather than state.
 */
import type { IncomingMessage } from "node:http";
import { bad, type JsonReply, ok, readJsonBody } from "../http-io";

const view = (sdkAppId: number) => ({ sdkAppId, checksUserSigs: true });

/** Answers GET apps, PUT apps/<id> `{"sdkSecretKey": "..."}`, DELETE apps/<id>. */
export async function appRoutes(keys: Map<number, string>, req: IncomingMessage, method: string, rest: string[]): Promise<JsonReply> {
  if (rest.length === 0) {
    if (method !== "GET") return bad(405, "use GET apps, or PUT/DELETE apps/<SdkAppId>");
    return ok({ apps: [...keys.keys()].sort((a, b) => a - b).map(view) });
  }
  const sdkAppId = /^\d+$/.test(rest[0]) ? Number(rest[0]) : NaN;
  if (rest.length !== 1 || !Number.isSafeInteger(sdkAppId) || sdkAppId < 1 || sdkAppId > 0xffffffff) {
    return bad(404, "use PUT or DELETE apps/<SdkAppId> (an integer from 1 to 4294967295)");
  }
  if (method === "DELETE") {
    keys.delete(sdkAppId);
    return ok({ sdkAppId, checksUserSigs: false });
  }
  if (method !== "PUT") return bad(405, "use PUT or DELETE");
  const body = await readJsonBody(req, 64 * 1024);
  if ("error" in body) return body.error;
  const key = (body.value as { sdkSecretKey?: unknown } | null)?.sdkSecretKey;
  if (typeof key !== "string" || key === "") return bad(400, 'body must be {"sdkSecretKey": "<non-empty string>"}');
  keys.set(sdkAppId, key);
  return ok(view(sdkAppId));
}
