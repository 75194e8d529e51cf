/**
 * Control routes `/_emulator/apps[/<SdkAppId>]`: tell the emulator an application's SDK secret key so it
 * checks robot UserSigs (usersig-check.ts). Keys live in memory only — never in the `--data` file, the
 * request log or any answer (answers say `"checksUserSigs": true`) — and survive `POST /_emulator/reset`,
 * like the API credentials, because they are configuration rather than state.
 */
import type { IncomingMessage } from "node:http";
import { readBody } from "../http-io";

/** A control answer: HTTP status and JSON body. */
export interface AppsReply {
  status: number;
  body: unknown;
}

const bad = (status: number, error: string): AppsReply => ({ status, body: { error } });
const view = (sdkAppId: number) => ({ sdkAppId, checksUserSigs: true });

/** Answers GET apps, PUT apps/<id> `{"sdkSecretKey": "..."}`, DELETE apps/<id>. */
export async function appRoutes(keys: Map<number, string>, req: IncomingMessage, method: string, rest: string[]): Promise<AppsReply> {
  if (rest.length === 0) {
    if (method !== "GET") return bad(405, "use GET apps, or PUT/DELETE apps/<SdkAppId>");
    return { status: 200, body: { apps: [...keys.keys()].sort((a, b) => a - b).map(view) } };
  }
  const sdkAppId = /^\d+$/.test(rest[0]) ? Number(rest[0]) : NaN;
  if (rest.length !== 1 || !Number.isSafeInteger(sdkAppId) || sdkAppId < 1 || sdkAppId > 0xffffffff) {
    return bad(404, "use PUT or DELETE apps/<SdkAppId> (an integer from 1 to 4294967295)");
  }
  if (method === "DELETE") {
    keys.delete(sdkAppId);
    return { status: 200, body: { sdkAppId, checksUserSigs: false } };
  }
  if (method !== "PUT") return bad(405, "use PUT or DELETE");
  const read = await readBody(req, 64 * 1024);
  if (read.tooLarge) return bad(413, "body too large");
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString("utf8"));
  } catch {
    return bad(400, "body is not valid JSON"); // the parser's message could quote the key
  }
  const key = (parsed as { sdkSecretKey?: unknown } | null)?.sdkSecretKey;
  if (typeof key !== "string" || key === "") return bad(400, 'body must be {"sdkSecretKey": "<non-empty string>"}');
  keys.set(sdkAppId, key);
  return { status: 200, body: view(sdkAppId) };
}
