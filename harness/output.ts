/** Engine output captured while an operation runs, for asserting on its messages. */

/** Collects an operation's engine output, for asserting on messages. */
export function collector(): { onOutput: (s: string) => void; text: () => string } {
  const chunks: string[] = [];
  return { onOutput: (s) => chunks.push(s), text: () => chunks.join("") };
}
