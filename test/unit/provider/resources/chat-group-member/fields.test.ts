/**
 * ChatGroupMember's field table as check and diff use it: every bad input reported at once with the field and the
 * fix; defaults; unknown values pass; which changes replace, which delete first, which change nothing.
 */
import { checkMember, diffMember, memberId } from "../../../../../provider/resources/chat-group-member/fields";
import { UNKNOWN } from "../../../../../provider/resource/types";

const base = { groupId: "eng", account: "alice" };

describe("check", () => {
  test("defaults: role Member, adopt true; absent optional fields stay absent; __ keys are not inputs", () => {
    expect(checkMember({ ...base, __provider: "x" })).toEqual({
      inputs: { groupId: "eng", account: "alice", role: "Member", adopt: true },
      failures: [],
    });
  });

  test("every problem at once, each naming its field", () => {
    const { failures } = checkMember({
      groupId: "",
      account: "bad id!",
      role: "Owner",
      nameCard: "x".repeat(51),
      joinTime: 1.5,
      adopt: "yes",
    });
    const by = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(Object.keys(by).sort()).toEqual(["account", "adopt", "groupId", "joinTime", "nameCard", "role"]);
    expect(by.groupId).toMatch(/groupId must not be empty/);
    expect(by.account).toMatch(/account must contain only 1-32 characters .*UserID rule\); got "bad id!"/);
    expect(by.role).toMatch(/role "Owner" cannot be declared: the owner is ChatGroup's ownerAccount/);
    expect(by.nameCard).toMatch(/nameCard is 51 bytes in UTF-8; the limit is 50 bytes/);
    expect(by.joinTime).toMatch(/joinTime must be an integer; got number 1.5/);
    expect(by.adopt).toMatch(/adopt must be true, false or "overwrite"/);
  });

  test("missing required fields; a name card counted in UTF-8 bytes; an unknown role", () => {
    const by = Object.fromEntries(
      checkMember({ nameCard: "名".repeat(17), role: "admin" }).failures.map((f) => [f.property, f.reason]),
    );
    expect(by.groupId).toMatch(/groupId is required/);
    expect(by.account).toMatch(/account is required/);
    expect(by.nameCard).toMatch(/51 bytes/);
    expect(by.role).toMatch(
      /role must be one of "Member", "Admin" \(case matters\); got "admin"\. Did you mean "Admin"\?/,
    );
  });

  test("unknown values (preview) are never validated and pass through", () => {
    expect(checkMember({ groupId: UNKNOWN, account: UNKNOWN, role: UNKNOWN })).toEqual({
      inputs: { groupId: UNKNOWN, account: UNKNOWN, role: UNKNOWN, adopt: true },
      failures: [],
    });
  });

  test("prototype names are plain values, never reached through the prototype", () => {
    const inputs = JSON.parse('{"groupId":"g","account":"a","__proto__":{"role":"Admin"}}') as object;
    expect(checkMember(inputs).inputs.role).toBe("Member");
    expect(checkMember({ groupId: "constructor", account: "toString" }).failures).toEqual([]);
  });

  test("the resource id", () => {
    expect(memberId("eng/ops", "alice")).toBe("eng/ops/alice");
  });
});

describe("diff", () => {
  const olds = { ...base, role: "Member", adopt: true, adopted: false, isOwner: false, sdkAppId: 1 };

  test("equal (defaults filled either way): no change", () => {
    expect(diffMember(olds, base)).toMatchObject({ changes: false, replaces: [] });
  });

  test("role and name card change in place", () => {
    expect(diffMember(olds, { ...base, role: "Admin", nameCard: "A" })).toMatchObject({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
      detailedDiff: { role: { kind: "update" }, nameCard: { kind: "add" } },
    });
  });

  test("group or account replace, creating first (another member)", () => {
    expect(diffMember(olds, { ...base, account: "bob" })).toMatchObject({
      replaces: ["account"],
      deleteBeforeReplace: false,
    });
    expect(diffMember(olds, { ...base, groupId: "ops" })).toMatchObject({
      replaces: ["groupId"],
      deleteBeforeReplace: false,
    });
    expect(diffMember(olds, { ...base, groupId: UNKNOWN })).toMatchObject({
      replaces: ["groupId"],
      deleteBeforeReplace: false,
    });
  });

  test("a new joinTime replaces the same member: delete first; with a new account too, create first", () => {
    const imported = { ...olds, joinTime: 100 };
    expect(diffMember(imported, { ...base, joinTime: 200 })).toMatchObject({
      replaces: ["joinTime"],
      deleteBeforeReplace: true,
    });
    expect(diffMember(olds, { ...base, joinTime: 200 })).toMatchObject({
      replaces: ["joinTime"],
      deleteBeforeReplace: true,
    });
    expect(diffMember(imported, { ...base, account: "bob", joinTime: 200 })).toMatchObject({
      replaces: ["account", "joinTime"],
      deleteBeforeReplace: false,
    });
  });

  test("removing joinTime or nameCard, or changing adopt, changes nothing", () => {
    expect(diffMember({ ...olds, joinTime: 100, nameCard: "A" }, base).changes).toBe(false);
    expect(diffMember(olds, { ...base, adopt: "overwrite" }).changes).toBe(false);
  });

  test("an app change is a change (the provider makes it a replacement when the SDKAppID differs)", () => {
    expect(diffMember(olds, { ...base, app: "intl" })).toMatchObject({ changes: true, replaces: [] });
  });
});
