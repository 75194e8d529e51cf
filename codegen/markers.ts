/**
 * Generated sections inside hand-written Markdown: the text between a pair of HTML comments is replaced, the
 * rest of the file is left as it is.
 */

/** Where a section's content comes from, unless its caller says otherwise. */
const SOURCES = "trtc/schema or provider/diff.ts";

const begin = (name: string, sources: string): string => `<!-- BEGIN GENERATED ${name}: edit ${sources}, then run npm run generate -->`;
const end = (name: string): string => `<!-- END GENERATED ${name} -->`;

/**
 * `text` with the section `name` replaced by `body`; throws when the markers are missing or repeated.
 * `sources` names the files to edit instead, as the opening marker tells readers.
 */
export function replaceSection(text: string, file: string, name: string, body: string, sources = SOURCES): string {
  const [open, close] = [begin(name, sources), end(name)];
  const start = text.indexOf(open);
  const stop = text.indexOf(close);
  if (start < 0 || stop < start || text.indexOf(open, start + 1) >= 0) {
    throw new Error(`${file}: expected one pair of markers\n${open}\n...\n${close}\naround the generated section "${name}"`);
  }
  return `${text.slice(0, start + open.length)}\n\n${body.trim()}\n\n${text.slice(stop)}`;
}
