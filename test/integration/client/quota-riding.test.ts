/**
 * Riding the quota: clients with the DEFAULT limiter (200/s) and DEFAULT retries against an emulator whose quota
 * is lower (50/s, refusing with 60007 beyond it) must finish every call, the shared limiter adapting (AIMD) and the
 * retries absorbing the refusals; at the documented 200/s nothing is refused at all.
 *
 * Virtual time, no real waiting: the emulator, the limiters and the clients' backoff sleeps share one clock, which
 * jumps to the next sleeper only when no request is in flight (every granted request has been answered). So each
 * request reaches the emulator at the virtual time it was granted. Assertions are counts, never durations.
 */
import type { RunningEmulator } from "../../../emulator";
import type { ChatAction, ChatClient } from "../../../provider/client";
import { LimiterRegistry } from "../../../provider/client/limiter";
import { client, emulator, teardown } from "./helpers";

afterEach(teardown);

/** One virtual clock for the emulator, a private limiter registry and the clients' sleeps. */
function virtualTime() {
  const state = { t: Date.now(), answered: 0 };
  const sleepers: { at: number; wake: () => void }[] = [];
  const limiters: Array<{ granted: number }> = [];
  let scheduled = false;
  const inFlight = () => limiters.reduce((n, l) => n + l.granted, 0) - state.answered;
  /** After the current turn (so every microtask has registered its sleep): move time if nothing is in flight. */
  const advanceLater = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (sleepers.length === 0 || inFlight() > 0) return;
      sleepers.sort((a, b) => a.at - b.at);
      state.t = Math.max(state.t, sleepers[0]!.at);
      while (sleepers.length > 0 && sleepers[0]!.at <= state.t) sleepers.shift()!.wake();
      advanceLater(); // the woken may only queue for a token: keep time moving until something is in flight
    });
  };
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      sleepers.push({ at: state.t + ms, wake });
      advanceLater();
    });
  const registry = new LimiterRegistry({ now: () => state.t, sleep });
  return {
    state,
    registry,
    sleep,
    /** Count the limiters of these actions as the source of in-flight requests. */
    track: (emu: RunningEmulator, sdkAppId: number, actions: ChatAction[]) =>
      actions.forEach((a) => limiters.push(registry.get(emu.url, sdkAppId, a))),
    onRequest: () => {
      state.answered++;
      advanceLater();
    },
  };
}

/** Deterministic `[0,1)` jitter (mulberry32). */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two clients of one app (as two providers in one host), default retries and limiter, on the virtual clock. */
function clients(emu: RunningEmulator, vt: ReturnType<typeof virtualTime>): [ChatClient, ChatClient] {
  const make = (seed: number) =>
    client(emu, {
      retry: undefined,
      sleep: vt.sleep,
      random: seeded(seed),
      rateLimit: { registry: vt.registry },
      onRequest: vt.onRequest,
    });
  const pair: [ChatClient, ChatClient] = [make(1), make(2)];
  vt.track(emu, pair[0].sdkAppId, ["import_group", "get_group_info"]);
  return pair;
}

/** Run `n` calls spread over the clients; returns how many failed (each failure's message is kept). */
async function fire(n: number, call: (i: number) => Promise<unknown>): Promise<string[]> {
  const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
  return results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
}

jest.setTimeout(60_000);

test("quota 50/s on import_group and get_group_info, 300 + 300 concurrent calls at the default 200/s: all succeed, the limiter adapts", async () => {
  const vt = virtualTime();
  const emu = await emulator({ clock: () => vt.state.t, quota: { import_group: 50, get_group_info: 50 } });
  const [a, b] = clients(emu, vt);
  const N = 300;
  const start = vt.state.t;
  const imports = await fire(N, (i) =>
    (i % 2 ? a : b).importGroup({ Type: "Public", Name: `q${i}`, GroupId: `quota-${i}` }),
  );
  expect(imports).toEqual([]);
  expect(emu.store.listGroups()).toHaveLength(N);
  const reads = await fire(N, (i) => (i % 2 ? a : b).getGroupInfo({ GroupIdList: [`quota-${i}`] }));
  expect(reads).toEqual([]);

  const counters = emu.counters();
  const refused = { import_group: counters.import_group - N, get_group_info: counters.get_group_info - N };
  const imp = vt.registry.get(emu.url, a.sdkAppId, "import_group");
  const get = vt.registry.get(emu.url, a.sdkAppId, "get_group_info");
  process.stdout.write(
    `quota-riding 50/s: ${N} imports → ${refused.import_group} refusals (${imp.refusals.decreases} rate decreases, ` +
      `now ${imp.currentLimit}/s); ${N} reads → ${refused.get_group_info} refusals (${get.refusals.decreases} decreases, now ${get.currentLimit}/s); ` +
      `${(vt.state.t - start) / 1000} virtual s\n`,
  );
  // Bounded refusals: the first full-speed burst (200 granted, 50 admitted) plus a few per adaptation.
  for (const action of ["import_group", "get_group_info"] as const) {
    expect(refused[action]).toBeGreaterThan(0);
    expect(refused[action]).toBeLessThanOrEqual(N);
  }
  // The limiter slowed down to near the real quota and never above the configured one.
  expect(imp.refusals.decreases).toBeGreaterThanOrEqual(2);
  expect(imp.currentLimit).toBeLessThan(100);
  expect(imp.limit).toBe(200);
});

test("quota 200/s (the documented one): 600 concurrent imports at the default limiter are never refused", async () => {
  const vt = virtualTime();
  const emu = await emulator({ clock: () => vt.state.t, quota: { import_group: 200 } });
  const [a, b] = clients(emu, vt);
  const N = 600;
  const start = vt.state.t;
  const failures = await fire(N, (i) =>
    (i % 2 ? a : b).importGroup({ Type: "Public", Name: `d${i}`, GroupId: `doc-${i}` }),
  );
  expect(failures).toEqual([]);
  expect(emu.counters().import_group).toBe(N);
  // Virtual seconds, i.e. windows used: exactly the N/quota - 1 refills the quota forces.
  expect(vt.state.t - start).toBe((N / 200 - 1) * 1000);
});

test("control: the same overload with retries off loses calls to 60007", async () => {
  const vt = virtualTime();
  const emu = await emulator({ clock: () => vt.state.t, quota: { import_group: 50 } });
  const chat = client(emu, {
    retry: 0,
    sleep: vt.sleep,
    rateLimit: { registry: vt.registry },
    onRequest: vt.onRequest,
  });
  vt.track(emu, chat.sdkAppId, ["import_group"]);
  const failures = await fire(120, (i) => chat.importGroup({ Type: "Public", Name: `c${i}`, GroupId: `ctl-${i}` }));
  expect(failures.length).toBe(70);
  expect(failures.every((m) => /60007/.test(m))).toBe(true);
});
