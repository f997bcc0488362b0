/**
 * The ChatGroupMembers lifecycle against an in-memory member API: adoption, the owner rule, per-type refusals,
 * partial failures that record the live membership, update = the previewed plan, read = drift, destroy = managed only.
 */
import { ChatError, ErrorCodes, isChatError } from "../../../../../provider/client/errors";
import { checkMembers } from "../../../../../provider/resources/chat-group-members/fields";
import {
  createMembers,
  deleteMembers,
  isPartialFailure,
  readMembers,
  updateMembers,
  type MembersApi,
} from "../../../../../provider/resources/chat-group-members/lifecycle";

interface FakeMember {
  role: string;
  nameCard: string;
}

/** One group in memory and a log of writes. */
function fake(type = "Public", owner = "boss") {
  const members = new Map<string, FakeMember>([[owner, { role: "Owner", nameCard: "" }]]);
  const writes: string[] = [];
  const failAdd = new Set<string>();
  let exists = true;
  const api: MembersApi = {
    group: async () => (exists ? { type, owner } : undefined),
    page: async (r) => {
      const all = [...members].map(([Member_Account, m]) => ({ Member_Account, Role: m.role, NameCard: m.nameCard }));
      const start = type === "Community" ? Number(r.Next || 0) : (r.Offset ?? 0);
      const list = all.slice(start, start + (r.Limit ?? all.length));
      const end = start + list.length;
      return {
        MemberNum: all.length,
        MemberList: list,
        Next: type === "Community" && end < all.length ? String(end) : "",
      };
    },
    add: async (_g, account) => {
      writes.push(`add ${account}`);
      if (failAdd.has(account)) throw new ChatError(ErrorCodes.ItemFailed, `Result 0 for ${account}`);
      if (members.has(account)) return "already-member";
      members.set(account, { role: "Member", nameCard: "" });
      return "added";
    },
    remove: async (_g, account) => {
      writes.push(`remove ${account}`);
      if (members.get(account)?.role === "Owner") throw new ChatError(ErrorCodes.Api, "owner");
      members.delete(account);
    },
    modify: async (r) => {
      writes.push(
        `modify ${r.Member_Account}${r.Role ? ` ${r.Role}` : ""}${r.NameCard !== undefined ? ` "${r.NameCard}"` : ""}`,
      );
      const m = members.get(r.Member_Account);
      if (!m) throw new ChatError(ErrorCodes.Api, "not a member");
      if (r.Role) m.role = r.Role;
      if (r.NameCard !== undefined) m.nameCard = r.NameCard;
    },
  };
  const live = () =>
    Object.fromEntries([...members].filter(([, m]) => m.role !== "Owner").map(([a, m]) => [a, m.role]));
  return { api, members, writes, failAdd, live, gone: () => void (exists = false) };
}

const inputs = (members: unknown[], extra: Record<string, unknown> = {}) => {
  const r = checkMembers({}, { groupId: "g", members, ...extra });
  expect(r.failures).toEqual([]);
  return r.inputs;
};

async function failure(p: Promise<unknown>): Promise<ChatError> {
  try {
    await p;
  } catch (e) {
    if (isChatError(e)) return e;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("create", () => {
  test("from an owner-only group: adds, sets roles and name cards, records the membership and what it manages", async () => {
    const f = fake();
    const { id, outs } = await createMembers(
      f.api,
      inputs([{ account: "a", role: "Admin" }, { account: "b", nameCard: "Bee" }, { account: "c" }]),
    );
    expect(id).toBe("g");
    expect(f.live()).toEqual({ a: "Admin", b: "Member", c: "Member" });
    expect(f.members.get("b")!.nameCard).toBe("Bee");
    expect(JSON.parse(JSON.stringify(outs.members))).toEqual({
      a: { role: "Admin" },
      b: { role: "Member", nameCard: "Bee" },
      c: { role: "Member" },
    });
    expect(outs.managedAccounts).toEqual(["a", "b", "c"]);
    expect(outs.ownerAccount).toBe("boss");
    expect(f.writes.filter((w) => w.startsWith("modify")).sort()).toEqual(["modify a Admin", 'modify b "Bee"']);
  });

  test("adoption: a live membership equal to the program is taken over without a write", async () => {
    const f = fake();
    f.members.set("a", { role: "Admin", nameCard: "" });
    await createMembers(f.api, inputs([{ account: "a", role: "Admin" }]));
    expect(f.writes).toEqual([]);
  });

  test("adoption: a differing membership changes nothing and lists who would be removed, added and changed", async () => {
    const f = fake();
    f.members.set("a", { role: "Member", nameCard: "" });
    f.members.set("stranger", { role: "Member", nameCard: "" });
    const e = await failure(createMembers(f.api, inputs([{ account: "a", role: "Admin" }, { account: "new" }])));
    expect(e.code).toBe(ErrorCodes.AdoptMismatch);
    expect(e.message).toMatch(/remove 1 member not in the program: "stranger"/);
    expect(e.message).toMatch(/add 1 member: "new"/);
    expect(e.message).toMatch(/change 1 member: "a" \(role Member → Admin\)/);
    expect(e.message).toMatch(/adopt: "overwrite"/);
    expect(isPartialFailure(e)).toBe(false);
    expect(f.writes).toEqual([]);
  });

  test('adoption with adopt: "overwrite" makes the program authoritative; the owner is never removed', async () => {
    const f = fake();
    f.members.set("stranger", { role: "Admin", nameCard: "" });
    await createMembers(f.api, inputs([{ account: "a" }], { adopt: "overwrite" }));
    expect(f.live()).toEqual({ a: "Member" });
    expect(f.members.get("boss")?.role).toBe("Owner");
    expect(f.writes).not.toContain("remove boss");
  });

  test("declaring the owner is a clear error before any write", async () => {
    const f = fake();
    const e = await failure(createMembers(f.api, inputs([{ account: "boss" }, { account: "a" }])));
    expect(e.message).toMatch(/"boss", the owner of group "g".*Remove "boss" from members/);
    expect(f.writes).toEqual([]);
  });

  test.each([
    ["Private", [{ account: "a", role: "Admin" }], /Work \(Private\) group, which has no admins.*"a"/],
    ["AVChatRoom", [{ account: "a" }], /AVChatRoom.*refuses member writes/],
  ])("%s: refused before any write", async (type, members, why) => {
    const f = fake(type);
    expect((await failure(createMembers(f.api, inputs(members)))).message).toMatch(why);
    expect(f.writes).toEqual([]);
  });

  test("a missing group is a clear error", async () => {
    const f = fake();
    f.gone();
    expect((await failure(createMembers(f.api, inputs([])))).message).toMatch(/does not exist.*Create the group first/);
  });

  test("one account failing fails only itself: a partial failure recording the live membership", async () => {
    const f = fake();
    f.failAdd.add("bad");
    const e = await failure(
      createMembers(f.api, { ...inputs([{ account: "a" }, { account: "bad" }, { account: "c" }]), __provider: "P" }),
    );
    expect(isPartialFailure(e)).toBe(true);
    if (!isPartialFailure(e)) return;
    expect(e.id).toBe("g");
    expect(e.message).toMatch(/1 membership change failed.*add "bad": Result 0 for bad/);
    expect(Object.keys(e.properties.members as object)).toEqual(["a", "c"]);
    expect(e.properties.managedAccounts).toEqual(["a", "bad", "c"]);
    expect(e.properties.__provider).toBe("P");
    expect(f.live()).toEqual({ a: "Member", c: "Member" });
  });
});

describe("update", () => {
  test("does what the preview showed: recorded state → program; a member who joined since is not touched", async () => {
    const f = fake();
    const { outs } = await createMembers(f.api, inputs([{ account: "a" }, { account: "b" }]));
    f.members.set("late", { role: "Member", nameCard: "" }); // joined after the last read
    f.writes.length = 0;
    await updateMembers(f.api, "g", outs, inputs([{ account: "a", role: "Admin" }, { account: "c" }]));
    expect(f.live()).toEqual({ a: "Admin", c: "Member", late: "Member" });
    expect(f.writes.sort()).toEqual(["add c", "modify a Admin", "remove b"]);
  });

  test("the owner is never removed, even when ownership moved to a recorded member", async () => {
    const f = fake();
    const { outs } = await createMembers(f.api, inputs([{ account: "a" }]));
    f.members.set("a", { role: "Owner", nameCard: "" });
    f.members.set("boss", { role: "Member", nameCard: "" });
    const api = { ...f.api, group: async () => ({ type: "Public", owner: "a" }) };
    await updateMembers(api, "g", outs, inputs([{ account: "boss" }]));
    expect(f.writes).not.toContain("remove a");
  });
});

describe("read", () => {
  test("an out-of-band join and leave are drift; the refreshed inputs are the live membership", async () => {
    const f = fake("Community");
    const { outs } = await createMembers(f.api, inputs([{ account: "a" }, { account: "b" }]));
    f.members.delete("b");
    f.members.set("joined", { role: "Member", nameCard: "" });
    const r = await readMembers(f.api, "g", outs);
    expect(Object.keys(r.props.members as object)).toEqual(["a", "joined"]);
    expect(Object.keys(r.inputs!.members as object)).toEqual(["a", "joined"]);
    expect(r.props.managedAccounts).toEqual(["a", "b"]);
  });

  test("a deleted group leaves state", async () => {
    const f = fake();
    f.gone();
    expect((await readMembers(f.api, "g", {})).id).toBe("");
  });
});

describe("delete", () => {
  test("removes the managed members only: never the owner, never one the program did not declare", async () => {
    const f = fake();
    f.members.set("stranger", { role: "Member", nameCard: "" });
    const { outs } = await createMembers(f.api, inputs([{ account: "a" }, { account: "stranger" }]));
    f.members.set("late", { role: "Member", nameCard: "" });
    const read = await readMembers(f.api, "g", outs);
    await deleteMembers(f.api, "g", read.props);
    expect(f.live()).toEqual({ late: "Member" });
    expect(f.members.get("boss")?.role).toBe("Owner");
  });

  test("a group already gone counts as done", async () => {
    const f = fake();
    f.gone();
    await expect(deleteMembers(f.api, "g", { managedAccounts: ["a"] })).resolves.toBeUndefined();
  });
});
