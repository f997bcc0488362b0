import { check } from "../../../provider/resource/check";
import { NEWER_DOC_LIMITS } from "../../../provider/resource/fields";
import { UNKNOWN } from "../../../provider/resource/types";

const base = { type: "Public", name: "Engineering" };
const failuresOf = (news: Record<string, unknown>, limits = {}) => check({}, news, { limits }).failures;

describe("check: valid inputs", () => {
  test.each<[string, Record<string, unknown>]>([
    ["minimal", base],
    ["import_group sample 1", { ownerAccount: "leckie", type: "Public", name: "TestGroup", createTime: 1448357837 }],
    ["import_group sample 2", { type: "Community", name: "test_import_group", supportTopic: true }],
    [
      "full MyFirstGroup",
      {
        ownerAccount: "leckie",
        type: "Public",
        groupId: "MyFirstGroup",
        name: "TestGroup",
        introduction: "This is group Introduction",
        notification: "This is group Notification",
        faceUrl: "http://this.is.face.url",
        maxMemberCount: 500,
        applyJoinOption: "FreeAccess",
        createTime: 1448357837,
        appDefinedData: { GroupTestData1: "xxxxx", GroupTestData2: "abc\u0000\u0001" },
      },
    ],
    ["Community custom id", { type: "Community", name: "c", groupId: "@TGS#_mine", maxMemberCount: 100000 }],
    ["supportTopic false on a Public group", { ...base, supportTopic: false }],
    ["adopt with groupId", { ...base, groupId: "eng", adopt: true }],
    ["adopt of a service-assigned id", { ...base, groupId: "@TGS#2J4SZEAEL", adopt: true }],
    ["adopt overwrite", { ...base, groupId: "eng", adopt: "overwrite" }],
    [
      "ten custom keys plus one empty value (absent)",
      {
        ...base,
        appDefinedData: { ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"])), gone: "" },
      },
    ],
    ["name exactly 30 bytes (10 CJK)", { ...base, name: "工程部工程部工程部工" }],
    ["groupId of 48 bytes with a space", { ...base, groupId: `a b${"x".repeat(45)}` }],
    [
      "10 custom keys",
      { ...base, appDefinedData: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"])) },
    ],
    ["muteAllMember", { ...base, muteAllMember: true }],
    ["engine key __provider ignored", { ...base, __provider: "exports.handler = …" }],
    ["null means not set", { ...base, introduction: null, groupId: null }],
  ])("%s", (_label, news) => {
    expect(failuresOf(news)).toEqual([]);
  });
});

describe("check: one rule each", () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ["type required", { name: "n" }, "type", /type is required/],
    ["name required", { type: "Public" }, "name", /name is required/],
    ["AVChatRoom refused", { ...base, type: "AVChatRoom" }, "type", /import_group cannot create AVChatRoom/],
    [
      "bad type",
      { ...base, type: "Group" },
      "type",
      /type must be one of "Private", "Public", "ChatRoom", "Community", "Work", "Meeting"; got "Group"/,
    ],
    ["type not a string", { ...base, type: 3 }, "type", /type must be a string; got number 3/],
    ["empty name", { ...base, name: "" }, "name", /name must not be empty/],
    [
      "name 31 ASCII bytes",
      { ...base, name: "x".repeat(31) },
      "name",
      /^name is 31 bytes in UTF-8; the limit is 30 bytes\. Shorten it\.$/,
    ],
    [
      "name 11 CJK = 33 bytes",
      { ...base, name: "工".repeat(11) },
      "name",
      /name is 33 bytes in UTF-8; the limit is 30/,
    ],
    ["name 8 emoji = 32 bytes", { ...base, name: "😀".repeat(8) }, "name", /name is 32 bytes in UTF-8/],
    [
      "introduction 241 bytes",
      { ...base, introduction: "x".repeat(241) },
      "introduction",
      /introduction is 241 bytes in UTF-8; the limit is 240/,
    ],
    [
      "notification 301 bytes",
      { ...base, notification: "é".repeat(151) },
      "notification",
      /notification is 302 bytes in UTF-8; the limit is 300/,
    ],
    ["faceUrl 101 bytes", { ...base, faceUrl: "h".repeat(101) }, "faceUrl", /faceUrl is 101 bytes/],
    [
      "groupId 49 bytes",
      { ...base, groupId: "g".repeat(49) },
      "groupId",
      /groupId is 49 bytes in UTF-8; the limit is 48/,
    ],
    ["groupId non-ASCII", { ...base, groupId: "群1" }, "groupId", /groupId must contain only printable ASCII/],
    ["groupId control char", { ...base, groupId: "a\tb" }, "groupId", /printable ASCII/],
    [
      "groupId @TGS# prefix",
      { ...base, groupId: "@TGS#mine" },
      "groupId",
      /the prefix of ids the service assigns itself: import_group refuses such ids \(10004\).*set adopt: true/,
    ],
    [
      "Community id without @TGS#_",
      { type: "Community", name: "c", groupId: "mine" },
      "groupId",
      /must start with "@TGS#_"/,
    ],
    [
      "Community id with bare @TGS#",
      { type: "Community", name: "c", groupId: "@TGS#mine" },
      "groupId",
      /must start with "@TGS#_"/,
    ],
    [
      "ownerAccount 33 bytes",
      { ...base, ownerAccount: "o".repeat(33) },
      "ownerAccount",
      /ownerAccount is 33 bytes in UTF-8; the limit is 32/,
    ],
    [
      "ownerAccount non-ASCII",
      { ...base, ownerAccount: "用户" },
      "ownerAccount",
      /ownerAccount must contain only printable ASCII/,
    ],
    ["ownerAccount empty", { ...base, ownerAccount: "" }, "ownerAccount", /must not be empty/],
    [
      "maxMemberCount 0",
      { ...base, maxMemberCount: 0 },
      "maxMemberCount",
      /^maxMemberCount is 0; it must be between 1 and 6000 for a Public group\. Change it\.$/,
    ],
    [
      "maxMemberCount 0, type unknown",
      { type: UNKNOWN, name: "n", maxMemberCount: 0 },
      "maxMemberCount",
      /maxMemberCount is 0; it must be between 1 and 10000000\./,
    ],
    [
      "maxMemberCount fractional",
      { ...base, maxMemberCount: 2.5 },
      "maxMemberCount",
      /must be an integer; got number 2.5/,
    ],
    ["maxMemberCount string", { ...base, maxMemberCount: "500" }, "maxMemberCount", /must be an integer; got "500"/],
    [
      "maxMemberCount 6001 Public",
      { ...base, maxMemberCount: 6001 },
      "maxMemberCount",
      /between 1 and 6000 for a Public group/,
    ],
    [
      "maxMemberCount 100001 Community",
      { type: "Community", name: "c", maxMemberCount: 100001 },
      "maxMemberCount",
      /between 1 and 100000 for a Community group\..*tencent-chat:maxMemberCountCommunity/,
    ],
    [
      "applyJoinOption bad",
      { ...base, applyJoinOption: "Open" },
      "applyJoinOption",
      /must be one of "FreeAccess", "NeedPermission", "DisableApply"/,
    ],
    [
      "applyJoinOption on Community",
      { type: "Community", name: "c", applyJoinOption: "NeedPermission" },
      "applyJoinOption",
      /applyJoinOption does not apply to Community groups/,
    ],
    [
      "applyJoinOption other than DisableApply on Work",
      { type: "Work", name: "w", applyJoinOption: "NeedPermission" },
      "applyJoinOption",
      /Private \(Work\) group is always DisableApply and cannot be changed/,
    ],
    [
      "applyJoinOption other than FreeAccess on Meeting",
      { type: "Meeting", name: "m", applyJoinOption: "DisableApply" },
      "applyJoinOption",
      /ChatRoom \(Meeting\) group is always FreeAccess/,
    ],
    [
      "inviteJoinOption bad",
      { ...base, inviteJoinOption: "Open" },
      "inviteJoinOption",
      /must be one of "FreeAccess", "NeedPermission", "DisableInvite"/,
    ],
    [
      "inviteJoinOption on Community",
      { type: "Community", name: "c", inviteJoinOption: "FreeAccess" },
      "inviteJoinOption",
      /inviteJoinOption does not apply to Community groups/,
    ],
    [
      "supportTopic on Public",
      { ...base, supportTopic: true },
      "supportTopic",
      /supportTopic applies only to Community groups, not Public\. Remove it or set type to Community/,
    ],
    [
      "supportTopic not boolean",
      { type: "Community", name: "c", supportTopic: 1 },
      "supportTopic",
      /must be a boolean; got number 1/,
    ],
    [
      "appDefinedData 11 keys",
      { ...base, appDefinedData: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) },
      "appDefinedData",
      /appDefinedData has 11 keys \(not counting empty values, which mean absent\); the limit is 10/,
    ],
    [
      "appDefinedData key 17 chars",
      { ...base, appDefinedData: { ["k".repeat(17)]: "v" } },
      `appDefinedData.${"k".repeat(17)}`,
      /keys must be 1-16 letters, digits or _/,
    ],
    [
      "appDefinedData key with dash",
      { ...base, appDefinedData: { "a-b": "v" } },
      "appDefinedData.a-b",
      /key "a-b" is invalid/,
    ],
    [
      "appDefinedData value 513 bytes",
      { ...base, appDefinedData: { k: "v".repeat(513) } },
      "appDefinedData.k",
      /appDefinedData\.k is 513 bytes in UTF-8; the limit is 512/,
    ],
    [
      "appDefinedData value not string",
      { ...base, appDefinedData: { k: 1 } },
      "appDefinedData.k",
      /appDefinedData\.k must be a string/,
    ],
    [
      "appDefinedData not a map",
      { ...base, appDefinedData: ["a"] },
      "appDefinedData",
      /must be a map of strings; got an array/,
    ],
    ["createTime 0", { ...base, createTime: 0 }, "createTime", /createTime is 0; it must be between 1 and 4294967295/],
    [
      "createTime ms (too large)",
      { ...base, createTime: 1448357837000 },
      "createTime",
      /between 1 and 4294967295\. createTime is in Unix seconds, and 1448357837000 looks like milliseconds: use 1448357837\./,
    ],
    [
      "adopt neither boolean nor overwrite",
      { ...base, groupId: "g", adopt: "yes" },
      "adopt",
      /adopt must be true, false or "overwrite"; got "yes"/,
    ],
    [
      "adopt overwrite without groupId",
      { ...base, adopt: "overwrite" },
      "adopt",
      /adopt is "overwrite" but groupId is not set/,
    ],
    ["adopt without groupId", { ...base, adopt: true }, "adopt", /adopt is true but groupId is not set/],
    [
      "typo names the property",
      { ...base, groupID: "eng" },
      "groupID",
      /groupID is not a ChatGroup input\. Did you mean groupId\?/,
    ],
    [
      "far typo lists inputs",
      { ...base, colour: "red" },
      "colour",
      /colour is not a ChatGroup input\. Valid inputs: type, name, groupId/,
    ],
  ])("%s", (_label, news, property, reason) => {
    const failures = failuresOf(news);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toBe(property);
    expect(failures[0]!.reason).toMatch(reason);
  });
});

test("check returns ALL failures at once, each naming its property", () => {
  const news = {
    type: "Private",
    name: "工".repeat(11),
    groupId: "g".repeat(49),
    ownerAccount: "用户",
    introduction: "i".repeat(241),
    maxMemberCount: 7000,
    supportTopic: true,
    appDefinedData: { "bad-key": "v", ok: 5 },
    createTime: -5,
    adopt: "no",
    nmae: "typo",
  };
  const { failures } = check({}, news);
  const props = failures.map((f) => f.property);
  expect(props).toEqual(
    expect.arrayContaining([
      "name",
      "groupId",
      "ownerAccount",
      "introduction",
      "maxMemberCount",
      "supportTopic",
      "appDefinedData.bad-key",
      "appDefinedData.ok",
      "createTime",
      "adopt",
      "nmae",
    ]),
  );
  for (const f of failures) expect(f.reason).toContain(f.property.split(".")[0]);
});

test("limits are overridable (newer docs: name 100 bytes)", () => {
  const news = { ...base, name: "x".repeat(60) };
  expect(failuresOf(news)).toHaveLength(1);
  expect(failuresOf(news, NEWER_DOC_LIMITS)).toEqual([]);
  expect(
    failuresOf(
      { ...base, appDefinedData: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, "v"])) },
      { maxAppDefinedKeys: 20 },
    ),
  ).toEqual([]);
  expect(failuresOf({ ...base, maxMemberCount: 300 }, { maxMemberCount: 200 })[0]!.reason).toMatch(
    /between 1 and 200 for a Public group/,
  );
});

describe("check: a service-assigned id the stack already manages", () => {
  const adopted = { ...base, groupId: "@TGS#2J4SZEAEL" };
  test("may drop adopt: the previous inputs hold the same id", () => {
    expect(check({ ...adopted, adopt: true, __provider: "p" }, adopted).failures).toEqual([]);
  });
  test("is refused when the previous inputs hold another id (that would be a new group)", () => {
    expect(check({ ...base, groupId: "@TGS#OTHER" }, adopted).failures.map((f) => f.property)).toEqual(["groupId"]);
  });
});

describe("check: values unknown during preview are not errors", () => {
  test.each<[string, Record<string, unknown>]>([
    ["unknown name (required)", { type: "Public", name: UNKNOWN }],
    [
      "unknown type skips type rules",
      {
        type: UNKNOWN,
        name: "n",
        groupId: "@TGS#x",
        supportTopic: true,
        applyJoinOption: "FreeAccess",
        maxMemberCount: 50000,
      },
    ],
    ["unknown groupId skips prefix and adopt rules", { ...base, groupId: UNKNOWN, adopt: true }],
    ["unknown adopt skips the groupId prefix rule", { ...base, groupId: "@TGS#x", adopt: UNKNOWN }],
    ["whole map unknown", { ...base, appDefinedData: UNKNOWN }],
    ["a map value unknown", { ...base, appDefinedData: { a: UNKNOWN, b: "x" } }],
    ["unknown int and bool", { ...base, maxMemberCount: UNKNOWN, createTime: UNKNOWN, muteAllMember: UNKNOWN }],
  ])("%s", (_l, news) => {
    expect(failuresOf(news)).toEqual([]);
  });

  test("known values beside unknown ones are still checked", () => {
    const f = failuresOf({ type: UNKNOWN, name: "x".repeat(31), appDefinedData: { a: UNKNOWN, "b-": "x" } });
    expect(f.map((x) => x.property)).toEqual(["name", "appDefinedData.b-"]);
  });

  test("an unknown map value still counts towards the key limit", () => {
    const map = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, UNKNOWN]));
    expect(failuresOf({ ...base, appDefinedData: map })[0]!.property).toBe("appDefinedData");
  });

  test("unknown values are kept in the returned inputs", () => {
    const { inputs } = check({}, { type: UNKNOWN, name: "n", appDefinedData: { a: UNKNOWN } });
    expect(inputs.type).toBe(UNKNOWN);
    expect(inputs.appDefinedData).toEqual({ a: UNKNOWN });
    expect(inputs).not.toHaveProperty("applyJoinOption"); // its default depends on the type
  });
});

describe("check: normalised inputs", () => {
  test.each([
    ["Work", "Private"],
    ["Meeting", "ChatRoom"],
    ["Private", "Private"],
    ["ChatRoom", "ChatRoom"],
  ])("type %s → %s", (given, canonical) => {
    expect(check({}, { type: given, name: "n" }).inputs.type).toBe(canonical);
  });

  test("defaults filled, map sorted and empties dropped, no undefined, no engine keys", () => {
    const { inputs } = check(
      {},
      { type: "Work", name: "n", groupId: undefined, appDefinedData: { b: "2", a: "1", c: "" }, __provider: "p" },
    );
    expect(inputs).toEqual({
      type: "Private",
      name: "n",
      introduction: "",
      notification: "",
      faceUrl: "",
      applyJoinOption: "DisableApply",
      appDefinedData: { a: "1", b: "2" },
      supportTopic: false,
      muteAllMember: false,
      adopt: false,
      groupId: expect.stringMatching(/^group-[0-9a-f]{8}$/), // generated: no resource name given
    });
    expect(Object.keys(inputs.appDefinedData as object)).toEqual(["a", "b"]);
  });

  test("Community has no applyJoinOption", () => {
    expect(check({}, { type: "Community", name: "c" }).inputs).not.toHaveProperty("applyJoinOption");
  });

  test.each([undefined, null, "string", 42, [], { __provider: "x" }])("never throws on %p", (news) => {
    expect(() => check(undefined, news)).not.toThrow();
  });
});
