/** Adoption rules (pure): which mode `adopt` asks for, which fields count as differences, and what the refusal says. */
import { ErrorCodes } from "../../../provider/client/errors";
import { adoptDifferences, adoptMode, adoptRefusal } from "../../../provider/resource/adopt";

/** A live group mapped to outputs, as the lifecycle passes it. */
const live = {
  type: "Public",
  name: "legacy",
  groupId: "g1",
  ownerAccount: "leckie",
  createTime: 5,
  introduction: "hi",
  notification: "",
  faceUrl: "",
  maxMemberCount: 300,
  applyJoinOption: "NeedPermission",
  appDefinedData: { level: "gold" },
  supportTopic: false,
  muteAllMember: false,
  adopt: false,
  customGroupId: true,
  declaredSticky: ["groupId"],
  memberNum: 1,
};
const declared = {
  type: "Public",
  name: "legacy",
  groupId: "g1",
  introduction: "hi",
  maxMemberCount: 300,
  appDefinedData: { level: "gold" },
};

test.each<[unknown, false | "match" | "overwrite"]>([
  [undefined, false],
  [false, false],
  [true, "match"],
  ["overwrite", "overwrite"],
  ["yes", false],
])("adopt %p is mode %p", (adopt, mode) => {
  expect(adoptMode({ ...declared, adopt })).toBe(mode);
});

test("a program that describes the live group has no difference; omitted owner and createTime are taken as they are", () => {
  expect(adoptDifferences(live, { ...declared, adopt: true })).toEqual([]);
  expect(adoptRefusal("g1", live, { ...declared, adopt: true })).toBeUndefined();
});

test.each<[string, Record<string, unknown>, string[]]>([
  ["an omitted field means its default", { introduction: undefined }, ["introduction"]],
  ["a declared owner that differs", { ownerAccount: "peter" }, ["ownerAccount"]],
  ["a custom field", { appDefinedData: {} }, ["appDefinedData"]],
  // A Meeting (ChatRoom) group's applyJoinOption is fixed (FreeAccess), so it differs from the Public group's too.
  ["a replace-only field", { type: "ChatRoom" }, ["type", "applyJoinOption"]],
  ["adopt itself is never a difference", { adopt: "overwrite" }, []],
])("%s", (_label, change, fields) => {
  expect(adoptDifferences(live, { ...declared, ...change }).map((c) => c.field)).toEqual(fields);
});

test("the refusal lists each difference as a line to paste, and how to overwrite instead", () => {
  const e = adoptRefusal("g1", live, { ...declared, name: "mine", maxMemberCount: 2000, adopt: true })!;
  expect(e.code).toBe(ErrorCodes.AdoptMismatch);
  expect(e.message.split("\n")).toEqual([
    'cannot adopt group "g1": the live group differs from the program in 2 fields (name, maxMemberCount). Nothing was changed ' +
      "and nothing was recorded in the stack. To adopt it as it is, declare its live values:",
    '  name: "legacy", // declared "mine"',
    "  maxMemberCount: 300, // declared 2000",
    'Or set adopt: "overwrite" to replace the live values with the declared ones (preview cannot show this: it does not read the live group).',
  ]);
});

test("a live value that is absent is written as a comment saying to remove the input", () => {
  const { ownerAccount: _none, ...ownerless } = live;
  const e = adoptRefusal("g1", ownerless, { ...declared, ownerAccount: "peter", adopt: true })!;
  expect(e.message).toContain(
    '  // ownerAccount: the group has none; remove ownerAccount from the program (declared "peter")',
  );
});

test('"overwrite" goes ahead unless a field no API can change differs', () => {
  expect(adoptRefusal("g1", live, { ...declared, name: "mine", adopt: "overwrite" })).toBeUndefined();
  const e = adoptRefusal("g1", live, { ...declared, type: "ChatRoom", name: "mine", adopt: "overwrite" })!;
  expect(e.message).toContain('  type: "Public", // declared "ChatRoom"');
  expect(e.message).toMatch(/type cannot change in place \(no API changes it\), so adopt: "overwrite" cannot help/);
});
