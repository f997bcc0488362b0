/**
 * get_group_info, modify_group_base_info, destroy_group, change_group_owner, add_group_member, account_import
 * over real HTTP: results and every refusal.
 */
import { failure, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());
/** Accounts the cases below use: the service requires owners and members to be imported (10019 otherwise). */
const ACCOUNTS = ["leckie", "peter", "amy", "stranger", "o", "a", "b", "x", "u"];
beforeEach(() => {
  h.emu.store.reset();
  for (const a of ACCOUNTS) h.emu.store.putAccount(a);
});

async function importGroup(body: Record<string, unknown> = {}): Promise<string> {
  const res = await h.call("import_group", { Type: "Public", Name: "g", ...body });
  expect(res.json.ErrorCode).toBe(0);
  return res.json.GroupId as string;
}
const info = async (id: string, extra: Record<string, unknown> = {}) =>
  (await h.call("get_group_info", { GroupIdList: [id], ...extra })).json.GroupInfo[0];

describe("get_group_info", () => {
  test("one entry per id, each with its own ErrorCode; unknown and destroyed ids → 10010", async () => {
    const a = await importGroup({ Owner_Account: "leckie" });
    const b = await importGroup();
    await h.call("destroy_group", { GroupId: b });
    const res = await h.call("get_group_info", { GroupIdList: [a, "nope", b] });
    expect(res.json).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
    expect(res.json.GroupInfo.map((g: { GroupId: string; ErrorCode: number }) => [g.GroupId, g.ErrorCode])).toEqual([
      [a, 0],
      ["nope", 10010],
      [b, 10010],
    ]);
    expect(res.json.GroupInfo[1]).toEqual({
      GroupId: "nope",
      ErrorCode: 10010,
      ErrorInfo: "this group does not exist",
    });
  });

  test("a found entry carries every documented field", async () => {
    const id = await importGroup({ Owner_Account: "leckie", AppDefinedData: [{ Key: "k", Value: "v" }] });
    const g = await info(id);
    expect(Object.keys(g).sort()).toEqual(
      [
        "GroupId",
        "ErrorCode",
        "ErrorInfo",
        "Type",
        "Name",
        "Appid",
        "Introduction",
        "Notification",
        "FaceUrl",
        "Owner_Account",
        "CreateTime",
        "InfoSeq",
        "LastInfoTime",
        "LastMsgTime",
        "NextMsgSeq",
        "MemberNum",
        "MaxMemberNum",
        "ApplyJoinOption",
        "InviteJoinOption",
        "MuteAllMember",
        "AppDefinedData",
        "MemberList",
      ].sort(),
    );
    expect(g).toMatchObject({ Appid: 1400000001, MemberNum: 1, MuteAllMember: "Off", InfoSeq: 1 });
    expect(g.MemberList[0]).toEqual({
      Member_Account: "leckie",
      Role: "Owner",
      JoinTime: expect.any(Number),
      MsgSeq: 0,
      MsgFlag: "AcceptAndNotify",
      LastSendMsgTime: 0,
      ShutUpUntil: 0,
    });
  });

  test("ResponseFilter: only listed fields, custom keys and member fields come back", async () => {
    const id = await importGroup({
      Owner_Account: "leckie",
      AppDefinedData: [
        { Key: "k1", Value: "a" },
        { Key: "k2", Value: "b" },
      ],
    });
    const g = await info(id, {
      ResponseFilter: {
        GroupBaseInfoFilter: ["Type", "Name", "ShutUpAllMember"],
        AppDefinedDataFilter_Group: ["k2"],
        MemberInfoFilter: ["Role"],
      },
    });
    expect(g).toEqual({
      GroupId: id,
      ErrorCode: 0,
      ErrorInfo: "",
      Type: "Public",
      Name: "g",
      ShutUpAllMember: "Off",
      AppDefinedData: [{ Key: "k2", Value: "b" }],
      MemberList: [{ Member_Account: "leckie", Role: "Owner" }],
    });
    const baseOnly = await info(id, { ResponseFilter: { GroupBaseInfoFilter: ["MemberNum"] } });
    expect(baseOnly).toEqual({ GroupId: id, ErrorCode: 0, ErrorInfo: "", MemberNum: 1 });
  });

  test.each([
    ["missing", {}],
    ["empty", { GroupIdList: [] }],
    ["51 ids", { GroupIdList: Array.from({ length: 51 }, (_, i) => `g${i}`) }],
    ["not strings", { GroupIdList: [1] }],
    ["bad filter", { GroupIdList: ["a"], ResponseFilter: { GroupBaseInfoFilter: "Type" } }],
  ])("GroupIdList %s → 10004", async (_name, body) => {
    expect((await h.call("get_group_info", body)).json).toEqual(failure(10004));
  });

  test("50 ids are accepted", async () => {
    const res = await h.call("get_group_info", { GroupIdList: Array.from({ length: 50 }, (_, i) => `g${i}`) });
    expect(res.json.GroupInfo).toHaveLength(50);
  });

  test.each([
    ["MuteAllMember", ["MuteAllMember"]],
    ["ShutUpAllMember", ["ShutUpAllMember"]],
    ["both", ["MuteAllMember", "ShutUpAllMember"]],
  ] as const)("muteField %s", async (muteField, present) => {
    const h2 = await startHarness({ behaviour: { muteField } });
    try {
      const id = (await h2.call("import_group", { Type: "Public", Name: "g" })).json.GroupId;
      const g = (await h2.call("get_group_info", { GroupIdList: [id] })).json.GroupInfo[0];
      expect(["MuteAllMember", "ShutUpAllMember"].filter((k) => k in g)).toEqual(present);
    } finally {
      await h2.emu.close();
    }
  });

  test("notFoundCode 10015", async () => {
    const h2 = await startHarness({ behaviour: { notFoundCode: 10015 } });
    try {
      const g = (await h2.call("get_group_info", { GroupIdList: ["x"] })).json.GroupInfo[0];
      expect(g).toEqual({ GroupId: "x", ErrorCode: 10015, ErrorInfo: "this group does not exist" });
      expect((await h2.call("modify_group_base_info", { GroupId: "x", Name: "n" })).json).toEqual(failure(10015));
      // destroy_group keeps the captured 10010.
      expect((await h2.call("destroy_group", { GroupId: "x" })).json).toEqual(
        failure(10010, "this group does not exist"),
      );
    } finally {
      await h2.emu.close();
    }
  });
});

describe("modify_group_base_info", () => {
  test('changes fields, merges AppDefinedData ("" deletes), bumps InfoSeq and LastInfoTime', async () => {
    const id = await importGroup({
      AppDefinedData: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    });
    h.clock.advance(60_000);
    const res = await h.call("modify_group_base_info", {
      GroupId: id,
      Name: "new",
      Introduction: "i",
      Notification: "n",
      FaceUrl: "f",
      MaxMemberNum: 100,
      ApplyJoinOption: "DisableApply",
      ShutUpAllMember: "On",
      AppDefinedData: [
        { Key: "a", Value: "" },
        { Key: "b", Value: "x\u0000" },
        { Key: "c", Value: "3" },
      ],
    });
    expect(res.json).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 });
    const g = await info(id);
    expect(g).toMatchObject({
      Name: "new",
      Introduction: "i",
      Notification: "n",
      FaceUrl: "f",
      MaxMemberNum: 100,
      ApplyJoinOption: "DisableApply",
      MuteAllMember: "On",
      InfoSeq: 2,
      LastInfoTime: Math.floor(h.clock.now / 1000),
      AppDefinedData: [
        { Key: "b", Value: "x\u0000" },
        { Key: "c", Value: "3" },
      ],
    });
    expect((await h.call("modify_group_base_info", { GroupId: id, MuteAllMember: "Off" })).json.ErrorCode).toBe(0);
    expect(await info(id)).toMatchObject({ MuteAllMember: "Off", InfoSeq: 3 });
  });

  test("a body with nothing to change leaves InfoSeq alone", async () => {
    const id = await importGroup();
    expect((await h.call("modify_group_base_info", { GroupId: id })).json.ErrorCode).toBe(0);
    expect((await info(id)).InfoSeq).toBe(1);
  });

  test("key count is enforced after the merge", async () => {
    const id = await importGroup({
      AppDefinedData: Array.from({ length: 10 }, (_, i) => ({ Key: `k${i}`, Value: "v" })),
    });
    expect(
      (await h.call("modify_group_base_info", { GroupId: id, AppDefinedData: [{ Key: "k10", Value: "v" }] })).json,
    ).toEqual(failure(10004, "the limit is 10"));
    const swap = [
      { Key: "k0", Value: "" },
      { Key: "k10", Value: "v" },
    ];
    expect((await h.call("modify_group_base_info", { GroupId: id, AppDefinedData: swap })).json.ErrorCode).toBe(0);
  });

  test.each([
    ["missing GroupId", { GroupId: undefined, Name: "n" }, 10004, "GroupId is required"],
    ["unknown group", { GroupId: "nope", Name: "n" }, 10010, "this group does not exist"],
    ["Name 31 bytes", { Name: "x".repeat(31) }, 10004, "Name"],
    ["empty Name", { Name: "" }, 10004, "Name must not be empty"],
    ["FaceUrl 101 bytes", { FaceUrl: "x".repeat(101) }, 10004, "FaceUrl"],
    ["MaxMemberNum 6001", { MaxMemberNum: 6001 }, 10004, "MaxMemberNum"],
    ["ApplyJoinOption unknown", { ApplyJoinOption: "x" }, 10004, "ApplyJoinOption"],
    ["MuteAllMember yes", { MuteAllMember: "yes" }, 10004, "MuteAllMember"],
    ["mute names disagree", { MuteAllMember: "On", ShutUpAllMember: "Off" }, 10004, "disagree"],
    ["bad key", { AppDefinedData: [{ Key: "bad key", Value: "v" }] }, 10004, "Key"],
  ])("%s → refused, group unchanged", async (_name, body, code, text) => {
    const id = await importGroup();
    const res = await h.call("modify_group_base_info", { GroupId: id, ...body });
    expect(res.json).toEqual(failure(code as number, text as string));
    expect((await info(id)).InfoSeq).toBe(1);
  });

  test("ApplyJoinOption on a Community → 10004; its MaxMemberNum may reach 100000", async () => {
    const id = await importGroup({ Type: "Community" });
    expect((await h.call("modify_group_base_info", { GroupId: id, ApplyJoinOption: "FreeAccess" })).json).toEqual(
      failure(10004, "Community"),
    );
    expect((await h.call("modify_group_base_info", { GroupId: id, MaxMemberNum: 100000 })).json.ErrorCode).toBe(0);
  });
});

describe("destroy_group", () => {
  test('removes the group; a second destroy → 10010 "this group does not exist"', async () => {
    const id = await importGroup();
    expect((await h.call("destroy_group", { GroupId: id })).json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
    });
    expect((await h.call("destroy_group", { GroupId: id })).json).toEqual({
      ActionStatus: "FAIL",
      ErrorInfo: "this group does not exist",
      ErrorCode: 10010,
    });
    expect((await h.call("destroy_group", {})).json).toEqual(failure(10004, "GroupId"));
  });
});

describe("change_group_owner", () => {
  test("members only; old owner becomes Member; ownerless groups get an owner", async () => {
    const id = await importGroup({ Owner_Account: "leckie" });
    await h.call("add_group_member", { GroupId: id, MemberList: [{ Member_Account: "peter" }] });
    expect((await h.call("change_group_owner", { GroupId: id, NewOwner_Account: "peter" })).json.ErrorCode).toBe(0);
    const g = await info(id);
    expect(g.Owner_Account).toBe("peter");
    expect(g.MemberList.map((m: { Member_Account: string; Role: string }) => [m.Member_Account, m.Role])).toEqual([
      ["leckie", "Member"],
      ["peter", "Owner"],
    ]);

    const ownerless = await importGroup();
    await h.call("add_group_member", { GroupId: ownerless, MemberList: [{ Member_Account: "amy" }] });
    expect((await h.call("change_group_owner", { GroupId: ownerless, NewOwner_Account: "amy" })).json.ErrorCode).toBe(
      0,
    );
    expect((await info(ownerless)).Owner_Account).toBe("amy");
  });

  test.each([
    ["missing GroupId", { NewOwner_Account: "x" }, 10004, "GroupId"],
    ["missing NewOwner_Account", { GroupId: "G" }, 10004, "NewOwner_Account"],
    ["unknown group", { GroupId: "nope", NewOwner_Account: "x" }, 10010, "this group does not exist"],
    ["not a member", { GroupId: "G", NewOwner_Account: "stranger" }, 10007, "must be a member"],
  ])("%s → %i", async (_name, body, code, text) => {
    await importGroup({ GroupId: "G", Owner_Account: "leckie" });
    expect((await h.call("change_group_owner", body)).json).toEqual(failure(code as number, text as string));
    expect(h.emu.store.getGroup("G")?.Owner_Account).toBe("leckie");
  });

  test("ownerNotMemberCode is configurable; an AVChatRoom stored out of band → 10007", async () => {
    const h2 = await startHarness({ behaviour: { ownerNotMemberCode: 10004 } });
    try {
      await h2.call("account_import", { UserID: "x" });
      const id = (await h2.call("import_group", { Type: "Public", Name: "g" })).json.GroupId;
      expect((await h2.call("change_group_owner", { GroupId: id, NewOwner_Account: "x" })).json).toEqual(
        failure(10004, "member"),
      );
      const group = h2.emu.store.getGroup(id)!;
      h2.emu.store.putGroup({ ...group, GroupId: "av", Type: "AVChatRoom" });
      expect((await h2.call("change_group_owner", { GroupId: "av", NewOwner_Account: "x" })).json).toEqual(
        failure(10007, "AVChatRoom"),
      );
    } finally {
      await h2.emu.close();
    }
  });
});

describe("add_group_member", () => {
  test("Result 1 added, 2 already a member (also a repeat inside one request)", async () => {
    const id = await importGroup({ Owner_Account: "leckie" });
    const res = await h.call("add_group_member", {
      GroupId: id,
      Silence: 1,
      MemberList: [{ Member_Account: "leckie" }, { Member_Account: "peter" }, { Member_Account: "peter" }],
    });
    expect(res.json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      MemberList: [
        { Member_Account: "leckie", Result: 2 },
        { Member_Account: "peter", Result: 1 },
        { Member_Account: "peter", Result: 2 },
      ],
    });
    expect((await info(id)).MemberNum).toBe(2);
  });

  test.each([
    ["empty MemberList", { MemberList: [] }, 10004],
    ["301 members", { MemberList: Array.from({ length: 301 }, (_, i) => ({ Member_Account: `u${i}` })) }, 10005],
    ["bad account", { MemberList: [{ Member_Account: "" }] }, 10004],
    ["entry not an object", { MemberList: ["u"] }, 10004],
    ["Silence 2", { Silence: 2, MemberList: [{ Member_Account: "u" }] }, 10004],
  ])("%s → %i", async (_name, body, code) => {
    const id = await importGroup();
    expect((await h.call("add_group_member", { GroupId: id, ...body })).json).toEqual(failure(code));
  });

  test("unknown group → 10010; over MaxMemberNum → 10014 (group full, as add_group_member documents) and nothing added", async () => {
    expect((await h.call("add_group_member", { GroupId: "nope", MemberList: [{ Member_Account: "u" }] })).json).toEqual(
      failure(10010),
    );
    const id = await importGroup({ MaxMemberCount: 2, Owner_Account: "o" });
    const res = await h.call("add_group_member", {
      GroupId: id,
      MemberList: [{ Member_Account: "a" }, { Member_Account: "b" }],
    });
    expect(res.json).toEqual(failure(10014));
    expect((await info(id)).MemberNum).toBe(1);
  });

  test("by default (documented) accounts never imported get Result 0 and cannot own the group", async () => {
    const h2 = await startHarness();
    try {
      await h2.call("account_import", { UserID: "known" });
      const id = (await h2.call("import_group", { Type: "Public", Name: "g" })).json.GroupId;
      const res = await h2.call("add_group_member", {
        GroupId: id,
        MemberList: [{ Member_Account: "known" }, { Member_Account: "ghost" }],
      });
      expect(res.json.MemberList).toEqual([
        { Member_Account: "known", Result: 1 },
        { Member_Account: "ghost", Result: 0 },
      ]);
      expect((await h2.call("change_group_owner", { GroupId: id, NewOwner_Account: "ghost" })).json).toEqual(
        failure(10019),
      );
    } finally {
      await h2.emu.close();
    }
  });

  test("lenient mode (requireImportedAccounts: false) adds accounts never imported", async () => {
    const h2 = await startHarness({ behaviour: { requireImportedAccounts: false } });
    try {
      const id = (await h2.call("import_group", { Type: "Public", Name: "g", Owner_Account: "ghost-owner" })).json
        .GroupId;
      const res = await h2.call("add_group_member", { GroupId: id, MemberList: [{ Member_Account: "ghost" }] });
      expect(res.json.MemberList).toEqual([{ Member_Account: "ghost", Result: 1 }]);
      expect((await h2.call("change_group_owner", { GroupId: id, NewOwner_Account: "ghost" })).json.ErrorCode).toBe(0);
    } finally {
      await h2.emu.close();
    }
  });
});

describe("fidelity: answer size, join and invite rules, member limits", () => {
  const members = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ Member_Account: `${prefix}${i}`, Role: "Member" as const, JoinTime: 1 }));

  test("get_group_info without a filter returns every member; over 1 MB it answers 10018; a filter without MemberList fits", async () => {
    const ids: string[] = [];
    for (let g = 0; g < 50; g++) {
      const id = await importGroup({ GroupId: `big-${g}` });
      const group = h.emu.store.getGroup(id)!;
      h.emu.store.putGroup({ ...group, MaxMemberNum: 6000, Members: members(300, `user-${g}-`) });
      ids.push(id);
    }
    const one = await info(ids[0]!);
    expect(one.MemberList).toHaveLength(300);
    expect(one.MemberNum).toBe(300);
    const all = await h.call("get_group_info", { GroupIdList: ids });
    expect(all.json).toEqual(failure(10018, "too large"));
    const filtered = await h.call("get_group_info", {
      GroupIdList: ids,
      ResponseFilter: { GroupBaseInfoFilter: ["Name", "MemberNum"] },
    });
    expect(filtered.json.ErrorCode).toBe(0);
    expect(
      filtered.json.GroupInfo.map((g: { MemberNum: number; MemberList?: unknown }) => [g.MemberNum, g.MemberList]),
    ).toEqual(ids.map(() => [300, undefined]));
  });

  test("maxReplyBytes is configurable", async () => {
    const h2 = await startHarness({ behaviour: { maxReplyBytes: 200 } });
    try {
      const id = (await h2.call("import_group", { Type: "Public", Name: "g" })).json.GroupId;
      expect((await h2.call("get_group_info", { GroupIdList: [id] })).json.ErrorCode).toBe(10018);
      expect(
        (await h2.call("get_group_info", { GroupIdList: [id], ResponseFilter: { GroupBaseInfoFilter: ["Name"] } })).json
          .ErrorCode,
      ).toBe(0);
    } finally {
      await h2.emu.close();
    }
  });

  test.each([
    ["fixed", "Private", "NeedPermission", 10004, "DisableApply"],
    ["fixed", "ChatRoom", "DisableApply", 10004, "FreeAccess"],
    ["fixed", "Public", "FreeAccess", 0, "FreeAccess"],
    ["fixed-ignore", "Private", "FreeAccess", 0, "DisableApply"],
    ["fixed-ignore", "ChatRoom", "NeedPermission", 0, "FreeAccess"],
    ["settable", "Private", "FreeAccess", 0, "FreeAccess"],
  ] as const)(
    "joinOptionRules %s: %s with ApplyJoinOption %s → %i, reads back %s",
    async (rules, type, option, code, readBack) => {
      const h2 = await startHarness({ behaviour: { joinOptionRules: rules } });
      try {
        const plain = (await h2.call("import_group", { Type: type, Name: "g" })).json.GroupId as string;
        const imported = await h2.call("import_group", { Type: type, Name: "g", ApplyJoinOption: option });
        expect(imported.json.ErrorCode).toBe(code);
        const modified = await h2.call("modify_group_base_info", { GroupId: plain, ApplyJoinOption: option });
        expect(modified.json.ErrorCode).toBe(code);
        if (code === 0)
          expect((await h2.call("get_group_info", { GroupIdList: [plain] })).json.GroupInfo[0].ApplyJoinOption).toBe(
            readBack,
          );
        else expect(modified.json.ErrorInfo).toBe("this group type does not enable apply join group");
      } finally {
        await h2.emu.close();
      }
    },
  );

  test("InviteJoinOption: set by modify, read back; refused for Community (10007); bad value 10004", async () => {
    const id = await importGroup();
    expect((await info(id)).InviteJoinOption).toBe("FreeAccess");
    expect(
      (await h.call("modify_group_base_info", { GroupId: id, InviteJoinOption: "DisableInvite" })).json.ErrorCode,
    ).toBe(0);
    expect((await info(id)).InviteJoinOption).toBe("DisableInvite");
    expect((await h.call("modify_group_base_info", { GroupId: id, InviteJoinOption: "Never" })).json).toEqual(
      failure(10004, "InviteJoinOption"),
    );
    const c = (await h.call("import_group", { Type: "Community", Name: "c" })).json.GroupId as string;
    expect(await info(c)).not.toHaveProperty("InviteJoinOption");
    expect((await h.call("modify_group_base_info", { GroupId: c, InviteJoinOption: "FreeAccess" })).json).toEqual(
      failure(10007, "Community"),
    );
  });

  test("member limits follow memberLimits: the plan's maximum and the default when MaxMemberCount is absent", async () => {
    expect((await h.call("import_group", { Type: "Public", Name: "g", MaxMemberCount: 6001 })).json.ErrorCode).toBe(
      10004,
    );
    const h2 = await startHarness({ behaviour: { memberLimits: { max: 20000, importDefaultCommunity: 100_000 } } });
    try {
      expect((await h2.call("import_group", { Type: "Public", Name: "g", MaxMemberCount: 20000 })).json.ErrorCode).toBe(
        0,
      );
      const c = (await h2.call("import_group", { Type: "Community", Name: "c" })).json.GroupId as string;
      expect((await h2.call("get_group_info", { GroupIdList: [c] })).json.GroupInfo[0].MaxMemberNum).toBe(100_000);
    } finally {
      await h2.emu.close();
    }
  });
});

describe("account_import", () => {
  beforeEach(() => h.emu.store.reset());

  test("stores the account; importing twice is fine", async () => {
    for (let i = 0; i < 2; i++) {
      expect((await h.call("account_import", { UserID: "leckie", Nick: "L" })).json).toEqual({
        ActionStatus: "OK",
        ErrorInfo: "",
        ErrorCode: 0,
      });
    }
    expect(h.emu.store.listAccounts()).toEqual(["leckie"]);
  });

  test.each([
    ["missing", {}],
    ["empty", { UserID: "" }],
    ["33 bytes", { UserID: "u".repeat(33) }],
    ["a number", { UserID: 7 }],
    ["Nick not a string", { UserID: "u", Nick: 1 }],
  ])("UserID %s → 70402", async (_name, body) => {
    expect((await h.call("account_import", body)).json).toEqual(failure(70402));
    expect(h.emu.store.listAccounts()).toEqual([]);
  });
});

describe("account_check", () => {
  test("reports each id Imported or NotImported, with ResultCode 0 (a missing account is not an error)", async () => {
    await h.call("account_import", { UserID: "known" });
    const { json } = await h.call("account_check", { CheckItem: [{ UserID: "known" }, { UserID: "never-imported" }] });
    expect(json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      ResultItem: [
        { UserID: "known", ResultCode: 0, ResultInfo: "", AccountStatus: "Imported" },
        { UserID: "never-imported", ResultCode: 0, ResultInfo: "", AccountStatus: "NotImported" },
      ],
    });
  });

  test.each([
    ["missing", {}],
    ["empty", { CheckItem: [] }],
    ["101 ids", { CheckItem: Array.from({ length: 101 }, (_, i) => ({ UserID: `u${i}` })) }],
    ["an item without UserID", { CheckItem: [{}] }],
  ])("CheckItem %s → 70402", async (_name, body) => {
    expect((await h.call("account_check", body)).json).toEqual(failure(70402));
  });
});
