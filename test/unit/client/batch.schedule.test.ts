/**
 * GroupReadBatcher's scheduling on a hand-driven loop: `defer` queues callbacks that `turn()` runs, `now` is a number
 * the test sets, and the quiet/hold timers are jest's fake timers. Each case names the turn or the millisecond at
 * which a batch goes, so a changed rule (a bound, a default, which wait applies) fails it. Counts, never wall time.
 */
import { getGroupInfoSplitting, GroupReadBatcher, outcomeFor, planChunks } from "../../../provider/client/batch";
import type { BatchOptions } from "../../../provider/client/batch";
import type { GroupInfoEntry } from "../../../provider/client/client";
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import type { GetGroupInfoRequest } from "../../../protocol/wire";

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const okEntries = (ids: readonly string[]): GroupInfoEntry[] =>
  ids.map((GroupId) => ({
    GroupId,
    ok: true,
    group: {
      GroupId,
      ErrorCode: 0,
      ErrorInfo: "",
      AppDefinedData: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    },
  }));

function harness(opts: BatchOptions = {}, start = 1000) {
  const deferred: (() => void)[] = [];
  const clock = { t: start };
  const calls: GetGroupInfoRequest[] = [];
  const answers: { resolve(e: GroupInfoEntry[]): void; reject(e: unknown): void }[] = [];
  const source = {
    getGroupInfo: (req: GetGroupInfoRequest) => {
      calls.push(req);
      return new Promise<GroupInfoEntry[]>((resolve, reject) => answers.push({ resolve, reject }));
    },
  };
  const batcher = new GroupReadBatcher(source, { defer: (fn) => deferred.push(fn), now: () => clock.t, ...opts });
  /** Run the callbacks deferred so far (one loop turn). */
  const turn = (): void => {
    for (const fn of deferred.splice(0)) fn();
  };
  /** Answer call `n` (ok entries by default), then let its promise callbacks run. */
  const answer = async (n: number, entries?: GroupInfoEntry[]): Promise<void> => {
    answers[n]!.resolve(entries ?? okEntries(calls[n]!.GroupIdList));
    await flush();
  };
  /** Advance the fake timers and the clock together. */
  const advance = (ms: number): void => {
    clock.t += ms;
    jest.advanceTimersByTime(ms);
  };
  const sent = () => calls.map((c) => c.GroupIdList);
  return { batcher, calls, answers, answer, turn, clock, deferred, advance, sent };
}

/** A promise's outcome, observed at once (so an early rejection is never unhandled). */
const outcome = <T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] }));
afterEach(() => jest.useRealTimers());

describe("when a partial batch goes", () => {
  test("a lone read waits a turn, then the default quiet time (2 ms) since its arrival", () => {
    const h = harness();
    void h.batcher.getGroup("a");
    expect(h.deferred).toHaveLength(1);
    h.turn(); // it arrived this turn: look again next turn
    expect(h.deferred).toHaveLength(1);
    expect(h.calls).toHaveLength(0);
    h.turn(); // quiet for 0 of 2 ms: a timer for 2 ms
    expect(h.deferred).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(1);
    h.advance(1);
    expect(h.deferred).toHaveLength(0);
    h.advance(1);
    expect(h.deferred).toHaveLength(1);
    h.turn();
    expect(h.sent()).toEqual([["a"]]);
    expect(h.batcher.waiting).toBe(0);
  });

  test("only one look is deferred at a time, however many reads arrive in a turn", () => {
    const h = harness();
    for (const id of ["a", "b", "c"]) void h.batcher.getGroup(id);
    expect(h.deferred).toHaveLength(1);
    expect(h.batcher.waiting).toBe(3);
  });

  test("several reads waiting are a burst: the default burst quiet time (25 ms) applies", () => {
    const h = harness();
    void h.batcher.getGroup("a");
    void h.batcher.getGroup("b");
    h.turn();
    h.clock.t += 3;
    h.turn(); // no arrivals; quiet for 3 of 25 ms: a timer for the other 22
    h.advance(21);
    expect(h.deferred).toHaveLength(0);
    h.advance(1);
    expect(h.deferred).toHaveLength(1);
    h.turn();
    expect(h.sent()).toEqual([["a", "b"]]);
  });

  test("the longer of quietMs and burstQuietMs applies in a burst", () => {
    const h = harness({ quietMs: 30, burstQuietMs: 5 });
    void h.batcher.getGroup("a");
    void h.batcher.getGroup("b");
    h.turn();
    h.turn();
    h.advance(29);
    h.turn();
    expect(h.calls).toHaveLength(0);
    h.advance(1);
    h.turn();
    expect(h.sent()).toEqual([["a", "b"]]);
  });

  test("a lone read soon after a batch of several is a burst too; after 100 ms, or after a lone read, it is not", async () => {
    const h = harness({ quietMs: 2, burstQuietMs: 25 });
    const settleAfter = (ms: number): boolean => {
      h.turn();
      h.turn();
      h.advance(ms);
      h.turn();
      return h.deferred.length === 0 && h.batcher.waiting === 0;
    };
    void h.batcher.getGroup("a");
    void h.batcher.getGroup("b");
    expect(settleAfter(25)).toBe(true); // sent [a, b] at 1025
    await h.answer(0);
    h.clock.t = 1025 + 99; // 99 ms after a batch of two: a burst
    void h.batcher.getGroup("c");
    expect(settleAfter(2)).toBe(false);
    expect(h.calls).toHaveLength(1);
    h.advance(23);
    h.turn();
    expect(h.sent()).toEqual([["a", "b"], ["c"]]);
    await h.answer(1);
    // The last batch was a lone read: the next lone read waits only quietMs.
    void h.batcher.getGroup("d");
    expect(settleAfter(2)).toBe(true);
    await h.answer(2);
    expect(h.sent()[2]).toEqual(["d"]);

    // Exactly 100 ms after a batch of several is no longer a burst.
    const g = harness({ quietMs: 2, burstQuietMs: 25 });
    void g.batcher.getGroup("a");
    void g.batcher.getGroup("b");
    g.turn();
    g.turn();
    g.advance(25);
    g.turn();
    await g.answer(0);
    g.clock.t = 1025 + 100;
    void g.batcher.getGroup("c");
    g.turn();
    g.turn();
    g.advance(2);
    g.turn();
    expect(g.sent()).toEqual([["a", "b"], ["c"]]);
  });

  test("the quiet timer never outlasts maxHoldMs since the first arrival", () => {
    const h = harness({ quietMs: 50, maxHoldMs: 10 });
    void h.batcher.getGroup("a");
    h.turn();
    h.clock.t += 4;
    h.turn(); // quiet for 4 of 50 ms, held 4 of 10: the timer is the 6 ms left of the hold
    h.advance(5);
    expect(h.deferred).toHaveLength(0);
    h.advance(1);
    h.turn();
    expect(h.sent()).toEqual([["a"]]);
  });

  test("reads arriving every turn hold the batch until maxHoldMs after the first arrival, not the last", () => {
    const h = harness({ maxHoldMs: 10, quietMs: 0 });
    void h.batcher.getGroup("r0");
    for (let i = 1; i <= 9; i++) {
      h.clock.t += 1;
      void h.batcher.getGroup(`r${i}`);
      h.turn();
      expect(h.calls).toHaveLength(0);
    }
    h.clock.t += 1; // held 10 ms: goes although a read arrived this turn
    void h.batcher.getGroup("r10");
    h.turn();
    expect(h.sent()).toEqual([Array.from({ length: 11 }, (_, i) => `r${i}`)]);
  });

  test("a full chunk goes at once and clears the timers of the partial batch it completed", () => {
    const h = harness({ maxBatch: 3 });
    void h.batcher.getGroup("a");
    void h.batcher.getGroup("b");
    h.turn();
    h.turn(); // a burst: a quiet timer is armed
    expect(jest.getTimerCount()).toBe(1);
    void h.batcher.getGroup("c");
    expect(h.sent()).toEqual([["a", "b", "c"]]);
    expect(jest.getTimerCount()).toBe(0);
    expect(h.batcher.waiting).toBe(0);
  });
});

describe("the hold behind a partial batch in flight", () => {
  test("a partial batch waits for the one in flight, at most maxHoldMs since its first read", async () => {
    const h = harness({ maxHoldMs: 200, quietMs: 2 });
    void h.batcher.getGroup("a");
    h.turn();
    h.advance(2);
    h.turn();
    h.turn();
    expect(h.sent()).toEqual([["a"]]);
    h.advance(100);
    const b = outcome(h.batcher.getGroup("b"));
    h.turn();
    h.advance(5);
    h.turn(); // quiet for 5 ms, held 5 of 200: a timer for the other 195 behind the call in flight
    expect(h.calls).toHaveLength(1);
    h.advance(194);
    expect(h.deferred).toHaveLength(0);
    h.advance(1);
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b"]]);
    await h.answer(1);
    await expect(b).resolves.toMatchObject({ value: { GroupId: "b" } });
  });

  test("the call in flight finishing lets the waiting batch go at the next look", async () => {
    const h = harness({ maxHoldMs: 200, quietMs: 2 });
    void h.batcher.getGroup("a");
    h.turn();
    h.advance(2);
    h.turn();
    h.turn();
    void h.batcher.getGroup("b");
    h.turn();
    h.advance(2);
    h.turn(); // held behind "a"
    expect(h.calls).toHaveLength(1);
    await h.answer(0); // its completion schedules a look
    expect(h.deferred).toHaveLength(1);
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b"]]);
    // Once both are answered nothing is in flight: a later lone read does not wait for the hold.
    await h.answer(1);
    void h.batcher.getGroup("c");
    h.turn();
    h.advance(2);
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b"], ["c"]]);
  });

  test("a full batch in flight does not hold back a partial one", () => {
    const h = harness({ maxBatch: 2, quietMs: 2 });
    void h.batcher.getGroup("a");
    void h.batcher.getGroup("b"); // full: sent at once
    void h.batcher.getGroup("c");
    h.turn();
    h.advance(25); // c is alone but the last batch had two: the burst quiet time
    h.turn();
    h.turn();
    expect(h.sent()).toEqual([["a", "b"], ["c"]]);
  });

  test("a full call finishing does not release the hold of a partial one still in flight", async () => {
    const h = harness({ maxBatch: 2, maxHoldMs: 200, quietMs: 2 });
    void h.batcher.getGroup("a");
    h.turn();
    h.advance(2);
    h.turn();
    h.turn(); // partial call 0: [a], in flight
    void h.batcher.getGroup("b");
    void h.batcher.getGroup("c"); // full call 1: [b, c]
    await h.answer(1);
    h.clock.t += 200; // not a burst any more
    void h.batcher.getGroup("d");
    h.turn();
    h.advance(2);
    h.turn();
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b", "c"]]); // d waits behind [a]
    await h.answer(0);
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  test("a failed partial call also releases the hold", async () => {
    const h = harness({ maxHoldMs: 200, quietMs: 2 });
    const a = outcome(h.batcher.getGroup("a"));
    h.turn();
    h.advance(2);
    h.turn();
    h.turn();
    void h.batcher.getGroup("b");
    h.turn();
    h.advance(2);
    h.turn();
    h.answers[0]!.reject(new ChatError(ErrorCodes.Timeout, "lost", { delivery: "ambiguous" }));
    await flush();
    await expect(a).resolves.toMatchObject({ error: { code: ErrorCodes.Timeout } });
    h.turn();
    expect(h.sent()).toEqual([["a"], ["b"]]);
  });
});

describe("results, requests and counts", () => {
  test("a failed call rejects every caller in it, repeated ids included", async () => {
    const h = harness();
    const got = ["a", "a", "b"].map((id) => outcome(h.batcher.getGroup(id)));
    h.turn();
    h.advance(25);
    h.turn();
    const err = new ChatError(ErrorCodes.Timeout, "lost");
    h.answers[0]!.reject(err);
    await flush();
    for (const o of await Promise.all(got)) expect(o).toEqual({ error: err });
  });

  test("the first caller of an id gets the answer's object, each later caller its own copy", async () => {
    const h = harness();
    const got = Promise.all([h.batcher.getGroup("a"), h.batcher.getGroup("a"), h.batcher.getGroup("a")]);
    h.turn();
    h.advance(2);
    h.turn();
    const entries = okEntries(["a"]);
    await h.answer(0, entries);
    const [x, y, z] = await got;
    expect(x).toBe((entries[0] as { group: unknown }).group);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
    expect(z).not.toBe(y);
  });

  test("without a filter the request has none; stats count reads, calls and distinct ids", async () => {
    const h = harness();
    const got = Promise.all(["a", "b", "a"].map((id) => h.batcher.getGroup(id)));
    h.turn();
    h.advance(25);
    h.turn();
    expect(h.calls).toStrictEqual([{ GroupIdList: ["a", "b"] }]);
    await h.answer(0);
    await got;
    expect(h.deferred).toHaveLength(0); // nothing waits: the finished call schedules no look
    expect(h.batcher.stats).toEqual({ reads: 3, calls: 1, ids: 2, splits: 0 });
  });

  test("a filter without custom keys is sent as is, with no AppDefinedDataFilter_Group", async () => {
    const base = { GroupBaseInfoFilter: ["Name"] };
    const h = harness({ responseFilter: base });
    const got = h.batcher.getGroup("a", base);
    h.turn();
    h.advance(2);
    h.turn();
    expect(h.calls).toStrictEqual([{ GroupIdList: ["a"], ResponseFilter: { GroupBaseInfoFilter: ["Name"] } }]);
    await h.answer(0);
    // The caller named no keys: it sees none of the answer's custom fields.
    await expect(got).resolves.toMatchObject({ AppDefinedData: [] });
  });

  test("a read without a filter gets the whole answer, a read with the batcher's filter only its keys", async () => {
    const base = { GroupBaseInfoFilter: ["Name"] };
    const h = harness({ responseFilter: { ...base, AppDefinedDataFilter_Group: ["b", "a"] } });
    const plain = h.batcher.getGroup("x");
    const keyed = h.batcher.getGroup("y", base);
    h.turn();
    h.advance(25);
    h.turn();
    expect(h.calls[0]!.ResponseFilter).toEqual({
      GroupBaseInfoFilter: ["Name"],
      AppDefinedDataFilter_Group: ["a", "b"],
    });
    const entries = okEntries(["x", "y"]);
    (entries[1] as { group: { AppDefinedData: unknown[] } }).group.AppDefinedData.push({ Key: "c", Value: "3" });
    await h.answer(0, entries);
    expect((await plain)?.AppDefinedData).toHaveLength(2);
    expect((await keyed)?.AppDefinedData?.map((f) => f.Key)).toEqual(["a", "b"]);
  });

  test("a filter equal up to the order of its fields and names joins the batch; another is sent alone", async () => {
    const h = harness({
      responseFilter: { GroupBaseInfoFilter: ["Name", "Owner_Account"], MemberInfoFilter: ["Role"] },
    });
    void h.batcher.getGroup("a", { MemberInfoFilter: ["Role"], GroupBaseInfoFilter: ["Owner_Account", "Name"] });
    expect(h.calls).toHaveLength(0);
    expect(h.batcher.waiting).toBe(1);
    void h.batcher.getGroup("b", { GroupBaseInfoFilter: ["Name"] });
    expect(h.calls).toStrictEqual([{ GroupIdList: ["b"], ResponseFilter: { GroupBaseInfoFilter: ["Name"] } }]);
    expect(h.batcher.stats).toEqual({ reads: 2, calls: 1, ids: 1, splits: 0 });
  });

  test("a filter with the same fields but other names, or other fields, is sent alone", () => {
    const h = harness({
      responseFilter: { GroupBaseInfoFilter: ["Name", "Owner_Account"], MemberInfoFilter: ["Role"] },
    });
    void h.batcher.getGroup("a", { GroupBaseInfoFilter: ["Name"], MemberInfoFilter: ["Role"] });
    void h.batcher.getGroup("b", {
      GroupBaseInfoFilter: ["Name", "Owner_Account"],
      AppDefinedDataFilter_GroupMember: ["k"],
    });
    expect(h.sent()).toEqual([["a"], ["b"]]);
    expect(h.batcher.waiting).toBe(0);
  });

  test("a read sent alone follows the same result rules: not found is undefined, another error is thrown", async () => {
    const h = harness();
    const gone = h.batcher.getGroup("g", { GroupBaseInfoFilter: ["Name"] });
    const bad = outcome(h.batcher.getGroup("b", { GroupBaseInfoFilter: ["Name"] }));
    await h.answer(0, [{ GroupId: "g", ok: false, error: new ChatApiError("get_group_info", 10010, "gone") }]);
    await h.answer(1, [{ GroupId: "b", ok: false, error: new ChatApiError("get_group_info", 10004, "bad") }]);
    await expect(gone).resolves.toBeUndefined();
    await expect(bad).resolves.toMatchObject({ error: { errorCode: 10004 } });
  });

  test("a batcher without a filter sends a read with any filter alone", () => {
    const h = harness();
    void h.batcher.getGroup("a", { AppDefinedDataFilter_Group: ["k"] });
    expect(h.calls).toStrictEqual([{ GroupIdList: ["a"], ResponseFilter: { AppDefinedDataFilter_Group: ["k"] } }]);
  });
});

describe("checks and messages", () => {
  test.each([0, 51, 1.5])("maxBatch %p is refused with the allowed range", (n) => {
    expect(() => harness({ maxBatch: n })).toThrow(`maxBatch must be an integer from 1 to 50, got ${n}`);
  });

  test.each([1, 50])("maxBatch %p is accepted", (n) => {
    expect(harness({ maxBatch: n }).batcher.waiting).toBe(0);
  });

  test("planChunks: 50 by default, the size checked with its message", () => {
    const ids = Array.from({ length: 51 }, (_, i) => `g${i}`);
    expect(planChunks(ids).map((c) => c.length)).toEqual([50, 1]);
    expect(planChunks(["a", "b"], 1)).toEqual([["a"], ["b"]]);
    expect(() => planChunks(["a"], 1.5)).toThrow("chunk size must be a positive integer, got 1.5");
    expect(() => planChunks(["a"], 0)).toThrow("chunk size must be a positive integer, got 0");
  });

  test("outcomeFor: an id missing from the answer is a protocol error naming the action and the group", () => {
    const o = outcomeFor("x", okEntries(["y"]));
    expect("error" in o && o.error).toBeInstanceOf(ChatError);
    expect("error" in o && o.error).toMatchObject({
      code: ErrorCodes.Protocol,
      message: 'Tencent Cloud Chat get_group_info answered without an entry for group "x".',
      action: "get_group_info",
      groupId: "x",
    });
  });

  test("getGroupInfoSplitting halves with the larger half first, counting each halving", async () => {
    const calls: string[][] = [];
    const src = {
      getGroupInfo: async (req: GetGroupInfoRequest) => {
        calls.push(req.GroupIdList);
        if (req.GroupIdList.length > 1) throw new ChatApiError("get_group_info", 10018, "too large");
        return okEntries(req.GroupIdList);
      },
    };
    let splits = 0;
    const entries = await getGroupInfoSplitting(src, { GroupIdList: ["a", "b", "c"] }, () => splits++);
    expect(calls).toEqual([["a", "b", "c"], ["a", "b"], ["a"], ["b"], ["c"]]);
    expect(entries.map((e) => e.GroupId)).toEqual(["a", "b", "c"]);
    expect(splits).toBe(2);
  });

  test("getGroupInfoSplitting keeps the request's filter in every half", async () => {
    const filters: unknown[] = [];
    const src = {
      getGroupInfo: async (req: GetGroupInfoRequest) => {
        filters.push(req.ResponseFilter);
        if (req.GroupIdList.length > 1) throw new ChatApiError("get_group_info", 10018, "too large");
        return okEntries(req.GroupIdList);
      },
    };
    const ResponseFilter = { GroupBaseInfoFilter: ["Name"] };
    await getGroupInfoSplitting(src, { GroupIdList: ["a", "b"], ResponseFilter });
    expect(filters).toEqual([ResponseFilter, ResponseFilter, ResponseFilter]);
  });

  test("a whole-call error other than 10018 is not split, even with one id", async () => {
    const err = new ChatApiError("get_group_info", 10004, "bad");
    const src = { getGroupInfo: async () => Promise.reject(err) };
    await expect(getGroupInfoSplitting(src, { GroupIdList: ["a"] })).rejects.toBe(err);
  });
});
