/**
 * The data file's format. Version 2 is a journal: a header line, then one JSON line per change
 * ({@link StoreChange}); replaying the lines in order rebuilds the state, and a compacted journal is the
 * same format holding one line per live record. Version 1, the single JSON snapshot earlier emulators
 * rewrote after every change, is still read, so existing `.trtc-local/emulator.json` files load (and are
 * rewritten as a journal on start).
 *
 * A change counts once its line, newline included, is in the file: the store appends it before the
 * request is answered. A last line without its newline is a write that a crash cut short, never an
 * acknowledged change, so it is dropped. Anything else that does not parse is an error: the file is left
 * untouched for a person to look at rather than replaced by a guess.
 */
import type { RoomRecord, Snapshot, StoreChange } from "./store";
import type { TaskRecord } from "./task";

/** The journal's first line. */
export const JOURNAL_HEADER = { format: "trtc-emulator-journal", version: 2 } as const;

/** The header, as written. */
export const JOURNAL_HEADER_LINE = `${JSON.stringify(JOURNAL_HEADER)}\n`;

/** One change as one journal line, newline included. */
export const encodeChange = (change: StoreChange): string => `${JSON.stringify(change)}\n`;

/** What a data file held. */
export interface DataFileContents {
  /** The changes to replay, in order. */
  changes: StoreChange[];
  /** `journal` (version 2) or `snapshot` (version 1, to migrate); `empty` when the file does not exist. */
  format: "journal" | "snapshot" | "empty";
  /** Bytes of a cut-short last line that were dropped (0 when the file ended cleanly). */
  droppedTailBytes: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** The change a parsed journal line holds, or undefined when it is not one. */
function asChange(v: unknown): StoreChange | undefined {
  if (!isObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  if (isObject(v.task) && typeof v.task.TaskId === "string") return { task: v.task as unknown as TaskRecord };
  if (isObject(v.room) && typeof v.room.SdkAppId === "number" && typeof v.room.RoomId === "string")
    return { room: v.room as unknown as RoomRecord };
  if (typeof v.clockOffsetMs === "number") return { clockOffsetMs: v.clockOffsetMs };
  if (v.clear === true) return { clear: true };
  return undefined;
}

function parseJournal(file: string, text: string): DataFileContents {
  const lines = text.split("\n");
  // The element after the last newline: empty when the file ended cleanly, else a cut-short write.
  const tail = lines.pop() as string;
  const changes: StoreChange[] = [];
  for (let i = 1; i < lines.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(lines[i]);
    } catch (e) {
      throw new Error(
        `trtc-emulator: data file ${file} line ${i + 1} is not valid JSON (${(e as Error).message}); move the file away to start fresh`,
      );
    }
    const change = asChange(parsed);
    if (!change)
      throw new Error(`trtc-emulator: data file ${file} line ${i + 1} is not a journal entry; move the file away to start fresh`);
    changes.push(change);
  }
  return { changes, format: "journal", droppedTailBytes: Buffer.byteLength(tail) };
}

function parseSnapshot(file: string, text: string): DataFileContents {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`trtc-emulator: data file ${file} is not valid JSON (${(e as Error).message}); move it away to start fresh`);
  }
  const snap = parsed as Partial<Snapshot>;
  if (snap?.version !== 1 || !Array.isArray(snap.tasks) || !Array.isArray(snap.rooms)) {
    throw new Error(`trtc-emulator: data file ${file} is neither an emulator journal (version 2) nor a snapshot (version 1)`);
  }
  const changes: StoreChange[] = [
    { clockOffsetMs: Number(snap.clockOffsetMs ?? 0) },
    ...snap.rooms.map((room) => ({ room })),
    ...snap.tasks.map((task) => ({ task })),
  ];
  return { changes, format: "snapshot", droppedTailBytes: 0 };
}

/**
 * Parses a data file's text (`undefined` = no file). Throws an Error naming the file (and the line) when
 * it is neither format, or a journal line other than a cut-short last one is damaged.
 */
export function parseDataFile(file: string, text: string | undefined): DataFileContents {
  if (text === undefined) return { changes: [], format: "empty", droppedTailBytes: 0 };
  const firstLine = text.slice(0, text.indexOf("\n") + 1 || text.length);
  let header: unknown;
  try {
    header = JSON.parse(firstLine);
  } catch {
    // A pretty-printed version-1 snapshot starts with a lone "{": not a header.
  }
  if (isObject(header) && header.format === JOURNAL_HEADER.format) {
    if (header.version !== JOURNAL_HEADER.version) {
      throw new Error(
        `trtc-emulator: data file ${file} is journal version ${String(header.version)}; this emulator reads version 2 (and version-1 snapshots)`,
      );
    }
    return parseJournal(file, text);
  }
  return parseSnapshot(file, text);
}
