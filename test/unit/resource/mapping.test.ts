import type { ImportGroupRequest, WireGroupInfo } from "../../../protocol/wire";
import { check } from "../../../provider/resource/check";
import { diff } from "../../../provider/resource/diff";
import {
  createFollowUp,
  fromWireGroupInfo,
  toChangeOwnerRequest,
  toImportRequest,
  toModifyRequest,
  READ_BASE_INFO_FILTER,
  readFilter,
} from "../../../provider/resource/mapping";
import { UNKNOWN } from "../../../provider/resource/types";

type Props = Record<string, unknown>;

/** What get_group_info would answer right after this import (as the emulator stores groups). */
function simulateGet(
  req: ImportGroupRequest,
  opts: { supportTopic?: boolean; muteField?: "MuteAllMember" | "ShutUpAllMember" } = {},
): WireGroupInfo {
  const info: WireGroupInfo = {
    GroupId: req.GroupId ?? (req.Type === "Community" ? "@TGS#_@TGS#c4YHCIIM62CX" : "@TGS#2J4SZEAEL"),
    ErrorCode: 0,
    ErrorInfo: "",
    Type: req.Type,
    Name: req.Name,
    Appid: 1400001001,
    Introduction: req.Introduction ?? "",
    Notification: req.Notification ?? "",
    FaceUrl: req.FaceUrl ?? "",
    Owner_Account: req.Owner_Account ?? "",
    CreateTime: req.CreateTime ?? 1700000000,
    InfoSeq: 1,
    LastInfoTime: 1700000000,
    MemberNum: req.Owner_Account ? 1 : 0,
    MaxMemberNum: req.MaxMemberCount ?? 2000,
    ApplyJoinOption: req.ApplyJoinOption ?? "NeedPermission",
    AppDefinedData: req.AppDefinedData ?? [],
  };
  (info as unknown as Props)[opts.muteField ?? "MuteAllMember"] = "Off";
  if (opts.supportTopic !== false && req.Type === "Community") info.SupportTopic = req.SupportTopic ?? 0;
  return info;
}

const samples: [string, Props, ImportGroupRequest][] = [
  [
    "owner + createTime",
    { ownerAccount: "leckie", type: "Public", name: "TestGroup", createTime: 1448357837 },
    { Owner_Account: "leckie", Type: "Public", Name: "TestGroup", CreateTime: 1448357837 },
  ],
  [
    "Community with topics",
    { type: "Community", name: "test_import_group", supportTopic: true },
    { Type: "Community", Name: "test_import_group", SupportTopic: 1 },
  ],
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
      appDefinedData: { GroupTestData2: "abc\u0000\u0001", GroupTestData1: "xxxxx" },
    },
    {
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
        { Key: "GroupTestData2", Value: "abc\u0000\u0001" },
      ],
    },
  ],
];

describe("round trip: inputs → import_group → get_group_info → read → diff", () => {
  test.each(samples)("%s", (_l, program, expectedRequest) => {
    // The documented samples have service-assigned ids: without a groupId they opt in (else check chooses one).
    const checked = check({}, program.groupId === undefined ? { ...program, serviceAssignedId: true } : program);
    expect(checked.failures).toEqual([]);
    const req = toImportRequest(checked.inputs);
    expect(req).toEqual(expectedRequest);
    expect(Object.keys(req.AppDefinedData ?? []).length).toBe(expectedRequest.AppDefinedData?.length ?? 0);

    for (const variant of [{}, { supportTopic: false }, { muteField: "ShutUpAllMember" as const }]) {
      const info = simulateGet(req, variant);
      // create: previous = checked inputs
      const created = fromWireGroupInfo(info, checked.inputs);
      expect(created.outputs.groupId).toBe(info.GroupId);
      expect(created.outputs.customGroupId).toBe(program.groupId !== undefined);
      expect(JSON.parse(JSON.stringify(created.outputs))).toEqual(created.outputs); // plain JSON
      const withProvider = { ...created.outputs, __provider: "p" };
      expect(diff(withProvider, checked.inputs)).toMatchObject({ changes: false, replaces: [] });
      // refresh: previous = old outputs; the read inputs hold every replace-triggering input
      const refreshed = fromWireGroupInfo(info, withProvider);
      expect(refreshed.outputs).toEqual(created.outputs);
      for (const k of ["type", "supportTopic"]) expect(refreshed.inputs).toHaveProperty(k);
      // Sticky inputs come back exactly when the program declared them: no phantom [diff] after a refresh.
      for (const k of ["groupId", "createTime", "ownerAccount"] as const) {
        expect(refreshed.inputs[k]).toEqual((program as Record<string, unknown>)[k]);
      }
      expect(diff(refreshed.outputs, checked.inputs).changes).toBe(false);
      expect(diff(refreshed.outputs, refreshed.inputs).changes).toBe(false);
      expect(check({}, refreshed.inputs).failures).toEqual([]);
    }
  });
});

describe("toImportRequest", () => {
  test.each<[string, Props, ImportGroupRequest]>([
    [
      "alias mapped, defaults not sent",
      { type: "Work", name: "n", applyJoinOption: "DisableApply", introduction: "" },
      { Type: "Private", Name: "n" },
    ],
    [
      "a declared maxMemberCount is sent, even 2000 (absent means the service's own)",
      { type: "Public", name: "n", maxMemberCount: 2000 },
      { Type: "Public", Name: "n", MaxMemberCount: 2000 },
    ],
    [
      "inviteJoinOption is not an import field",
      { type: "Public", name: "n", inviteJoinOption: "DisableInvite" },
      { Type: "Public", Name: "n" },
    ],
    ["Meeting → ChatRoom", { type: "Meeting", name: "n" }, { Type: "ChatRoom", Name: "n" }],
    [
      "Community sends SupportTopic 0",
      { type: "Community", name: "n" },
      { Type: "Community", Name: "n", SupportTopic: 0 },
    ],
    [
      "adopt and muteAllMember are not import fields",
      { type: "Public", name: "n", groupId: "g", adopt: true, muteAllMember: true },
      { Type: "Public", Name: "n", GroupId: "g" },
    ],
    [
      "empty custom value not sent",
      { type: "Public", name: "n", appDefinedData: { b: "", a: "1" } },
      { Type: "Public", Name: "n", AppDefinedData: [{ Key: "a", Value: "1" }] },
    ],
  ])("%s", (_l, program, expected) => {
    expect(toImportRequest(check({}, { ...program, serviceAssignedId: true }).inputs)).toEqual(expected);
  });

  test("refuses unknown values", () => {
    expect(() => toImportRequest({ type: "Public", name: UNKNOWN })).toThrow(/unknown/);
  });
});

describe("createFollowUp", () => {
  test("mute-all is applied after import", () => {
    expect(createFollowUp("g", check({}, { type: "Public", name: "n", muteAllMember: true }).inputs)).toEqual({
      GroupId: "g",
      MuteAllMember: "On",
    });
  });
  test("inviteJoinOption is applied after import, with mute-all", () => {
    expect(
      createFollowUp(
        "g",
        check({}, { type: "Private", name: "n", inviteJoinOption: "NeedPermission", muteAllMember: true }).inputs,
      ),
    ).toEqual({ GroupId: "g", InviteJoinOption: "NeedPermission", MuteAllMember: "On" });
  });
  test("nothing to follow up", () => {
    expect(createFollowUp("g", check({}, { type: "Public", name: "n" }).inputs)).toBeUndefined();
  });
});

describe("toModifyRequest / toChangeOwnerRequest", () => {
  const old = (p: Props): Props => ({
    ...fromWireGroupInfo(simulateGet(toImportRequest(check({}, p).inputs)), check({}, p).inputs).outputs,
    __provider: "p",
  });
  const base = { type: "Public", name: "n", ownerAccount: "leckie", appDefinedData: { a: "1", b: "2", c: "3" } };

  test("only changed mutable fields, wire names of modify", () => {
    const req = toModifyRequest(
      "g",
      old(base),
      check({}, { ...base, name: "m", maxMemberCount: 300, muteAllMember: true, applyJoinOption: "DisableApply" })
        .inputs,
    );
    expect(req).toEqual({
      GroupId: "g",
      Name: "m",
      MaxMemberNum: 300,
      ApplyJoinOption: "DisableApply",
      MuteAllMember: "On",
    });
  });

  test("value → absent resets a non-sticky field to its default; sticky maxMemberCount and inviteJoinOption are kept", () => {
    const req = toModifyRequest(
      "g",
      old({ ...base, introduction: "x", maxMemberCount: 10, inviteJoinOption: "DisableInvite" }),
      check({}, base).inputs,
    );
    expect(req).toEqual({ GroupId: "g", Introduction: "" });
  });

  test("appDefinedData: changed and added keys sent, removed keys sent empty, unchanged keys not sent", () => {
    const req = toModifyRequest(
      "g",
      old(base),
      check({}, { ...base, appDefinedData: { d: "4", a: "1", b: "20" } }).inputs,
    );
    expect(req).toEqual({
      GroupId: "g",
      AppDefinedData: [
        { Key: "b", Value: "20" },
        { Key: "c", Value: "" },
        { Key: "d", Value: "4" },
      ],
    });
  });

  test("nothing changed → undefined; owner-only change has no modify body", () => {
    expect(toModifyRequest("g", old(base), check({}, base).inputs)).toBeUndefined();
    expect(toModifyRequest("g", old(base), check({}, { ...base, ownerAccount: "peter" }).inputs)).toBeUndefined();
  });

  test("owner transfer", () => {
    expect(toChangeOwnerRequest("g", old(base), check({}, { ...base, ownerAccount: "peter" }).inputs)).toEqual({
      GroupId: "g",
      NewOwner_Account: "peter",
    });
    expect(
      toChangeOwnerRequest(
        "g",
        old(base),
        check({}, { type: "Public", name: "n", appDefinedData: base.appDefinedData }).inputs,
      ),
    ).toBeUndefined();
  });
});

describe("fromWireGroupInfo", () => {
  const info: WireGroupInfo = {
    GroupId: "@TGS#1",
    ErrorCode: 0,
    ErrorInfo: "",
    Type: "Private",
    Name: "n",
    CreateTime: 5,
    MemberNum: 2,
    MaxMemberNum: 2000,
  };

  test.each<[string, Partial<WireGroupInfo>, boolean]>([
    ["MuteAllMember On", { MuteAllMember: "On" }, true],
    ["ShutUpAllMember On (older servers)", { ShutUpAllMember: "On" }, true],
    ["MuteAllMember wins over ShutUpAllMember", { MuteAllMember: "Off", ShutUpAllMember: "On" }, false],
    ["neither: previous value", {}, true],
  ])("%s", (_l, extra, muted) => {
    expect(fromWireGroupInfo({ ...info, ...extra }, { muteAllMember: true }).outputs.muteAllMember).toBe(muted);
  });

  test("Work read back as Work still canonical Private; Community drops ApplyJoinOption", () => {
    expect(fromWireGroupInfo({ ...info, Type: "Work" }).outputs.type).toBe("Private");
    const c = fromWireGroupInfo({ ...info, GroupId: "@TGS#_1", Type: "Community", ApplyJoinOption: "FreeAccess" });
    expect(c.outputs).not.toHaveProperty("applyJoinOption");
    expect(c.outputs.supportTopic).toBe(false);
  });

  test("fields missing from the answer come from previous; adopt is kept", () => {
    const r = fromWireGroupInfo(
      { GroupId: "eng", ErrorCode: 0, ErrorInfo: "" },
      {
        type: "Community",
        name: "old",
        supportTopic: true,
        adopt: true,
        createTime: 9,
        customGroupId: true,
        memberNum: 4,
      },
    );
    expect(r.outputs).toMatchObject({
      type: "Community",
      name: "old",
      supportTopic: true,
      adopt: true,
      createTime: 9,
      groupId: "eng",
      customGroupId: true,
      memberNum: 4,
    });
    expect(r.outputs).not.toHaveProperty("infoSeq");
  });

  test("ownerless group: empty Owner_Account means no owner; outputs are plain JSON", () => {
    const r = fromWireGroupInfo({ ...info, Owner_Account: "" });
    expect(r.outputs).not.toHaveProperty("ownerAccount");
    expect(Object.values(r.outputs).includes(undefined)).toBe(false);
  });

  test("customGroupId option overrides inference", () => {
    expect(fromWireGroupInfo(info, { groupId: "@TGS#1" }, { customGroupId: true }).outputs.customGroupId).toBe(true);
    expect(fromWireGroupInfo(info, undefined).outputs.customGroupId).toBe(false);
  });

  test("an error entry is refused", () => {
    expect(() => fromWireGroupInfo({ GroupId: "x", ErrorCode: 10010, ErrorInfo: "this group does not exist" })).toThrow(
      /10010/,
    );
  });
});

describe("readFilter: reads ask only for the managed fields", () => {
  test("base fields from the table plus MemberNum and InfoSeq; never MemberList or AppDefinedData", () => {
    expect(READ_BASE_INFO_FILTER).toEqual(
      expect.arrayContaining([
        "Type",
        "Name",
        "Owner_Account",
        "MaxMemberNum",
        "ApplyJoinOption",
        "InviteJoinOption",
        "MuteAllMember",
        "ShutUpAllMember",
        "SupportTopic",
        "CreateTime",
        "MemberNum",
        "InfoSeq",
      ]),
    );
    expect(READ_BASE_INFO_FILTER).not.toContain("MemberList");
    expect(READ_BASE_INFO_FILTER).not.toContain("AppDefinedData");
    expect(readFilter({ type: "Public", name: "n" })).toEqual({ GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER] });
  });
  test("custom keys of every props given, sorted and unique", () => {
    expect(
      readFilter({ appDefinedData: { b: "1", a: "2" } }, { appDefinedData: { c: "3", a: "" } }, undefined)
        .AppDefinedDataFilter_Group,
    ).toEqual(["a", "b", "c"]);
  });
});
