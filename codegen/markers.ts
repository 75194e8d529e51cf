/**
 * Generated sections inside hand-written Markdown: the text between a pair of HTML comments is replaced, the
 * rest of the file is left as it is.
 */

const begin = (name: string): string => `<!-- BEGIN GENERATED ${name}: edit trtc/schema or provider/diff.ts, then run npm run generate -->`;
const end = (name: string): string => `<!-- END GENERATED ${name} -->`;

/** `text` with the section `name` replaced by `body`; throws when the markers are missing or repeated. */
export function replaceSection(text: string, file: string, name: string, body: string): string {
  const [open, close] = [begin(name), end(name)];
  const start = text.indexOf(open);
  const stop = text.indexOf(close);
  if (start < 0 || stop < start || text.indexOf(open, start + 1) >= 0) {
    throw new Error(`${file}: expected one pair of markers\n${open}\n...\n${close}\naround the generated section "${name}"`);
  }
  return `${text.slice(0, start + open.length)}\n\n${body.trim()}\n\n${text.slice(stop)}`;
}
