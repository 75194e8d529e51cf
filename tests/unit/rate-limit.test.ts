import { SlidingWindowLimiter, sharedLimiter } from "../../trtc/client/rate-limit";
import { maxInWindow } from "../../bench/stats";

/** A manual clock and scheduler: time only moves when the test says so. */
function manualTime() {
  let now = 0;
  let timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    schedule: (fn: () => void, ms: number) => {
      const t = { at: now + ms, fn, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
    /** Advances to `until`, firing due timers in order and letting promise callbacks run between them. */
    async advanceTo(until: number) {
      for (;;) {
        timers = timers.filter((t) => !t.cancelled);
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.fn();
        await flush();
      }
      now = until;
      await flush();
    },
    pendingTimers: () => timers.filter((t) => !t.cancelled).length,
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("SlidingWindowLimiter", () => {
  test("a lone request never waits; a burst leaves evenly spaced, (window + margin) / limit apart", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 20, windowMs: 1000, marginMs: 100, now: time.now, schedule: time.schedule });
    const granted: number[] = [];
    await limiter.acquire();
    granted.push(time.now());
    expect(granted).toEqual([0]);
    await time.advanceTo(10_000);
    const all = Array.from({ length: 45 }, () => limiter.acquire().then(() => granted.push(time.now())));
    await flush();
    expect(granted).toHaveLength(2);
    expect(limiter.pending).toBe(44);
    await time.advanceTo(10_000 + 44 * 55 - 1);
    expect(granted).toHaveLength(45);
    await time.advanceTo(10_000 + 44 * 55);
    await Promise.all(all);
    expect(granted.slice(1)).toEqual(Array.from({ length: 45 }, (_, k) => 10_000 + k * 55));
  });

  test("no 1 s window ever holds more than the limit, for demand of ~30/s in irregular clumps", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 20, now: time.now, schedule: time.schedule });
    const granted: number[] = [];
    const waits: Promise<unknown>[] = [];
    // 300 requests arriving in irregular clumps (0-70 ms apart, ~30/s): more than 20/s is asked for.
    let at = 0;
    for (let i = 0; i < 300; i++) {
      at += (i * 37) % 71;
      await time.advanceTo(at);
      waits.push(limiter.acquire().then(() => granted.push(time.now())));
      await flush();
    }
    await time.advanceTo(60_000);
    await Promise.all(waits);
    expect(granted).toHaveLength(300);
    expect(maxInWindow(granted, 1000)).toBeLessThanOrEqual(20);
    // The 100 ms margin: even windows of 1099 ms never hold 21, so 99 ms of jitter cannot make the server
    // see 21; and the limiter runs right at that edge (a 1101 ms window does hold 21) rather than slower.
    expect(maxInWindow(granted, 1099)).toBe(20);
    expect(maxInWindow(granted, 1101)).toBe(21);
  });

  test("serves waiters first come, first served", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 100, marginMs: 0, now: time.now, schedule: time.schedule });
    const order: number[] = [];
    const waits = [0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i)));
    await time.advanceTo(1000);
    await Promise.all(waits);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  test("an aborted waiter is removed without taking a grant, and the signal's reason is the rejection", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 100, marginMs: 0, now: time.now, schedule: time.schedule });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    const reason = new Error("deadline");
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(limiter.pending).toBe(1);
    await time.advanceTo(100);
    await expect(next).resolves.toBeUndefined();
    await expect(limiter.acquire(controller.signal)).rejects.toBe(reason);
  });

  test("rejects a limit that is not a positive integer", () => {
    expect(() => new SlidingWindowLimiter({ limit: 0 })).toThrow(/positive integer/);
    expect(() => new SlidingWindowLimiter({ limit: 2.5 })).toThrow(/positive integer/);
  });
});

describe("sharedLimiter", () => {
  test("one limiter per host and action, shared by every caller; the strictest limit wins", () => {
    const a = sharedLimiter("unit-test.example:1", "StartPublishCdnStream", 20);
    const b = sharedLimiter("UNIT-TEST.example:1", "StartPublishCdnStream", 50);
    expect(b).toBe(a);
    expect(a.limit).toBe(20);
    sharedLimiter("unit-test.example:1", "StartPublishCdnStream", 5);
    expect(a.limit).toBe(5);
    expect(sharedLimiter("unit-test.example:1", "StopPublishCdnStream", 20)).not.toBe(a);
    expect(sharedLimiter("unit-test.example:2", "StartPublishCdnStream", 20)).not.toBe(a);
  });
});
