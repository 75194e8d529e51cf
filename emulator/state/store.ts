/**
 * Where the emulator keeps tasks, room presence and its clock offset: in memory by default, or in a JSON
 * file (`--data <file>`) that is rewritten atomically (temp file + rename) after every change, so a crash
 * mid-write leaves the previous state intact and a restart resumes every task's SequenceNumber.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { TaskRecord } from "./task";

/** Which anchors are in one room, as told through `PUT /_emulator/rooms/<SdkAppId>/<RoomId>`. */
export interface RoomRecord {
  SdkAppId: number;
  RoomId: string;
  Anchors: string[];
  UpdatedAt: string;
}

/** Everything the emulator persists. */
export interface Snapshot {
  version: 1;
  tasks: TaskRecord[];
  rooms: RoomRecord[];
  /** How far the control API moved task time ahead of the wall clock. */
  clockOffsetMs: number;
}

/**
 * The store the handlers use. Records handed out are live objects: mutate, then `put` to persist.
 */
export interface EmulatorStore {
  /** The task with this id, whatever its SdkAppId. */
  getTask(taskId: string): TaskRecord | undefined;
  /** All tasks, oldest first. */
  listTasks(): TaskRecord[];
  /** Inserts or replaces a task and persists. */
  putTask(task: TaskRecord): void;
  /** Presence of one room. */
  getRoom(sdkAppId: number, roomId: string): RoomRecord | undefined;
  /** All rooms with known presence. */
  listRooms(): RoomRecord[];
  /** Inserts or replaces a room and persists. */
  putRoom(room: RoomRecord): void;
  /** The persisted clock offset. */
  getClockOffset(): number;
  /** Persists a new clock offset. */
  setClockOffset(ms: number): void;
  /** Forgets everything (control API reset) and persists the empty state. */
  clear(): void;
  /** Persists several changes at once after a sweep touched many tasks. */
  flush(): void;
}

const roomKey = (sdkAppId: number, roomId: string): string => `${sdkAppId}/${roomId}`;

/** The in-memory store; {@link FileStore} adds persistence by overriding {@link MemoryStore.flush}. */
export class MemoryStore implements EmulatorStore {
  protected tasks = new Map<string, TaskRecord>();
  protected rooms = new Map<string, RoomRecord>();
  protected clockOffsetMs = 0;

  /** Starts from a snapshot (used by {@link FileStore}) or empty. */
  constructor(snapshot?: Snapshot) {
    if (snapshot) this.restore(snapshot);
  }

  getTask(taskId: string): TaskRecord | undefined {
    return this.tasks.get(taskId);
  }
  listTasks(): TaskRecord[] {
    return [...this.tasks.values()];
  }
  putTask(task: TaskRecord): void {
    this.tasks.set(task.TaskId, task);
    this.flush();
  }
  getRoom(sdkAppId: number, roomId: string): RoomRecord | undefined {
    return this.rooms.get(roomKey(sdkAppId, roomId));
  }
  listRooms(): RoomRecord[] {
    return [...this.rooms.values()];
  }
  putRoom(room: RoomRecord): void {
    this.rooms.set(roomKey(room.SdkAppId, room.RoomId), room);
    this.flush();
  }
  getClockOffset(): number {
    return this.clockOffsetMs;
  }
  setClockOffset(ms: number): void {
    this.clockOffsetMs = ms;
    this.flush();
  }
  clear(): void {
    this.tasks.clear();
    this.rooms.clear();
    this.clockOffsetMs = 0;
    this.flush();
  }
  flush(): void {
    // Memory only: nothing to write.
  }

  /** The whole state as plain JSON-able data. */
  snapshot(): Snapshot {
    return { version: 1, tasks: this.listTasks(), rooms: this.listRooms(), clockOffsetMs: this.clockOffsetMs };
  }

  private restore(snapshot: Snapshot): void {
    for (const task of snapshot.tasks) this.tasks.set(task.TaskId, task);
    for (const room of snapshot.rooms) this.rooms.set(roomKey(room.SdkAppId, room.RoomId), room);
    this.clockOffsetMs = snapshot.clockOffsetMs ?? 0;
  }
}

/** Reads a snapshot file; `undefined` when it does not exist. A corrupt file is an error, never overwritten. */
export function readSnapshot(file: string): Snapshot | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`trtc-emulator: data file ${file} is not valid JSON (${(e as Error).message}); move it away to start fresh`);
  }
  const snap = parsed as Partial<Snapshot>;
  if (snap?.version !== 1 || !Array.isArray(snap.tasks) || !Array.isArray(snap.rooms)) {
    throw new Error(`trtc-emulator: data file ${file} is not an emulator snapshot (version 1)`);
  }
  return { version: 1, tasks: snap.tasks, rooms: snap.rooms, clockOffsetMs: Number(snap.clockOffsetMs ?? 0) };
}

/** Writes `data` to `file` through a temp file in the same directory and a rename, which is atomic on POSIX. */
export function writeFileAtomic(file: string, data: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The memory store plus a JSON file rewritten after every change; mode 0600 since Params hold UserSigs. */
export class FileStore extends MemoryStore {
  /** Loads `file` if it exists. */
  constructor(private readonly file: string) {
    super(readSnapshot(file));
  }

  override flush(): void {
    writeFileAtomic(this.file, JSON.stringify(this.snapshot(), null, 2));
  }
}
