/**
 * The memory store plus a data file (`--data <file>`), written incrementally: each change is appended to
 * the journal (journal.ts) as one JSON line before the request that made it is answered, so the cost of a
 * change is the size of the changed record, not of the store, and an answered change survives the
 * emulator being killed (`kill -9`) at any moment.
 *
 * The journal is compacted (rewritten as one line per live record, through a temp file, fsync and an
 * atomic rename) on start and when it has grown to {@link COMPACT_FACTOR} times the live
 * state, so its size stays proportional to what it holds and each compaction is paid for by the appends
 * before it. Appends are not fsync'ed one by one: a killed process loses nothing, an operating-system
 * crash or power loss may lose the last changes (docs/EMULATOR.md).
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { encodeChange, JOURNAL_HEADER_LINE, parseDataFile } from "./journal";
import { MemoryStore, roomKey, snapshotChanges, type StoreChange } from "./store";

/** Compact when the journal is this many times the size of the live records it holds. */
export const COMPACT_FACTOR = 4;

/** ... but not below this many bytes, so a small store is not rewritten every few changes. */
export const MIN_COMPACT_BYTES = 1 << 20;

/** Data files hold UserSigs and push URLs with txSecret: owner only. */
const FILE_MODE = 0o600;

/** The record a change replaces, so a later change to it makes the earlier line garbage. */
function recordKey(change: StoreChange): string {
  if ("task" in change) return `task\u0000${change.task.TaskId}`;
  if ("room" in change) return `room\u0000${roomKey(change.room.SdkAppId, change.room.RoomId)}`;
  return "clock";
}

/** Writes all of `text`, however many calls it takes. */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
}

/**
 * Writes `lines` to `file` through a temp file in the same directory, fsync and a rename (atomic on POSIX),
 * in writes of about {@link WRITE_CHUNK_CHARS} characters.
 */
export function writeFileAtomic(file: string, lines: Iterable<string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, "w", FILE_MODE);
    try {
      let pending: string[] = [];
      let chars = 0;
      for (const line of lines) {
        pending.push(line);
        chars += line.length;
        if (chars < WRITE_CHUNK_CHARS) continue;
        writeAll(fd, pending.join(""));
        pending = [];
        chars = 0;
      }
      writeAll(fd, pending.join(""));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

const WRITE_CHUNK_CHARS = 1 << 20;

/** The store behind `--data <file>`. */
export class FileStore extends MemoryStore {
  /** Bytes in the journal file now. */
  private journalBytes = 0;
  /** Bytes of the line holding each live record's latest version, and their sum. */
  private liveBytes = new Map<string, number>();
  private liveTotal = 0;
  /** No compaction is tried below this journal size (raised after a failed one, so it is not retried per change). */
  private compactAtBytes = MIN_COMPACT_BYTES;

  /**
   * Loads `file` if it exists (a journal, or a version-1 snapshot to migrate), then compacts it, which also
   * drops a cut-short last line.
   * @throws Error naming the file when it is damaged (the file is left as it was), or the write error when
   * the compacted file cannot be written.
   */
  constructor(private readonly file: string) {
    super();
    const contents = parseDataFile(file, existsSync(file) ? readFileSync(file, "utf8") : undefined);
    for (const change of contents.changes) this.apply(change);
    this.compact();
  }

  protected override record(changes: readonly StoreChange[]): void {
    const lines = changes.map(encodeChange);
    const text = lines.join("");
    try {
      appendFileSync(this.file, text, { mode: FILE_MODE });
    } catch (e) {
      // Cut a partial append back off, so the next change does not land after half a line.
      try {
        truncateSync(this.file, this.journalBytes);
      } catch {
        // The original error says more than this one would.
      }
      throw e;
    }
    this.journalBytes += Buffer.byteLength(text);
    changes.forEach((change, i) => {
      if ("clear" in change) {
        this.liveBytes.clear();
        this.liveTotal = 0;
      } else this.setLive(recordKey(change), Buffer.byteLength(lines[i]));
    });
    if (this.journalBytes < this.compactAtBytes || this.journalBytes <= COMPACT_FACTOR * this.liveTotal) return;
    try {
      this.compact();
    } catch {
      // The change is in the journal, which is still whole: answer it, and try again after as many bytes more.
      this.compactAtBytes = this.journalBytes + MIN_COMPACT_BYTES;
    }
  }

  /** Rewrites the file as the header plus one line per live record; the counters change only on success. */
  private compact(): void {
    const live = new Map<string, number>();
    let liveTotal = 0;
    let journalBytes = Buffer.byteLength(JOURNAL_HEADER_LINE);
    const changes = snapshotChanges(this.snapshot());
    writeFileAtomic(
      this.file,
      (function* lines() {
        yield JOURNAL_HEADER_LINE;
        for (const change of changes) {
          const line = encodeChange(change);
          const bytes = Buffer.byteLength(line);
          journalBytes += bytes;
          liveTotal += bytes;
          live.set(recordKey(change), bytes);
          yield line;
        }
      })(),
    );
    this.liveBytes = live;
    this.liveTotal = liveTotal;
    this.journalBytes = journalBytes;
    this.compactAtBytes = MIN_COMPACT_BYTES;
  }

  private setLive(key: string, bytes: number): void {
    this.liveTotal += bytes - (this.liveBytes.get(key) ?? 0);
    this.liveBytes.set(key, bytes);
  }
}
