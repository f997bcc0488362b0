/**
 * The wire mapping's edges, one rule per case: wire encodings read leniently, what import_group and the follow-up
 * leave out, how a custom-field change is sent, the read filter exactly, and which inputs a read returns (sticky
 * inputs declared or not, inputs the service knows nothing of). Complements mapping.test.ts's round trips.
 */
import type { WireGroupInfo } from "../../../protocol/wire";
import {
  createFollowUp,
  fromWireGroupInfo,
  readFilter,
  READ_BASE_INFO_FILTER,
  stickyRecord,
  toChangeOwnerRequest,
  toImportRequest,
  toModifyRequest,
} from "../../../provider/resource/mapping";
import { UNKNOWN } from "../../../provider/resource/types";

const info = (extra: Record<string, unknown> = {}): WireGroupInfo =>
  ({ GroupId: "eng", ErrorCode: 0, ErrorInfo: "", Type: "Public", Name: "n", ...extra }) as WireGroupInfo;

describe("unknown values are a provider bug, named by the request", () => {
  test.each<[string, () => unknown, string]>([
    ["import_group", () => toImportRequest({ type: "Public", name: UNKNOWN }), "import_group"],
    ["follow-up", () => createFollowUp("g", { type: "Public", name: UNKNOWN }), "modify_group_base_info"],
    [
      "modify",
      () => toModifyRequest("g", { type: "Public", name: "a" }, { type: "Public", name: "b", introduction: UNKNOWN }),
      "modify_group_base_info",
    ],
  ])("%s", (_l, run, what) => {
    expect(run).toThrow(`${what}: inputs still hold unknown (preview) values; this is a provider bug.`);
  });
});

describe("toImportRequest leaves out what the service would default", () => {
  test("defaults and non-import fields are not sent; required fields always are", () => {
    expect(
      toImportRequest({
        type: "Public",
        name: "n",
        introduction: "",
        applyJoinOption: "NeedPermission",
        muteAllMember: true,
        inviteJoinOption: "FreeAccess",
        adopt: true,
        appDefinedData: {},
      }),
    ).toStrictEqual({ Type: "Public", Name: "n" });
  });

  test("a field that does not apply to the type is not sent (SupportTopic outside Community)", () => {
    expect(toImportRequest({ type: "Public", name: "n", supportTopic: true })).toStrictEqual({
      Type: "Public",
      Name: "n",
    });
  });

  test("SupportTopic is sent for a Community even at its default", () => {
    expect(toImportRequest({ type: "Community", name: "c" })).toStrictEqual({
      Type: "Community",
      Name: "c",
      SupportTopic: 0,
    });
  });

  test("a Private group's fixed applyJoinOption is not sent", () => {
    expect(toImportRequest({ type: "Private", name: "n", applyJoinOption: "DisableApply" })).toStrictEqual({
      Type: "Private",
      Name: "n",
    });
  });
});

describe("createFollowUp", () => {
  test("mute-all at its default is no follow-up; an inviteJoinOption alone is one", () => {
    expect(createFollowUp("g", { type: "Public", name: "n", muteAllMember: false })).toBeUndefined();
    expect(createFollowUp("g", { type: "Public", name: "n", inviteJoinOption: "FreeAccess" })).toStrictEqual({
      GroupId: "g",
      InviteJoinOption: "FreeAccess",
    });
  });
});

describe("toModifyRequest", () => {
  const before = { type: "Public", name: "n", groupId: "g", customGroupId: true };

  test("custom fields added to a group that had none are all sent", () => {
    expect(toModifyRequest("g", before, { ...before, appDefinedData: { b: "2", a: "1" } })).toStrictEqual({
      GroupId: "g",
      AppDefinedData: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    });
  });

  test("removing keys named like Object.prototype members sends them empty, never a function's text", () => {
    const olds = { ...before, appDefinedData: { toString: "a", constructor: "b", valueOf: "c", team: "x" } };
    expect(toModifyRequest("g", olds, { ...before, appDefinedData: { team: "x" } })).toStrictEqual({
      GroupId: "g",
      AppDefinedData: [
        { Key: "constructor", Value: "" },
        { Key: "toString", Value: "" },
        { Key: "valueOf", Value: "" },
      ],
    });
  });

  test("changed keys are sent in key order, whichever side a key comes from", () => {
    expect(
      toModifyRequest(
        "g",
        { ...before, appDefinedData: { b: "1" } },
        { ...before, appDefinedData: { a: "1", b: "2" } },
      ),
    ).toStrictEqual({
      GroupId: "g",
      AppDefinedData: [
        { Key: "a", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    });
  });

  test("muteAllMember is sent in its On/Off form", () => {
    expect(toModifyRequest("g", { ...before, muteAllMember: true }, before)).toStrictEqual({
      GroupId: "g",
      MuteAllMember: "Off",
    });
  });

  test("removing the owner from the program transfers nothing", () => {
    expect(toChangeOwnerRequest("g", { ...before, ownerAccount: "a" }, before)).toBeUndefined();
  });
});

describe("the read filter", () => {
  test("exactly the fields read back, each once, in table order, plus MemberNum and InfoSeq; frozen", () => {
    expect(READ_BASE_INFO_FILTER).toEqual([
      "Type",
      "Name",
      "Owner_Account",
      "Introduction",
      "Notification",
      "FaceUrl",
      "MaxMemberNum",
      "ApplyJoinOption",
      "CreateTime",
      "SupportTopic",
      "MuteAllMember",
      "ShutUpAllMember",
      "InviteJoinOption",
      "MemberNum",
      "InfoSeq",
    ]);
    expect(Object.isFrozen(READ_BASE_INFO_FILTER)).toBe(true);
  });

  test("no custom keys: no AppDefinedDataFilter_Group; a non-map appDefinedData names none", () => {
    expect(readFilter({ appDefinedData: "x" }, { appDefinedData: {} })).toStrictEqual({
      GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER],
    });
  });
});

describe("fromWireGroupInfo: wire encodings", () => {
  test.each<[unknown, boolean]>([
    [1, true],
    ["1", true],
    [true, true],
    [0, false],
    ["0", false],
    [2, false],
  ])("SupportTopic %p → %p", (wire, expected) => {
    const r = fromWireGroupInfo(info({ Type: "Community", GroupId: "@TGS#_c", SupportTopic: wire }));
    expect(r.outputs.supportTopic).toBe(expected);
  });

  test.each<[unknown, boolean]>([
    ["On", true],
    [true, true],
    ["Off", false],
    ["on", false],
    [1, false],
  ])("MuteAllMember %p → %p", (wire, expected) => {
    expect(fromWireGroupInfo(info({ MuteAllMember: wire }), { muteAllMember: !expected }).outputs.muteAllMember).toBe(
      expected,
    );
  });

  test("custom fields: entries without a string key are skipped, a missing value reads as absent", () => {
    const r = fromWireGroupInfo(
      info({
        AppDefinedData: [{ Key: "a", Value: "1" }, { Key: "b" }, { Key: 3, Value: "x" }, null, { Key: "c", Value: 7 }],
      }),
    );
    expect(r.outputs.appDefinedData).toEqual({ a: "1", c: "7" });
  });

  test("AppDefinedData that is not a list is ignored: the previous value stays", () => {
    const r = fromWireGroupInfo(info({ AppDefinedData: "junk" }), { appDefinedData: { k: "v" } });
    expect(r.outputs.appDefinedData).toEqual({ k: "v" });
  });

  test("ShutUpAllMember is read only when MuteAllMember is absent", () => {
    expect(fromWireGroupInfo(info({ ShutUpAllMember: "On" })).outputs.muteAllMember).toBe(true);
    expect(fromWireGroupInfo(info({ MuteAllMember: "Off", ShutUpAllMember: "On" })).outputs.muteAllMember).toBe(false);
  });

  test("memberNum and infoSeq: a non-number answer falls back to the previous value", () => {
    const prev = { memberNum: 4, infoSeq: 9 };
    expect(fromWireGroupInfo(info({ MemberNum: 5, InfoSeq: 10 }), prev).outputs).toMatchObject({
      memberNum: 5,
      infoSeq: 10,
    });
    const r = fromWireGroupInfo(info({ MemberNum: "5", InfoSeq: Number.NaN }), prev);
    expect(r.outputs).toMatchObject({ memberNum: 4, infoSeq: 9 });
    expect(fromWireGroupInfo(info(), { memberNum: Infinity }).outputs).not.toHaveProperty("memberNum");
  });

  test("an error entry is refused with its id and code", () => {
    expect(() => fromWireGroupInfo({ GroupId: "x", ErrorCode: 10010, ErrorInfo: "" })).toThrow(
      "get_group_info entry for x is an error (10010); it has no group to map.",
    );
  });
});

describe("fromWireGroupInfo: which sticky inputs are declared", () => {
  const live = info({ Owner_Account: "boss", CreateTime: 100, MaxMemberNum: 200, InviteJoinOption: "FreeAccess" });

  test("no record yet: groupId when program-chosen, others when the previous value is set and not empty", () => {
    const r = fromWireGroupInfo(
      live,
      { groupId: "eng", ownerAccount: "boss", createTime: "" },
      { customGroupId: true },
    );
    expect(r.outputs.declaredSticky).toEqual(["groupId", "ownerAccount"]);
    expect(r.outputs.undeclaredSticky).toEqual(["maxMemberCount", "createTime", "inviteJoinOption"]);
    expect(Object.keys(r.inputs)).toEqual(expect.arrayContaining(["groupId", "ownerAccount"]));
    expect(r.inputs).not.toHaveProperty("createTime");
    expect(r.inputs).not.toHaveProperty("maxMemberCount");
    expect(r.inputs).not.toHaveProperty("inviteJoinOption");
    const s = fromWireGroupInfo(live, { groupId: "eng" }, { customGroupId: false });
    expect(s.outputs.declaredSticky).toEqual([]);
    expect(s.inputs).not.toHaveProperty("groupId");
  });

  test("a record lists the declared ones; names that are not sticky inputs are dropped from it", () => {
    const r = fromWireGroupInfo(live, {
      declaredSticky: ["createTime", "name", 3],
      undeclaredSticky: ["groupId", "ownerAccount", "maxMemberCount", "inviteJoinOption"],
      ownerAccount: "boss",
    });
    expect(r.outputs.declaredSticky).toEqual(["createTime"]);
    expect(r.outputs.undeclaredSticky).toEqual(["groupId", "ownerAccount", "maxMemberCount", "inviteJoinOption"]);
    expect(r.inputs).toHaveProperty("createTime", 100);
    expect(r.inputs).not.toHaveProperty("ownerAccount");
  });

  test("a record without undeclaredSticky (release 0.1.0): an untracked sticky input with a value counts as declared", () => {
    const r = fromWireGroupInfo(live, {
      declaredSticky: [],
      groupId: "eng",
      ownerAccount: "boss",
      maxMemberCount: 200,
      inviteJoinOption: "",
    });
    // groupId, createTime and ownerAccount were tracked then; maxMemberCount was an ordinary input.
    expect(r.outputs.declaredSticky).toEqual([]);
    expect(r.outputs.undeclaredSticky).toEqual(["groupId", "ownerAccount", "createTime", "inviteJoinOption"]);
    expect(r.inputs).toHaveProperty("maxMemberCount", 200);
    expect(r.inputs).not.toHaveProperty("inviteJoinOption");
  });

  test("release 0.1.0 tracked createTime: a stored value without the record's mention is not declared", () => {
    const r = fromWireGroupInfo(live, { declaredSticky: [], createTime: 100 });
    expect(r.outputs.declaredSticky).toEqual([]);
    expect(r.inputs).not.toHaveProperty("createTime");
  });

  test("an untracked sticky input without a stored value is not declared", () => {
    const r = fromWireGroupInfo(live, { declaredSticky: [] });
    expect(r.outputs.undeclaredSticky).toEqual([
      "groupId",
      "ownerAccount",
      "maxMemberCount",
      "createTime",
      "inviteJoinOption",
    ]);
    expect(r.inputs).not.toHaveProperty("maxMemberCount");
  });

  test("stickyRecord splits the sticky inputs into declared and the rest", () => {
    expect(stickyRecord(["ownerAccount"])).toEqual({
      declaredSticky: ["ownerAccount"],
      undeclaredSticky: ["groupId", "maxMemberCount", "createTime", "inviteJoinOption"],
    });
  });
});

describe("fromWireGroupInfo: inputs the service knows nothing of", () => {
  test("echoed when stored, absent when the stored state lacks them", () => {
    const stored = fromWireGroupInfo(info(), { adopt: "overwrite", serviceAssignedId: true, app: "eu" });
    expect(stored.inputs).toMatchObject({ adopt: "overwrite", serviceAssignedId: true, app: "eu" });
    const older = fromWireGroupInfo(info(), {});
    expect(older.inputs).not.toHaveProperty("adopt");
    expect(older.inputs).not.toHaveProperty("serviceAssignedId");
    expect(older.inputs).not.toHaveProperty("app");
    // Fields the service does report are returned whatever the stored state holds.
    expect(older.inputs).toMatchObject({ type: "Public", name: "n", introduction: "" });
  });
});
