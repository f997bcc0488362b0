/**
 * The account, profile and member actions over raw HTTP: exact documented answer shapes (per-item results) and
 * the documented limits and refusals.
 */
import { failure, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ behaviour: { requireImportedAccounts: true } });
});
afterAll(() => h.emu.close());
beforeEach(() => h.emu.store.reset());

const ok = (extra: Record<string, unknown> = {}) => ({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, ...extra });
const list = (n: number, prefix = "u") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

async function publicGroup(): Promise<string> {
  await h.call("account_import", { UserID: "owner" });
  const res = await h.call("import_group", { Type: "Public", Name: "g", Owner_Account: "owner" });
  return res.json.GroupId as string;
}

describe("accounts", () => {
  test("multiaccount_import (AccountList form): FailAccounts lists only the invalid ids", async () => {
    const res = await h.call("multiaccount_import", {
      AccountList: [{ UserID: "a", Nick: "A" }, { UserID: "x".repeat(33) }],
    });
    expect(res.json).toEqual(ok({ FailAccounts: ["x".repeat(33)] }));
    expect(h.emu.store.getAccount("a")).toEqual({ UserID: "a", Nick: "A", FaceUrl: "" });
  });

  test("multiaccount_import (old Accounts form) works; both forms at once, none, or 101 → 70402", async () => {
    expect((await h.call("multiaccount_import", { Accounts: ["a", "b"] })).json).toEqual(ok({ FailAccounts: [] }));
    expect(h.emu.store.listAccounts().sort()).toEqual(["a", "b"]);
    expect((await h.call("multiaccount_import", { Accounts: ["a"], AccountList: [{ UserID: "b" }] })).json).toEqual(
      failure(70402),
    );
    expect((await h.call("multiaccount_import", {})).json).toEqual(failure(70402));
    expect((await h.call("multiaccount_import", { Accounts: list(101) })).json).toEqual(failure(70402));
  });

  test("account_delete: the documented sample shape (0, and 70107 for a missing id)", async () => {
    await h.call("account_import", { UserID: "UserID_1" });
    const res = await h.call("account_delete", { DeleteItem: [{ UserID: "UserID_1" }, { UserID: "UserID_2" }] });
    expect(res.json).toEqual(
      ok({
        ResultItem: [
          { ResultCode: 0, ResultInfo: "", UserID: "UserID_1" },
          { ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist", UserID: "UserID_2" },
        ],
      }),
    );
    expect((await h.call("account_delete", { DeleteItem: list(101).map((UserID) => ({ UserID })) })).json).toEqual(
      failure(70402),
    );
  });

  test("account_check: Imported / NotImported, ResultCode 0 for both; 101 → 70402", async () => {
    await h.call("account_import", { UserID: "a" });
    const res = await h.call("account_check", { CheckItem: [{ UserID: "a" }, { UserID: "b" }] });
    expect(res.json.ResultItem).toEqual([
      { UserID: "a", ResultCode: 0, ResultInfo: "", AccountStatus: "Imported" },
      { UserID: "b", ResultCode: 0, ResultInfo: "", AccountStatus: "NotImported" },
    ]);
    expect((await h.call("account_check", { CheckItem: list(101).map((UserID) => ({ UserID })) })).json).toEqual(
      failure(70402),
    );
  });
});

describe("profiles", () => {
  test("portrait_get: per-user ResultCode, Fail_Account only when some failed, ErrorDisplay present", async () => {
    await h.call("account_import", { UserID: "id1", Nick: "NickNameTest1" });
    const all = await h.call("portrait_get", { To_Account: ["id1"], TagList: ["Tag_Profile_IM_Nick"] });
    expect(all.json).toEqual(
      ok({
        UserProfileItem: [
          {
            To_Account: "id1",
            ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "NickNameTest1" }],
            ResultCode: 0,
            ResultInfo: "",
          },
        ],
        ErrorDisplay: "",
      }),
    );
    const some = await h.call("portrait_get", { To_Account: ["id1", "id4"], TagList: ["Tag_Profile_IM_Nick"] });
    expect(some.json.Fail_Account).toEqual(["id4"]);
    expect(some.json.UserProfileItem[1]).toMatchObject({ To_Account: "id4", ResultCode: 40003 });
  });

  test.each([
    ["no To_Account", 40002, { TagList: ["Tag_Profile_IM_Nick"] }],
    ["101 accounts", 40001, { To_Account: list(101), TagList: ["Tag_Profile_IM_Nick"] }],
    ["no TagList", 40001, { To_Account: ["a"] }],
    ["unknown tag", 40009, { To_Account: ["a"], TagList: ["Tag_Profile_IM_Nope"] }],
  ])("portrait_get: %s → %i", async (_name, code, body) => {
    expect((await h.call("portrait_get", body)).json).toEqual(failure(code));
  });

  test("portrait_set: sets, and refuses a missing account (40003) and a malformed body (40001)", async () => {
    await h.call("account_import", { UserID: "a" });
    const res = await h.call("portrait_set", {
      From_Account: "a",
      ProfileItem: [{ Tag: "Tag_Profile_IM_Image", Value: "https://f/a.png" }],
    });
    expect(res.json).toEqual(ok({ ErrorDisplay: "" }));
    expect(h.emu.store.getAccount("a")?.FaceUrl).toBe("https://f/a.png");
    expect(
      (await h.call("portrait_set", { From_Account: "zz", ProfileItem: [{ Tag: "Tag_Profile_IM_Nick", Value: "x" }] }))
        .json,
    ).toEqual(failure(40003));
    expect((await h.call("portrait_set", { From_Account: "a" })).json).toEqual(failure(40001));
  });
});

describe("members", () => {
  test("import_group_member: Result 1 / 2 / 0 in request order", async () => {
    const g = await publicGroup();
    await h.call("multiaccount_import", { Accounts: ["a", "b"] });
    const res = await h.call("import_group_member", {
      GroupId: g,
      MemberList: [
        { Member_Account: "a", Role: "Admin" },
        { Member_Account: "owner" },
        { Member_Account: "ghost" },
        { Member_Account: "b", JoinTime: 1 },
      ],
    });
    expect(res.json).toEqual(
      ok({
        MemberList: [
          { Member_Account: "a", Result: 1 },
          { Member_Account: "owner", Result: 2 },
          { Member_Account: "ghost", Result: 0 },
          { Member_Account: "b", Result: 0 },
        ],
      }),
    );
  });

  test.each([
    [
      "import_group_member 301",
      10005,
      "import_group_member",
      (g: string) => ({ GroupId: g, MemberList: list(301).map((Member_Account) => ({ Member_Account })) }),
    ],
    [
      "import_group_member Role Member",
      10004,
      "import_group_member",
      (g: string) => ({ GroupId: g, MemberList: [{ Member_Account: "a", Role: "Member" }] }),
    ],
    [
      "add_group_member 21 (default limit 20)",
      10005,
      "add_group_member",
      (g: string) => ({ GroupId: g, MemberList: list(21).map((Member_Account) => ({ Member_Account })) }),
    ],
    [
      "delete_group_member 101",
      10004,
      "delete_group_member",
      (g: string) => ({ GroupId: g, MemberToDel_Account: list(101) }),
    ],
    [
      "delete_group_member objects",
      10004,
      "delete_group_member",
      (g: string) => ({ GroupId: g, MemberToDel_Account: [{ Member_Account: "a" }] }),
    ],
    ["get_role_in_group 501", 10004, "get_role_in_group", (g: string) => ({ GroupId: g, User_Account: list(501) })],
    [
      "get_specified_group_member_info 51",
      10004,
      "get_specified_group_member_info",
      (g: string) => ({ GroupId: g, Member_List_Account: list(51) }),
    ],
    ["get_group_member_info Limit 6001", 10004, "get_group_member_info", (g: string) => ({ GroupId: g, Limit: 6001 })],
    [
      "modify_group_member_info Role Owner",
      10004,
      "modify_group_member_info",
      (g: string) => ({ GroupId: g, Member_Account: "owner", Role: "Owner" }),
    ],
    [
      "modify_group_member_info NameCard 51 bytes",
      10004,
      "modify_group_member_info",
      (g: string) => ({ GroupId: g, Member_Account: "owner", NameCard: "n".repeat(51) }),
    ],
    ["get_role_in_group unknown group", 10010, "get_role_in_group", () => ({ GroupId: "nope", User_Account: ["a"] })],
  ] as const)("%s → %i", async (_name, code, action, body) => {
    const g = await publicGroup();
    expect((await h.call(action, body(g))).json).toEqual(failure(code));
  });

  test("get_role_in_group: the documented answer shape with NotMember", async () => {
    const g = await publicGroup();
    const res = await h.call("get_role_in_group", { GroupId: g, User_Account: ["owner", "peter"] });
    expect(res.json).toEqual(
      ok({
        UserIdList: [
          { Member_Account: "owner", Role: "Owner" },
          { Member_Account: "peter", Role: "NotMember" },
        ],
      }),
    );
  });

  test("get_group_member_info: MemberNum unaffected by filters; MemberInfoFilter limits the fields; ShutUpUntil on request", async () => {
    const g = await publicGroup();
    await h.call("account_import", { UserID: "a" });
    await h.call("add_group_member", { GroupId: g, MemberList: [{ Member_Account: "a" }] });
    const res = await h.call("get_group_member_info", {
      GroupId: g,
      MemberInfoFilter: ["Role", "ShutUpUntil"],
      MemberRoleFilter: ["Member"],
    });
    expect(res.json).toEqual(
      ok({ MemberNum: 2, MemberList: [{ Member_Account: "a", Role: "Member", ShutUpUntil: 0 }] }),
    );
  });

  test("delete_group_member and add_group_member on a Community work; Communities answer Next", async () => {
    await h.call("multiaccount_import", { Accounts: ["owner", "a"] });
    const g = (await h.call("import_group", { Type: "Community", Name: "c", Owner_Account: "owner" })).json
      .GroupId as string;
    await h.call("add_group_member", { GroupId: g, MemberList: [{ Member_Account: "a" }] });
    const page = await h.call("get_group_member_info", { GroupId: g, Limit: 1, Next: "" });
    expect(page.json.Next).toBe("1");
    const last = await h.call("get_group_member_info", { GroupId: g, Limit: 1, Next: page.json.Next });
    expect(last.json).toMatchObject({ MemberNum: 2, Next: "" });
    expect(last.json.MemberList.map((m: { Member_Account: string }) => m.Member_Account)).toEqual(["a"]);
    expect((await h.call("delete_group_member", { GroupId: g, MemberToDel_Account: ["a"] })).json).toEqual(ok());
  });
});
