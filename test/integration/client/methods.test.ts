/** Every ChatClient method against the emulator over real HTTP. */
import type { RunningEmulator } from "../../../emulator";
import { ChatClient, isNotFound } from "../../../provider/client";
import { client, emulator, rejection, teardown } from "./helpers";

let emu: RunningEmulator;
let chat: ChatClient;

beforeEach(async () => {
  emu = await emulator();
  chat = client(emu);
});
afterEach(teardown);

test("accountImport makes accounts known", async () => {
  await chat.accountImport({ UserID: "alice", Nick: "Alice" });
  expect(emu.store.hasAccount("alice")).toBe(true);
});

test("accountCheck tells imported accounts from the rest", async () => {
  await chat.accountImport({ UserID: "alice" });
  expect(await chat.accountCheck(["alice", "nobody"])).toEqual(
    new Map([
      ["alice", true],
      ["nobody", false],
    ]),
  );
  await expect(chat.accountCheck([])).rejects.toThrow(/1 to 100 UserIDs/);
});

test("importGroup with a server-assigned id, then getGroupInfo reads it (MaxMemberCount in, MaxMemberNum out)", async () => {
  await chat.accountImport({ UserID: "alice" });
  const res = await chat.importGroup({
    Type: "Public",
    Name: "ops",
    Owner_Account: "alice",
    MaxMemberCount: 500,
    CreateTime: 1448357837,
  });
  expect(res.confirmedByReadBack).toBe(false);
  expect(res.GroupId).toMatch(/^@TGS#/);
  const g = await chat.getGroup(res.GroupId);
  expect(g).toMatchObject({
    GroupId: res.GroupId,
    Type: "Public",
    Name: "ops",
    Owner_Account: "alice",
    MaxMemberNum: 500,
    CreateTime: 1448357837,
  });
  expect(g?.MuteAllMember).toBe("Off");
});

test("importGroup with a custom id returns that id", async () => {
  const res = await chat.importGroup({ Type: "Private", Name: "team", GroupId: "team-1" });
  expect(res).toEqual({ GroupId: "team-1", confirmedByReadBack: false });
  expect(emu.store.getGroup("team-1")?.Name).toBe("team");
});

test("getGroupInfo gives one entry per id: the group or a ChatApiError for that id", async () => {
  await chat.importGroup({ Type: "Public", Name: "a", GroupId: "g-a" });
  const entries = await chat.getGroupInfo({ GroupIdList: ["g-a", "missing-1"] });
  expect(entries).toHaveLength(2);
  expect(entries[0]).toMatchObject({ GroupId: "g-a", ok: true, group: { Name: "a" } });
  const miss = entries[1]!;
  expect(miss.ok).toBe(false);
  if (!miss.ok) {
    expect(isNotFound(miss.error)).toBe(true);
    expect(miss.error).toMatchObject({ errorCode: 10010, groupId: "missing-1", action: "get_group_info" });
  }
  expect(await chat.getGroup("missing-1")).toBeUndefined();
});

test("a per-entry 10015 (the other documented not-found code) also reads as absent", async () => {
  const alt = client(await emulator({ behaviour: { notFoundCode: 10015 } }));
  const [entry] = await alt.getGroupInfo({ GroupIdList: ["ghost"] });
  expect(entry).toMatchObject({ ok: false, error: { errorCode: 10015, errorClass: "not-found" } });
  expect(await alt.getGroup("ghost")).toBeUndefined();
});

test("getGroupInfo refuses 0 and 51 ids before sending anything", async () => {
  for (const ids of [[], Array.from({ length: 51 }, (_, i) => `g${i}`)]) {
    const err = await rejection(chat.getGroupInfo({ GroupIdList: ids }));
    expect(err.code).toBe("CHAT_ERR_VALIDATION");
    expect(err.message).toMatch(/1 to 50 group ids/);
  }
  expect(emu.counters().get_group_info).toBe(0);
  const fifty = await chat.getGroupInfo({ GroupIdList: Array.from({ length: 50 }, (_, i) => `g${i}`) });
  expect(fifty).toHaveLength(50);
});

test("modifyGroupBaseInfo changes fields (MaxMemberNum, MuteAllMember, AppDefinedData delete)", async () => {
  await chat.importGroup({ Type: "Public", Name: "old", GroupId: "m-1", AppDefinedData: [{ Key: "k1", Value: "v1" }] });
  await chat.modifyGroupBaseInfo({
    GroupId: "m-1",
    Name: "new",
    MaxMemberNum: 300,
    MuteAllMember: "On",
    AppDefinedData: [{ Key: "k1", Value: "" }],
  });
  const g = await chat.getGroup("m-1");
  expect(g).toMatchObject({ Name: "new", MaxMemberNum: 300, MuteAllMember: "On" });
  expect(g?.AppDefinedData ?? []).toEqual([]);
});

test("addGroupMember and changeGroupOwner", async () => {
  for (const u of ["alice", "bob"]) await chat.accountImport({ UserID: u });
  await chat.importGroup({ Type: "Public", Name: "own", GroupId: "o-1", Owner_Account: "alice" });
  const results = await chat.addGroupMember({
    GroupId: "o-1",
    MemberList: [{ Member_Account: "bob" }, { Member_Account: "alice" }],
  });
  expect(results).toEqual([
    { Member_Account: "bob", Result: 1 },
    { Member_Account: "alice", Result: 2 },
  ]);
  await chat.changeGroupOwner({ GroupId: "o-1", NewOwner_Account: "bob" });
  expect((await chat.getGroup("o-1"))?.Owner_Account).toBe("bob");
});

test("destroyGroup removes the group; a second destroy is a not-found ChatApiError", async () => {
  await chat.importGroup({ Type: "Public", Name: "d", GroupId: "d-1" });
  await chat.destroyGroup({ GroupId: "d-1" });
  expect(emu.store.getGroup("d-1")).toBeUndefined();
  const err = await rejection(chat.destroyGroup({ GroupId: "d-1" }));
  expect(isNotFound(err)).toBe(true);
  expect(err.message).toContain('destroy_group for group "d-1" failed with ErrorCode 10010');
});

test("getAppidGroupList pages with Limit/Next; listAllGroupIds walks every page", async () => {
  const ids = ["l-1", "l-2", "l-3", "l-4", "l-5"];
  for (const id of ids) await chat.importGroup({ Type: "Public", Name: id, GroupId: id });
  const first = await chat.getAppidGroupList({ Limit: 2 });
  expect(first.TotalCount).toBe(5);
  expect(first.GroupIdList).toHaveLength(2);
  expect(first.Next).not.toBe("0");
  const all: string[] = [];
  for await (const id of chat.listAllGroupIds({ Limit: 2 })) all.push(id);
  expect(all.sort()).toEqual(ids);
  const typed = await chat.getAppidGroupList({ GroupType: "Private" });
  expect(typed).toEqual({ TotalCount: 0, GroupIdList: [], Next: "0" });
});

test("a Next cursor above 2^53 round-trips exactly", async () => {
  const big = await emulator({ listCursorBase: 2n ** 60n });
  const c = client(big);
  for (const id of ["b-1", "b-2", "b-3"]) await c.importGroup({ Type: "Public", Name: id, GroupId: id });
  const p1 = await c.getAppidGroupList({ Limit: 1 });
  expect(BigInt(p1.Next)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  expect(BigInt(p1.Next) - 2n ** 60n).toBe(1n); // exact: a rounded double would be off
  const p2 = await c.getAppidGroupList({ Limit: 1, Next: p1.Next });
  const p3 = await c.getAppidGroupList({ Limit: 1, Next: BigInt(p2.Next) });
  expect([...p1.GroupIdList, ...p2.GroupIdList, ...p3.GroupIdList]).toEqual(["b-1", "b-2", "b-3"]);
  expect(p3.Next).toBe("0");
});

test("validation errors name the field and send nothing", async () => {
  await expect(chat.importGroup({ Type: "Public", Name: "" })).rejects.toMatchObject({
    code: "CHAT_ERR_VALIDATION",
    message: expect.stringMatching(/Name is required/),
  });
  await expect(chat.getAppidGroupList({ Limit: 0 })).rejects.toMatchObject({ code: "CHAT_ERR_VALIDATION" });
  await expect(chat.getAppidGroupList({ Next: "-3" })).rejects.toMatchObject({ code: "CHAT_ERR_VALIDATION" });
  await expect(chat.addGroupMember({ GroupId: "x", MemberList: [] })).rejects.toMatchObject({
    code: "CHAT_ERR_VALIDATION",
  });
  const c = emu.counters();
  expect(c.import_group + c.get_appid_group_list + c.add_group_member).toBe(0);
});

test("a server that returns only the older ShutUpAllMember name is read the same", async () => {
  const old = client(await emulator({ behaviour: { muteField: "ShutUpAllMember" } }));
  await old.importGroup({ Type: "Public", Name: "m", GroupId: "mute" });
  await old.modifyGroupBaseInfo({ GroupId: "mute", MuteAllMember: "On" });
  const g = await old.getGroup("mute");
  expect(g?.ShutUpAllMember).toBe("On");
  expect(g?.MuteAllMember).toBe("On");
});
