/**
 * The data file: journal parsing (cut-short last line dropped, damaged lines refused with their number,
 * version-1 snapshots read), and the FileStore's appends and compaction on a real file.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMPACT_FACTOR, FileStore, MIN_COMPACT_BYTES } from "../../emulator/state/file-store";
import { JOURNAL_HEADER_LINE, parseDataFile } from "../../emulator/state/journal";
import { newTask, type TaskRecord } from "../../emulator/state/task";

const task = (id: string, extra: Record<string, unknown> = {}): TaskRecord =>
  ({ ...newTask(id, { SdkAppId: 1400188366, RoomId: "295066", RoomIdType: 0 }, 0, "req"), ...extra }) as TaskRecord;
const line = (v: unknown): string => `${JSON.stringify(v)}\n`;

describe("parseDataFile", () => {
  it("replays a journal in order and drops a last line without its newline", () => {
    const text =
      JOURNAL_HEADER_LINE +
      line({ task: task("a") }) +
      line({ clockOffsetMs: 5 }) +
      line({ clear: true }) +
      line({ task: task("b") }) +
      '{"task":{"TaskId":"c"';
    const parsed = parseDataFile("f", text);
    expect(parsed.format).toBe("journal");
    expect(parsed.changes.map((c) => ("task" in c ? c.task.TaskId : Object.keys(c)[0]))).toEqual(["a", "clockOffsetMs", "clear", "b"]);
    expect(parsed.droppedTailBytes).toBe(Buffer.byteLength('{"task":{"TaskId":"c"'));
  });

  it("refuses a damaged line that is not the last, naming its line number", () => {
    const text = `${JOURNAL_HEADER_LINE}${line({ task: task("a") })}{"task":\n${line({ task: task("b") })}`;
    expect(() => parseDataFile("data.json", text)).toThrow(/data file data.json line 3 is not valid JSON/);
    expect(() => parseDataFile("data.json", `${JOURNAL_HEADER_LINE}${line({ nonsense: 1 })}`)).toThrow(/line 2 is not a journal entry/);
  });

  it("refuses a journal version it does not know", () => {
    expect(() => parseDataFile("f", line({ format: "trtc-emulator-journal", version: 3 }))).toThrow(/journal version 3/);
  });

  it("reads a version-1 snapshot, pretty-printed or not, as clock, rooms, then tasks", () => {
    const snap = {
      version: 1,
      tasks: [task("a"), task("b")],
      rooms: [{ SdkAppId: 1, RoomId: "r", Anchors: [], UpdatedAt: "" }],
      clockOffsetMs: 7,
    };
    for (const text of [JSON.stringify(snap, null, 2), JSON.stringify(snap)]) {
      const parsed = parseDataFile("f", text);
      expect(parsed.format).toBe("snapshot");
      expect(parsed.changes).toEqual([{ clockOffsetMs: 7 }, { room: snap.rooms[0] }, { task: snap.tasks[0] }, { task: snap.tasks[1] }]);
    }
    expect(() => parseDataFile("f", JSON.stringify({ version: 1, tasks: {} }))).toThrow(/neither an emulator journal/);
    expect(() => parseDataFile("f", "{ half")).toThrow(/is not valid JSON/);
  });

  it("reads no file as an empty state", () => {
    expect(parseDataFile("f", undefined)).toEqual({ changes: [], format: "empty", droppedTailBytes: 0 });
  });
});

describe("FileStore", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "trtc-journal-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("appends one line per change and replays them on reopening", () => {
    const file = join(dir, "sub", "data.json");
    const store = new FileStore(file);
    expect(readFileSync(file, "utf8")).toBe(`${JOURNAL_HEADER_LINE}${line({ clockOffsetMs: 0 })}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const a = task("a");
    store.putTask(a);
    a.SequenceNumber = 4;
    store.putTask(a);
    store.putRoom({ SdkAppId: 1, RoomId: "r", Anchors: ["x"], UpdatedAt: "t" });
    store.setClockOffset(9);
    expect(readFileSync(file, "utf8").split("\n").length - 1).toBe(2 + 4);
    const reopened = new FileStore(file);
    expect(reopened.listTasks()).toEqual([a]);
    expect(reopened.getRoom(1, "r")?.Anchors).toEqual(["x"]);
    expect(reopened.getClockOffset()).toBe(9);
    // Compacted on opening: one line per live record.
    expect(readFileSync(file, "utf8").split("\n").length - 1).toBe(4);
  });

  it("replays a reset, and keeps the journal within a multiple of the live state however often a task changes", () => {
    const file = join(dir, "data.json");
    const store = new FileStore(file);
    store.putTask(task("gone"));
    store.clear();
    const a = task("a", { Params: { Padding: "x".repeat(1000) } });
    store.putTask(a);
    const liveBytes = Buffer.byteLength(line({ task: a }));
    let largest = 0;
    for (let seq = 1; seq <= 5000; seq++) {
      a.SequenceNumber = seq;
      store.putTask(a);
      largest = Math.max(largest, statSync(file).size);
    }
    // 5000 versions of a ~1 KB record would be ~5 MB; compaction keeps it near the 1 MiB floor.
    expect(largest).toBeLessThanOrEqual(Math.max(MIN_COMPACT_BYTES, COMPACT_FACTOR * liveBytes) + 2 * liveBytes);
    const reopened = new FileStore(file);
    expect(reopened.listTasks().map((t) => [t.TaskId, t.SequenceNumber])).toEqual([["a", 5000]]);
  });

  it("leaves a damaged file as it was", () => {
    const file = join(dir, "data.json");
    const text = `${JOURNAL_HEADER_LINE}not json\n${line({ clockOffsetMs: 1 })}`;
    writeFileSync(file, text);
    expect(() => new FileStore(file)).toThrow(/line 2/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
