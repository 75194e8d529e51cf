/** Text helpers shared by the generated outputs: doc-comment wrapping and Markdown escaping. */

/** Greedy word wrap at `width` characters (a word longer than the width gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Widest line a generated doc comment may have, its indentation and ` * ` included. */
const COMMENT_WIDTH = 118;

/**
 * A `/** ... *\/` comment indented by `indent` spaces, one paragraph per entry, wrapped. `*\/` inside the text
 * would end the comment early, so it is refused.
 */
export function docComment(paragraphs: readonly string[], indent = 0): string {
  const pad = " ".repeat(indent);
  const body: string[] = [];
  for (const paragraph of paragraphs.filter((p) => p.trim())) {
    if (paragraph.includes("*/")) throw new Error(`a doc comment cannot contain "*/": ${paragraph}`);
    if (body.length) body.push(`${pad} *`);
    for (const line of wrap(paragraph, COMMENT_WIDTH - indent - 3)) body.push(`${pad} * ${line}`);
  }
  return [`${pad}/**`, ...body, `${pad} */`].join("\n");
}

/** Text for a Markdown table cell: pipes escaped, one line. */
export const cell = (text: string): string => text.replaceAll("|", "\\|").replace(/\s+/g, " ").trim();

/** Widest line of generated Markdown prose, as the hand-written docs wrap theirs. */
const MARKDOWN_WIDTH = 115;

/** A Markdown paragraph wrapped, or a list item (`- ...`) wrapped with its continuation lines indented. */
export function markdownBlock(text: string): string {
  const item = text.startsWith("- ");
  const lines = wrap(item ? text.slice(2) : text, MARKDOWN_WIDTH - (item ? 2 : 0));
  return lines.map((line, i) => (item ? (i === 0 ? `- ${line}` : `  ${line}`) : line)).join("\n");
}
