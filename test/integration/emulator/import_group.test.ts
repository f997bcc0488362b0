/**
 * import_group over real HTTP: every request body printed on the vendor page
 * (https://tencentcloud.com/document/product/1047/34967) and every documented refusal.
 */
import { failure, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());
beforeEach(() => {
  h.emu.store.reset();
  h.emu.store.putAccount("leckie"); // the vendor samples' owner; owners must be imported accounts (10019)
});

const info = async (id: string) => (await h.call("get_group_info", { GroupIdList: [id] })).json.GroupInfo[0];

describe("the vendor page's request bodies", () => {
  test("body 1: Public with owner and CreateTime → server id, CreateTime kept, owner is a member", async () => {
    const res = await h.call("import_group", {
      Owner_Account: "leckie",
      Type: "Public",
      Name: "TestGroup",
      CreateTime: 1448357837,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      GroupId: expect.stringMatching(/^@TGS#[0-9A-Z]{9}$/),
    });
    expect(Object.keys(res.json)).toEqual(["ActionStatus", "ErrorInfo", "ErrorCode", "GroupId"]);
    const g = await info(res.json.GroupId);
    expect(g).toMatchObject({
      ErrorCode: 0,
      Type: "Public",
      Name: "TestGroup",
      CreateTime: 1448357837,
      Owner_Account: "leckie",
    });
    expect(g.MemberList).toEqual([expect.objectContaining({ Member_Account: "leckie", Role: "Owner" })]);
    expect(g.MaxMemberNum).toBe(2000);
    expect(g.ApplyJoinOption).toBe("NeedPermission");
  });

  test("body 2: Community with SupportTopic 1 → @TGS#_ id, no owner, SupportTopic returned", async () => {
    const res = await h.call("import_group", { Type: "Community", Name: "test_import_group", SupportTopic: 1 });
    expect(res.json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      GroupId: expect.stringMatching(/^@TGS#_@TGS#[0-9A-Za-z]{12}$/),
    });
    const g = await info(res.json.GroupId);
    expect(g).toMatchObject({ Type: "Community", SupportTopic: 1, Owner_Account: "", MemberNum: 0 });
    expect(g.ApplyJoinOption).toBeUndefined();
  });

  // The sample's second key is " GroupTestData2" with a leading space, which breaks the documented key charset.
  const myFirstGroup = (secondKey: string) => ({
    Owner_Account: "leckie",
    Type: "Public",
    GroupId: "MyFirstGroup",
    Name: "TestGroup",
    Introduction: "This is group Introduction",
    Notification: "This is group Notification",
    FaceUrl: "http://this.is.face.url",
    MaxMemberCount: 500,
    ApplyJoinOption: "FreeAccess",
    CreateTime: 1448357837,
    AppDefinedData: [
      { Key: "GroupTestData1", Value: "xxxxx" },
      { Key: secondKey, Value: "abc\u0000\u0001" },
    ],
  });

  test("body 3 as printed (key with a leading space) → 10004 naming the key, nothing stored", async () => {
    const res = await h.call("import_group", myFirstGroup(" GroupTestData2"));
    expect(res.json).toEqual(failure(10004, '" GroupTestData2"'));
    expect(h.emu.store.getGroup("MyFirstGroup")).toBeUndefined();
  });

  test("body 3 with the key corrected → GroupId MyFirstGroup, every field and the binary value kept", async () => {
    const res = await h.call("import_group", myFirstGroup("GroupTestData2"));
    expect(res.json).toEqual({ ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, GroupId: "MyFirstGroup" });
    const g = await info("MyFirstGroup");
    expect(g).toMatchObject({
      Type: "Public",
      Name: "TestGroup",
      Introduction: "This is group Introduction",
      Notification: "This is group Notification",
      FaceUrl: "http://this.is.face.url",
      MaxMemberNum: 500,
      ApplyJoinOption: "FreeAccess",
      CreateTime: 1448357837,
      AppDefinedData: [
        { Key: "GroupTestData1", Value: "xxxxx" },
        { Key: "GroupTestData2", Value: "abc\u0000\u0001" },
      ],
    });
  });
});

describe("refusals", () => {
  const ok = { Type: "Public", Name: "n" };
  const cases: [string, object, number, string][] = [
    ["missing Type", { Name: "n" }, 10004, "Type is required"],
    ["missing Name", { Type: "Public" }, 10004, "Name is required"],
    ["empty Name", { Type: "Public", Name: "" }, 10004, "Name"],
    ["Name not a string", { Type: "Public", Name: 5 }, 10004, "Name must be a string"],
    ["unknown Type", { Type: "Chat", Name: "n" }, 10004, "Type must be one of"],
    ["Work without aliases", { Type: "Work", Name: "n" }, 10004, "Type"],
    ["AVChatRoom", { Type: "AVChatRoom", Name: "n" }, 10007, "AVChatRoom"],
    ["Name 31 bytes", { ...ok, Name: "x".repeat(31) }, 10004, "Name is 31 bytes"],
    ["Name 11 CJK chars (33 bytes)", { ...ok, Name: "群".repeat(11) }, 10004, "Name is 33 bytes"],
    ["Introduction 241 bytes", { ...ok, Introduction: "x".repeat(241) }, 10004, "Introduction"],
    ["Notification 301 bytes", { ...ok, Notification: "x".repeat(301) }, 10004, "Notification"],
    ["FaceUrl 101 bytes", { ...ok, FaceUrl: "x".repeat(101) }, 10004, "FaceUrl"],
    ["MaxMemberCount 0", { ...ok, MaxMemberCount: 0 }, 10004, "MaxMemberCount"],
    ["MaxMemberCount 6001", { ...ok, MaxMemberCount: 6001 }, 10004, "MaxMemberCount"],
    ["MaxMemberCount 1.5", { ...ok, MaxMemberCount: 1.5 }, 10004, "MaxMemberCount must be an integer"],
    [
      "Community MaxMemberCount 100001",
      { Type: "Community", Name: "n", MaxMemberCount: 100001 },
      10004,
      "MaxMemberCount",
    ],
    ["ApplyJoinOption unknown", { ...ok, ApplyJoinOption: "Anyone" }, 10004, "ApplyJoinOption"],
    [
      "ApplyJoinOption on Community",
      { Type: "Community", Name: "n", ApplyJoinOption: "FreeAccess" },
      10004,
      "Community",
    ],
    ["SupportTopic 1 on Public", { ...ok, SupportTopic: 1 }, 10004, "SupportTopic"],
    ["SupportTopic 2", { Type: "Community", Name: "n", SupportTopic: 2 }, 10004, "SupportTopic"],
    ["CreateTime negative", { ...ok, CreateTime: -1 }, 10004, "CreateTime"],
    ["Owner_Account a number", { ...ok, Owner_Account: 7 }, 10004, "Owner_Account"],
    ["Owner_Account 33 bytes", { ...ok, Owner_Account: "u".repeat(33) }, 10004, "Owner_Account"],
    ["custom id with @TGS#", { ...ok, GroupId: "@TGS#mine" }, 10004, "@TGS#"],
    ["custom id 49 bytes", { ...ok, GroupId: "g".repeat(49) }, 10004, "GroupId is 49 bytes"],
    ["custom id non-ASCII", { ...ok, GroupId: "grüppe" }, 10004, "printable ASCII"],
    ["custom id with a tab", { ...ok, GroupId: "a\tb" }, 10004, "printable ASCII"],
    ["Community custom id without @TGS#_", { Type: "Community", Name: "n", GroupId: "community1" }, 10004, "@TGS#_"],
    ["AppDefinedData not an array", { ...ok, AppDefinedData: { Key: "a" } }, 10004, "AppDefinedData"],
    ["AppDefinedData key 17 chars", { ...ok, AppDefinedData: [{ Key: "k".repeat(17), Value: "v" }] }, 10004, "Key"],
    ["AppDefinedData key with dash", { ...ok, AppDefinedData: [{ Key: "a-b", Value: "v" }] }, 10004, "Key"],
    [
      "AppDefinedData value 513 bytes",
      { ...ok, AppDefinedData: [{ Key: "k", Value: "v".repeat(513) }] },
      10004,
      "512 bytes",
    ],
    ["AppDefinedData value not a string", { ...ok, AppDefinedData: [{ Key: "k", Value: 1 }] }, 10004, "Value"],
    [
      "AppDefinedData duplicate key",
      {
        ...ok,
        AppDefinedData: [
          { Key: "k", Value: "1" },
          { Key: "k", Value: "2" },
        ],
      },
      10004,
      "twice",
    ],
    [
      "AppDefinedData 11 keys",
      { ...ok, AppDefinedData: Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) },
      10004,
      "the limit is 10",
    ],
  ];
  test.each(cases.map(([name, body, code, text]) => ({ name, body, code, text })))(
    "$name → $code",
    async ({ body, code, text }) => {
      const res = await h.call("import_group", body);
      expect(res.status).toBe(200);
      expect(res.json).toEqual(failure(code, text));
      expect(Object.keys(res.json)).toEqual(["ActionStatus", "ErrorInfo", "ErrorCode"]);
      expect(h.emu.store.listGroups()).toEqual([]);
    },
  );

  test("limits are bytes: 10 CJK characters (30 bytes) fit, a 512-byte value fits", async () => {
    const res = await h.call("import_group", {
      Type: "Public",
      Name: "群".repeat(10),
      AppDefinedData: [{ Key: "k", Value: "é".repeat(256) }],
    });
    expect(res.json.ErrorCode).toBe(0);
  });

  test("custom id in use → 10021; free again right after destroy_group", async () => {
    expect((await h.call("import_group", { Type: "Public", Name: "a", GroupId: "dup" })).json.ErrorCode).toBe(0);
    expect((await h.call("import_group", { Type: "Private", Name: "b", GroupId: "dup" })).json).toEqual(
      failure(10021, "group id has been used"),
    );
    expect((await h.call("destroy_group", { GroupId: "dup" })).json.ErrorCode).toBe(0);
    expect((await h.call("import_group", { Type: "Private", Name: "c", GroupId: "dup" })).json).toMatchObject({
      ErrorCode: 0,
      GroupId: "dup",
    });
  });

  test("custom ids: space is printable, 48 bytes fit, Community @TGS#_ accepted", async () => {
    expect((await h.call("import_group", { Type: "Public", Name: "n", GroupId: "with space" })).json.ErrorCode).toBe(0);
    expect((await h.call("import_group", { Type: "Public", Name: "n", GroupId: "g".repeat(48) })).json.ErrorCode).toBe(
      0,
    );
    expect((await h.call("import_group", { Type: "Community", Name: "n", GroupId: "@TGS#_mine" })).json).toMatchObject({
      GroupId: "@TGS#_mine",
    });
  });

  test("empty Owner_Account and GroupId count as not given", async () => {
    const res = await h.call("import_group", { Type: "Public", Name: "n", Owner_Account: "", GroupId: "" });
    expect(res.json.GroupId).toMatch(/^@TGS#/);
    expect(h.emu.store.getGroup(res.json.GroupId)).toMatchObject({ Owner_Account: "", Members: [] });
  });

  test("server ids are unique", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++)
      ids.add((await h.call("import_group", { Type: "Private", Name: `g${i}` })).json.GroupId);
    expect(ids.size).toBe(50);
  });

  test("CreateTime defaults to the request time (emulator clock, seconds)", async () => {
    const res = await h.call("import_group", { Type: "ChatRoom", Name: "n" });
    expect((await info(res.json.GroupId)).CreateTime).toBe(Math.floor(h.clock.now / 1000));
  });
});

describe("behaviour switches", () => {
  test.each([
    ["Work", "Private"],
    ["Meeting", "ChatRoom"],
  ])("acceptTypeAliases: %s is stored as %s", async (alias, stored) => {
    const h2 = await startHarness({ behaviour: { acceptTypeAliases: true } });
    try {
      const res = await h2.call("import_group", { Type: alias, Name: "n" });
      expect(res.json.ErrorCode).toBe(0);
      expect(h2.emu.store.getGroup(res.json.GroupId)?.Type).toBe(stored);
    } finally {
      await h2.emu.close();
    }
  });

  test('appDefinedKeys: an unconfigured key → 10004 "all defined key is invalid"; configured keys pass', async () => {
    const h2 = await startHarness({ behaviour: { appDefinedKeys: ["GroupTestData1"] } });
    try {
      const bad = await h2.call("import_group", {
        Type: "Public",
        Name: "n",
        AppDefinedData: [{ Key: "Other", Value: "v" }],
      });
      expect(bad.json).toEqual({ ActionStatus: "FAIL", ErrorInfo: "all defined key is invalid", ErrorCode: 10004 });
      const good = await h2.call("import_group", {
        Type: "Public",
        Name: "n",
        AppDefinedData: [{ Key: "GroupTestData1", Value: "v" }],
      });
      expect(good.json.ErrorCode).toBe(0);
    } finally {
      await h2.emu.close();
    }
  });

  test("by default (documented) an unknown owner → 10019; after account_import it works", async () => {
    const h2 = await startHarness();
    try {
      const body = { Type: "Public", Name: "n", Owner_Account: "leckie" };
      expect((await h2.call("import_group", body)).json).toEqual(failure(10019, "leckie"));
      expect((await h2.call("account_import", { UserID: "leckie" })).json.ErrorCode).toBe(0);
      expect((await h2.call("import_group", body)).json.ErrorCode).toBe(0);
    } finally {
      await h2.emu.close();
    }
  });

  test("lenient mode (requireImportedAccounts: false) accepts an owner never imported", async () => {
    const h2 = await startHarness({ behaviour: { requireImportedAccounts: false } });
    try {
      expect(
        (await h2.call("import_group", { Type: "Public", Name: "n", Owner_Account: "ghost" })).json.ErrorCode,
      ).toBe(0);
    } finally {
      await h2.emu.close();
    }
  });

  test("limits and maxAppDefinedKeys are configurable", async () => {
    const h2 = await startHarness({
      behaviour: { limits: { name: 100, introduction: 400, notification: 400, faceUrl: 500 }, maxAppDefinedKeys: 1 },
    });
    try {
      expect((await h2.call("import_group", { Type: "Public", Name: "x".repeat(100) })).json.ErrorCode).toBe(0);
      expect((await h2.call("import_group", { Type: "Public", Name: "x".repeat(101) })).json.ErrorCode).toBe(10004);
      const two = [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ];
      expect((await h2.call("import_group", { Type: "Public", Name: "n", AppDefinedData: two })).json).toEqual(
        failure(10004, "limit is 1"),
      );
    } finally {
      await h2.emu.close();
    }
  });
});
