/**
 * The client limiter's guarantee, proved on an injected clock and scheduler: nothing here depends on how
 * fast the machine is. Time moves only when a test says so; a "stall" moves it without firing any timer,
 * then fires every overdue timer at once, late and in a clump, as a blocked event loop does.
 *
 * Each property test has a negative control beside it: the same scenario and the same check run against a
 * limiter without the property (no margin, one that trusts its timers, or the even-spacing limiter this one
 * replaced), and the control asserts that the check fails. A check that cannot fail would prove nothing.
 */
import { maxInWindow } from "../../harness/stats";
import { EvenSpacingLimiter } from "../../harness/even-spacing-limiter";
import { RATE_MARGIN_MS, RATE_WINDOW_MS, SlidingWindowLimiter, sharedLimiter } from "../../trtc/client/rate-limit";

const LIMIT = 20;

/** Lets every pending microtask (and microtask chain) run. Deterministic: no real timer is involved. */
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A manual clock and scheduler. */
function manualTime() {
  let now = 0;
  let timers: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];
  let seq = 0;
  const api = {
    now: () => now,
    schedule: (fn: () => void, ms: number) => {
      const t = { at: now + ms, seq: seq++, fn, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
    /** Runs the loop until `until`: due timers fire in order; one already overdue fires at the current time. */
    async runUntil(until: number): Promise<void> {
      for (;;) {
        await drain();
        timers = timers.filter((t) => !t.cancelled);
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = Math.max(now, due.at);
        due.fn();
      }
      now = Math.max(now, until);
      await drain();
    },
    /** The event loop is blocked until `until`: time passes, nothing fires; then the overdue timers fire together. */
    async stallUntil(until: number): Promise<void> {
      now = Math.max(now, until);
      await api.runUntil(until);
    },
    /** Synchronous work: the clock moves, and neither timers nor microtasks can run meanwhile. */
    busy(ms: number): void {
      now += ms;
    },
  };
  return api;
}
type Time = ReturnType<typeof manualTime>;

/** Anything with the limiter's `acquire` contract. */
interface Acquirer {
  acquire(signal?: AbortSignal): Promise<unknown>;
}
type Make = (time: Time) => Acquirer;

/** The limiter the client uses, with its defaults (1000 ms window, {@link RATE_MARGIN_MS} margin, 25 ms spacing). */
const current: Make = (time) => new SlidingWindowLimiter({ limit: LIMIT, now: time.now, schedule: time.schedule });
/** The same limiter without a margin. */
const noMargin: Make = (time) => new SlidingWindowLimiter({ limit: LIMIT, marginMs: 0, now: time.now, schedule: time.schedule });
/** The limiter this one replaced: even spacing, (1000 + 100) / 20 = 55 ms apart. */
const evenSpacing: Make = (time) => new EvenSpacingLimiter({ limit: LIMIT, now: time.now, schedule: time.schedule });

/**
 * A limiter that plans each grant when it is asked (20 per 1000 + margin ms and 25 ms apart, as the sliding
 * window does) and trusts its timer to fire on time: after a stall every overdue grant fires at once. The burst the stall
 * test rules out, kept as that check's negative control.
 */
const trustsItsTimers: Make = (time) => {
  const planned: number[] = [];
  return {
    acquire: () =>
      new Promise<void>((resolve) => {
        const earliest = planned.length >= LIMIT ? planned[planned.length - LIMIT] + RATE_WINDOW_MS + RATE_MARGIN_MS : 0;
        const at = Math.max(time.now(), earliest, (planned.at(-1) ?? Number.NEGATIVE_INFINITY) + 25);
        planned.push(at);
        if (at <= time.now()) resolve();
        else time.schedule(resolve, at - time.now());
      }),
  };
};

/**
 * The most requests a server would count in one 1000 ms window if each request reached it up to
 * `RATE_MARGIN_MS` after its grant, in any pattern: 21 arrivals within 1000 ms need 21 grants within
 * 1000 + margin ms, and such grants can always be delayed into one second. This is the guarantee.
 */
const worstServerSecond = (grants: readonly number[]): number => maxInWindow(grants, RATE_WINDOW_MS + RATE_MARGIN_MS);

/** Grants logged by the limiter in the window of the guarantee ending at `t`. */
const inWindowEndingAt = (grants: readonly number[], t: number): number =>
  grants.filter((g) => g > t - (RATE_WINDOW_MS + RATE_MARGIN_MS) && g <= t).length;

/** Requests a caller took from `limiter`, and when each caller resumed with its grant. */
function taker(time: Time, limiter: Acquirer) {
  const grants: number[] = [];
  const waits: Promise<unknown>[] = [];
  return {
    grants,
    take(n: number): void {
      for (let i = 0; i < n; i++) waits.push(limiter.acquire().then(() => grants.push(time.now())));
    },
    done: () => Promise.all(waits),
  };
}

/**
 * A burst of 100 requests, more arriving (3 every 100 ms, through timers, so they pile up in a stall
 * too), and two stalls of 400 and 300 ms in the middle of it.
 */
async function burstWithStalls(make: Make): Promise<number[]> {
  const time = manualTime();
  const t = taker(time, make(time));
  t.take(100);
  for (let at = 100; at <= 6000; at += 100) time.schedule(() => t.take(3), at);
  await time.runUntil(1500);
  await time.stallUntil(1900);
  await time.runUntil(3200);
  await time.stallUntil(3500);
  await time.runUntil(60_000);
  await t.done();
  expect(t.grants).toHaveLength(280);
  return t.grants;
}

/** A queue that never empties (400 requests at 0) and one 400 ms stall from 2200 ms; returns the grants and the stall's end. */
async function saturatedWithStall(make: Make): Promise<{ grants: number[]; stallEnd: number }> {
  const time = manualTime();
  const t = taker(time, make(time));
  t.take(400);
  await time.runUntil(2200);
  await time.stallUntil(2600);
  await time.runUntil(4000);
  return { grants: t.grants, stallEnd: 2600 };
}

/** 5 requests, an idle moment until 600 ms, then 40 more. */
async function idleThenBurst(make: Make): Promise<number[]> {
  const time = manualTime();
  const t = taker(time, make(time));
  t.take(5);
  await time.runUntil(600);
  t.take(40);
  await time.runUntil(3000);
  return t.grants;
}

/**
 * 60 calls started in one synchronous loop that spends 5 ms on each (validating its body) before asking
 * for a grant: the shape of `Promise.all(bodies.map((b) => client.stopPublishCdnStream(b)))`. Returns when
 * each caller resumed, which is when it signs and sends.
 */
async function callsStartedInOneLoop(make: Make): Promise<number[]> {
  const time = manualTime();
  const t = taker(time, make(time));
  for (let i = 0; i < 60; i++) {
    time.busy(5);
    t.take(1);
  }
  await time.runUntil(10_000);
  await t.done();
  return t.grants;
}

/**
 * 40 requests at once on cold connections that are ready only at 200 ms: a request starts on a socket
 * at max(its grant, 200). With `reportSends`, the caller tells the limiter (`Permit.sent`), as the client
 * does from undici's `onRequestStart`. Returns the send times.
 */
async function coldConnections(reportSends: boolean): Promise<number[]> {
  const time = manualTime();
  const limiter = new SlidingWindowLimiter({ limit: LIMIT, now: time.now, schedule: time.schedule });
  const sends: number[] = [];
  const send = (permit: { sent(): void }) => {
    if (reportSends) permit.sent();
    sends.push(time.now());
  };
  for (let i = 0; i < 40; i++) {
    void limiter.acquire().then((permit) => {
      if (time.now() >= 200) send(permit);
      else time.schedule(() => send(permit), 200 - time.now());
    });
  }
  await time.runUntil(5000);
  expect(sends).toHaveLength(40);
  return sends;
}

describe("SlidingWindowLimiter: the guarantee, with timers that fire late", () => {
  test("stalls of 400 and 300 ms in the middle of a burst: no server second, however the requests lag by up to the margin, counts more than 20", async () => {
    const grants = await burstWithStalls(current);
    expect(worstServerSecond(grants)).toBeLessThanOrEqual(LIMIT);
    expect(maxInWindow(grants, RATE_WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
    // The stalls were real: nothing was granted inside them, and the overdue timers fired together after.
    expect(grants.filter((g) => (g > 1500 && g < 1900) || (g > 3200 && g < 3500))).toEqual([]);
    expect(grants).toContain(1900);
  });

  test("negative control: the same check fails for the same limiter without a margin", async () => {
    expect(worstServerSecond(await burstWithStalls(noMargin))).toBeGreaterThan(LIMIT);
  });

  test("negative control: a limiter that trusts its timers bursts when the stall ends, and the 1000 ms check sees it", async () => {
    const grants = await burstWithStalls(trustsItsTimers);
    expect(maxInWindow(grants, RATE_WINDOW_MS)).toBeGreaterThan(LIMIT);
    // Without the stalls the same limiter keeps the window: the burst is the stall's doing.
    const time = manualTime();
    const t = taker(time, trustsItsTimers(time));
    t.take(100);
    await time.runUntil(60_000);
    expect(maxInWindow(t.grants, RATE_WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
  });

  test("calls started in one long synchronous loop: grants are logged when the callers resume, so their sends keep the guarantee", async () => {
    const resumed = await callsStartedInOneLoop(current);
    expect(resumed).toHaveLength(60);
    expect(worstServerSecond(resumed)).toBeLessThanOrEqual(LIMIT);
    // One grant per synchronous stretch: the first caller resumes when the loop ends, the next 25 ms later.
    expect(resumed.slice(0, 3)).toEqual([300, 325, 350]);
  });

  test("negative control: the even-spacing limiter resolves grants during the loop, and their callers all send at its end (the CI flake: 24 in one second)", async () => {
    const resumed = await callsStartedInOneLoop(evenSpacing);
    expect(resumed.filter((t) => t === 300).length).toBeGreaterThan(1);
    expect(maxInWindow(resumed, RATE_WINDOW_MS)).toBeGreaterThan(LIMIT);
    expect(worstServerSecond(resumed)).toBeGreaterThan(LIMIT);
  });

  test("cold connections: a grant is logged again when its request starts on a socket, so sends keep the guarantee", async () => {
    expect(worstServerSecond(await coldConnections(true))).toBeLessThanOrEqual(LIMIT);
  });

  test("negative control: when sends are not reported, the grants logged before the connections were ready let sends break it", async () => {
    expect(worstServerSecond(await coldConnections(false))).toBeGreaterThan(LIMIT);
  });
});

describe("SlidingWindowLimiter: the whole budget", () => {
  test("budget a 400 ms stall left unused is spent right after it: within 20 spacings the window is full again", async () => {
    const { grants, stallEnd } = await saturatedWithStall(current);
    expect(grants.filter((g) => g > 2200 && g < stallEnd)).toEqual([]);
    expect(grants).toContain(stallEnd);
    // 14 grants fell due in the stall; they go out 25 ms apart from its end, and the window fills up.
    expect(inWindowEndingAt(grants, stallEnd + LIMIT * 25)).toBe(LIMIT);
    expect(worstServerSecond(grants)).toBeLessThanOrEqual(LIMIT);
  });

  test("negative control: the even-spacing limiter never fills the window again after the stall", async () => {
    const { grants, stallEnd } = await saturatedWithStall(evenSpacing);
    expect(inWindowEndingAt(grants, stallEnd + LIMIT * 25)).toBeLessThan(LIMIT);
  });

  test("after an idle moment the unused part of the window is spent at once, 25 ms apart", async () => {
    const grants = await idleThenBurst(current);
    expect(grants.slice(0, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(grants.slice(5, 20)).toEqual(Array.from({ length: 15 }, (_, k) => 600 + 25 * k));
    expect(inWindowEndingAt(grants, 600 + 14 * 25)).toBe(LIMIT);
    // Then the window is full: the 21st waits for the 1st + 1000 + margin.
    expect(grants[20]).toBe(RATE_WINDOW_MS + RATE_MARGIN_MS);
    expect(worstServerSecond(grants)).toBeLessThanOrEqual(LIMIT);
  });

  test("negative control: the even-spacing limiter spends the idle part of the window one grant per 55 ms", async () => {
    const grants = await idleThenBurst(evenSpacing);
    expect(inWindowEndingAt(grants, 600 + 14 * 25)).toBeLessThan(LIMIT);
  });

  test("under sustained demand the pace is 20 per 1000 + margin ms", async () => {
    const time = manualTime();
    const t = taker(time, current(time));
    t.take(200);
    await time.runUntil(100_000);
    await t.done();
    // 200 grants: 10 windows of 20, the last one starting 9 × 1030 ms after the first.
    expect(t.grants[180] - t.grants[0]).toBe(9 * (RATE_WINDOW_MS + RATE_MARGIN_MS));
    expect(maxInWindow(t.grants, RATE_WINDOW_MS + RATE_MARGIN_MS)).toBe(LIMIT);
    expect(maxInWindow(t.grants, RATE_WINDOW_MS + RATE_MARGIN_MS + 1)).toBe(LIMIT + 1);
  });
});

describe("SlidingWindowLimiter: behaviour", () => {
  test("a lone request never waits", async () => {
    const time = manualTime();
    const limiter = current(time);
    await time.runUntil(10_000);
    let granted = -1;
    void limiter.acquire().then(() => {
      granted = time.now();
    });
    await drain();
    expect(granted).toBe(10_000);
  });

  test("serves waiters first come, first served", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 100, marginMs: 0, now: time.now, schedule: time.schedule });
    const order: number[] = [];
    const waits = [0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push(i)));
    await time.runUntil(1000);
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
    await time.runUntil(100);
    await expect(next).resolves.toEqual({ sent: expect.any(Function) });
    await expect(limiter.acquire(controller.signal)).rejects.toBe(reason);
  });

  test("tighten lowers the limit at once, never raises it", async () => {
    const time = manualTime();
    const limiter = new SlidingWindowLimiter({ limit: 20, now: time.now, schedule: time.schedule });
    limiter.tighten(5);
    limiter.tighten(50);
    expect(limiter.limit).toBe(5);
    const t = taker(time, limiter);
    t.take(30);
    await time.runUntil(20_000);
    await t.done();
    expect(maxInWindow(t.grants, RATE_WINDOW_MS + RATE_MARGIN_MS)).toBe(5);
  });

  test("rejects a limit that is not a positive integer, and a negative margin or spacing", () => {
    expect(() => new SlidingWindowLimiter({ limit: 0 })).toThrow(/positive integer/);
    expect(() => new SlidingWindowLimiter({ limit: 2.5 })).toThrow(/positive integer/);
    expect(() => new SlidingWindowLimiter({ limit: 20, marginMs: -1 })).toThrow(/non-negative/);
    expect(() => new SlidingWindowLimiter({ limit: 20, minSpacingMs: -1 })).toThrow(/non-negative/);
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
