/** Member and account batchers over a fake source: calls shared per group, per-item mapping, splitting. */
import { ChatApiError } from "../../../provider/client/errors";
import type { ItemResult } from "../../../provider/client/items";
import { AccountBatcher, MemberBatcher, type MemberSource } from "../../../provider/client/member-batch";
import type { AddGroupMemberRequest, DeleteGroupMemberRequest } from "../../../protocol/wire";

/** A fake member service: records calls; `bad` accounts answer Result 0; `unknown` accounts fail whole calls with 10019. */
function fakeSource(opts: { bad?: string[]; unknown?: string[]; serviceLimit?: number } = {}) {
  const calls: { action: string; groupId: string; accounts: string[] }[] = [];
  const source: MemberSource = {
    async addGroupMember(req: AddGroupMemberRequest) {
      const accounts = req.MemberList.map((m) => m.Member_Account);
      calls.push({ action: "add", groupId: req.GroupId, accounts });
      if (opts.serviceLimit !== undefined && accounts.length > opts.serviceLimit)
        throw new ChatApiError("add_group_member", 10005, "too many");
      if (accounts.some((a) => opts.unknown?.includes(a)))
        throw new ChatApiError("add_group_member", 10019, "no such user");
      return accounts.map((a) => ({ Member_Account: a, Result: opts.bad?.includes(a) ? (0 as const) : (1 as const) }));
    },
    async importGroupMember(req) {
      const accounts = req.MemberList.map((m) => m.Member_Account);
      calls.push({ action: "import", groupId: req.GroupId, accounts });
      return accounts.map((id) => ({ id, ok: true as const, value: "added" as const }));
    },
    async deleteGroupMember(req: DeleteGroupMemberRequest) {
      calls.push({ action: "delete", groupId: req.GroupId, accounts: req.MemberToDel_Account });
    },
    async getRoleInGroup(groupId, accounts) {
      calls.push({ action: "role", groupId, accounts: [...accounts] });
      return accounts.map((id) => ({
        id,
        ok: true as const,
        value: id.startsWith("m") ? ("Member" as const) : ("NotMember" as const),
      }));
    },
    async getSpecifiedGroupMemberInfo(req) {
      calls.push({ action: "info", groupId: req.GroupId, accounts: req.Member_List_Account });
      return req.Member_List_Account.map((id) => ({
        id,
        ok: true as const,
        value: { Member_Account: id, Role: "Member" },
      }));
    },
  };
  return { source, calls };
}

const ids = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test("concurrent adds to one group share calls of the configured limit (default 20); other groups get their own", async () => {
  const { source, calls } = fakeSource();
  const b = new MemberBatcher(source);
  const results = await Promise.all([...ids(45).map((a) => b.add("g1", a)), b.add("g2", "x")]);
  expect(results.every((r) => r === "added")).toBe(true);
  const g1 = calls.filter((c) => c.groupId === "g1");
  expect(g1.map((c) => c.accounts.length)).toEqual([20, 20, 5]);
  expect(new Set(g1.flatMap((c) => c.accounts)).size).toBe(45);
  expect(calls.filter((c) => c.groupId === "g2")).toHaveLength(1);
});

test("addLimit raises the per-call size (300 where the service accepts it)", async () => {
  const { source, calls } = fakeSource();
  const b = new MemberBatcher(source, { addLimit: 300 });
  await Promise.all(ids(450).map((a) => b.add("g", a)));
  expect(calls.map((c) => c.accounts.length)).toEqual([300, 150]);
});

test("Result 0 fails only its own caller, with CHAT_ERR_ITEM_FAILED naming the account", async () => {
  const { source, calls } = fakeSource({ bad: ["u3"] });
  const b = new MemberBatcher(source);
  const settled = await Promise.allSettled(ids(6).map((a) => b.add("g", a)));
  expect(calls).toHaveLength(1);
  expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
  const failed = settled[3] as PromiseRejectedResult;
  expect(failed.status).toBe("rejected");
  expect(failed.reason).toMatchObject({ code: "CHAT_ERR_ITEM_FAILED" });
  expect(String(failed.reason.message)).toContain('"u3"');
});

test("a whole-call 10019 is narrowed by halving: only the unknown account's caller fails, with 10019", async () => {
  const { source, calls } = fakeSource({ unknown: ["u5"] });
  const b = new MemberBatcher(source);
  const settled = await Promise.allSettled(ids(8).map((a) => b.add("g", a)));
  expect(settled.map((s) => s.status)).toEqual([
    "fulfilled",
    "fulfilled",
    "fulfilled",
    "fulfilled",
    "fulfilled",
    "rejected",
    "fulfilled",
    "fulfilled",
  ]);
  expect((settled[5] as PromiseRejectedResult).reason).toMatchObject({ errorCode: 10019 });
  expect(b.stats.splits).toBeGreaterThan(0);
  expect(calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(8)));
});

test("a 10005 (service limit below the setting) halves the call and lowers the limit for later calls", async () => {
  const { source, calls } = fakeSource({ serviceLimit: 10 });
  const b = new MemberBatcher(source, { addLimit: 40 });
  const results = await Promise.all(ids(40).map((a) => b.add("g", a)));
  expect(results.every((r) => r === "added")).toBe(true);
  expect(b.currentAddLimit).toBeLessThanOrEqual(20);
  const before = calls.length;
  await Promise.all(ids(20, "v").map((a) => b.add("g", a)));
  expect(calls.slice(before).every((c) => c.accounts.length <= 20)).toBe(true);
});

test("a whole-call failure rejects every caller of that call, and only them", async () => {
  const { source } = fakeSource();
  source.deleteGroupMember = async (req) => {
    if (req.GroupId === "broken") throw new ChatApiError("delete_group_member", 10010, "gone");
  };
  const b = new MemberBatcher(source);
  const settled = await Promise.allSettled([b.remove("broken", "a"), b.remove("broken", "b"), b.remove("ok", "c")]);
  expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected", "fulfilled"]);
});

test("deletes share calls of 100, imports of 300, roles of 500, member reads of 50", async () => {
  const { source, calls } = fakeSource();
  const b = new MemberBatcher(source);
  await Promise.all(ids(150).map((a) => b.remove("g", a)));
  await Promise.all(ids(301).map((a) => b.import("g", { account: a })));
  const roles = await Promise.all([...ids(600, "m"), "outsider"].map((a) => b.role("g", a)));
  await Promise.all(ids(60).map((a) => b.member("g", a)));
  const sizes = (action: string) => calls.filter((c) => c.action === action).map((c) => c.accounts.length);
  expect(sizes("delete")).toEqual([100, 50]);
  expect(sizes("import")).toEqual([300, 1]);
  expect(sizes("role")).toEqual([500, 101]);
  expect(sizes("info")).toEqual([50, 10]);
  expect(roles[0]).toBe("Member");
  expect(roles[600]).toBe("NotMember");
});

test("the same account twice shares one slot; the same account with other settings goes in a later call", async () => {
  const { source, calls } = fakeSource();
  const b = new MemberBatcher(source);
  await Promise.all([
    b.add("g", "a"),
    b.add("g", "a"),
    b.import("g", { account: "x" }),
    b.import("g", { account: "x", role: "Admin" }),
  ]);
  expect(calls.filter((c) => c.action === "add")).toEqual([{ action: "add", groupId: "g", accounts: ["a"] }]);
  expect(calls.filter((c) => c.action === "import").map((c) => c.accounts)).toEqual([["x"], ["x"]]);
});

test("a lone write goes out without waiting for a full batch", async () => {
  const { source, calls } = fakeSource();
  const b = new MemberBatcher(source);
  await expect(b.add("g", "solo")).resolves.toBe("added");
  expect(calls).toHaveLength(1);
});

test("AccountBatcher: checks and imports share calls of 100; a failed import fails only its caller", async () => {
  const seen: { action: string; n: number }[] = [];
  const b = new AccountBatcher({
    async accountCheckItems(userIds) {
      seen.push({ action: "check", n: userIds.length });
      return userIds.map((id) => ({ id, ok: true as const, value: id !== "ghost" }));
    },
    async multiAccountImport(accounts) {
      seen.push({ action: "import", n: accounts.length });
      return accounts.map((a): ItemResult<true> =>
        a.UserID === "bad"
          ? { id: a.UserID, ok: false, error: new ChatApiError("multiaccount_import", 70402, "bad") }
          : { id: a.UserID, ok: true, value: true },
      );
    },
  });
  const checks = await Promise.all([...ids(150), "ghost"].map((id) => b.isImported(id)));
  expect(checks.filter((c) => !c)).toHaveLength(1);
  const imports = await Promise.allSettled([
    ...ids(120).map((UserID) => b.importAccount({ UserID })),
    b.importAccount({ UserID: "bad" }),
  ]);
  expect(imports.filter((s) => s.status === "rejected")).toHaveLength(1);
  expect(seen.filter((s) => s.action === "check").map((s) => s.n)).toEqual([100, 51]);
  expect(seen.filter((s) => s.action === "import").map((s) => s.n)).toEqual([100, 21]);
  expect(b.calls).toEqual({ check: 2, import: 2 });
});

test("items that arrive while a partial call is in flight wait for it and share the next call", async () => {
  const sizes: number[] = [];
  let release: () => void = () => {};
  const { source } = fakeSource();
  source.getRoleInGroup = async (_g, accounts) => {
    sizes.push(accounts.length);
    if (sizes.length === 1) await new Promise<void>((r) => (release = r));
    return accounts.map((id) => ({ id, ok: true as const, value: "Member" as const }));
  };
  // An injected clock that moves only when the test says so: no wall-clock time decides the outcome.
  let t = 0;
  const b = new MemberBatcher(source, { now: () => t });
  const first = b.role("g", "a");
  t += 5; // quiet for longer than quietMs: the lone read goes out
  while (sizes.length === 0) await new Promise((r) => setTimeout(r, 1));
  const later = ["b", "c", "d"].map((x) => b.role("g", x));
  t += 30; // quiet for longer than burstQuietMs (25), but well within maxHoldMs: they wait behind the call in flight
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 1));
  expect(sizes).toEqual([1]);
  release();
  await Promise.all([first, ...later]);
  expect(sizes).toEqual([1, 3]);
});

describe("request details (written against surviving mutants)", () => {
  /** A source that records every request body as sent. */
  function recording() {
    const bodies: Record<string, unknown>[] = [];
    const { source } = fakeSource();
    const wrapped: MemberSource = {
      ...source,
      addGroupMember: (req) => (bodies.push({ ...req }), source.addGroupMember(req)),
      importGroupMember: (req) => (bodies.push({ ...req }), source.importGroupMember(req)),
      deleteGroupMember: (req) => (bodies.push({ ...req }), source.deleteGroupMember(req)),
    };
    return { source: wrapped, bodies };
  }
  test.each([[0], [501], [1.5]])("addLimit %p is refused", (addLimit) => {
    expect(() => new MemberBatcher(fakeSource().source, { addLimit })).toThrow(
      `addLimit must be an integer from 1 to 500, got ${addLimit}`,
    );
  });
  test.each([[1], [500]])("addLimit %p is accepted", (addLimit) => {
    expect(() => new MemberBatcher(fakeSource().source, { addLimit })).not.toThrow();
  });
  test("add and remove carry Silence and Reason only when asked", async () => {
    const { source, bodies } = recording();
    const b = new MemberBatcher(source);
    await b.add("g", "a", { silence: true });
    await b.add("g", "b");
    await b.remove("g", "c", { silence: true, reason: "left" });
    await b.remove("g", "d");
    expect(bodies).toStrictEqual([
      { GroupId: "g", Silence: 1, MemberList: [{ Member_Account: "a" }] },
      { GroupId: "g", MemberList: [{ Member_Account: "b" }] },
      { GroupId: "g", Silence: 1, Reason: "left", MemberToDel_Account: ["c"] },
      { GroupId: "g", MemberToDel_Account: ["d"] },
    ]);
  });
  test("an imported member carries Role and JoinTime only when given", async () => {
    const { source, bodies } = recording();
    const b = new MemberBatcher(source);
    await b.import("g", { account: "a", role: "Admin", joinTime: 0 });
    await b.import("g", { account: "b" });
    expect(bodies).toStrictEqual([
      { GroupId: "g", MemberList: [{ Member_Account: "a", Role: "Admin", JoinTime: 0 }] },
      { GroupId: "g", MemberList: [{ Member_Account: "b" }] },
    ]);
  });
});
