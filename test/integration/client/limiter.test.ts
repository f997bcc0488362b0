/**
 * The client limiter keeps a burst within the emulator's quota. Client limiter and emulator share one fake clock
 * (no real time passes): the limiter's sleep advances it only after every granted request has been answered, so
 * each request reaches the emulator at the fake time it was granted. Assertions are counts, not durations.
 */
import type { RunningEmulator } from "../../../emulator";
import { isChatApiError, type ChatClient } from "../../../provider/client";
import { LimiterRegistry } from "../../../provider/client/limiter";
import { client, emulator, teardown } from "./helpers";

afterEach(teardown);

/** One fake time for the emulator and the limiter. */
function sharedClock() {
  const state = { t: Date.now(), answered: 0, wake: undefined as undefined | (() => void) };
  const registry = new LimiterRegistry({
    now: () => state.t,
    sleep: async (ms) => {
      // wait until every request granted so far has been answered, then move time
      while (state.answered < granted()) await new Promise<void>((r) => (state.wake = r));
      state.t += ms;
    },
  });
  let granted = () => 0;
  return {
    state,
    registry,
    setGranted: (fn: () => number) => (granted = fn),
    onRequest: () => {
      state.answered++;
      state.wake?.();
    },
  };
}

async function burst(chat: ChatClient, n: number): Promise<{ ok: number; limited: number }> {
  const results = await Promise.allSettled(
    Array.from({ length: n }, (_, i) => chat.getGroupInfo({ GroupIdList: [`g${i}`] })),
  );
  const limited = results.filter(
    (r) => r.status === "rejected" && isChatApiError(r.reason) && r.reason.errorCode === 60007,
  ).length;
  const other = results.filter(
    (r) => r.status === "rejected" && !(isChatApiError(r.reason) && r.reason.errorCode === 60007),
  );
  expect(other).toEqual([]);
  return { ok: results.length - limited - other.length, limited };
}

test("a burst of 23 at quota 5/s: all pass the emulator's quota, over ceil(23/5)-1 = 4 refills", async () => {
  const clock = sharedClock();
  const emu: RunningEmulator = await emulator({ clock: () => clock.state.t });
  emu.setQuota("get_group_info", 5);
  const chat = client(emu, {
    rateLimit: { registry: clock.registry, perSecond: { get_group_info: 5 } },
    onRequest: clock.onRequest,
  });
  const limiter = clock.registry.get(emu.url, chat.sdkAppId, "get_group_info");
  clock.setGranted(() => limiter.granted);
  const start = clock.state.t;
  const { ok, limited } = await burst(chat, 23);
  expect({ ok, limited }).toEqual({ ok: 23, limited: 0 });
  expect(emu.counters().get_group_info).toBe(23);
  expect(clock.state.t - start).toBeGreaterThanOrEqual(4 * 1000);
  expect(limiter.granted).toBe(23);
});

test("control: without the limiter the same burst exceeds the quota (5 pass, 18 refused with 60007)", async () => {
  const t = Date.now();
  const emu = await emulator({ clock: () => t });
  emu.setQuota("get_group_info", 5);
  const { ok, limited } = await burst(client(emu), 23);
  expect({ ok, limited }).toEqual({ ok: 5, limited: 18 });
});

test("two clients of the same app and endpoint share one bucket", async () => {
  const clock = sharedClock();
  const emu = await emulator({ clock: () => clock.state.t });
  emu.setQuota("get_group_info", 4);
  const opts = {
    rateLimit: { registry: clock.registry, perSecond: { get_group_info: 4 } },
    onRequest: clock.onRequest,
  };
  const a = client(emu, opts);
  const b = client(emu, opts);
  const limiter = clock.registry.get(emu.url, a.sdkAppId, "get_group_info");
  clock.setGranted(() => limiter.granted);
  const [ra, rb] = await Promise.all([burst(a, 6), burst(b, 6)]);
  expect(ra.limited + rb.limited).toBe(0);
  expect(emu.counters().get_group_info).toBe(12);
  expect(limiter.granted).toBe(12);
});
