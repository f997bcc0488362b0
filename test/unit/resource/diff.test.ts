import { check } from "../../../provider/resource/check";
import { diff, fieldChanges, plannedUpdate } from "../../../provider/resource/diff";
import { FIELDS } from "../../../provider/resource/fields";
import { UNKNOWN } from "../../../provider/resource/types";

type Props = Record<string, unknown>;

/** Old outputs as create/read store them: canonical inputs + facts + the engine's `__provider`. */
function outputs(inputs: Props, facts: Props = {}): Props {
  const canonical = check({}, inputs).inputs;
  const custom = inputs.groupId !== undefined;
  return {
    ...canonical,
    groupId: (inputs.groupId as string | undefined) ?? "@TGS#2J4SZEAEL",
    customGroupId: custom,
    createTime: (inputs.createTime as number | undefined) ?? 1700000000,
    memberNum: 3,
    infoSeq: 7,
    __provider: "exports.handler = __f0; /* v1 */",
    ...facts,
  };
}
/** Checked new inputs of an existing resource: check gets the previous inputs as olds (as the engine does). */
const news = (inputs: Props, previous: Props = base): Props => ({
  ...check(previous, inputs).inputs,
  __provider: "exports.handler = __f0; /* v2 */",
});

const base: Props = { type: "Public", name: "Engineering" };
const NONE = { changes: false, replaces: [], deleteBeforeReplace: false };
const UPDATE = { changes: true, replaces: [], deleteBeforeReplace: false };
const replace = (replaces: string[], dbr: boolean) => ({ changes: true, replaces, deleteBeforeReplace: dbr });

describe("diff: transition matrix", () => {
  test.each<[string, Props, Props, object]>([
    // equal and equivalent forms
    ["identical", base, base, NONE],
    ["alias Work vs Private", { ...base, type: "Private" }, { ...base, type: "Work" }, NONE],
    ["alias Meeting vs ChatRoom", { ...base, type: "Meeting" }, { ...base, type: "ChatRoom" }, NONE],
    ["absent vs default applyJoinOption", base, { ...base, applyJoinOption: "NeedPermission" }, NONE],
    [
      "maxMemberCount value→absent is not a change (the service's value is kept)",
      { ...base, maxMemberCount: 2000 },
      base,
      NONE,
    ],
    [
      "Community maxMemberCount 100000 read back vs absent",
      { type: "Community", name: "c", maxMemberCount: 100000 },
      { type: "Community", name: "c" },
      NONE,
    ],
    ["inviteJoinOption value→absent", { ...base, inviteJoinOption: "DisableInvite" }, base, NONE],
    ["absent vs empty introduction", base, { ...base, introduction: "" }, NONE],
    ["absent vs empty map", base, { ...base, appDefinedData: {} }, NONE],
    ["absent vs false supportTopic/muteAllMember", base, { ...base, supportTopic: false, muteAllMember: false }, NONE],
    [
      "map key order",
      { ...base, appDefinedData: { a: "1", b: "2" } },
      { ...base, appDefinedData: { b: "2", a: "1" } },
      NONE,
    ],
    [
      "empty map value ≡ absent key",
      { ...base, appDefinedData: { a: "1" } },
      { ...base, appDefinedData: { a: "1", b: "" } },
      NONE,
    ],
    // mutable fields: absent→value, value→absent, value→value
    ["name changed", base, { ...base, name: "Eng" }, UPDATE],
    ["introduction absent→value", base, { ...base, introduction: "hi" }, UPDATE],
    ["introduction value→absent (clears)", { ...base, introduction: "hi" }, base, UPDATE],
    ["notification changed", { ...base, notification: "a" }, { ...base, notification: "b" }, UPDATE],
    ["faceUrl absent→value", base, { ...base, faceUrl: "https://x/y.png" }, UPDATE],
    ["maxMemberCount value→value", { ...base, maxMemberCount: 500 }, { ...base, maxMemberCount: 400 }, UPDATE],
    ["maxMemberCount absent→value", base, { ...base, maxMemberCount: 400 }, UPDATE],
    ["inviteJoinOption absent→value", base, { ...base, inviteJoinOption: "NeedPermission" }, UPDATE],
    ["applyJoinOption changed", base, { ...base, applyJoinOption: "FreeAccess" }, UPDATE],
    [
      "appDefinedData value changed",
      { ...base, appDefinedData: { a: "1" } },
      { ...base, appDefinedData: { a: "2" } },
      UPDATE,
    ],
    [
      "appDefinedData key removed",
      { ...base, appDefinedData: { a: "1", b: "2" } },
      { ...base, appDefinedData: { a: "1" } },
      UPDATE,
    ],
    ["appDefinedData value→absent", { ...base, appDefinedData: { a: "1" } }, base, UPDATE],
    ["muteAllMember on", base, { ...base, muteAllMember: true }, UPDATE],
    [
      "ownerAccount changed (transfer)",
      { ...base, ownerAccount: "leckie" },
      { ...base, ownerAccount: "peter" },
      UPDATE,
    ],
    ["ownerAccount absent→value (assign an owner)", base, { ...base, ownerAccount: "peter" }, UPDATE],
    // sticky create-time inputs: removal is not a change
    ["ownerAccount value→absent", { ...base, ownerAccount: "leckie" }, base, NONE],
    ["groupId value→absent", { ...base, groupId: "eng" }, base, NONE],
    ["createTime value→absent", { ...base, createTime: 1448357837 }, base, NONE],
    ["groupId equal", { ...base, groupId: "eng" }, { ...base, groupId: "eng" }, NONE],
    ["createTime equal to the actual time", base, { ...base, createTime: 1700000000 }, NONE],
    // replace keys
    ["type changed (service id)", base, { ...base, type: "Private" }, replace(["type"], false)],
    [
      "type changed (custom id)",
      { ...base, groupId: "eng" },
      { ...base, groupId: "eng", type: "Private" },
      replace(["type"], true),
    ],
    // the program no longer declares the id: the engine's re-check chooses a new one, so create first
    [
      "type changed, old custom id removed from program",
      { ...base, groupId: "eng" },
      { ...base, type: "Private" },
      replace(["type"], false),
    ],
    // a different id needs no delete first (issue 9, defect 2)
    ["groupId absent→value", base, { ...base, groupId: "eng" }, replace(["groupId"], false)],
    ["groupId value→other", { ...base, groupId: "eng" }, { ...base, groupId: "eng2" }, replace(["groupId"], false)],
    [
      "createTime different",
      { ...base, createTime: 1448357837 },
      { ...base, createTime: 1448357838 },
      replace(["createTime"], false),
    ],
    [
      "supportTopic false→true",
      { type: "Community", name: "c" },
      { type: "Community", name: "c", supportTopic: true },
      replace(["supportTopic"], false),
    ],
    [
      "supportTopic true→absent",
      { type: "Community", name: "c", supportTopic: true },
      { type: "Community", name: "c" },
      replace(["supportTopic"], false),
    ],
    ["Public→Community", base, { type: "Community", name: "Engineering" }, replace(["type"], false)],
    ["replace plus update", base, { ...base, type: "ChatRoom", name: "x" }, replace(["type"], false)],
    // no API effect
    ["adopt toggled", { ...base, groupId: "eng" }, { ...base, groupId: "eng", adopt: true }, NONE],
  ])("%s", (_l, old, nu, expected) => {
    expect(diff(outputs(old), news(nu, old))).toMatchObject(expected);
  });
});

describe("diff: olds are old outputs", () => {
  test("output-only facts, __provider and unknown keys in olds are ignored", () => {
    const old = outputs(base, { memberNum: 99, infoSeq: 100, lastInfoTime: 5, __provider: "different text" });
    expect(diff(old, news(base)).changes).toBe(false);
  });

  test("state written by an earlier version (no defaults, no customGroupId) does not diff", () => {
    const old = { type: "Public", name: "Engineering", groupId: "@TGS#2J4SZEAEL", createTime: 1, __provider: "x" };
    expect(diff(old, news(base))).toMatchObject(NONE);
  });

  test("a replacement deletes first only when the program declares the old group's id", () => {
    const old = { type: "Public", name: "E", groupId: "eng" };
    expect(diff(old, news({ type: "Private", name: "E", groupId: "eng" }, old)).deleteBeforeReplace).toBe(true);
    expect(diff(old, news({ type: "Private", name: "E" }, old)).deleteBeforeReplace).toBe(false); // carried: a new id follows
    expect(diff({ ...old, groupId: "@TGS#2J4SZEAEL" }, news({ type: "Private", name: "E" })).deleteBeforeReplace).toBe(
      false,
    );
  });

  test("a delete-first replacement of an id import_group cannot create (adopted @TGS#) is refused with the way out", () => {
    const old = { ...outputs({ ...base, groupId: "@TGS#2J4SZEAEL", adopt: true }) };
    expect(() => diff(old, news({ ...base, type: "Private", groupId: "@TGS#2J4SZEAEL", adopt: true }, old))).toThrow(
      /replaces group "@TGS#2J4SZEAEL", but import_group cannot create a group with this id.*remove groupId and adopt/,
    );
    // Without the declared id the replacement gets a new one: create first, no refusal.
    expect(diff(old, news({ ...base, type: "Private" }, old))).toMatchObject(replace(["type"], false));
  });

  test.each([
    ["Private", "Work"],
    ["ChatRoom", "Meeting"],
  ])("%s olds with any stored applyJoinOption never diff (its value is fixed)", (type, alias) => {
    for (const stored of ["FreeAccess", "NeedPermission", "DisableApply"]) {
      const old = { ...outputs({ type, name: "w" }), applyJoinOption: stored };
      expect(diff(old, news({ type: alias, name: "w" }))).toMatchObject(NONE);
    }
  });

  test("Community olds keep no applyJoinOption even if the service reported one", () => {
    const old = { ...outputs({ type: "Community", name: "c" }), applyJoinOption: "FreeAccess" };
    expect(diff(old, news({ type: "Community", name: "c" })).changes).toBe(false);
  });
});

describe("diff: values unknown during preview count as changed", () => {
  test.each<[string, Props, object]>([
    ["name", { ...base, name: UNKNOWN }, UPDATE],
    ["appDefinedData value", { ...base, appDefinedData: { a: UNKNOWN } }, UPDATE],
    ["whole appDefinedData", { ...base, appDefinedData: UNKNOWN }, UPDATE],
    ["ownerAccount", { ...base, ownerAccount: UNKNOWN }, UPDATE],
    ["type (replace)", { ...base, type: UNKNOWN }, replace(["type"], false)],
    ["groupId (replace, delete first)", { ...base, groupId: UNKNOWN }, replace(["groupId"], true)],
    ["createTime (replace)", { ...base, createTime: UNKNOWN }, replace(["createTime"], false)],
    ["adopt (no effect)", { ...base, adopt: UNKNOWN }, NONE],
  ])("%s", (_l, nu, expected) => {
    expect(diff(outputs(base), { ...nu, __provider: UNKNOWN })).toMatchObject(expected);
  });
});

describe("plannedUpdate", () => {
  test("lists changed mutable fields in table order and the owner change", () => {
    const plan = plannedUpdate(
      outputs({ ...base, ownerAccount: "leckie" }),
      news({ ...base, ownerAccount: "peter", name: "N", muteAllMember: true, appDefinedData: { a: "1" } }),
    );
    expect(plan).toEqual({
      modify: ["name", "appDefinedData", "muteAllMember"],
      ownerChanged: true,
      newOwner: "peter",
      replaces: [],
    });
  });

  test("nothing to do", () => {
    expect(plannedUpdate(outputs(base), news(base))).toEqual({ modify: [], ownerChanged: false, replaces: [] });
  });

  test("fieldChanges reports old and new canonical values", () => {
    expect(fieldChanges(outputs(base), news({ ...base, type: "Work" }))).toEqual([
      { field: "type", onChange: "replace", old: "Public", new: "Private", unknown: false },
      {
        field: "applyJoinOption",
        onChange: "update-modify",
        old: "NeedPermission",
        new: "DisableApply",
        unknown: false,
      },
    ]);
  });

  test("a replace-only difference is listed in replaces (update() must never be reached with it)", () => {
    // applyJoinOption too: a Meeting (ChatRoom) group's is fixed (FreeAccess), unlike the Public group's default.
    expect(plannedUpdate(outputs(base), news({ ...base, type: "ChatRoom", name: "N" }))).toEqual({
      modify: ["name", "applyJoinOption"],
      ownerChanged: false,
      replaces: ["type"],
    });
  });
});

describe("stables (informational: what an in-place update leaves alone)", () => {
  const inputsOf = FIELDS.map((f) => f.input);

  test("an in-place change: the id facts and every input except the changed ones and groupId", () => {
    const d = diff(outputs(base), news({ ...base, name: "N", muteAllMember: true }));
    expect(d.replaces).toEqual([]);
    expect(d.stables).toEqual([
      "groupId",
      "customGroupId",
      ...inputsOf.filter((n) => n !== "name" && n !== "muteAllMember" && n !== "groupId"),
    ]);
    expect(d.stables).toContain("type");
    expect(d.stables).not.toContain("name");
  });

  test("no change: every input is stable", () => {
    expect(diff(outputs(base), news(base)).stables).toEqual([
      "groupId",
      "customGroupId",
      ...inputsOf.filter((n) => n !== "groupId"),
    ]);
  });

  test("a replacement: nothing is stable", () => {
    expect(diff(outputs(base), news({ ...base, type: "ChatRoom" })).stables).toEqual([]);
  });
});
