/**
 * GroupReadBatcher against a fake get_group_info: grouping, de-duplication, chunks of 50, per-caller results and
 * errors, failure isolation per call, and the Nagle-style hold while a partial batch is in flight. Counts only.
 */
import { getGroupInfoSplitting, GroupReadBatcher, outcomeFor, planChunks } from "../../../provider/client/batch";
import type { GroupInfoEntry } from "../../../provider/client/client";
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import type { GetGroupInfoRequest } from "../../../protocol/wire";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A fake source: `missing` ids answer 10010, `broken` ids 10004, a call holding a `poison` id fails whole. */
function fakeSource(opts: { missing?: string[]; broken?: string[]; poison?: string[]; manual?: boolean } = {}) {
  const calls: GetGroupInfoRequest[] = [];
  const held: Array<() => void> = [];
  const answer = (req: GetGroupInfoRequest): GroupInfoEntry[] => {
    if (req.GroupIdList.some((id) => opts.poison?.includes(id)))
      throw new ChatError(ErrorCodes.Timeout, "call failed", { delivery: "ambiguous" });
    return req.GroupIdList.map((GroupId): GroupInfoEntry => {
      if (opts.missing?.includes(GroupId))
        return { GroupId, ok: false, error: new ChatApiError("get_group_info", 10010, "gone", { groupId: GroupId }) };
      if (opts.broken?.includes(GroupId))
        return { GroupId, ok: false, error: new ChatApiError("get_group_info", 10004, "bad", { groupId: GroupId }) };
      return {
        GroupId,
        ok: true,
        group: { GroupId, ErrorCode: 0, ErrorInfo: "", Name: `name of ${GroupId}`, Type: "Public" },
      };
    });
  };
  return {
    calls,
    /** Release the oldest held call (manual mode). */
    release: () => held.shift()!(),
    get held() {
      return held.length;
    },
    getGroupInfo: async (req: GetGroupInfoRequest) => {
      calls.push(req);
      if (opts.manual) await new Promise<void>((resolve) => held.push(resolve));
      return answer(req);
    },
  };
}

const ids = (n: number, prefix = "g") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("planChunks", () => {
  test.each([
    ["none", [], 50, []],
    ["one", ["a"], 50, [["a"]]],
    ["a repeat dropped", ["a", "b", "a", "c"], 2, [["a", "b"], ["c"]]],
    ["120 ids", ids(120), 50, [ids(120).slice(0, 50), ids(120).slice(50, 100), ids(120).slice(100)]],
    ["exactly 50", ids(50), 50, [ids(50)]],
  ])("%s, chunks of %i", (_label, input, max, expected) => {
    expect(planChunks(input, max)).toEqual(expected);
  });
  test("rejects a chunk size below 1", () => expect(() => planChunks(["a"], 0)).toThrow(RangeError));
});

describe("outcomeFor", () => {
  const entries: GroupInfoEntry[] = [
    { GroupId: "ok", ok: true, group: { GroupId: "ok", ErrorCode: 0, ErrorInfo: "" } },
    { GroupId: "gone", ok: false, error: new ChatApiError("get_group_info", 10015, "") },
    { GroupId: "bad", ok: false, error: new ChatApiError("get_group_info", 10004, "") },
  ];
  test.each([
    ["ok", "group"],
    ["gone", "undefined"],
    ["bad", "error 10004"],
    ["absent from the answer", "protocol error"],
  ])("%s → %s", (id, expected) => {
    const o = outcomeFor(id, entries);
    const got =
      "error" in o
        ? o.error instanceof ChatApiError
          ? `error ${o.error.errorCode}`
          : "protocol error"
        : o.group
          ? "group"
          : "undefined";
    expect(got).toBe(expected);
  });
});

describe("GroupReadBatcher", () => {
  test("a single read is one call with one id, and resolves to the group", async () => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    await expect(reads.getGroup("solo")).resolves.toMatchObject({ GroupId: "solo", Name: "name of solo" });
    expect(src.calls.map((c) => c.GroupIdList)).toEqual([["solo"]]);
  });

  test("reads in the same turn share one call; each caller gets its own group", async () => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    const got = await Promise.all(["a", "b", "c"].map((id) => reads.getGroup(id)));
    expect(got.map((g) => g?.GroupId)).toEqual(["a", "b", "c"]);
    expect(src.calls.map((c) => c.GroupIdList)).toEqual([["a", "b", "c"]]);
  });

  test.each([
    [1, 1],
    [49, 1],
    [50, 1],
    [51, 2],
    [120, 3],
    [1000, 20],
  ])("%i concurrent reads → %i calls of at most 50 ids", async (n, expectedCalls) => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    const got = await Promise.all(ids(n).map((id) => reads.getGroup(id)));
    expect(got.map((g) => g?.GroupId)).toEqual(ids(n));
    expect(src.calls).toHaveLength(expectedCalls);
    expect(Math.max(...src.calls.map((c) => c.GroupIdList.length))).toBeLessThanOrEqual(50);
    expect(reads.stats).toEqual({ reads: n, calls: expectedCalls, ids: n, splits: 0 });
  });

  test("reads spread over a few loop turns still share one call", async () => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 5; i++) {
      pending.push(reads.getGroup(`t${i}`));
      await turn();
    }
    await Promise.all(pending);
    expect(src.calls).toHaveLength(1);
  });

  test("the same id twice is sent once; both callers get equal, separate objects", async () => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    const [a, b] = await Promise.all([reads.getGroup("dup"), reads.getGroup("dup")]);
    expect(src.calls.map((c) => c.GroupIdList)).toEqual([["dup"]]);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  test("per-id results: not found → undefined, another per-id error → only that caller rejects", async () => {
    const src = fakeSource({ missing: ["gone"], broken: ["bad"] });
    const reads = new GroupReadBatcher(src);
    const results = await Promise.allSettled(["ok1", "gone", "bad", "ok2"].map((id) => reads.getGroup(id)));
    expect(src.calls).toHaveLength(1);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseFulfilledResult<unknown>).value).toBeUndefined();
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ errorCode: 10004, groupId: "bad" });
  });

  test("a failed call rejects only the callers in that chunk", async () => {
    const src = fakeSource({ poison: ["g55"] });
    const reads = new GroupReadBatcher(src);
    const results = await Promise.allSettled(ids(120).map((id) => reads.getGroup(id)));
    const rejected = results.flatMap((r, i) => (r.status === "rejected" ? [i] : []));
    expect(src.calls).toHaveLength(3);
    expect(rejected).toEqual(ids(50).map((_, i) => 50 + i)); // exactly the second chunk, g50..g99
    expect((results[55] as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCodes.Timeout });
  });

  test("reads arriving while a partial batch is in flight wait for it, then share one call", async () => {
    const src = fakeSource({ manual: true });
    const reads = new GroupReadBatcher(src);
    const first = reads.getGroup("first");
    while (src.held === 0) await turn();
    const later: Promise<unknown>[] = [];
    for (let i = 0; i < 4; i++) {
      later.push(reads.getGroup(`late${i}`));
      await turn();
      await turn();
      await turn();
    }
    expect(src.calls).toHaveLength(1);
    expect(reads.waiting).toBe(4);
    src.release();
    await first;
    while (src.held === 0) await turn();
    src.release();
    await Promise.all(later);
    expect(src.calls.map((c) => c.GroupIdList)).toEqual([["first"], ["late0", "late1", "late2", "late3"]]);
  });

  test("a full chunk never waits behind a call in flight", async () => {
    const src = fakeSource({ manual: true });
    const reads = new GroupReadBatcher(src);
    void reads.getGroup("first");
    while (src.held === 0) await turn();
    const full = ids(50).map((id) => reads.getGroup(id));
    expect(src.calls).toHaveLength(2);
    expect(src.calls[1]!.GroupIdList).toHaveLength(50);
    src.release();
    src.release();
    await Promise.all(full);
  });

  test("a read of an id whose call is already in flight is not merged into it (read-after-write)", async () => {
    const src = fakeSource({ manual: true });
    const reads = new GroupReadBatcher(src);
    const a1 = reads.getGroup("a");
    while (src.held === 0) await turn();
    const a2 = reads.getGroup("a");
    src.release();
    await a1;
    while (src.held === 0) await turn();
    src.release();
    await a2;
    expect(src.calls.map((c) => c.GroupIdList)).toEqual([["a"], ["a"]]);
  });

  test("maxHoldMs bounds the wait behind a call that does not finish", async () => {
    jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] });
    try {
      const src = fakeSource({ manual: true });
      let t = 0;
      const reads = new GroupReadBatcher(src, { maxHoldMs: 100, quietMs: 0, now: () => t });
      void reads.getGroup("stuck");
      while (src.held === 0) await turn();
      const next = reads.getGroup("next");
      for (let i = 0; i < 5; i++) await turn();
      expect(src.calls).toHaveLength(1);
      t = 100;
      jest.advanceTimersByTime(100);
      while (src.held < 2) await turn();
      expect(src.calls.map((c) => c.GroupIdList)).toEqual([["stuck"], ["next"]]);
      src.release();
      src.release();
      await next;
    } finally {
      jest.useRealTimers();
    }
  });

  test("a filtered read is sent on its own", async () => {
    const src = fakeSource();
    const reads = new GroupReadBatcher(src);
    await Promise.all([reads.getGroup("a"), reads.getGroup("b", { GroupBaseInfoFilter: ["Name"] })]);
    expect(src.calls).toHaveLength(2);
    expect(src.calls.find((c) => c.ResponseFilter)?.GroupIdList).toEqual(["b"]);
  });

  test.each([0, 51, 1.5])("maxBatch %p is refused", (n) => {
    expect(() => new GroupReadBatcher(fakeSource(), { maxBatch: n })).toThrow(RangeError);
  });
});

describe("reads that trickle in (as the host decodes a refresh) still fill batches of 50", () => {
  test("1000 reads, one per event-loop turn → exactly 20 calls", async () => {
    const src = fakeSource();
    const batcher = new GroupReadBatcher(src);
    const reads: Promise<unknown>[] = [];
    for (const id of ids(1000)) {
      reads.push(batcher.getGroup(id));
      await new Promise((r) => setImmediate(r)); // the next read arrives a turn later
    }
    await Promise.all(reads);
    expect(src.calls.map((c) => c.GroupIdList.length)).toEqual(Array(20).fill(50));
  });

  test("reads arriving in chunks with idle gaps shorter than the burst quiet time → full batches", async () => {
    // An injected clock and fake timers: each idle gap is exactly 2 ms of the batcher's time, whatever the load.
    jest.useFakeTimers({ doNotFake: ["setImmediate", "nextTick", "queueMicrotask"] });
    try {
      const src = fakeSource();
      let t = 0;
      const batcher = new GroupReadBatcher(src, { burstQuietMs: 25, maxHoldMs: 2000, now: () => t });
      const reads: Promise<unknown>[] = [];
      for (let chunk = 0; chunk < 30; chunk++) {
        for (const id of ids(7, `c${chunk}-`)) reads.push(batcher.getGroup(id));
        for (let i = 0; i < 3; i++) await turn(); // idle turns, as between the host's socket reads
        t += 2;
        jest.advanceTimersByTime(2);
      }
      t += 25;
      jest.advanceTimersByTime(25); // the burst ends: the last partial batch goes out
      await Promise.all(reads);
      expect(src.calls.map((c) => c.GroupIdList.length)).toEqual([50, 50, 50, 50, 10]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("answers over 1 MB (10018) and the shared ResponseFilter", () => {
  /** A source that refuses (10018) any call naming more than `max` ids, and records every request. */
  function limitedSource(max: number) {
    const calls: GetGroupInfoRequest[] = [];
    return {
      calls,
      getGroupInfo: async (req: GetGroupInfoRequest): Promise<GroupInfoEntry[]> => {
        calls.push(req);
        if (req.GroupIdList.length > max)
          throw new ChatApiError("get_group_info", 10018, "response packet is too large");
        return req.GroupIdList.map((GroupId): GroupInfoEntry => ({
          GroupId,
          ok: true,
          group: {
            GroupId,
            ErrorCode: 0,
            ErrorInfo: "",
            Name: GroupId,
            AppDefinedData: [
              { Key: "a", Value: "1" },
              { Key: "b", Value: "2" },
            ],
          },
        }));
      },
    };
  }

  test("getGroupInfoSplitting halves until each call fits; every id answered once, in order", async () => {
    const src = limitedSource(12);
    let splits = 0;
    const entries = await getGroupInfoSplitting(src, { GroupIdList: ids(50) }, () => splits++);
    expect(entries.map((e) => e.GroupId)).toEqual(ids(50));
    expect(entries.every((e) => e.ok)).toBe(true);
    expect(Math.max(...src.calls.filter((c, i) => i > 0).map((c) => c.GroupIdList.length))).toBeLessThanOrEqual(25);
    expect(splits).toBeGreaterThan(0);
  });

  test("a single id still refused fails only that id", async () => {
    const entries = await getGroupInfoSplitting(limitedSource(0), { GroupIdList: ["a", "b"] });
    expect(entries.map((e) => [e.GroupId, e.ok, (e as { error?: ChatApiError }).error?.errorCode])).toEqual([
      ["a", false, 10018],
      ["b", false, 10018],
    ]);
  });

  test("other errors are not split", async () => {
    const src = fakeSource({ poison: ["p"] });
    await expect(getGroupInfoSplitting(src, { GroupIdList: ["a", "p"] })).rejects.toMatchObject({
      code: ErrorCodes.Timeout,
    });
    expect(src.calls).toHaveLength(1);
  });

  test("a batcher refresh survives 10018: 50 reads all resolve, stats count the splits", async () => {
    const src = limitedSource(20);
    const reads = new GroupReadBatcher(src);
    const got = await Promise.all(ids(50).map((id) => reads.getGroup(id)));
    expect(got.map((g) => g?.GroupId)).toEqual(ids(50));
    expect(reads.stats.splits).toBeGreaterThan(0);
  });

  test("reads with the batcher's filter share a call: custom keys united, each caller sees only its own keys", async () => {
    const src = limitedSource(50);
    const base = { GroupBaseInfoFilter: ["Name", "MemberNum"] };
    const reads = new GroupReadBatcher(src, { responseFilter: base });
    const [x, y, z] = await Promise.all([
      reads.getGroup("x", { ...base, AppDefinedDataFilter_Group: ["a"] }),
      reads.getGroup("y", { ...base, AppDefinedDataFilter_Group: ["b"] }),
      reads.getGroup("z", base),
    ]);
    expect(src.calls).toEqual([
      {
        GroupIdList: ["x", "y", "z"],
        ResponseFilter: { GroupBaseInfoFilter: ["Name", "MemberNum"], AppDefinedDataFilter_Group: ["a", "b"] },
      },
    ]);
    expect(x?.AppDefinedData).toEqual([{ Key: "a", Value: "1" }]);
    expect(y?.AppDefinedData).toEqual([{ Key: "b", Value: "2" }]);
    expect(z?.AppDefinedData).toEqual([]);
  });

  test("the batcher's own AppDefinedDataFilter_Group keys are always asked for and returned", async () => {
    const src = limitedSource(50);
    const reads = new GroupReadBatcher(src, {
      responseFilter: { GroupBaseInfoFilter: ["Name"], AppDefinedDataFilter_Group: ["b"] },
    });
    const g = await reads.getGroup("x", { GroupBaseInfoFilter: ["Name"], AppDefinedDataFilter_Group: ["a"] });
    expect(src.calls[0]!.ResponseFilter).toEqual({
      GroupBaseInfoFilter: ["Name"],
      AppDefinedDataFilter_Group: ["a", "b"],
    });
    expect(g?.AppDefinedData).toEqual([
      { Key: "a", Value: "1" },
      { Key: "b", Value: "2" },
    ]);
  });
});
