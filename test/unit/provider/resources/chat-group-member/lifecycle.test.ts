/**
 * ChatGroupMember's lifecycle against a fake member API: the order of calls, refusals before any write, takeover
 * rules, partial failures that carry the id and the host's keys, owner protection and the re-import pre-flight.
 */
import {
  createMember,
  deleteMember,
  preflightReimport,
  readMember,
  updateMember,
  type MemberApi,
  type MemberGroupFacts,
} from "../../../../../provider/resources/chat-group-member/lifecycle";
import type { MemberInputs, MemberOutputs } from "../../../../../provider/resources/chat-group-member/fields";
import { ChatApiError } from "../../../../../provider/client/errors";
import { isPartialFailure } from "../../../../../provider/resource/lifecycle";

interface LiveMember {
  role: "Owner" | "Admin" | "Member";
  nameCard: string;
}

function fake(group: MemberGroupFacts | undefined, members: Record<string, LiveMember> = {}, imported = true) {
  const calls: string[] = [];
  const api: MemberApi = {
    group: async () => (calls.push("group"), group),
    role: async (_g, a) => {
      calls.push("role");
      if (group === undefined) throw new ChatApiError("get_role_in_group", 10010, "group gone");
      return members[a]?.role ?? "NotMember";
    },
    member: async (_g, a) => (
      calls.push("member"),
      members[a] && { Member_Account: a, Role: members[a].role, NameCard: members[a].nameCard }
    ),
    add: async (_g, a) => (calls.push("add"), (members[a] = { role: "Member", nameCard: "" }), "added"),
    import: async (_g, i) => (
      calls.push("import"),
      (members[i.account] = { role: i.role ?? "Member", nameCard: "" }),
      "added"
    ),
    remove: async (_g, a) => (calls.push("remove"), delete members[a], undefined),
    modify: async (r) => {
      calls.push("modify");
      const m = members[r.Member_Account]!;
      if (r.Role) m.role = r.Role;
      if (r.NameCard !== undefined) m.nameCard = r.NameCard;
    },
    isImported: async () => (calls.push("imported"), imported),
  };
  return { api, calls, members };
}

const m = (over: Partial<MemberInputs> = {}): MemberInputs => ({
  groupId: "g",
  account: "alice",
  role: "Member",
  adopt: true,
  ...over,
});
const publicGroup: MemberGroupFacts = { type: "Public", owner: "leckie", createTime: 1000 };
const carry = { __provider: "PROVIDER" };

test("create adds, then sets role and name card in one modify", async () => {
  const f = fake(publicGroup);
  const r = await createMember(f.api, m({ role: "Admin", nameCard: "A" }), carry);
  expect(r).toEqual({
    id: "g/alice",
    outs: { ...m({ role: "Admin", nameCard: "A" }), adopted: false, isOwner: false },
  });
  expect(f.calls).toEqual(["group", "role", "add", "modify"]);
  expect(f.members.alice).toEqual({ role: "Admin", nameCard: "A" });
});

test("create with joinTime imports, the Admin role in the same call, no modify", async () => {
  const f = fake(publicGroup);
  await createMember(f.api, m({ role: "Admin", joinTime: 1500 }), carry);
  expect(f.calls).toEqual(["group", "role", "import"]);
});

test.each<[string, MemberGroupFacts | undefined, Partial<MemberInputs>, RegExp]>([
  ["no group", undefined, {}, /does not exist \(10010\).*Create the group first/s],
  ["the owner", publicGroup, { account: "leckie" }, /is the group's owner.*ownerAccount/s],
  ["AVChatRoom", { type: "AVChatRoom" }, {}, /AVChatRoom.*no member action writes to it/s],
  ["admin in Work", { type: "Private" }, { role: "Admin" }, /Work \(Private\) group, which has no admins/],
])("create refuses %s before any write", async (_what, group, over, message) => {
  const f = fake(group);
  await expect(createMember(f.api, m(over), carry)).rejects.toThrow(message);
  expect(f.calls.filter((c) => ["add", "import", "modify", "remove"].includes(c))).toEqual([]);
});

test("a Member in a Work group is fine", async () => {
  const f = fake({ type: "Private" });
  await expect(createMember(f.api, m(), carry)).resolves.toMatchObject({ id: "g/alice" });
});

test("takeover: equal → no write; differing → refused with live values; overwrite → one modify; adopt false → refused", async () => {
  const live = () => ({ alice: { role: "Admin" as const, nameCard: "Al" } });
  let f = fake(publicGroup, live());
  await expect(createMember(f.api, m({ role: "Admin", nameCard: "Al" }), carry)).resolves.toMatchObject({
    outs: { adopted: true },
  });
  expect(f.calls).toEqual(["group", "role", "member"]);

  f = fake(publicGroup, live());
  await expect(createMember(f.api, m({ nameCard: "Ally" }), carry)).rejects.toMatchObject({
    code: "CHAT_ERR_ADOPT_MISMATCH",
    message: expect.stringContaining('role: "Admin", // declared "Member"\n  nameCard: "Al", // declared "Ally"'),
  });
  expect(f.calls).not.toContain("modify");

  f = fake(publicGroup, live());
  await createMember(f.api, m({ nameCard: "Ally", adopt: "overwrite" }), carry);
  expect(f.members.alice).toEqual({ role: "Member", nameCard: "Ally" });

  f = fake(publicGroup, live());
  await expect(createMember(f.api, m({ role: "Admin", adopt: false }), carry)).rejects.toThrow(
    /already a member.*adopt is false/s,
  );
  // A name card not declared is not compared (and not read).
  f = fake(publicGroup, live());
  await createMember(f.api, m({ role: "Admin" }), carry);
  expect(f.calls).toEqual(["group", "role"]);
});

test("a failed modify after the add is a partial failure: the id, what was applied, the host's keys", async () => {
  const f = fake(publicGroup);
  f.api.modify = async () => {
    throw new ChatApiError("modify_group_member_info", 10004, "bad");
  };
  const e = await createMember(f.api, m({ role: "Admin", nameCard: "A" }), carry).catch((x: unknown) => x);
  expect(isPartialFailure(e)).toBe(true);
  expect(e).toMatchObject({
    id: "g/alice",
    properties: { groupId: "g", account: "alice", role: "Member", adopted: false, __provider: "PROVIDER" },
  });
  expect((e as { properties: object }).properties).not.toHaveProperty("nameCard");
});

test("read: live role, declared name card read back, gone when not a member or the group is gone; the owner keeps its role", async () => {
  const olds: MemberOutputs = { ...m({ nameCard: "A" }), adopted: false, isOwner: false };
  let f = fake(publicGroup, { alice: { role: "Admin", nameCard: "B" } });
  expect(await readMember(f.api, "g/alice", olds)).toMatchObject({
    id: "g/alice",
    props: { role: "Admin", nameCard: "B" },
    inputs: { role: "Admin", nameCard: "B" },
  });
  f = fake(publicGroup, {});
  expect((await readMember(f.api, "g/alice", olds)).id).toBe("");
  f = fake(undefined);
  expect((await readMember(f.api, "g/alice", olds)).id).toBe("");
  f = fake(publicGroup, { alice: { role: "Owner", nameCard: "A" } });
  expect(await readMember(f.api, "g/alice", olds)).toMatchObject({ props: { role: "Member", isOwner: true } });
});

test("update: no call when nothing API-visible changed; refuses the owner and a member who left", async () => {
  const olds: MemberOutputs = { ...m(), adopted: false, isOwner: false };
  let f = fake(publicGroup, { alice: { role: "Member", nameCard: "" } });
  await updateMember(f.api, olds, m({ app: "x" }), carry);
  expect(f.calls).toEqual([]);
  await updateMember(f.api, olds, m({ role: "Admin" }), carry);
  expect(f.members.alice!.role).toBe("Admin");
  f = fake(publicGroup, { alice: { role: "Owner", nameCard: "" } });
  await expect(updateMember(f.api, olds, m({ role: "Admin" }), carry)).rejects.toThrow(/is the group's owner/);
  f = fake(publicGroup, {});
  await expect(updateMember(f.api, olds, m({ role: "Admin" }), carry)).rejects.toThrow(
    /no longer a member.*pulumi refresh/s,
  );
});

test("delete removes a member; never the owner; a non-member or a gone group is done", async () => {
  let f = fake(publicGroup, { alice: { role: "Member", nameCard: "" } });
  await deleteMember(f.api, m());
  expect(f.calls).toEqual(["role", "remove"]);
  f = fake(publicGroup, { alice: { role: "Owner", nameCard: "" } });
  await deleteMember(f.api, m());
  expect(f.calls).toEqual(["role"]);
  f = fake(publicGroup, {});
  await deleteMember(f.api, m());
  expect(f.calls).toEqual(["role"]);
  f = fake(undefined);
  await expect(deleteMember(f.api, m())).resolves.toBeUndefined();
});

test("the re-import pre-flight refuses, before any removal, what the re-import could not do", async () => {
  const now = 10_000;
  await expect(preflightReimport(fake(publicGroup).api, m({ joinTime: 2000 }), now)).resolves.toBeUndefined();
  await expect(preflightReimport(fake(publicGroup).api, m({ joinTime: 1000 }), now)).rejects.toThrow(
    /after the group's creation/,
  );
  await expect(preflightReimport(fake(publicGroup).api, m({ joinTime: 20_000 }), now)).rejects.toThrow(
    /not in the future/,
  );
  await expect(preflightReimport(fake(publicGroup, {}, false).api, m({ joinTime: 2000 }), now)).rejects.toThrow(
    /not an imported account/,
  );
  await expect(
    preflightReimport(fake({ type: "Private" }).api, m({ role: "Admin", joinTime: 2000 }), now),
  ).rejects.toThrow(/no admins/);
});
