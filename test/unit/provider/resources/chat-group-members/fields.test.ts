/** ChatGroupMembers check (every failure names its field and fix; canonical map) and diff (keyed by account). */
import { checkMembers, diffMembers } from "../../../../../provider/resources/chat-group-members/fields";
import { UNKNOWN } from "../../../../../provider/resource/types";

describe("checkMembers", () => {
  test("canonical form: members keyed by account, sorted, role filled in, name card only when declared", () => {
    const { inputs, failures } = checkMembers(
      {},
      {
        groupId: "g",
        members: [
          { account: "bob", nameCard: "B" },
          { account: "alice", role: "Admin" },
        ],
        __x: 1,
      },
    );
    expect(failures).toEqual([]);
    expect(JSON.stringify(inputs)).toBe(
      JSON.stringify({
        groupId: "g",
        members: { alice: { role: "Admin" }, bob: { role: "Member", nameCard: "B" } },
      }),
    );
  });

  test("the canonical map is accepted back (state copied by ignoreChanges) and yields the same inputs", () => {
    const first = checkMembers({}, { groupId: "g", members: [{ account: "a", role: "Admin" }], adopt: "overwrite" });
    const again = checkMembers(first.inputs, first.inputs);
    expect(again).toEqual(first);
  });

  test.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      "duplicate account, naming both indexes",
      { members: [{ account: "a" }, { account: "b" }, { account: "a" }] },
      "members[2].account",
      /"a" is already declared at members\[0\]/,
    ],
    ["bad role", { members: [{ account: "a", role: "Owner" }] }, "members[0].role", /"Member", "Admin".*ownerAccount/],
    [
      "name card over 50 bytes",
      { members: [{ account: "a", nameCard: "名".repeat(17) }] },
      "members[0].nameCard",
      /51 bytes.*limit is 50/,
    ],
    ["account missing", { members: [{ role: "Admin" }] }, "members[0].account", /required/],
    ["account breaks the UserID rule", { members: [{ account: "a b" }] }, "members[0].account", /UserID rule/],
    [
      "unknown member field",
      { members: [{ account: "a", mute: 1 }] },
      "members[0].mute",
      /not a field.*Valid fields: account, role, nameCard/,
    ],
    ["members not a list", { members: "a,b" }, "members", /must be a list/],
    ["members missing", { members: undefined }, "members", /required/],
    ["groupId missing", { groupId: undefined }, "groupId", /required/],
    ["adopt", { adopt: "yes" }, "adopt", /true, false or "overwrite"/],
    ["unknown input", { owners: [] }, "owners", /not an input.*Valid inputs: groupId, members, app, adopt/],
  ])("%s", (_label, patch, property, reason) => {
    const { failures } = checkMembers({}, { groupId: "g", members: [], ...patch });
    const f = failures.find((x) => x.property === property);
    expect(f?.reason).toMatch(reason);
  });

  test("every problem at once", () => {
    const { failures } = checkMembers({}, { members: [{ account: "a", role: "x" }, { account: "a" }] });
    expect(failures.map((f) => f.property).sort()).toEqual(["groupId", "members[0].role", "members[1].account"]);
  });

  test("unknown values (preview) are not validated", () => {
    expect(checkMembers({}, { groupId: UNKNOWN, members: UNKNOWN }).failures).toEqual([]);
    expect(checkMembers({}, { groupId: "g", members: [{ account: UNKNOWN, role: "Admin" }] }).failures).toEqual([]);
  });
});

describe("diffMembers", () => {
  const olds = { groupId: "g", members: { a: { role: "Member" }, b: { role: "Member" } }, managedAccounts: ["a", "b"] };

  test("no change when the membership is the same", () => {
    expect(
      diffMembers(olds, { groupId: "g", members: { a: { role: "Member" }, b: { role: "Member" } } }),
    ).toMatchObject({
      changes: false,
      replaces: [],
      detailedDiff: {},
    });
  });

  test("names each account added, removed and changed", () => {
    const d = diffMembers(olds, { groupId: "g", members: { a: { role: "Admin" }, c: { role: "Member" } } });
    expect(d.changes).toBe(true);
    expect(d.replaces).toEqual([]);
    expect(Object.keys(d.detailedDiff).sort()).toEqual(['members["a"]', 'members["b"]', 'members["c"]']);
    expect(d.detailedDiff['members["b"]']!.kind).toBe("delete");
  });

  test("another group replaces, creating first", () => {
    const d = diffMembers(olds, { groupId: "h", members: olds.members });
    expect(d).toMatchObject({ changes: true, replaces: ["groupId"], deleteBeforeReplace: false });
  });

  test("unknown members are a change", () => {
    expect(diffMembers(olds, { groupId: "g", members: UNKNOWN }).changes).toBe(true);
    expect(diffMembers(olds, { groupId: "g", members: { a: { role: UNKNOWN } } }).changes).toBe(true);
  });
});
