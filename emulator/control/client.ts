/**
 * A caller for the emulator's control API (`/_emulator/...`), for tests, benchmarks and scripts that drive a
 * running emulator over HTTP the way a user's own tooling would.
 */

/**
 * Sends `method /_emulator/<route>` to the emulator at `baseUrl` with an optional JSON body and returns the
 * parsed JSON answer (undefined for an empty one). A non-2xx answer throws, naming the route and status.
 * Task views come with UserSigs, `txSecret` values and storage keys masked; a caller that needs them asks
 * with the route's query, e.g. `emulatorControl(url, "GET", "tasks?reveal=secrets")`. Node's fetch sends
 * no `Origin`, so state-changing calls pass the emulator's cross-site check.
 */
export async function emulatorControl<T = any>(baseUrl: string, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/_emulator/${route.replace(/^\//, "")}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /_emulator/${route}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
