/**
 * Building HTML that cannot carry unescaped text: every interpolated value is escaped unless it was built
 * by this module ({@link Html}). Escaping reuses the layout renderer's attribute escaper, so the dashboard
 * and the SVG drawing share one definition of "safe text" (quotes included, so the same string is safe in
 * element content and in quoted attribute values).
 */
import { escapeAttr } from "../../layout/svg";

/** Markup known to be safe: produced by {@link html}, {@link raw} or a trusted renderer. */
export class Html {
  /** @param text the markup itself. */
  constructor(readonly text: string) {}
  /** The markup, so an `Html` can be written to a response or concatenated into a page. */
  toString(): string {
    return this.text;
  }
}

/** A value that {@link html} accepts: text (escaped), numbers, safe markup, lists of those, or nothing. */
export type HtmlValue = string | number | boolean | Html | null | undefined | ReadonlyArray<HtmlValue>;

/** Escapes one value; `null`, `undefined` and `false` render as nothing, lists are joined. */
export function escapeValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map((v) => escapeValue(v as HtmlValue)).join("");
  return escapeAttr(String(value));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += escapeValue(value) + strings[i + 1];
  });
  return new Html(out);
}

/**
 * Marks markup as safe without escaping. Only for text this package generated with its own escaping
 * (the layout SVG, the stylesheet and the script), never for anything read from a request or a task.
 */
export const raw = (markup: string): Html => new Html(markup);
