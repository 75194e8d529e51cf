/**
 * The fenced code blocks of a Markdown document, and what the document says about running each shell block:
 * an HTML comment on the line before the fence, `<!-- runnable -->` (a test runs it as written),
 * `<!-- runnable: serves -->` (a server: run until it prints its first line, then stopped),
 * `<!-- runnable: body.json from <repo path> -->` (run where `body.json` is a copy of that file), or
 * `<!-- not run: <why> -->`.
 */

/** Info strings of shell blocks. */
const SHELL = new Set(["bash", "sh", "shell", "console"]);

/** One fenced block. */
export interface FencedBlock {
  /** The fence's info string (`bash`, `ts`, or empty). */
  lang: string;
  /** The block's text, without the fences, ending in a newline. */
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The marker before a shell block, when there is one. */
  marker?: { kind: "runnable" | "not run"; detail: string };
}

const MARKER = /^<!--\s*(runnable|not run)\s*(?::\s*([\s\S]*?))?\s*-->$/;

/** Every fenced block of `markdown`, in order. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split("\n");
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`line ${i + 1}: a fence that is never closed`);
    const before = lines[i - 1] ?? "";
    const m = MARKER.exec(before.trim());
    blocks.push({
      lang: open[1],
      code: `${lines.slice(i + 1, end).join("\n")}\n`,
      line: i + 1,
      marker: m ? { kind: m[1] as "runnable" | "not run", detail: m[2] ?? "" } : undefined,
    });
    i = end;
  }
  return blocks;
}

/** Whether a block is a shell block (the ones that must carry a marker). */
export const isShell = (b: FencedBlock): boolean => SHELL.has(b.lang);

/** The repository file a runnable block wants as `body.json`, if its marker names one. */
export function givenBody(b: FencedBlock): string | undefined {
  return /^body\.json from (\S+)$/.exec(b.marker?.detail ?? "")?.[1];
}
