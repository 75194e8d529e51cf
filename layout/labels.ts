/**
 * Turning API strings into things safe and short enough to print on a drawing.
 */

const MAX_LABEL = 72;

/**
 * An image URL as a label: scheme, host and path only.
 *
 * Why: image URLs are often pre-signed (COS `q-signature`, CDN `txSecret`/`sign` tokens) and may carry
 * `user:password@`; the drawing only needs to say which image it is, so query, fragment and credentials
 * are dropped (a trailing `?…` says a query existed). Long labels are shortened in the middle so the file
 * name stays visible.
 */
export function urlLabel(url: string): string {
  let label: string;
  try {
    const u = new URL(url);
    label = `${u.protocol}//${u.host}${u.pathname}${u.search ? "?…" : ""}`;
  } catch {
    const cut = url.search(/[?#]/);
    label = (cut >= 0 ? url.slice(0, cut) + (url[cut] === "?" ? "?…" : "") : url).replace(/\/\/[^/@]*@/, "//");
  }
  return shorten(label, MAX_LABEL);
}

/** Shortens text to `max` characters by replacing its middle with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - tail).join("")}`;
}

/** `0xRRGGBB` (case-insensitive, as the API takes colours) to CSS `#rrggbb`; undefined when malformed. */
export function cssColour(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^0x([0-9a-f]{6})$/i.exec(value.trim());
  return m ? `#${m[1].toLowerCase()}` : undefined;
}

/** Names of `RenderMode` values, per spec §5.8/§5.9 (custom and dynamic layouts agree on 0/1/2). */
export const RENDER_MODE_NAMES: Readonly<Record<number, string>> = { 0: "crop", 1: "scale", 2: "scale on black" };

/** Names of `BackgroundRenderMode` for a cell's placeholder image (spec §5.9; default 3). */
export const PLACEHOLDER_MODE_NAMES: Readonly<Record<number, string>> = {
  0: "crop",
  1: "scale",
  2: "scale on black",
  3: "stretch",
  4: "custom render",
};

/** Names of the canvas `BackgroundRenderMode` (spec §5.6; default 2). */
export const CANVAS_IMAGE_MODE_NAMES: Readonly<Record<number, string>> = { 0: "crop", 1: "scale", 2: "stretch" };

/** Names of `DynamicPosType` for watermarks (spec §5.15). */
export const DYNAMIC_POS_NAMES: Readonly<Record<number, string>> = { 0: "fixed", 1: "random jumps", 2: "bounces" };

/** A mode's name, or `mode N` for values the API does not document. */
export function modeName(names: Readonly<Record<number, string>>, mode: number): string {
  return names[mode] ?? `mode ${mode}`;
}
