/**
 * The keyed batcher's scheduling and outcome rules on a hand-driven loop: `defer` queues callbacks that `turn()` runs,
 * `now` is a number the test sets, and the quiet/hold timers are jest's fake timers. Counts calls, never wall time.
 */
import { ChatApiError } from "../../../provider/client/errors";
import type { ItemResult } from "../../../provider/client/items";
import { KeyedBatcher } from "../../../provider/client/keyed-batch";

interface Item {
  id: string;
  role?: string;
}

function harness(opts: { max?: () => number; maxHoldMs?: number; quietMs?: number; burstQuietMs?: number } = {}) {
  const deferred: (() => void)[] = [];
  const clock = { t: 0 };
  const calls: { key: string; items: Item[] }[] = [];
  const answers: { resolve(r: ItemResult<string>[]): void; reject(e: unknown): void }[] = [];
  const batcher = new KeyedBatcher<Item, string>(
    (key, items) => {
      calls.push({ key, items });
      return new Promise((resolve, reject) => answers.push({ resolve, reject }));
    },
    (item) => item.id,
    opts.max ?? (() => 3),
    {
      maxHoldMs: opts.maxHoldMs ?? 200,
      quietMs: opts.quietMs ?? 2,
      // The burst wait equals the quiet time here, so the tests below see one quiet rule; a burst (several items
      // waiting, or a call of several just sent) still adds its IDLE_TURNS (2) extra loop turns before sending.
      burstQuietMs: opts.burstQuietMs ?? opts.quietMs ?? 2,
      defer: (fn) => deferred.push(fn),
      now: () => clock.t,
    },
  );
  /** Run the callbacks deferred so far (one loop turn). */
  const turn = (): void => {
    for (const fn of deferred.splice(0)) fn();
  };
  const ok = (items: Item[]): ItemResult<string>[] => items.map((i) => ({ id: i.id, ok: true, value: `v-${i.id}` }));
  /** Answer call `n` with one ok result per item, then let the promise callbacks run. */
  const answer = async (n: number, results?: ItemResult<string>[]): Promise<void> => {
    answers[n]!.resolve(results ?? ok(calls[n]!.items));
    await new Promise((r) => setImmediate(r));
  };
  /** Let `ms` pass on both the batcher's clock and jest's fake timers. */
  const elapse = (ms: number): void => {
    clock.t += ms;
    jest.advanceTimersByTime(ms);
  };
  return { batcher, calls, answers, answer, turn, clock, deferred, elapse };
}

/** A promise's outcome, observed at once (so an early rejection is never unhandled). */
const outcome = <T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] }));
afterEach(() => jest.useRealTimers());

test("a full chunk goes at once, without waiting for a turn", async () => {
  const h = harness();
  const results = ["a", "b", "c"].map((id) => h.batcher.submit("g", { id }));
  expect(h.calls).toEqual([{ key: "g", items: [{ id: "a" }, { id: "b" }, { id: "c" }] }]);
  expect(h.batcher.waiting("g")).toBe(0);
  await h.answer(0);
  await expect(Promise.all(results)).resolves.toEqual(["v-a", "v-b", "v-c"]);
  expect(h.batcher.stats).toEqual({ items: 3, calls: 1 });
});

test("a partial batch waits while items arrive, then for the quiet time, then goes", () => {
  const h = harness({ quietMs: 5 });
  void h.batcher.submit("g", { id: "a" });
  h.turn(); // arrived this turn: look again next turn
  expect(h.calls).toHaveLength(0);
  void h.batcher.submit("g", { id: "b" });
  h.clock.t = 1;
  h.turn();
  expect(h.calls).toHaveLength(0);
  expect(h.batcher.waiting("g")).toBe(2);
  h.clock.t = 3;
  h.turn(); // a turn without arrivals, quiet for 3 of 5 ms (the last item came at 0): a timer for the other 2
  expect(h.calls).toHaveLength(0);
  jest.advanceTimersByTime(1);
  expect(h.deferred).toHaveLength(0);
  jest.advanceTimersByTime(1);
  expect(h.deferred).toHaveLength(1);
  h.clock.t = 4;
  h.turn(); // quiet for 4 of 5 ms: not yet
  expect(h.calls).toHaveLength(0);
  jest.advanceTimersByTime(1);
  h.clock.t = 5;
  h.turn(); // quiet long enough, but two items wait (a burst): two more idle turns first
  h.turn();
  expect(h.calls).toHaveLength(0);
  h.turn();
  expect(h.calls).toEqual([{ key: "g", items: [{ id: "a" }, { id: "b" }] }]);
});

test("items still arriving are held no longer than maxHoldMs", () => {
  const h = harness({ maxHoldMs: 10 });
  void h.batcher.submit("g", { id: "a" });
  h.clock.t = 9;
  void h.batcher.submit("g", { id: "b" });
  h.turn();
  expect(h.calls).toHaveLength(0);
  h.clock.t = 10;
  void h.batcher.submit("g", { id: "c2" });
  // three distinct ids is a full chunk
  expect(h.calls).toHaveLength(1);
  const h2 = harness({ maxHoldMs: 10 });
  void h2.batcher.submit("g", { id: "a" });
  h2.clock.t = 10;
  void h2.batcher.submit("g", { id: "b" });
  h2.turn(); // arrived this turn, but held 10 ms: goes
  expect(h2.calls).toHaveLength(1);
});

test("a partial batch waits behind a partial call of the same key in flight, at most maxHoldMs", async () => {
  const h = harness({ maxHoldMs: 50, quietMs: 0 });
  void h.batcher.submit("g", { id: "a" });
  h.turn();
  h.turn();
  expect(h.calls).toHaveLength(1); // a alone, partial
  void h.batcher.submit("g", { id: "b" });
  h.turn();
  h.turn(); // quiet, but the partial call is in flight: wait for it
  expect(h.calls).toHaveLength(1);
  await h.answer(0); // its end re-schedules the key
  h.turn();
  expect(h.calls).toHaveLength(2);
  // Never longer than maxHoldMs: a second key whose call never ends.
  void h.batcher.submit("k", { id: "x" });
  h.turn();
  h.turn();
  expect(h.calls).toHaveLength(3);
  void h.batcher.submit("k", { id: "y" });
  h.turn();
  h.turn();
  expect(h.calls).toHaveLength(3);
  jest.advanceTimersByTime(49);
  h.turn();
  expect(h.calls).toHaveLength(3);
  h.clock.t = 50;
  jest.advanceTimersByTime(1);
  h.turn();
  expect(h.calls).toHaveLength(4);
});

test("keys never share a call", () => {
  const h = harness();
  void h.batcher.submit("g1", { id: "a" });
  void h.batcher.submit("g2", { id: "a" });
  h.clock.t = 100;
  h.turn();
  h.turn();
  expect(h.calls.map((c) => c.key).sort()).toEqual(["g1", "g2"]);
});

test("identical items share one slot and one outcome; conflicting ones go in separate calls", async () => {
  const h = harness();
  const p1 = h.batcher.submit("g", { id: "a", role: "x" });
  const p2 = h.batcher.submit("g", { id: "a", role: "x" });
  const p3 = h.batcher.submit("g", { id: "a", role: "y" });
  expect(h.batcher.waiting("g")).toBe(2);
  h.clock.t = 100;
  for (let i = 0; i < 4; i++) h.turn(); // the first look, then a burst's two idle turns, then the send
  expect(h.calls.map((c) => c.items)).toEqual([[{ id: "a", role: "x" }], [{ id: "a", role: "y" }]]);
  await h.answer(0);
  await h.answer(1, [{ id: "a", ok: true, value: "second" }]);
  await expect(Promise.all([p1, p2, p3])).resolves.toEqual(["v-a", "v-a", "second"]);
});

test("a full chunk leaves the rest waiting until it fills or settles", () => {
  const h = harness({ max: () => 2 });
  for (const id of ["a", "b", "c"]) void h.batcher.submit("g", { id });
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"]]);
  expect(h.batcher.waiting("g")).toBe(1);
  h.clock.t = 100;
  h.turn();
  h.turn();
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"], ["c"]]);
});

test("maxBatch is read at every send, so a lowered limit applies to the next call", () => {
  let max = 3;
  const h = harness({ max: () => max });
  void h.batcher.submit("g", { id: "a" });
  void h.batcher.submit("g", { id: "b" });
  max = 1;
  void h.batcher.submit("g", { id: "c" });
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a"], ["b"], ["c"]]);
});

test("outcomes: each caller its own; a whole-call failure rejects only that call's callers", async () => {
  const h = harness({ max: () => 2 });
  const [a, b, c, d] = ["a", "b", "c", "d"].map((id) => outcome(h.batcher.submit("g", { id })));
  const refused = new ChatApiError("add_group_member", 10004, "bad");
  await h.answer(0, [
    { id: "a", ok: true, value: "fine" },
    { id: "b", ok: false, error: refused },
  ]);
  expect(await a).toEqual({ value: "fine" });
  expect(await b).toEqual({ error: refused });
  const down = new Error("down");
  h.answers[1]!.reject(down);
  expect(await c).toEqual({ error: down });
  expect(await d).toEqual({ error: down });
});

test("a result missing from the answer rejects that caller, naming the id", async () => {
  const h = harness({ max: () => 2 });
  const a = outcome(h.batcher.submit("g", { id: "a" }));
  const b = outcome(h.batcher.submit("g", { id: "b" }));
  await h.answer(0, [{ id: "a", ok: true, value: "fine" }]);
  expect(await a).toEqual({ value: "fine" });
  const missing = await b;
  expect("error" in missing && (missing.error as Error).message).toBe('batch answered no result for "b"');
});

test("a finished key is forgotten; the queue is made again on the next item", async () => {
  const h = harness({ max: () => 1 });
  const a = h.batcher.submit("g", { id: "a" });
  await h.answer(0);
  await a;
  expect(h.batcher.waiting("g")).toBe(0);
  const b = h.batcher.submit("g", { id: "b" });
  await h.answer(1);
  await expect(b).resolves.toBe("v-b");
});

test("a key's queue is dropped once nothing waits and no partial call is in flight", async () => {
  const h = harness({ max: () => 1 });
  const queues = (): number => (h.batcher as unknown as { queues: Map<string, unknown> }).queues.size;
  const a = h.batcher.submit("g", { id: "a" });
  const b = h.batcher.submit("g", { id: "b" });
  expect(h.calls).toHaveLength(2);
  expect(queues()).toBe(1);
  await h.answer(0);
  await a;
  expect(queues()).toBe(0); // b's call is a full one: nothing holds the queue
  await h.answer(1);
  await b;
  expect(queues()).toBe(0);
});

test("a full chunk sent, a conflicting item left over waits for its own partial call", () => {
  const h = harness({ max: () => 2 });
  void h.batcher.submit("g", { id: "a", role: "x" });
  void h.batcher.submit("g", { id: "a", role: "y" });
  void h.batcher.submit("g", { id: "b" });
  expect(h.calls.map((c) => c.items)).toEqual([[{ id: "a", role: "x" }, { id: "b" }]]);
  expect(h.batcher.waiting("g")).toBe(1);
  expect(h.deferred).toHaveLength(1); // one look, not one per item
  h.clock.t = 100;
  h.turn();
  h.turn();
  expect(h.calls.map((c) => c.items)).toEqual([[{ id: "a", role: "x" }, { id: "b" }], [{ id: "a", role: "y" }]]);
});

test("times are measured from the first and last arrival, not from the clock's zero", () => {
  const h = harness({ maxHoldMs: 200, quietMs: 5 });
  h.clock.t = 1000;
  void h.batcher.submit("g", { id: "a" });
  h.turn(); // arrived this turn, held 0 ms: look again
  expect(h.calls).toHaveLength(0);
  h.clock.t = 1002;
  h.turn(); // quiet for 2 of 5 ms: wait
  expect(h.calls).toHaveLength(0);
  h.clock.t = 1005;
  jest.advanceTimersByTime(3);
  h.turn();
  expect(h.calls).toHaveLength(1);
});

test("a full call in flight does not hold back the next partial batch", () => {
  const h = harness({ max: () => 2, quietMs: 0 });
  void h.batcher.submit("g", { id: "a" });
  void h.batcher.submit("g", { id: "b" }); // full: sent, still in flight
  void h.batcher.submit("g", { id: "c" });
  for (let i = 0; i < 4; i++) h.turn(); // a call of several just went: a burst's two idle turns, no timer
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"], ["c"]]);
});

test("a key stays known while one of its partial calls is in flight, so new items still wait behind it", async () => {
  const h = harness({ quietMs: 0 });
  void h.batcher.submit("g", { id: "a", role: "x" });
  void h.batcher.submit("g", { id: "a", role: "y" });
  h.clock.t = 100;
  for (let i = 0; i < 4; i++) h.turn(); // two waiting: a burst's two idle turns first
  expect(h.calls).toHaveLength(2); // two partial calls: the items conflict
  await h.answer(0); // one ends; the other is still in flight
  void h.batcher.submit("g", { id: "c" });
  h.turn();
  h.turn();
  expect(h.calls).toHaveLength(2);
  await h.answer(1);
  h.turn();
  expect(h.calls).toHaveLength(3);
});

test("a settled batch that fills a lowered limit is a full call: it does not hold back the next batch", () => {
  let max = 3;
  const h = harness({ max: () => max, quietMs: 0 });
  void h.batcher.submit("g", { id: "a" });
  void h.batcher.submit("g", { id: "b" });
  max = 2; // lowered (a 10005 elsewhere) while a and b wait: the settled call of both is now full
  for (let i = 0; i < 4; i++) h.turn();
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"]]);
  void h.batcher.submit("g", { id: "c" }); // the call of a and b never ends
  for (let i = 0; i < 4; i++) h.turn();
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"], ["c"]]);
});

test("a remainder left by a full chunk is held from the moment the chunk went, not from its first item's arrival", () => {
  const h = harness({ max: () => 3, maxHoldMs: 200, quietMs: 5 });
  void h.batcher.submit("g", { id: "a", role: "x" }); // t = 0
  h.clock.t = 150;
  void h.batcher.submit("g", { id: "a", role: "y" }); // same id: waits for a later call
  void h.batcher.submit("g", { id: "b" });
  void h.batcher.submit("g", { id: "c" }); // three distinct ids: the full chunk goes now
  expect(h.calls.map((c) => c.items)).toEqual([[{ id: "a", role: "x" }, { id: "b" }, { id: "c" }]]);
  h.clock.t = 210;
  void h.batcher.submit("g", { id: "d" }); // still arriving: held 60 ms since the chunk, not 210 ms
  h.turn();
  expect(h.calls).toHaveLength(1);
  h.clock.t = 350; // 200 ms after the chunk: held long enough, goes even though an item arrived this turn
  void h.batcher.submit("g", { id: "d" });
  h.turn();
  expect(h.calls.map((c) => c.items)).toEqual([
    [{ id: "a", role: "x" }, { id: "b" }, { id: "c" }],
    [{ id: "a", role: "y" }, { id: "d" }],
  ]);
});

test("a lone item within 100 ms of a finished call of several waits the burst quiet time; later ones the quiet time", async () => {
  const h = harness({ max: () => 2, quietMs: 2, burstQuietMs: 25 });
  const queues = (): number => (h.batcher as unknown as { queues: Map<string, unknown> }).queues.size;
  const ids = (): string[][] => h.calls.map((c) => c.items.map((i) => i.id));
  /** Submit each id now, then run two loop turns (arrived, then quiet). */
  const submit = (...list: string[]): void => {
    for (const id of list) void h.batcher.submit("g", { id });
    h.turn();
    h.turn();
  };
  h.clock.t = 1000; // not the clock's zero, so a sum of times is never mistaken for a difference
  submit("a", "b"); // full: goes at once
  await h.answer(0);
  expect(queues()).toBe(1); // kept after a call of several: the burst may go on
  h.elapse(10);
  submit("c"); // quiet for 0 of the burst's 25 ms: a timer for them
  h.elapse(2);
  h.turn();
  expect(ids()).toEqual([["a", "b"]]); // the plain quiet time (2 ms) is not enough after a call of several
  h.elapse(23);
  for (let i = 0; i < 3; i++) h.turn(); // the timer's look, then the burst's two idle turns
  expect(ids()).toEqual([["a", "b"], ["c"]]);
  await h.answer(1);
  expect(queues()).toBe(0); // a call of one ends the burst: the queue is dropped

  // Exactly 100 ms after a call of several is no longer soon after it: the plain quiet time applies.
  h.elapse(965);
  submit("d", "e");
  await h.answer(2);
  h.elapse(100);
  submit("f");
  h.elapse(2);
  h.turn();
  expect(ids()).toEqual([["a", "b"], ["c"], ["d", "e"], ["f"]]);
  await h.answer(3);

  // A call of several answered 100 ms or more after it went does not keep the queue.
  submit("g", "h");
  h.elapse(100);
  await h.answer(4);
  expect(queues()).toBe(0);
});

test("a key emptied by a full chunk drops its waiting timer, so a later item's quiet time starts afresh", async () => {
  const h = harness({ max: () => 2, maxHoldMs: 200, quietMs: 2 });
  /** Submit `id`, run two loop turns (arrived, then quiet: a 2 ms timer), let the 2 ms pass and look again. */
  const submitAndSettle = (id: string): void => {
    void h.batcher.submit("g", { id });
    h.turn();
    h.turn();
    h.elapse(2);
    h.turn();
  };
  submitAndSettle("a");
  expect(h.calls).toHaveLength(1); // a alone, a partial call that stays in flight for now
  h.elapse(8);
  submitAndSettle("b"); // quiet, but behind a's partial call: a timer for the rest of maxHoldMs (198 ms)
  expect(h.calls).toHaveLength(1);
  h.elapse(8);
  void h.batcher.submit("g", { id: "c" }); // b and c fill a call: it goes, and nothing waits any more
  expect(h.calls).toHaveLength(2);
  await h.answer(0);
  await h.answer(1);
  h.elapse(10);
  submitAndSettle("d"); // d's own quiet time (2 ms), not the 198 ms timer set for b
  h.turn(); // after a call of several: the burst's two idle turns too
  h.turn();
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a"], ["b", "c"], ["d"]]);
});

test("a call that ends after its key's queue was made anew leaves the new queue alone", async () => {
  const h = harness({ max: () => 2, quietMs: 0 });
  const ids = (): string[][] => h.calls.map((c) => c.items.map((i) => i.id));
  for (const id of ["a", "b", "c", "d"]) void h.batcher.submit("g", { id }); // two full calls
  h.elapse(100);
  await h.answer(0); // nothing waits, no partial call, the last call of several 100 ms ago: the queue is dropped
  void h.batcher.submit("g", { id: "e" }); // a new queue for g
  for (let i = 0; i < 2; i++) h.turn();
  expect(ids()).toEqual([["a", "b"], ["c", "d"], ["e"]]); // e alone: a partial call, in flight
  await h.answer(1); // the old queue's last call ends: it must not drop the new queue
  void h.batcher.submit("g", { id: "f" });
  for (let i = 0; i < 4; i++) h.turn();
  expect(ids()).toHaveLength(3); // f waits behind e's partial call
  await h.answer(2);
  for (let i = 0; i < 2; i++) h.turn();
  expect(ids()).toEqual([["a", "b"], ["c", "d"], ["e"], ["f"]]);
});

test("the quiet wait is cut short at maxHoldMs", () => {
  const h = harness({ maxHoldMs: 10, quietMs: 5 });
  void h.batcher.submit("g", { id: "a" });
  h.elapse(8);
  void h.batcher.submit("g", { id: "b" });
  h.turn();
  h.turn(); // quiet for 0 of 5 ms, but held 8 of 10: a timer for the 2 ms left
  h.elapse(2);
  h.turn();
  expect(h.calls.map((c) => c.items.map((i) => i.id))).toEqual([["a", "b"]]);
});
