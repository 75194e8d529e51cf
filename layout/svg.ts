/**
 * A tiny SVG builder that cannot emit unescaped text.
 *
 * Everything a user controls (user ids, watermark text, image URLs) reaches the drawing as a string child
 * or an attribute value, and both are escaped when serialised, so a user id such as `</text><script>` is
 * drawn as those characters instead of becoming markup. Element and attribute names come only from this
 * package's code, but they are still checked so a typo cannot produce a malformed document.
 */

/** An attribute value; `undefined` and `false` omit the attribute, numbers are rounded to 2 decimals. */
export type SvgAttrValue = string | number | boolean | undefined;

/** One SVG element: its name, attributes and children (strings are text content, escaped on output). */
export interface SvgNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, SvgAttrValue>>;
  readonly children: ReadonlyArray<SvgNode | string>;
}

const NAME = /^[A-Za-z][A-Za-z0-9:._-]*$/;

// XML 1.0 forbids these code points even when escaped; a stray one would make the whole file unreadable,
// so they are replaced rather than rejected (a user id is shown, not validated, here).
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content: `&`, `<`, `>` and characters XML cannot carry at all. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML_CHAR, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes a double-quoted attribute value (also quotes and whitespace that attribute normalisation eats). */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Formats a number for an attribute: at most 2 decimals (so tiny values print as 0), never `-0` or `NaN`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "0";
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Builds an element; `null`/`undefined`/`false` children are dropped so callers can write conditionals inline. */
export function el(
  name: string,
  attrs: Record<string, SvgAttrValue> = {},
  ...children: Array<SvgNode | string | null | undefined | false | ReadonlyArray<SvgNode | string | null | undefined | false>>
): SvgNode {
  if (!NAME.test(name)) throw new Error(`svg: invalid element name ${JSON.stringify(name)}`);
  for (const key of Object.keys(attrs)) {
    if (!NAME.test(key)) throw new Error(`svg: invalid attribute name ${JSON.stringify(key)}`);
  }
  const flat: Array<SvgNode | string> = [];
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) flat.push(child);
  return { name, attrs, children: flat };
}

function attrText(value: SvgAttrValue): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return "true";
  return typeof value === "number" ? formatNumber(value) : escapeAttr(value);
}

/** Serialises a node tree; element-only content is indented, mixed or text content stays on one line. */
export function serialize(node: SvgNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  let open = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs)) {
    const text = attrText(value);
    if (text !== undefined) open += ` ${key}="${text}"`;
  }
  if (node.children.length === 0) return `${pad}${open}/>`;
  if (node.children.some((c) => typeof c === "string")) {
    const inner = node.children.map((c) => (typeof c === "string" ? escapeText(c) : serialize(c, 0))).join("");
    return `${pad}${open}>${inner}</${node.name}>`;
  }
  const inner = node.children.map((c) => serialize(c as SvgNode, depth + 1)).join("\n");
  return `${pad}${open}>\n${inner}\n${pad}</${node.name}>`;
}
