/**
 * The emulator's state in one object: the API pipeline and the control API both work on it, and
 * `startEmulator` hands it out so in-process tests can inspect it without HTTP when they want to.
 */
import { CallbackSender } from "./callbacks/sender";
import { EmulatorClock } from "./state/clock";
import { FaultInjector } from "./api/faults";
import type { ResolvedOptions } from "./options";
import { RateLimiter } from "./api/rate-limit";
import { RequestLog } from "./api/request-log";
import { RoomPresence } from "./state/rooms";
import { FileStore } from "./state/file-store";
import { MemoryStore, type EmulatorStore } from "./state/store";

/** Everything a request can touch. */
export interface EmulatorCore {
  readonly options: ResolvedOptions;
  readonly store: EmulatorStore;
  readonly clock: EmulatorClock;
  readonly presence: RoomPresence;
  readonly limiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  readonly callbacks: CallbackSender;
}

/** Builds the state, loading `dataFile` when given (throws on a corrupt file rather than losing it). */
export function createCore(options: ResolvedOptions): EmulatorCore {
  const store = options.dataFile ? new FileStore(options.dataFile) : new MemoryStore();
  const clock = new EmulatorClock(options.clock, store.getClockOffset());
  const callbacks = new CallbackSender({ clock, target: options.callback, log: options.log }, store.listTasks());
  const presence = new RoomPresence(store, clock, (task) => callbacks.sync(task, "idle"));
  return {
    options,
    store,
    clock,
    presence,
    limiter: new RateLimiter(options.rateLimitPerSecond, options.rateWindow),
    faults: new FaultInjector(options.random),
    requestLog: new RequestLog(1000, options.log),
    callbacks,
  };
}

/** Control API reset: no tasks, rooms, faults, counters, log entries or clock offset. */
export function resetCore(core: EmulatorCore): void {
  core.store.clear();
  core.clock.reset();
  core.limiter.reset();
  core.faults.clear();
  core.requestLog.clear();
  core.callbacks.reset();
  core.presence.schedule();
}
