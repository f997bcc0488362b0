/**
 * The field table's functions, called directly: limits, id rules, each field's cross-field rules with their exact
 * wording, type-dependent defaults and applicability, range wording and hints, and the kind wording. check.test.ts
 * covers the same rules through check(); these pin each function's bounds and messages on their own.
 */
import {
  DEFAULT_LIMITS,
  fieldByName,
  GROUP_TYPES,
  importableIdFailure,
  kindText,
  limitValue,
  NEWER_DOC_LIMITS,
  rangeReason,
  resolveLimits,
  STICKY_INPUTS,
  UNSETTLED,
  type FieldSpec,
  type RuleContext,
} from "../../../provider/resource/fields";
import type { GroupType } from "../../../provider/resource/types";

const spec = (name: string): FieldSpec => fieldByName(name)!;
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  type: "Public",
  values: {},
  limits: DEFAULT_LIMITS,
  olds: {},
  ...over,
});
/** The reasons of every rule of a field for one value. */
const reasons = (name: string, value: unknown, c: RuleContext): (string | undefined)[] =>
  (spec(name).rules ?? []).map((r) => r.test(value, c));

describe("limits and constants", () => {
  test("the REST docs' limits, frozen; the newer docs' override", () => {
    expect(DEFAULT_LIMITS).toEqual({
      name: 30,
      introduction: 240,
      notification: 300,
      faceUrl: 100,
      groupId: 48,
      ownerAccount: 32,
      maxAppDefinedKeys: 10,
      appDefinedValue: 512,
      maxMemberCount: 6000,
      maxMemberCountCommunity: 100000,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    expect(NEWER_DOC_LIMITS).toEqual({ name: 100, introduction: 400, notification: 400, faceUrl: 500 });
    expect(Object.isFrozen(NEWER_DOC_LIMITS)).toBe(true);
  });

  test("resolveLimits fills an override with the defaults", () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ name: 100 })).toEqual({ ...DEFAULT_LIMITS, name: 100 });
  });

  test("limitValue reads a named bound from the limits", () => {
    expect(limitValue(7, DEFAULT_LIMITS)).toBe(7);
    expect(limitValue("maxMemberCount", { ...DEFAULT_LIMITS, maxMemberCount: 9 })).toBe(9);
  });

  test("group types, sticky inputs, the unsettled flag, lookups", () => {
    expect(GROUP_TYPES).toEqual(["Private", "Public", "ChatRoom", "Community"]);
    expect(STICKY_INPUTS).toEqual(["groupId", "ownerAccount", "maxMemberCount", "createTime", "inviteJoinOption"]);
    expect(UNSETTLED).toBe("unsettled");
    expect(fieldByName("name")?.input).toBe("name");
    expect(fieldByName("toString")).toBeUndefined();
  });
});

describe("importableIdFailure", () => {
  test.each<[string, GroupType, string | undefined]>([
    ["@TGS#_mine", "Community", undefined],
    ["mine", "Community", 'groupId "mine" must start with "@TGS#_" for a Community group. Prefix it with @TGS#_.'],
    [
      "@TGS#mine",
      "Community",
      'groupId "@TGS#mine" must start with "@TGS#_" for a Community group. Prefix it with @TGS#_.',
    ],
    ["mine", "Public", undefined],
    ["x@TGS#", "Private", undefined],
    [
      "@TGS#_mine",
      "Public",
      'groupId "@TGS#_mine" starts with "@TGS#", the prefix of ids the service assigns itself: import_group refuses ' +
        "such ids (10004), so no new group can be created with it. To manage the existing group with this id, set " +
        "adopt: true; to create a new group, use an id without that prefix, or remove groupId and let the provider choose one.",
    ],
  ])("%s for %s", (id, type, expected) => {
    expect(importableIdFailure(id, type)).toBe(expected);
  });
});

describe("the rules of each field", () => {
  test("groupId: adopting, or the id the stack already holds, skips the prefix rule; an unknown type too", () => {
    expect(reasons("groupId", "@TGS#x", ctx())[0]).toMatch(/^groupId "@TGS#x" starts with "@TGS#"/);
    expect(reasons("groupId", "@TGS#x", ctx({ values: { adopt: true } }))[0]).toBeUndefined();
    expect(reasons("groupId", "@TGS#x", ctx({ values: { adopt: "overwrite" } }))[0]).toBeUndefined();
    expect(reasons("groupId", "@TGS#x", ctx({ values: { adopt: false } }))[0]).toMatch(/starts with/);
    expect(reasons("groupId", "@TGS#x", ctx({ olds: { groupId: "@TGS#x" } }))[0]).toBeUndefined();
    expect(reasons("groupId", "@TGS#x", ctx({ olds: { groupId: "@TGS#y" } }))[0]).toMatch(/starts with/);
    expect(reasons("groupId", "@TGS#x", ctx({ type: undefined }))[0]).toBeUndefined();
  });

  test("groupId beside serviceAssignedId: true is refused, with false it is not", () => {
    expect(reasons("groupId", "g", ctx({ values: { serviceAssignedId: true } }))[1]).toBe(
      "groupId and serviceAssignedId are both set; serviceAssignedId asks the service to choose the id. Remove one of them.",
    );
    expect(reasons("groupId", "g", ctx({ values: { serviceAssignedId: false } }))[1]).toBeUndefined();
  });

  test.each<[GroupType | undefined, number, string | undefined]>([
    ["Public", 1, undefined],
    ["Public", 6000, undefined],
    [undefined, 7000, undefined],
    ["Public", 0, "maxMemberCount is 0; it must be between 1 and 6000 for a Public group. Change it."],
    [
      "Public",
      6001,
      "maxMemberCount is 6001; it must be between 1 and 6000 for a Public group. Lower it, or if your plan allows " +
        "more, raise the limit with `pulumi config set tencent-chat:maxMemberCount <n>`.",
    ],
    ["Community", 100000, undefined],
    [
      "Community",
      100001,
      "maxMemberCount is 100001; it must be between 1 and 100000 for a Community group. Lower it, or if your plan " +
        "allows more, raise the limit with `pulumi config set tencent-chat:maxMemberCountCommunity <n>`.",
    ],
  ])("maxMemberCount for %s: %i", (type, n, expected) => {
    expect(reasons("maxMemberCount", n, ctx({ type }))).toEqual([expected]);
  });

  test("maxMemberCount follows the configured limits", () => {
    const limits = { ...DEFAULT_LIMITS, maxMemberCount: 8000 };
    expect(reasons("maxMemberCount", 8000, ctx({ limits }))).toEqual([undefined]);
    expect(spec("maxMemberCount").limitsDoc!(limits)).toBe(
      "1..8000 (Community 1..100000); raise with the maxMemberCount settings",
    );
  });

  test("appDefinedData: as many keys as the limit, not one more", () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    expect(reasons("appDefinedData", keys(10), ctx())).toEqual([undefined]);
    expect(reasons("appDefinedData", keys(11), ctx())).toEqual([
      "appDefinedData has 11 keys (not counting empty values, which mean absent); the limit is 10. Remove some.",
    ]);
    expect(reasons("appDefinedData", keys(11), ctx({ limits: { ...DEFAULT_LIMITS, maxAppDefinedKeys: 11 } }))).toEqual([
      undefined,
    ]);
  });

  test("adopt needs a groupId, given now or held by the stack", () => {
    expect(reasons("adopt", true, ctx())).toEqual([
      "adopt is true but groupId is not set; adopting needs the id of the existing group. Set groupId or remove adopt.",
    ]);
    expect(reasons("adopt", "overwrite", ctx())[0]).toMatch(/^adopt is "overwrite" but groupId is not set/);
    expect(reasons("adopt", false, ctx())).toEqual([undefined]);
    expect(reasons("adopt", undefined, ctx())).toEqual([undefined]);
    expect(reasons("adopt", true, ctx({ values: { groupId: "g" } }))).toEqual([undefined]);
    expect(reasons("adopt", true, ctx({ olds: { groupId: "g" } }))).toEqual([undefined]);
  });
});

describe("defaults and applicability by group type", () => {
  test.each<[string, (GroupType | undefined)[], unknown[]]>([
    [
      "applyJoinOption",
      [undefined, ...GROUP_TYPES],
      [undefined, "DisableApply", "NeedPermission", "FreeAccess", undefined],
    ],
    ["introduction", [undefined, "Public"], ["", ""]],
    ["supportTopic", [undefined, "Community"], [false, false]],
    ["muteAllMember", [undefined], [false]],
    ["adopt", [undefined], [false]],
    ["appDefinedData", [undefined], [{}]],
  ])("%s", (name, types, expected) => {
    expect(types.map((t) => spec(name).defaultFor?.(t))).toEqual(expected);
  });

  test.each<[string, boolean[]]>([
    ["applyJoinOption", [false, true, false, false]],
    ["supportTopic", [false, false, false, true]],
    ["inviteJoinOption", [true, true, true, false]],
  ])("%s applies to Private, Public, ChatRoom, Community: %p", (name, expected) => {
    expect(GROUP_TYPES.map((t) => spec(name).appliesTo!(t))).toEqual(expected);
  });

  test("the wording where a field does not apply", () => {
    const apply = spec("applyJoinOption").notApplicable!;
    expect(apply("Community", "FreeAccess")).toBe(
      "applyJoinOption does not apply to Community groups (the service refuses it). Remove it.",
    );
    expect(apply("Private", "FreeAccess")).toBe(
      'applyJoinOption of a Private (Work) group is always DisableApply and cannot be changed; got "FreeAccess". ' +
        "Remove it, or use type Public to choose how applications are handled.",
    );
    expect(apply("ChatRoom", "NeedPermission")).toBe(
      'applyJoinOption of a ChatRoom (Meeting) group is always FreeAccess and cannot be changed; got "NeedPermission". ' +
        "Remove it, or use type Public to choose how applications are handled.",
    );
    expect(spec("inviteJoinOption").notApplicable!("Community", "FreeAccess")).toBe(
      "inviteJoinOption does not apply to Community groups (communities do not take invitations; the service refuses it). Remove it.",
    );
  });
});

describe("rangeReason and the createTime hint", () => {
  const MAX = 4294967295;
  test.each<[number, string | undefined]>([
    [MAX, undefined],
    [
      MAX + 1,
      `createTime is in Unix seconds, and ${MAX + 1} looks like milliseconds: use ${Math.floor((MAX + 1) / 1000)}.`,
    ],
    [1700000000000, "createTime is in Unix seconds, and 1700000000000 looks like milliseconds: use 1700000000."],
    [MAX * 1000 + 999, `createTime is in Unix seconds, and ${MAX * 1000 + 999} looks like milliseconds: use ${MAX}.`],
    [(MAX + 1) * 1000, undefined],
  ])("createTime %p → hint %p", (v, hint) => {
    expect(spec("createTime").rangeHint!(v)).toBe(hint);
  });

  test("bounds of the field, of the group type, or none; the hint replaces 'Change it.'", () => {
    expect(rangeReason(spec("createTime"), 0, undefined, DEFAULT_LIMITS)).toBe(
      "createTime is 0; it must be between 1 and 4294967295. Change it.",
    );
    expect(rangeReason(spec("createTime"), 1700000000000, "Public", DEFAULT_LIMITS)).toBe(
      "createTime is 1700000000000; it must be between 1 and 4294967295. createTime is in Unix seconds, and " +
        "1700000000000 looks like milliseconds: use 1700000000.",
    );
    expect(rangeReason(spec("maxMemberCount"), 0, undefined, DEFAULT_LIMITS)).toBe(
      "maxMemberCount is 0; it must be between 1 and 10000000. Change it.",
    );
    expect(rangeReason(spec("maxMemberCount"), 0, "ChatRoom", DEFAULT_LIMITS)).toBe(
      "maxMemberCount is 0; it must be between 1 and 6000 for a ChatRoom group. Change it.",
    );
    expect(rangeReason(spec("name"), "x", "Public", DEFAULT_LIMITS)).toBe(
      "name is x; it must be within its limits. Change it.",
    );
    expect(rangeReason(spec("createTime"), "1700000000000", undefined, DEFAULT_LIMITS)).toBe(
      "createTime is 1700000000000; it must be between 1 and 4294967295. Change it.",
    );
  });
});

describe("kindText", () => {
  test.each<[string, string]>([
    ["type", '"Private" | "Public" | "ChatRoom" | "Community" | "Work" | "Meeting"'],
    ["applyJoinOption", '"FreeAccess" | "NeedPermission" | "DisableApply"'],
    ["name", "string"],
    ["maxMemberCount", "integer"],
    ["muteAllMember", "boolean"],
    ["adopt", 'boolean | "overwrite"'],
    ["appDefinedData", "map of strings"],
  ])("%s: %s", (name, text) => {
    expect(kindText(spec(name))).toBe(text);
  });
});

describe("patterns", () => {
  const re = (name: string) => new RegExp(spec(name).pattern!.source);
  test.each<[string, string, boolean]>([
    ["groupId", " ~", true],
    ["groupId", "a\u007f", false],
    ["groupId", "a\u001f", false],
    ["ownerAccount", "user_1 -x", true],
    ["ownerAccount", "é", false],
    ["appDefinedData", "a".repeat(16), true],
    ["appDefinedData", "a".repeat(17), false],
    ["appDefinedData", "", false],
    ["appDefinedData", "__proto__", false],
    ["appDefinedData", "__proto__x", true],
    ["appDefinedData", "a-b", false],
    ["app", `${"a".repeat(63)}-`, true],
    ["app", "a".repeat(65), false],
    ["app", "", false],
    ["app", "eu.west", false],
  ])("%s %p → %p", (name, value, ok) => {
    expect(re(name).test(value)).toBe(ok);
  });
});
