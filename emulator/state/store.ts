/**
 * Where the emulator keeps tasks, room presence and its clock offset: in memory by default, or also in a
 * data file (`--data <file>`, file-store.ts) that every change is appended to before it is acknowledged.
 *
 * Every lookup a request makes is by key (TaskId, room, or a {@link TaskKeyIndex} over running tasks), so
 * the cost of a request does not grow with the number of tasks stored; only the control API's listings
 * walk them all.
 */
import { RunningTaskIndex, type TaskKeyIndex } from "./task-index";
import type { TaskRecord } from "./task";

/** Which anchors are in one room, as told through `PUT /_emulator/rooms/<SdkAppId>/<RoomId>`. */
export interface RoomRecord {
  SdkAppId: number;
  RoomId: string;
  Anchors: string[];
  UpdatedAt: string;
}

/** Everything the emulator persists, as one JSON document (the version-1 data file format, still read). */
export interface Snapshot {
  version: 1;
  tasks: TaskRecord[];
  rooms: RoomRecord[];
  /** How far the control API moved task time ahead of the wall clock. */
  clockOffsetMs: number;
}

/** One change, as the store applies it and as the data file's journal records it (one JSON line each). */
export type StoreChange = { task: TaskRecord } | { room: RoomRecord } | { clockOffsetMs: number } | { clear: true };

/** Running and finished task counts. */
export interface TaskCounts {
  running: number;
  finished: number;
}

/**
 * The store the handlers use. Records handed out are live objects: mutate, then `putTask` to persist (and
 * to refile the task in the running-task indexes, which read it as it is at that moment).
 */
export interface EmulatorStore {
  /** The task with this id, whatever its SdkAppId. */
  getTask(taskId: string): TaskRecord | undefined;
  /** All tasks, oldest first. Walks the whole store: for the control API and the dashboard, not per request. */
  listTasks(): TaskRecord[];
  /** How many tasks run and how many finished, without walking them. */
  countTasks(): TaskCounts;
  /**
   * Running tasks filed under any of `keys` by `index`, oldest first, each once. The first call with an
   * index builds it from the running tasks (once); later puts keep it current.
   */
  runningTasksBy(index: TaskKeyIndex, keys: readonly string[]): TaskRecord[];
  /** Inserts or replaces a task and persists it. */
  putTask(task: TaskRecord): void;
  /** Inserts or replaces several tasks (a sweep's result) and persists them in one write. */
  putTasks(tasks: readonly TaskRecord[]): void;
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
}

/** The key of a room in {@link MemoryStore}'s map and in the journal. */
export const roomKey = (sdkAppId: number, roomId: string): string => `${sdkAppId}/${roomId}`;

/** The in-memory store; file-store.ts adds persistence by overriding {@link MemoryStore.record}. */
export class MemoryStore implements EmulatorStore {
  private readonly tasks = new Map<string, TaskRecord>();
  /** Creation order of each task, so index lookups answer oldest first like {@link listTasks}. */
  private readonly ordinals = new Map<string, number>();
  private nextOrdinal = 0;
  private readonly running = new Set<string>();
  private readonly indexes = new Map<TaskKeyIndex, RunningTaskIndex>();
  private readonly rooms = new Map<string, RoomRecord>();
  private clockOffsetMs = 0;

  /** Starts from a snapshot or empty. */
  constructor(snapshot?: Snapshot) {
    if (snapshot) for (const change of snapshotChanges(snapshot)) this.apply(change);
  }

  getTask(taskId: string): TaskRecord | undefined {
    return this.tasks.get(taskId);
  }
  listTasks(): TaskRecord[] {
    return [...this.tasks.values()];
  }
  countTasks(): TaskCounts {
    return { running: this.running.size, finished: this.tasks.size - this.running.size };
  }
  runningTasksBy(definition: TaskKeyIndex, keys: readonly string[]): TaskRecord[] {
    let index = this.indexes.get(definition);
    if (!index) {
      index = new RunningTaskIndex(definition);
      for (const id of this.running) index.update(this.tasks.get(id) as TaskRecord);
      this.indexes.set(definition, index);
    }
    const ids = new Set<string>();
    for (const key of keys) for (const id of index.get(key)) ids.add(id);
    const order = (id: string): number => this.ordinals.get(id) ?? 0;
    return [...ids].sort((a, b) => order(a) - order(b)).map((id) => this.tasks.get(id) as TaskRecord);
  }
  putTask(task: TaskRecord): void {
    this.putTasks([task]);
  }
  putTasks(tasks: readonly TaskRecord[]): void {
    const changes = tasks.map((task) => ({ task }));
    for (const change of changes) this.apply(change);
    this.record(changes);
  }
  getRoom(sdkAppId: number, roomId: string): RoomRecord | undefined {
    return this.rooms.get(roomKey(sdkAppId, roomId));
  }
  listRooms(): RoomRecord[] {
    return [...this.rooms.values()];
  }
  putRoom(room: RoomRecord): void {
    this.change({ room });
  }
  getClockOffset(): number {
    return this.clockOffsetMs;
  }
  setClockOffset(ms: number): void {
    this.change({ clockOffsetMs: ms });
  }
  clear(): void {
    this.change({ clear: true });
  }

  /** The whole state as plain JSON-able data (walks everything). */
  snapshot(): Snapshot {
    return { version: 1, tasks: this.listTasks(), rooms: this.listRooms(), clockOffsetMs: this.clockOffsetMs };
  }

  /** Persists changes already applied; the memory store keeps nothing else. Throwing fails the request. */
  protected record(_changes: readonly StoreChange[]): void {
    // Memory only: nothing to write.
  }

  /** Applies one change to memory and the indexes, without recording it (a data file's replay uses this). */
  protected apply(change: StoreChange): void {
    if ("task" in change) {
      const { task } = change;
      if (!this.ordinals.has(task.TaskId)) this.ordinals.set(task.TaskId, this.nextOrdinal++);
      this.tasks.set(task.TaskId, task);
      if (task.Status === "running") this.running.add(task.TaskId);
      else this.running.delete(task.TaskId);
      for (const index of this.indexes.values()) index.update(task);
    } else if ("room" in change) {
      this.rooms.set(roomKey(change.room.SdkAppId, change.room.RoomId), change.room);
    } else if ("clockOffsetMs" in change) {
      this.clockOffsetMs = change.clockOffsetMs;
    } else {
      this.tasks.clear();
      this.ordinals.clear();
      this.running.clear();
      for (const index of this.indexes.values()) index.clear();
      this.rooms.clear();
      this.clockOffsetMs = 0;
    }
  }

  private change(change: StoreChange): void {
    this.apply(change);
    this.record([change]);
  }
}

/** The changes that rebuild `snapshot` from empty: clock, rooms, then tasks oldest first. */
export function snapshotChanges(snapshot: Snapshot): StoreChange[] {
  return [
    { clockOffsetMs: snapshot.clockOffsetMs ?? 0 },
    ...snapshot.rooms.map((room) => ({ room })),
    ...snapshot.tasks.map((task) => ({ task })),
  ];
}
