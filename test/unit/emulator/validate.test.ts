/**
 * The emulator's field rules (emulator/validate.ts), function by function: what each accepts, and the exact code and
 * ErrorInfo of each refusal (the handlers send them verbatim, and the provider's error mapping reads them).
 */
import { DEFAULT_BEHAVIOUR, resolveBehaviour } from "../../../emulator/behaviour";
import { ChatFailure } from "../../../emulator/envelope";
import {
  appDefinedEntries,
  applyJoinOption,
  checkAccountId,
  checkAppDefinedCount,
  checkBytes,
  checkCustomGroupId,
  defaultMemberLimit,
  fixedApplyJoinOption,
  importableType,
  inviteJoinOption,
  LISTABLE_TYPES,
  maxMemberLimit,
  muteValue,
  optionalInteger,
  optionalString,
  profileFields,
  requireString,
} from "../../../emulator/validate";

/** The refusal `fn` throws, as [code, ErrorInfo]. */
const refusal = (fn: () => unknown): [number, string] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ChatFailure) return [e.errorCode, e.errorInfo];
    throw e;
  }
  throw new Error("expected a refusal");
};
const B = DEFAULT_BEHAVIOUR;

describe("plain fields", () => {
  test("requireString: present, missing, empty, null, wrong type", () => {
    expect(requireString({ a: "x" }, "a")).toBe("x");
    expect(refusal(() => requireString({}, "a"))).toEqual([10004, "a is required"]);
    expect(refusal(() => requireString({ a: null }, "a"))).toEqual([10004, "a is required"]);
    expect(refusal(() => requireString({ a: "" }, "a"))).toEqual([10004, "a is required"]);
    expect(refusal(() => requireString({ a: 5 }, "a"))).toEqual([10004, "a must be a string"]);
  });
  test("optionalString: absent and null are undefined, empty is kept, wrong type refused", () => {
    expect(optionalString({}, "a")).toBeUndefined();
    expect(optionalString({ a: null }, "a")).toBeUndefined();
    expect(optionalString({ a: "" }, "a")).toBe("");
    expect(refusal(() => optionalString({ a: 1 }, "a"))).toEqual([10004, "a must be a string"]);
  });
  test("optionalInteger: bounds inclusive, fractions and text refused", () => {
    expect(optionalInteger({}, "n", 1, 5)).toBeUndefined();
    expect(optionalInteger({ n: null }, "n", 1, 5)).toBeUndefined();
    expect(optionalInteger({ n: 1 }, "n", 1, 5)).toBe(1);
    expect(optionalInteger({ n: 5 }, "n", 1, 5)).toBe(5);
    expect(refusal(() => optionalInteger({ n: 0 }, "n", 1, 5))).toEqual([10004, "n must be between 1 and 5, got 0"]);
    expect(refusal(() => optionalInteger({ n: 6 }, "n", 1, 5))).toEqual([10004, "n must be between 1 and 5, got 6"]);
    expect(refusal(() => optionalInteger({ n: 1.5 }, "n", 1, 5))).toEqual([10004, "n must be an integer"]);
    expect(refusal(() => optionalInteger({ n: "3" }, "n", 1, 5))).toEqual([10004, "n must be an integer"]);
  });
  test("checkBytes counts UTF-8 bytes, the limit itself allowed", () => {
    expect(() => checkBytes("F", "群群", 6)).not.toThrow();
    expect(refusal(() => checkBytes("F", "群群", 5))).toEqual([10004, "F is 6 bytes; the limit is 5 bytes"]);
  });
});

describe("profileFields", () => {
  test("keeps the fields given, each under its own limit", () => {
    const limits = { name: 3, introduction: 4, notification: 5, faceUrl: 6 };
    expect(
      profileFields({ Name: "abc", Introduction: "abcd", Notification: "abcde", FaceUrl: "abcdef" }, limits),
    ).toEqual({ Name: "abc", Introduction: "abcd", Notification: "abcde", FaceUrl: "abcdef" });
    expect(profileFields({ Other: "x" }, limits)).toEqual({});
    expect(refusal(() => profileFields({ Introduction: "abcde" }, limits))).toEqual([
      10004,
      "Introduction is 5 bytes; the limit is 4 bytes",
    ]);
    expect(refusal(() => profileFields({ Notification: "abcdef" }, limits))[1]).toMatch(/^Notification is 6 bytes/);
    expect(refusal(() => profileFields({ FaceUrl: "abcdefg" }, limits))[1]).toMatch(/^FaceUrl is 7 bytes/);
  });
  test("an empty Name is refused; empty other fields are kept", () => {
    expect(refusal(() => profileFields({ Name: "" }, B.limits))).toEqual([10004, "Name must not be empty"]);
    expect(profileFields({ Introduction: "" }, B.limits)).toEqual({ Introduction: "" });
  });
});

describe("group types and join options", () => {
  test("importableType: every importable type, aliases only when allowed, own alias entries only", () => {
    for (const t of ["Private", "Public", "ChatRoom", "Community"]) expect(importableType(t, B)).toBe(t);
    expect(refusal(() => importableType("AVChatRoom", B))).toEqual([
      10007,
      "import_group does not support AVChatRoom groups",
    ]);
    expect(refusal(() => importableType("Meeting", B))).toEqual([
      10004,
      'Type must be one of Private, Public, ChatRoom, Community; got "Meeting"',
    ]);
    const aliases = resolveBehaviour({ acceptTypeAliases: true });
    expect(refusal(() => importableType("constructor", aliases))[0]).toBe(10004);
    expect(refusal(() => importableType("Other", aliases))[0]).toBe(10004);
  });
  test("LISTABLE_TYPES holds the six documented types", () => {
    expect([...LISTABLE_TYPES].sort()).toEqual([
      "AVChatRoom",
      "BChatRoom",
      "ChatRoom",
      "Community",
      "Private",
      "Public",
    ]);
  });
  test("fixedApplyJoinOption: Private and ChatRoom are fixed unless the rules say settable", () => {
    expect(fixedApplyJoinOption("Private", B)).toBe("DisableApply");
    expect(fixedApplyJoinOption("ChatRoom", B)).toBe("FreeAccess");
    expect(fixedApplyJoinOption("Public", B)).toBeUndefined();
    const settable = resolveBehaviour({ joinOptionRules: "settable" });
    expect(fixedApplyJoinOption("Private", settable)).toBeUndefined();
    expect(fixedApplyJoinOption("ChatRoom", settable)).toBeUndefined();
  });
  test("applyJoinOption: absent, Community, unknown, fixed refused or kept", () => {
    expect(applyJoinOption(undefined, "Community", B)).toBeUndefined();
    expect(refusal(() => applyJoinOption("FreeAccess", "Community", B))).toEqual([
      10004,
      "ApplyJoinOption is not supported by Community groups",
    ]);
    for (const v of ["FreeAccess", "NeedPermission", "DisableApply"]) expect(applyJoinOption(v, "Public", B)).toBe(v);
    expect(refusal(() => applyJoinOption("Open", "Public", B))).toEqual([
      10004,
      'ApplyJoinOption must be FreeAccess, NeedPermission or DisableApply; got "Open"',
    ]);
    expect(applyJoinOption("DisableApply", "Private", B)).toBe("DisableApply");
    expect(refusal(() => applyJoinOption("FreeAccess", "Private", B))).toEqual([
      10004,
      "this group type does not enable apply join group",
    ]);
    expect(applyJoinOption("FreeAccess", "Private", resolveBehaviour({ joinOptionRules: "fixed-ignore" }))).toBe(
      "DisableApply",
    );
    expect(applyJoinOption("FreeAccess", "Private", resolveBehaviour({ joinOptionRules: "settable" }))).toBe(
      "FreeAccess",
    );
  });
  test("inviteJoinOption: absent, refused types with 10007, values", () => {
    expect(inviteJoinOption(undefined, "Community")).toBeUndefined();
    expect(refusal(() => inviteJoinOption("FreeAccess", "Community"))).toEqual([
      10007,
      "InviteJoinOption is not supported by Community groups",
    ]);
    expect(refusal(() => inviteJoinOption("FreeAccess", "AVChatRoom"))).toEqual([
      10007,
      "InviteJoinOption is not supported by AVChatRoom groups",
    ]);
    for (const v of ["FreeAccess", "NeedPermission", "DisableInvite"]) expect(inviteJoinOption(v, "Public")).toBe(v);
    expect(refusal(() => inviteJoinOption("DisableApply", "Public"))).toEqual([
      10004,
      'InviteJoinOption must be FreeAccess, NeedPermission or DisableInvite; got "DisableApply"',
    ]);
  });
  test("member limits by type", () => {
    const b = resolveBehaviour({
      memberLimits: { max: 1, maxCommunity: 2, importDefault: 3, importDefaultCommunity: 4 },
    });
    expect([maxMemberLimit("Public", b), maxMemberLimit("Community", b)]).toEqual([1, 2]);
    expect([defaultMemberLimit("Public", b), defaultMemberLimit("Community", b)]).toEqual([3, 4]);
  });
});

describe("ids", () => {
  test("custom GroupId: exact messages, printable from the first to the last character", () => {
    expect(refusal(() => checkCustomGroupId("\tab", "Public"))).toEqual([
      10004,
      "GroupId must be printable ASCII (0x20-0x7e)",
    ]);
    expect(refusal(() => checkCustomGroupId("", "Public"))[1]).toBe("GroupId must be printable ASCII (0x20-0x7e)");
    expect(refusal(() => checkCustomGroupId("x".repeat(49), "Public"))[1]).toBe(
      "GroupId is 49 bytes; the limit is 48 bytes",
    );
    expect(refusal(() => checkCustomGroupId("abc", "Community"))[1]).toBe(
      "GroupId of a Community group must start with @TGS#_",
    );
    expect(refusal(() => checkCustomGroupId("@TGS#x", "Public"))[1]).toBe(
      "GroupId must not start with @TGS# (reserved for ids the server assigns)",
    );
    expect(() => checkCustomGroupId(" ~", "Public")).not.toThrow();
    expect(() => checkCustomGroupId("a@TGS#", "Public")).not.toThrow();
  });
  test("account ids: string, non-empty, at most 32 bytes", () => {
    expect(checkAccountId("UserID", "a".repeat(32))).toBe("a".repeat(32));
    expect(refusal(() => checkAccountId("UserID", 5))).toEqual([10004, "UserID must be a string"]);
    expect(refusal(() => checkAccountId("UserID", ""))).toEqual([10004, "UserID must not be empty"]);
    expect(refusal(() => checkAccountId("UserID", "a".repeat(33)))).toEqual([
      10004,
      "UserID is 33 bytes; the limit is 32 bytes",
    ]);
  });
});

describe("app-defined data", () => {
  test("absent is empty; entries are checked in order with exact messages", () => {
    expect(appDefinedEntries(undefined, B)).toEqual([]);
    expect(appDefinedEntries(null, B)).toEqual([]);
    expect(refusal(() => appDefinedEntries({ Key: "a", Value: "b" }, B))).toEqual([
      10004,
      "AppDefinedData must be an array of {Key, Value}",
    ]);
    expect(refusal(() => appDefinedEntries([null], B))[1]).toBe("AppDefinedData entries must be {Key, Value} objects");
    expect(refusal(() => appDefinedEntries(["k"], B))[1]).toBe("AppDefinedData entries must be {Key, Value} objects");
    expect(refusal(() => appDefinedEntries([{ Key: 1, Value: "v" }], B))[1]).toBe(
      "AppDefinedData Key must be a string",
    );
    expect(refusal(() => appDefinedEntries([{ Key: "k", Value: 1 }], B))[1]).toBe(
      'AppDefinedData Value of "k" must be a string',
    );
    expect(refusal(() => appDefinedEntries([{ Key: "k".repeat(17), Value: "v" }], B))[1]).toBe(
      `AppDefinedData Key "${"k".repeat(17)}" must be 1-16 characters of [A-Za-z0-9_]`,
    );
    expect(refusal(() => appDefinedEntries([{ Key: "", Value: "v" }], B))[1]).toMatch(/must be 1-16 characters/);
    expect(refusal(() => appDefinedEntries([{ Key: "a-", Value: "v" }], B))[1]).toMatch(/must be 1-16 characters/);
    expect(refusal(() => appDefinedEntries([{ Key: "-a", Value: "v" }], B))[1]).toMatch(/must be 1-16 characters/);
    expect(
      refusal(() =>
        appDefinedEntries(
          [
            { Key: "k", Value: "1" },
            { Key: "k", Value: "2" },
          ],
          B,
        ),
      )[1],
    ).toBe('AppDefinedData Key "k" appears twice');
    expect(appDefinedEntries([{ Key: "k".repeat(16), Value: "v".repeat(512) }], B)).toHaveLength(1);
    expect(refusal(() => appDefinedEntries([{ Key: "k", Value: "群".repeat(171) }], B))[1]).toBe(
      "AppDefinedData Value of k is 513 bytes; the limit is 512 bytes",
    );
  });
  test("configured keys: a listed key passes, another is refused with the service's wording", () => {
    const b = resolveBehaviour({ appDefinedKeys: ["team"] });
    expect(appDefinedEntries([{ Key: "team", Value: "x" }], b)).toEqual([{ Key: "team", Value: "x" }]);
    expect(refusal(() => appDefinedEntries([{ Key: "level", Value: "x" }], b))).toEqual([
      10004,
      "all defined key is invalid",
    ]);
  });
  test("checkAppDefinedCount: the limit itself is allowed", () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "" }));
    expect(() => checkAppDefinedCount(entries(10), B)).not.toThrow();
    expect(refusal(() => checkAppDefinedCount(entries(11), B))).toEqual([
      10004,
      "AppDefinedData has 11 keys; the limit is 10",
    ]);
  });
});

describe("muteValue", () => {
  test("either name, both agreeing, disagreeing, bad values", () => {
    expect(muteValue({})).toBeUndefined();
    expect(muteValue({ MuteAllMember: "On" })).toBe("On");
    expect(muteValue({ ShutUpAllMember: "Off" })).toBe("Off");
    expect(muteValue({ MuteAllMember: "On", ShutUpAllMember: "On" })).toBe("On");
    expect(refusal(() => muteValue({ MuteAllMember: "On", ShutUpAllMember: "Off" }))).toEqual([
      10004,
      "MuteAllMember and ShutUpAllMember disagree",
    ]);
    expect(refusal(() => muteValue({ MuteAllMember: "on" }))).toEqual([10004, 'MuteAllMember must be "On" or "Off"']);
    expect(refusal(() => muteValue({ ShutUpAllMember: "Yes" }))).toEqual([
      10004,
      'ShutUpAllMember must be "On" or "Off"',
    ]);
  });
});
