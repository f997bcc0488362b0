/**
 * Member methods and the member batcher against the emulator over real HTTP: per-member results, per-type rules
 * and each documented error. Every test imports the accounts it uses.
 */
import type { RunningEmulator } from "../../../emulator";
import { ChatClient } from "../../../provider/client";
import { MemberBatcher } from "../../../provider/client/member-batch";
import { client, emulator, rejection, teardown } from "./helpers";

let emu: RunningEmulator;
let chat: ChatClient;

beforeEach(async () => {
  // The documented behaviour (members must be imported accounts), whatever the emulator's default.
  emu = await emulator({ behaviour: { requireImportedAccounts: true } });
  chat = client(emu);
});
afterEach(teardown);

async function accounts(...ids: string[]): Promise<void> {
  const results = await chat.multiAccountImport(ids.map((UserID) => ({ UserID })));
  expect(results.every((r) => r.ok)).toBe(true);
}

async function group(type = "Public", id = "g1"): Promise<string> {
  await accounts("owner");
  const { GroupId } = await chat.importGroup({
    Type: type,
    Name: "g",
    GroupId: type === "Community" ? `@TGS#_${id}` : id,
    Owner_Account: "owner",
    CreateTime: 1_600_000_000,
  });
  return GroupId;
}

test("importGroupMember: Admin role and JoinTime kept; existing → already-member; bad JoinTime → that member's Result 0", async () => {
  const g = await group();
  await accounts("a", "b", "c");
  const results = await chat.importGroupMember({
    GroupId: g,
    MemberList: [
      { Member_Account: "a", Role: "Admin", JoinTime: 1_600_000_100 },
      { Member_Account: "owner" },
      { Member_Account: "b", JoinTime: 1_500_000_000 },
      { Member_Account: "c" },
    ],
  });
  expect(results.map((r) => (r.ok ? r.value : r.error.code))).toEqual([
    "added",
    "already-member",
    "CHAT_ERR_ITEM_FAILED",
    "added",
  ]);
  const [a] = await chat.getSpecifiedGroupMemberInfo({ GroupId: g, Member_List_Account: ["a"] });
  expect(a).toMatchObject({ ok: true, value: { Member_Account: "a", Role: "Admin", JoinTime: 1_600_000_100 } });
});

test("importGroupMember refuses Role other than Admin before any request, and Admin in a Work group with 10007", async () => {
  const g = await group("Private");
  await accounts("a");
  await expect(
    chat.importGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a", Role: "Owner" as "Admin" }] }),
  ).rejects.toMatchObject({ code: "CHAT_ERR_VALIDATION" });
  expect(
    await rejection(chat.importGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a", Role: "Admin" }] })),
  ).toMatchObject({ errorCode: 10007 });
});

test("member writes on AVChatRoom: add/import 10007, delete 10004, modify 10007, reads 10007", async () => {
  // import_group refuses AVChatRoom, so the group is put into the store directly.
  const g = await group();
  emu.store.putGroup({ ...emu.store.getGroup(g)!, Type: "AVChatRoom" });
  await accounts("a");
  expect(await rejection(chat.addGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a" }] }))).toMatchObject({
    errorCode: 10007,
  });
  expect(await rejection(chat.importGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a" }] }))).toMatchObject({
    errorCode: 10007,
  });
  expect(await rejection(chat.deleteGroupMember({ GroupId: g, MemberToDel_Account: ["a"] }))).toMatchObject({
    errorCode: 10004,
  });
  expect(await rejection(chat.modifyGroupMemberInfo({ GroupId: g, Member_Account: "a", NameCard: "x" }))).toMatchObject(
    { errorCode: 10007 },
  );
  expect(await rejection(chat.getRoleInGroup(g, ["a"]))).toMatchObject({ errorCode: 10007 });
  expect(await rejection(chat.getGroupMemberInfo({ GroupId: g }))).toMatchObject({ errorCode: 10007 });
});

test("add_group_member: more than the configured limit (default 20) → 10005; addMemberLimit 300 accepts 300", async () => {
  const g = await group();
  const ids = Array.from({ length: 21 }, (_, i) => `u${i}`);
  await accounts(...ids);
  expect(
    await rejection(chat.addGroupMember({ GroupId: g, MemberList: ids.map((Member_Account) => ({ Member_Account })) })),
  ).toMatchObject({ errorCode: 10005 });
  const wide = await emulator({ behaviour: { addMemberLimit: 300 } });
  const c = client(wide);
  await c.multiAccountImport([{ UserID: "owner" }, ...ids.map((UserID) => ({ UserID }))]);
  await c.importGroup({ Type: "Public", Name: "g", GroupId: "g1", Owner_Account: "owner" });
  const results = await c.addGroupMember({
    GroupId: "g1",
    MemberList: ids.map((Member_Account) => ({ Member_Account })),
  });
  expect(results.every((r) => r.Result === 1)).toBe(true);
});

test("deleteGroupMember: non-members succeed; the owner cannot be removed (10007); over 100 refused before sending", async () => {
  const g = await group();
  await accounts("a");
  await chat.addGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a" }] });
  await chat.deleteGroupMember({ GroupId: g, MemberToDel_Account: ["a", "stranger"] });
  expect((await chat.getRoleInGroup(g, ["a"]))[0]).toMatchObject({ ok: true, value: "NotMember" });
  expect(await rejection(chat.deleteGroupMember({ GroupId: g, MemberToDel_Account: ["owner"] }))).toMatchObject({
    errorCode: 10007,
  });
  const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
  await expect(chat.deleteGroupMember({ GroupId: g, MemberToDel_Account: many })).rejects.toMatchObject({
    code: "CHAT_ERR_VALIDATION",
  });
  expect(await rejection(chat.deleteGroupMember({ GroupId: "nope", MemberToDel_Account: ["a"] }))).toMatchObject({
    errorCode: 10010,
  });
});

test("modifyGroupMemberInfo: role, name card, mute and custom data; the documented and undocumented refusals", async () => {
  const g = await group();
  await accounts("a", "outsider");
  await chat.addGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a" }] });
  await chat.modifyGroupMemberInfo({
    GroupId: g,
    Member_Account: "a",
    Role: "Admin",
    NameCard: "Ann",
    MuteTime: 60,
    AppMemberDefinedData: [{ Key: "k", Value: "v" }],
  });
  const [a] = await chat.getSpecifiedGroupMemberInfo({ GroupId: g, Member_List_Account: ["a"] });
  expect(a).toMatchObject({
    ok: true,
    value: { Role: "Admin", NameCard: "Ann", AppMemberDefinedData: [{ Key: "k", Value: "v" }] },
  });
  expect(a!.ok && (a!.value?.MuteUntil ?? 0)).toBeGreaterThan(0);
  expect(
    await rejection(chat.modifyGroupMemberInfo({ GroupId: g, Member_Account: "owner", Role: "Member" })),
  ).toMatchObject({ errorCode: 10007 });
  expect(
    await rejection(chat.modifyGroupMemberInfo({ GroupId: g, Member_Account: "outsider", NameCard: "x" })),
  ).toMatchObject({ errorCode: 10007 });
  await expect(
    chat.modifyGroupMemberInfo({ GroupId: g, Member_Account: "a", NameCard: "n".repeat(51) }),
  ).rejects.toMatchObject({ code: "CHAT_ERR_VALIDATION" });
  const work = await group("Private", "w1");
  await chat.addGroupMember({ GroupId: work, MemberList: [{ Member_Account: "a" }] });
  expect(
    await rejection(chat.modifyGroupMemberInfo({ GroupId: work, Member_Account: "a", Role: "Admin" })),
  ).toMatchObject({ errorCode: 10007 });
  expect(
    await rejection(chat.modifyGroupMemberInfo({ GroupId: work, Member_Account: "a", MuteTime: 10 })),
  ).toMatchObject({ errorCode: 10007 });
});

test("getRoleInGroup: Owner / Member / NotMember (also for an account never imported)", async () => {
  const g = await group();
  await accounts("a");
  await chat.addGroupMember({ GroupId: g, MemberList: [{ Member_Account: "a" }] });
  const roles = await chat.getRoleInGroup(g, ["owner", "a", "never-imported"]);
  expect(roles.map((r) => r.ok && r.value)).toEqual(["Owner", "Member", "NotMember"]);
});

test("getSpecifiedGroupMemberInfo: a non-member reads as undefined", async () => {
  const g = await group();
  const [owner, none] = await chat.getSpecifiedGroupMemberInfo({
    GroupId: g,
    Member_List_Account: ["owner", "nobody"],
  });
  expect(owner).toMatchObject({ ok: true, value: { Member_Account: "owner", Role: "Owner" } });
  expect(none).toEqual({ id: "nobody", ok: true, value: undefined });
});

test("listGroupMembers pages with Offset for a Public group", async () => {
  const g = await group();
  const ids = Array.from({ length: 15 }, (_, i) => `u${i}`);
  await accounts(...ids);
  await chat.addGroupMember({ GroupId: g, MemberList: ids.map((Member_Account) => ({ Member_Account })) });
  const seen: string[] = [];
  for await (const m of chat.listGroupMembers(g, { community: false, pageSize: 4 })) seen.push(m.Member_Account);
  expect(seen).toEqual(["owner", ...ids]);
  expect(emu.counters().get_group_member_info).toBe(4);
});

test.each(["string", "number"] as const)(
  "listGroupMembers pages a Community with Next above 2^53, sent back exactly (Next as a JSON %s)",
  async (as) => {
    const big = await emulator({ listCursorBase: 2n ** 60n + 7n, behaviour: { memberNextAs: as } });
    const c = client(big);
    await c.multiAccountImport([{ UserID: "owner" }, ...Array.from({ length: 9 }, (_, i) => ({ UserID: `u${i}` }))]);
    const { GroupId } = await c.importGroup({
      Type: "Community",
      Name: "c",
      GroupId: "@TGS#_big",
      Owner_Account: "owner",
    });
    await c.addGroupMember({ GroupId, MemberList: Array.from({ length: 9 }, (_, i) => ({ Member_Account: `u${i}` })) });
    const first = await c.getGroupMemberInfo({ GroupId, Limit: 4, Next: "" });
    expect(first.Next).toBe((2n ** 60n + 7n + 4n).toString());
    const seen: string[] = [];
    for await (const m of c.listGroupMembers(GroupId, { community: true, pageSize: 4 })) seen.push(m.Member_Account);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    await expect(c.getGroupMemberInfo({ GroupId, Offset: 4 })).rejects.toMatchObject({ errorCode: 10004 });
  },
);

test("MemberBatcher over HTTP: 45 concurrent adds → 3 add_group_member calls; one unknown account fails alone", async () => {
  const g = await group();
  const ids = Array.from({ length: 45 }, (_, i) => `u${i}`);
  await accounts(...ids);
  const b = new MemberBatcher(chat);
  const settled = await Promise.allSettled([...ids.map((a) => b.add(g, a)), b.add(g, "ghost")]);
  expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(45);
  const ghost = settled[45] as PromiseRejectedResult;
  expect(ghost.reason).toMatchObject({ code: expect.stringMatching(/CHAT_ERR_ITEM_FAILED|CHAT_ERR_API/) });
  expect(emu.counters().add_group_member).toBe(3);
  const roles = await Promise.all([...ids, "ghost"].map((a) => b.role(g, a)));
  expect(roles.filter((r) => r === "Member")).toHaveLength(45);
  expect(emu.counters().get_role_in_group).toBe(1);
  await Promise.all(ids.map((a) => b.remove(g, a)));
  expect(emu.counters().delete_group_member).toBe(1);
  expect(emu.store.getGroup(g)?.Members.map((m) => m.Member_Account)).toEqual(["owner"]);
});

test("MemberBatcher with unknownMemberAdd 'request': the whole-call 10019 is narrowed to the unknown account", async () => {
  const strict = await emulator({ behaviour: { unknownMemberAdd: "request", requireImportedAccounts: true } });
  const c = client(strict);
  const ids = Array.from({ length: 8 }, (_, i) => `u${i}`);
  await c.multiAccountImport([{ UserID: "owner" }, ...ids.map((UserID) => ({ UserID }))]);
  await c.importGroup({ Type: "Public", Name: "g", GroupId: "g1", Owner_Account: "owner" });
  const b = new MemberBatcher(c);
  const settled = await Promise.allSettled([...ids.map((a) => b.add("g1", a)), b.add("g1", "ghost")]);
  expect(settled.map((s) => s.status).filter((s) => s === "rejected")).toHaveLength(1);
  expect((settled[8] as PromiseRejectedResult).reason).toMatchObject({ errorCode: 10019 });
  expect(strict.store.getGroup("g1")?.Members).toHaveLength(9);
});
