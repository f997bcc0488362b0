import {
  DEFAULT_AIMD,
  LimiterRegistry,
  nextRate,
  RateLimiter,
  sharedLimiters,
  type AimdEvent,
  type AimdState,
  type LimiterClock,
} from "../../../provider/client/limiter";

/**
 * A fake clock: sleep advances time without waiting; every sleep is recorded. It first lets queued promise
 * callbacks run (one macrotask turn) so a test records each grant at the fake time it happened.
 */
function fakeClock(): LimiterClock & { t: number; sleeps: number[] } {
  const c = {
    t: 0,
    sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
      c.t += ms;
    },
  };
  return c;
}

/** Max grants in any window [t, t+1000) given sorted grant times. */
function maxPerWindow(times: number[], windowMs = 1000): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe("RateLimiter (fake clock, count-based)", () => {
  test.each([
    [10, 3],
    [25, 5],
    [200, 200],
    [201, 200],
    [7, 1],
    [1000, 200],
  ])("a burst of %i within quota %i takes >= ceil(N/Q)-1 refills and never exceeds Q per window", async (n, q) => {
    const clock = fakeClock();
    const limiter = new RateLimiter(q, { clock });
    const grants: number[] = [];
    await Promise.all(Array.from({ length: n }, () => limiter.acquire().then(() => grants.push(clock.now()))));
    expect(grants).toHaveLength(n);
    expect(limiter.granted).toBe(n);
    const refills = Math.ceil(n / q) - 1;
    expect(clock.t).toBeGreaterThanOrEqual(refills * 1000);
    expect(maxPerWindow(grants)).toBeLessThanOrEqual(q);
    // no busy loop: one sleep per refill
    expect(clock.sleeps.length).toBe(refills);
  });

  test("FIFO: waiters are served in call order", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, { clock });
    const order: number[] = [];
    await Promise.all(Array.from({ length: 9 }, (_, i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("tokens come back one window after use (sliding, not calendar)", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, { clock });
    await limiter.acquire(); // t=0
    clock.t = 600;
    await limiter.acquire(); // t=600
    await limiter.acquire(); // must wait for t=1000
    expect(clock.t).toBe(1000);
    await limiter.acquire(); // must wait for t=1600
    expect(clock.t).toBe(1600);
  });

  test("calls spread out in time never wait", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1, { clock });
    for (let i = 0; i < 5; i++) {
      await limiter.acquire();
      clock.t += 1000;
    }
    expect(clock.sleeps).toEqual([]);
  });

  test("rejects a non-positive quota", () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
  });
});

describe("LimiterRegistry", () => {
  test("one limiter per base URL + SDKAppID + action, defaulting to the documented quota", () => {
    const reg = new LimiterRegistry(fakeClock());
    const a = reg.get("https://x", 1, "get_group_info");
    expect(reg.get("https://x", 1, "get_group_info")).toBe(a);
    expect(reg.get("https://x", 2, "get_group_info")).not.toBe(a);
    expect(reg.get("https://y", 1, "get_group_info")).not.toBe(a);
    expect(a.limit).toBe(200);
    expect(reg.get("https://x", 1, "get_appid_group_list").limit).toBe(1);
  });
  test("a smaller configured quota lowers the shared limit; a larger one does not raise it", () => {
    const reg = new LimiterRegistry(fakeClock());
    expect(reg.get("u", 1, "destroy_group", 50).limit).toBe(50);
    expect(reg.get("u", 1, "destroy_group", 100).limit).toBe(50);
    expect(reg.get("u", 1, "destroy_group", 10).limit).toBe(10);
  });
  test("two limits lowered mid-flight are still honoured per window", async () => {
    const clock = fakeClock();
    const reg = new LimiterRegistry(clock);
    const l = reg.get("u", 1, "destroy_group", 5);
    const grants: number[] = [];
    const first = Array.from({ length: 5 }, () => l.acquire().then(() => grants.push(clock.now())));
    await Promise.all(first);
    reg.get("u", 1, "destroy_group", 2);
    await Promise.all(Array.from({ length: 4 }, () => l.acquire().then(() => grants.push(clock.now()))));
    expect(maxPerWindow(grants.slice(5))).toBeLessThanOrEqual(2);
  });
  test("the shared registry is process-wide (same object through globalThis)", () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("pulumi-tencent-chat.limiters")]).toBe(sharedLimiters);
  });
});

describe("nextRate: the AIMD policy (quota 200, window 1000 ms)", () => {
  const at = (rate: number, lastDecreaseAt = -Infinity, lastChangeAt = lastDecreaseAt): AimdState => ({
    rate,
    ceiling: 200,
    lastDecreaseAt,
    lastChangeAt,
  });
  const refused = (grantedAt: number, now: number, accepted: number): AimdEvent => ({
    kind: "refused",
    grantedAt,
    now,
    accepted,
  });
  const ok = (grantedAt: number, now: number): AimdEvent => ({ kind: "accepted", grantedAt, now });
  test.each<[string, AimdState, AimdEvent, number]>([
    ["a stray refusal at full speed costs 10 % of what was accepted", at(200), refused(0, 5, 199), 179.1],
    ["a refusal with half accepted halves the rate", at(200), refused(0, 5, 50), 100],
    ["never more than half at once, whatever was accepted", at(200), refused(0, 5, 0), 100],
    ["always at least 10 % down", at(100), refused(10, 20, 150), 90],
    [
      "a refusal of a call granted before the last decrease is the same event: ignored",
      at(100, 1000),
      refused(900, 1200, 40),
      100,
    ],
    ["… and one granted at the very instant of the decrease too", at(100, 1000), refused(1000, 1200, 40), 100],
    ["never below minRate", at(1.5), refused(0, 5, 0), 1],
    ["accepted within a window of the last change: no increase yet", at(100, 1000), ok(1100, 1900), 100],
    ["accepted a window later: + 5 % of the quota", at(100, 1000), ok(1100, 2000), 110],
    ["never above the quota", at(195, 1000), ok(1100, 2500), 200],
    ["at the quota: unchanged", at(200), ok(0, 5000), 200],
    ["accepted but granted before the last decrease: no increase", at(100, 1000), ok(999, 3000), 100],
  ])("%s", (_label, state, event, rate) => {
    expect(nextRate(state, event).rate).toBeCloseTo(rate, 6);
  });

  test("a decrease restarts the increase epoch; an increase does not move lastDecreaseAt", () => {
    const down = nextRate(at(200), refused(0, 700, 10));
    expect(down).toMatchObject({ lastDecreaseAt: 700, lastChangeAt: 700 });
    const up = nextRate(down, ok(800, 1700));
    expect(up).toMatchObject({ rate: 110, lastDecreaseAt: 700, lastChangeAt: 1700 });
  });

  test("defaults", () => expect(DEFAULT_AIMD).toEqual({ decrease: 0.5, margin: 0.9, increase: 0.05, minRate: 1 }));
});

describe("RateLimiter rides the quota (fake clock)", () => {
  test("acquire resolves with the grant time", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1, { clock });
    expect(await limiter.acquire()).toBe(0);
    expect(await limiter.acquire()).toBe(1000);
  });

  test("a burst of refusals from one window is one decrease, and later grants honour the lower rate", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(20, { clock });
    const first = await Promise.all(Array.from({ length: 20 }, () => limiter.acquire()));
    first.slice(0, 5).forEach((t) => limiter.onAccepted(t));
    first.slice(5).forEach((t) => limiter.onRefused(t));
    expect(limiter.refusals).toEqual({ seen: 15, decreases: 1 });
    expect(limiter.currentLimit).toBe(10);
    expect(limiter.limit).toBe(20);
    const grants: number[] = [];
    await Promise.all(Array.from({ length: 30 }, () => limiter.acquire().then((t) => grants.push(t))));
    expect(maxPerWindow(grants)).toBeLessThanOrEqual(10);
  });

  test("accepted calls bring the rate back to the quota, one step per window, never above it", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(100, { clock, aimd: { increase: 0.2 } });
    limiter.onRefused(await limiter.acquire());
    expect(limiter.currentLimit).toBe(50); // nothing accepted yet: halved
    const seen: number[] = [];
    for (let w = 0; w < 5; w++) {
      clock.t += 500; // two accepted calls per window: still one step per window
      limiter.onAccepted(await limiter.acquire());
      clock.t += 500;
      limiter.onAccepted(await limiter.acquire());
      seen.push(limiter.currentLimit);
    }
    expect(seen).toEqual([70, 90, 100, 100, 100]);
  });

  test("a lowered configured quota also caps the adapted rate", () => {
    const limiter = new RateLimiter(200, { clock: fakeClock() });
    limiter.lowerLimit(40);
    expect([limiter.limit, limiter.currentLimit]).toEqual([40, 40]);
  });
});

describe("tokens return one window after the answer, so arrivals (not just grants) stay within the quota", () => {
  test("an answered call's token comes back a window after its answer; an unanswered one a window after its grant", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, { clock });
    const first = await limiter.acquire(); // t=0
    await limiter.acquire(); // t=0, never answered
    clock.t = 300;
    limiter.onAccepted(first); // answered at 300: its token returns at 1300
    const grants: number[] = [];
    const third = limiter.acquire().then((t) => grants.push(t));
    const fourth = limiter.acquire().then((t) => grants.push(t));
    await Promise.all([third, fourth]);
    expect(grants).toEqual([1000, 1300]);
  });

  test("a burst answered with latency: no window of arrivals holds more than the quota", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(5, { clock });
    const arrivals: number[] = [];
    const calls = Array.from({ length: 20 }, async () => {
      const granted = await limiter.acquire();
      const arrival = granted + 40; // the request reaches the server 40 ms after its grant
      arrivals.push(arrival);
      clock.t = Math.max(clock.t, arrival + 10); // answered 10 ms after arriving
      limiter.onAccepted(granted);
    });
    await Promise.all(calls);
    expect(maxPerWindow(arrivals.sort((a, b) => a - b))).toBeLessThanOrEqual(5);
  });
});

describe("edges of the limiter (each test was written against a surviving mutant)", () => {
  const at = (over: Partial<AimdState> = {}): AimdState => ({
    rate: 100,
    ceiling: 200,
    lastDecreaseAt: 0,
    lastChangeAt: 0,
    ...over,
  });
  test("an accepted call at the quota changes nothing (not even when the rate last changed)", () => {
    const state = at({ rate: 200 });
    expect(nextRate(state, { kind: "accepted", grantedAt: 5000, now: 5000 })).toBe(state);
  });
  test("an accepted call granted exactly at the last decrease was sent at the old rate: ignored", () => {
    const state = at({ lastDecreaseAt: 3000, lastChangeAt: 0 });
    expect(nextRate(state, { kind: "accepted", grantedAt: 3000, now: 5000 })).toBe(state);
    expect(nextRate(state, { kind: "accepted", grantedAt: 3001, now: 5000 }).rate).toBe(110);
  });
  test("a bad quota is refused with its value", () => {
    expect(() => new RateLimiter(0)).toThrow(/^rate limit must be a positive number, got 0$/);
    expect(() => new RateLimiter(Infinity)).toThrow("got Infinity");
  });
  test("realClock sleeps on a timer and reads a monotonic clock", async () => {
    const { realClock } = await import("../../../provider/client/limiter");
    const sleeping = realClock.sleep(1);
    expect(sleeping).toBeInstanceOf(Promise);
    await expect(sleeping).resolves.toBeUndefined();
    expect(typeof realClock.now()).toBe("number");
  });
  test("LimiterRegistry.clear forgets every limiter", () => {
    const registry = new LimiterRegistry(fakeClock());
    const first = registry.get("http://h", 1, "get_group_info", 5);
    registry.clear();
    const second = registry.get("http://h", 1, "get_group_info", 7);
    expect(second).not.toBe(first);
    expect(second.limit).toBe(7);
  });
  test("an answer arriving after its token already came back does not move another call's token", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, { clock });
    const first = await limiter.acquire(); // t=0
    clock.t = 1500;
    await limiter.acquire(); // t=1500; the token of `first` has come back meanwhile
    clock.t = 1550;
    limiter.onAccepted(first); // answered after its token returned: nothing to move (not the 1500 grant's token)
    clock.t = 1600;
    await limiter.acquire(); // t=1600
    const grants: number[] = [];
    await limiter.acquire().then((t) => grants.push(t));
    expect(grants).toEqual([2500]);
  });
  /** A limiter of 10 whose 10 calls were answered at `answeredAt`, then one refusal at 1000. */
  const refusedAfter = async (answeredAt: number): Promise<number> => {
    const clock = fakeClock();
    const limiter = new RateLimiter(10, { clock });
    const grants = await Promise.all(Array.from({ length: 10 }, () => limiter.acquire()));
    clock.t = answeredAt;
    for (const g of grants) limiter.onAccepted(g);
    clock.t = 1000;
    limiter.onRefused(1000);
    return limiter.currentLimit;
  };
  test("a refusal counts only the calls accepted in the last window (a window ago is out)", async () => {
    // Accepted 1000 ms before the refusal: out of the window, so the rate halves (10 × 0.5).
    expect(await refusedAfter(0)).toBe(5);
    // Accepted 500 ms before: 10 accepted in the window, so the rate drops only to 10 × 0.9.
    expect(await refusedAfter(500)).toBe(9);
  });
});
