/**
 * Server-Sent Events that keep a page current without reloading it. The emulator has no change
 * notifications, so each stream recomputes its page's sections on a short tick and sends only the ones
 * whose markup changed (all of them first, so a page is current even if something changed between
 * loading it and subscribing). Sections are rendered on the server, by the same code as the first page
 * load, so escaping and redaction live in one place and the browser only swaps markup in.
 */
import type { ServerResponse } from "node:http";
import type { Html } from "./html";

/** How often a stream looks for changes; well under the ~1 s a person notices. */
export const TICK_MS = 300;

/** A comment line this often keeps idle connections from being closed by anything in between. */
const HEARTBEAT_MS = 15_000;

/**
 * Streams `event: sections` messages (`data` = JSON object of section name → markup) until the client
 * goes away. `compute` is called on every tick; an exception ends the stream rather than the emulator.
 */
export function streamSections(res: ServerResponse, compute: () => Record<string, Html>): void {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "keep-alive",
    "X-Content-Type-Options": "nosniff",
  });
  // Tells EventSource to reconnect quickly after the emulator restarts.
  res.write("retry: 1000\n\n");
  const last = new Map<string, string>();
  let sinceBeat = 0;
  const tick = (): void => {
    let sections: Record<string, Html>;
    try {
      sections = compute();
    } catch (e) {
      res.end(`event: failure\ndata: ${JSON.stringify(String((e as Error).message))}\n\n`);
      stop();
      return;
    }
    const changed: Record<string, string> = {};
    for (const [name, markup] of Object.entries(sections)) {
      if (last.get(name) !== markup.text) changed[name] = markup.text;
      last.set(name, markup.text);
    }
    sinceBeat += TICK_MS;
    if (Object.keys(changed).length > 0) {
      // JSON.stringify never emits a raw newline, so the payload is one `data:` line.
      res.write(`event: sections\ndata: ${JSON.stringify(changed)}\n\n`);
      sinceBeat = 0;
    } else if (sinceBeat >= HEARTBEAT_MS) {
      res.write(": heartbeat\n\n");
      sinceBeat = 0;
    }
  };
  const timer = setInterval(tick, TICK_MS);
  // A dashboard left open must never keep a test process or the CLI alive.
  timer.unref();
  const stop = (): void => clearInterval(timer);
  // The response's "close", not the request's: a request emits "close" as soon as its (empty) body is read.
  res.on("close", stop);
  tick();
}
