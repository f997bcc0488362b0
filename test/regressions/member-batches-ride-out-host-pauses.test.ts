/**
 * Regression (found by the member benchmark, issue 11): the member and account batchers sent a partial call after
 * 2 ms of quiet even in the middle of a burst, so 1,000 member Reads handed over by a busy provider host left in up
 * to 15 get_role_in_group calls instead of 2–4. A burst (several items waiting, or a call of several just sent) now
 * waits `burstQuietMs` (25 ms; the app's session uses 100 ms) as the group read batcher does; a lone item does not.
 */
import type { ItemResult } from "../../provider/client/items";
import { MemberBatcher, type MemberSource } from "../../provider/client/member-batch";

function source(sizes: number[]): MemberSource {
  const none = async (): Promise<never> => {
    throw new Error("not used");
  };
  return {
    addGroupMember: none,
    importGroupMember: none,
    deleteGroupMember: none,
    getSpecifiedGroupMemberInfo: none,
    getRoleInGroup: async (_g, accounts): Promise<ItemResult<"Member">[]> => {
      sizes.push(accounts.length);
      return accounts.map((id) => ({ id, ok: true as const, value: "Member" as const }));
    },
  };
}

test("a burst rides out a pause shorter than burstQuietMs: no partial call until 25 ms of quiet; a lone item needs only 2", async () => {
  const sizes: number[] = [];
  let t = 0;
  const b = new MemberBatcher(source(sizes), { now: () => t });
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 1));
  };
  const burst = ["a", "b", "c"].map((x) => b.role("g", x));
  t += 10; // a pause (e.g. garbage collection in the host) longer than quietMs, shorter than burstQuietMs
  await turns(20);
  expect(sizes).toEqual([]);
  const more = ["d", "e"].map((x) => b.role("g", x));
  t += 30;
  await Promise.all([...burst, ...more]);
  expect(sizes).toEqual([5]);

  t += 1000; // long after: a lone item is not a burst
  const lone = b.role("h", "z");
  t += 3;
  await lone;
  expect(sizes).toEqual([5, 1]);
});

test("after a pause, a burst looks again for input queued meanwhile (read after the timers) before a partial call", async () => {
  const sizes: number[] = [];
  let t = 0;
  const b = new MemberBatcher(source(sizes), { now: () => t });
  const first = ["a", "b"].map((x) => b.role("g", x));
  t += 30; // the process was not scheduled for 30 ms: the quiet time has passed when it runs again
  const late: Promise<unknown>[] = [];
  // Input that queued up meanwhile is handled a loop turn after the batcher first sees the quiet time elapsed.
  setImmediate(() =>
    setImmediate(() => {
      late.push(b.role("g", "c"));
      t += 30;
    }),
  );
  await Promise.all(first);
  await Promise.all(late);
  expect(sizes).toEqual([3]);
});
