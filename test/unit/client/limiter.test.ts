import { LimiterRegistry, RateLimiter, sharedLimiters, type LimiterClock } from "../../../provider/client/limiter";

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
