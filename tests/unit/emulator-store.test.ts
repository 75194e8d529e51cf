/**
 * The memory store's running-task indexes: what a request reads instead of walking every task. They must
 * follow puts (refiled from the task as put, dropped once finished), answer oldest first, and survive a
 * late first use and a reset.
 */
import { MemoryStore } from "../../emulator/state/store";
import type { TaskKeyIndex } from "../../emulator/state/task-index";
import { finishTask, newTask, type TaskRecord } from "../../emulator/state/task";

const byRoom: TaskKeyIndex = { name: "test rooms", keysOf: (t) => [t.RoomId, ...((t.Params.Extra as string[]) ?? [])] };
const task = (id: string, room: string, extra: string[] = []): TaskRecord =>
  newTask(id, { SdkAppId: 1, RoomId: room, RoomIdType: 0, Extra: extra }, 0, "req");
const ids = (tasks: TaskRecord[]): string[] => tasks.map((t) => t.TaskId);

describe("MemoryStore indexes", () => {
  it("builds an index on first use from the running tasks, then follows every put", () => {
    const store = new MemoryStore();
    const a = task("a", "r1");
    const b = task("b", "r2", ["r1"]);
    const c = task("c", "r1");
    for (const t of [a, b, c]) store.putTask(t);
    finishTask(c, "stopped", 1);
    store.putTask(c);
    expect(ids(store.runningTasksBy(byRoom, ["r1"]))).toEqual(["a", "b"]);

    // Refiled from the task as it is when put: b leaves r1, a moves to r3.
    b.Params.Extra = [];
    a.RoomId = "r3";
    store.putTasks([b, a]);
    expect(ids(store.runningTasksBy(byRoom, ["r1"]))).toEqual([]);
    expect(ids(store.runningTasksBy(byRoom, ["r3", "r2", "r3"]))).toEqual(["a", "b"]);
    expect(store.countTasks()).toEqual({ running: 2, finished: 1 });
  });

  it("answers oldest first whatever the order of puts, and forgets everything on clear", () => {
    const store = new MemoryStore();
    const [x, y] = [task("x", "r"), task("y", "r")];
    store.putTask(x);
    store.runningTasksBy(byRoom, ["r"]);
    store.putTask(y);
    store.putTask(x);
    expect(ids(store.runningTasksBy(byRoom, ["r"]))).toEqual(["x", "y"]);
    store.clear();
    expect(store.runningTasksBy(byRoom, ["r"])).toEqual([]);
    expect(store.countTasks()).toEqual({ running: 0, finished: 0 });
    store.putTask(y);
    expect(ids(store.runningTasksBy(byRoom, ["r"]))).toEqual(["y"]);
  });

  it("rebuilds the indexes of a restored snapshot", () => {
    const store = new MemoryStore({ version: 1, tasks: [task("p", "r"), task("q", "s", ["r"])], rooms: [], clockOffsetMs: 0 });
    expect(ids(store.runningTasksBy(byRoom, ["r"]))).toEqual(["p", "q"]);
  });
});
