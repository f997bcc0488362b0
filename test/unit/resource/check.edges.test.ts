/**
 * check()'s failure wording and bookkeeping, exactly: each ajv keyword's message, how values are described, the
 * typo hint, one failure per property in table order, which inputs are skipped, and when an id is generated.
 * check.test.ts matches most reasons by pattern; these compare the whole failure list.
 */
import { check } from "../../../provider/resource/check";
import { UNKNOWN } from "../../../provider/resource/types";

const base = { type: "Public", name: "Engineering" };
const failuresOf = (news: Record<string, unknown>) => check({}, news).failures;
const VALID_INPUTS =
  "type, name, groupId, ownerAccount, introduction, notification, faceUrl, maxMemberCount, applyJoinOption, " +
  "appDefinedData, createTime, supportTopic, muteAllMember, inviteJoinOption, serviceAssignedId, adopt, app";
const TYPES = '"Private", "Public", "ChatRoom", "Community", "Work", "Meeting"';
const KEY_HINT = "1-16 letters, digits or _ (not __proto__, which Pulumi's property encoding drops)";

describe("each failure, whole", () => {
  test.each<[string, Record<string, unknown>, string, string]>([
    [
      "type missing",
      { name: "n" },
      "type",
      "type is required. Set it: Group type: Private (alias Work), Public, ChatRoom (alias Meeting) or Community. AVChatRoom is refused.",
    ],
    ["name missing", { type: "Public" }, "name", "name is required. Set it: Group name."],
    [
      "a value over 40 characters is cut",
      { ...base, type: "x".repeat(41) },
      "type",
      `type must be one of ${TYPES}; got "${"x".repeat(40)}…".`,
    ],
    [
      "a value of 40 characters is whole",
      { ...base, type: "x".repeat(40) },
      "type",
      `type must be one of ${TYPES}; got "${"x".repeat(40)}".`,
    ],
    ["an enum given a number", { ...base, type: 3 }, "type", "type must be a string; got number 3."],
    ["an object", { ...base, name: {} }, "name", "name must be a string; got an object."],
    ["a boolean", { ...base, name: true }, "name", "name must be a string; got boolean true."],
    [
      "an integer (article an)",
      { ...base, maxMemberCount: "500" },
      "maxMemberCount",
      'maxMemberCount must be an integer; got "500".',
    ],
    ["a fraction", { ...base, createTime: 1.5 }, "createTime", "createTime must be an integer; got number 1.5."],
    [
      "a boolean input",
      { ...base, muteAllMember: "yes" },
      "muteAllMember",
      'muteAllMember must be a boolean; got "yes".',
    ],
    ["adopt's extra value", { ...base, adopt: 5 }, "adopt", 'adopt must be true, false or "overwrite"; got number 5.'],
    [
      "a map value",
      { ...base, appDefinedData: { k: 1 } },
      "appDefinedData.k",
      "appDefinedData.k must be a string; got number 1.",
    ],
    [
      "not a map",
      { ...base, appDefinedData: 3 },
      "appDefinedData",
      "appDefinedData must be a map of strings; got number 3.",
    ],
    ["empty", { ...base, name: "" }, "name", "name must not be empty. Set a value or remove it."],
    ["empty app", { ...base, app: "" }, "app", "app must not be empty. Set a value or remove it."],
    [
      "a map value too long",
      { ...base, appDefinedData: { k: "v".repeat(513) } },
      "appDefinedData.k",
      "appDefinedData.k is 513 bytes in UTF-8; the limit is 512 bytes. Shorten it.",
    ],
    [
      "pattern",
      { ...base, groupId: "群1" },
      "groupId",
      'groupId must contain only printable ASCII characters (0x20-0x7e); got "群1".',
    ],
    [
      "app pattern",
      { ...base, app: "a b" },
      "app",
      'app must contain only 1-64 letters, digits, _ or - (the name of a profile under tencent-chat:apps); got "a b".',
    ],
    [
      "a bad key",
      { ...base, appDefinedData: { "a-b": "v" } },
      "appDefinedData.a-b",
      `appDefinedData key "a-b" is invalid: keys must be ${KEY_HINT}. Rename it.`,
    ],
    [
      "a key with / and a bad value: one failure",
      { ...base, appDefinedData: { "a/b": 1 } },
      "appDefinedData.a/b",
      `appDefinedData key "a/b" is invalid: keys must be ${KEY_HINT}. Rename it.`,
    ],
    [
      "a key with ~ and a bad value: one failure",
      { ...base, appDefinedData: { "a~b": 1 } },
      "appDefinedData.a~b",
      `appDefinedData key "a~b" is invalid: keys must be ${KEY_HINT}. Rename it.`,
    ],
    [
      "range",
      { ...base, createTime: 0 },
      "createTime",
      "createTime is 0; it must be between 1 and 4294967295. Change it.",
    ],
    [
      "a field for another type",
      { ...base, supportTopic: true },
      "supportTopic",
      "supportTopic applies only to Community groups, not Public. Remove it or set type to Community.",
    ],
    [
      "a field without a default for that type",
      { type: "Community", name: "c", inviteJoinOption: "FreeAccess" },
      "inviteJoinOption",
      "inviteJoinOption does not apply to Community groups (communities do not take invitations; the service refuses it). Remove it.",
    ],
    [
      "a refused value",
      { ...base, type: "AVChatRoom" },
      "type",
      "type AVChatRoom is refused: import_group cannot create AVChatRoom groups (error 10007). Use Private, Public, ChatRoom or Community.",
    ],
  ])("%s", (_l, news, property, reason) => {
    expect(failuresOf(news)).toEqual([{ property, reason }]);
  });
});

describe("an input that is not one", () => {
  test.each<[string, string]>([
    ["NAME", "name"], // case aside
    ["typ", "type"], // one edit
    ["nmae", "name"], // two edits
    ["groupid", "groupId"],
  ])("%s: did you mean %s?", (prop, near) => {
    expect(failuresOf({ ...base, [prop]: "x" })).toEqual([
      { property: prop, reason: `${prop} is not a ChatGroup input. Did you mean ${near}?` },
    ]);
  });

  test.each(["groupIdxyz", "zz", "colour"])("%s: three or more edits from every input lists them all", (prop) => {
    expect(failuresOf({ ...base, [prop]: "x" })).toEqual([
      { property: prop, reason: `${prop} is not a ChatGroup input. Valid inputs: ${VALID_INPUTS}.` },
    ]);
  });
});

describe("bookkeeping", () => {
  test("failures come in table order, unknown inputs last, one per property", () => {
    const f = failuresOf({ zz: 1, appDefinedData: { k: 1 }, name: "", type: "Group" });
    expect(f.map((x) => x.property)).toEqual(["type", "name", "appDefinedData.k", "zz"]);
  });

  test("a value the schema refused is not judged again by the rules", () => {
    // An 11-key map with a bad value: the key count rule is skipped, only the value is reported.
    const map = { ...Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])), k0: 1 };
    expect(failuresOf({ ...base, appDefinedData: map }).map((x) => x.property)).toEqual(["appDefinedData.k0"]);
  });

  test("a type-dependent field at its type's fixed value is accepted", () => {
    expect(failuresOf({ type: "Private", name: "n", applyJoinOption: "DisableApply" })).toEqual([]);
    expect(failuresOf({ type: "Meeting", name: "n", applyJoinOption: "FreeAccess" })).toEqual([]);
  });

  test("rules that depend on an invalid input are skipped", () => {
    // type is invalid, so the groupId prefix rule (which depends on it) does not run.
    expect(failuresOf({ type: "Group", name: "n", groupId: "@TGS#x" }).map((x) => x.property)).toEqual(["type"]);
  });

  test("engine keys and nulls are not inputs; other unknown keys are", () => {
    expect(failuresOf({ ...base, __anything: 1, introduction: null })).toEqual([]);
    expect(failuresOf({ ...base, _x: 1 }).map((x) => x.property)).toEqual(["_x"]);
  });

  test("an input set to undefined is absent, even one that is not an input", () => {
    expect(failuresOf({ ...base, colour: undefined, introduction: undefined })).toEqual([]);
  });

  test("a null map value is described as null", () => {
    expect(failuresOf({ ...base, appDefinedData: { k: null } })).toEqual([
      { property: "appDefinedData.k", reason: "appDefinedData.k must be a string; got null." },
    ]);
  });

  test("a required input still unknown is no failure, a missing one is", () => {
    expect(failuresOf({ type: UNKNOWN, name: UNKNOWN })).toEqual([]);
    expect(failuresOf({ type: UNKNOWN }).map((x) => x.property)).toEqual(["name"]);
  });
});

describe("the generated id", () => {
  const random = (n: number) => Buffer.alloc(n, 0xab);

  test("named after the resource, with the given random suffix; Community prefixed", () => {
    expect(check({}, { ...base, __resourceName: "eng" }, { random }).inputs.groupId).toBe("eng-abababab");
    expect(check({}, { type: "Community", name: "c", __resourceName: "eng" }, { random }).inputs.groupId).toBe(
      "@TGS#_eng-abababab",
    );
  });

  test("not generated when check fails", () => {
    const r = check({}, { type: "Public", name: "", __resourceName: "eng" }, { random });
    expect(r.failures).toHaveLength(1);
    expect(r.inputs).not.toHaveProperty("groupId");
  });

  test("kept from the previous inputs; olds that are not an object count as none", () => {
    const olds = { ...base, groupId: "eng-12345678", customGroupId: true };
    expect(check(olds, { ...base, __resourceName: "eng" }, { random }).inputs.groupId).toBe("eng-12345678");
    expect(check("junk", { ...base, __resourceName: "eng" }, { random }).inputs.groupId).toBe("eng-abababab");
  });

  test("the limits given are used", () => {
    expect(check({}, { ...base, name: "x".repeat(40) }, { limits: { name: 40 } }).failures).toEqual([]);
  });
});
