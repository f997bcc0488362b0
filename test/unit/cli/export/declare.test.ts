/**
 * What the export declares for a live group: every managed value that is not its type's default, the sticky facts
 * always, `adopt: true`; skips (never silent) for AVChatRoom and for live values check would refuse; members without
 * the owner, default role and empty name card left out.
 */
import { declareGroup, declareMembers } from "../../../../cli/export/declare";
import { adoptDifferences } from "../../../../provider/resource/adopt";
import { check } from "../../../../provider/resource/check";
import { fromWireGroupInfo } from "../../../../provider/resource/mapping";
import type { WireGroupInfo } from "../../../../protocol/wire";

/** A get_group_info entry as the provider's filtered read returns it. */
function live(over: Partial<WireGroupInfo> & Record<string, unknown>): WireGroupInfo {
  return {
    GroupId: "g1",
    ErrorCode: 0,
    ErrorInfo: "",
    Type: "Public",
    Name: "n",
    Introduction: "",
    Notification: "",
    FaceUrl: "",
    Owner_Account: "",
    CreateTime: 1700000000,
    MemberNum: 1,
    MaxMemberNum: 2000,
    ApplyJoinOption: "NeedPermission",
    InviteJoinOption: "FreeAccess",
    MuteAllMember: "Off",
    AppDefinedData: [],
    ...over,
  } as WireGroupInfo;
}

test.each([
  [
    "defaults left out, sticky facts kept",
    live({}),
    {
      type: "Public",
      name: "n",
      groupId: "g1",
      maxMemberCount: 2000,
      createTime: 1700000000,
      inviteJoinOption: "FreeAccess",
      adopt: true,
    },
  ],
  [
    "every value set",
    live({
      Name: "工程 🚀",
      Owner_Account: "leckie",
      Introduction: 'a "b" \\ c',
      Notification: "x",
      FaceUrl: "https://f",
      ApplyJoinOption: "FreeAccess",
      InviteJoinOption: "DisableInvite",
      MuteAllMember: "On",
      AppDefinedData: [
        { Key: "toString", Value: "1" },
        { Key: "b", Value: "2" },
      ],
    }),
    {
      type: "Public",
      name: "工程 🚀",
      groupId: "g1",
      ownerAccount: "leckie",
      introduction: 'a "b" \\ c',
      notification: "x",
      faceUrl: "https://f",
      maxMemberCount: 2000,
      applyJoinOption: "FreeAccess",
      appDefinedData: { b: "2", toString: "1" },
      createTime: 1700000000,
      inviteJoinOption: "DisableInvite",
      muteAllMember: true,
      adopt: true,
    },
  ],
  [
    "a Work group: its fixed join option is not written",
    live({ Type: "Private", GroupId: "@TGS#abc", ApplyJoinOption: "DisableApply", Owner_Account: "p" }),
    {
      type: "Private",
      name: "n",
      groupId: "@TGS#abc",
      ownerAccount: "p",
      maxMemberCount: 2000,
      createTime: 1700000000,
      inviteJoinOption: "FreeAccess",
      adopt: true,
    },
  ],
  [
    "a Community: topics flag, no join or invite options",
    live({
      Type: "Community",
      GroupId: "@TGS#_c",
      SupportTopic: 1,
      ApplyJoinOption: undefined,
      InviteJoinOption: undefined,
    }),
    {
      type: "Community",
      name: "n",
      groupId: "@TGS#_c",
      maxMemberCount: 2000,
      createTime: 1700000000,
      supportTopic: true,
      adopt: true,
    },
  ],
])("%s", (_what, info, args) => {
  const d = declareGroup(info);
  expect(d).toEqual({ ok: true, group: { groupId: info.GroupId, args } });
  // Proof of the promise: check accepts it as it is, and adopting it against the live group changes nothing.
  const checked = check({}, args);
  expect(checked.failures).toEqual([]);
  expect(adoptDifferences(fromWireGroupInfo(info, {}, { customGroupId: true }).outputs, checked.inputs)).toEqual([]);
});

test.each([
  ["AVChatRoom", live({ Type: "AVChatRoom" }), /AVChatRoom: import_group cannot create/],
  ["a name over the byte limit", live({ Name: "名".repeat(11) }), /name: .*30/],
])("skipped with the reason: %s", (_what, info, reason) => {
  const d = declareGroup(info);
  expect(d.ok).toBe(false);
  if (!d.ok) {
    expect(d.skip.groupId).toBe(info.GroupId);
    expect(d.skip.reason).toMatch(reason);
  }
});

test("a __proto__ custom key is not declared, and that is said, not dropped silently", () => {
  const d = declareGroup(
    live({
      AppDefinedData: [
        { Key: "__proto__", Value: "x" },
        { Key: "a", Value: "b" },
      ],
    }),
  );
  expect(d.ok && d.group.args.appDefinedData).toEqual({ a: "b" });
  expect(d.ok && d.group.notes).toEqual([expect.stringMatching(/custom field "__proto__" is not declared/)]);
});

test("a larger plan's limits (the maxMemberCount settings) are honoured", () => {
  const info = live({ MaxMemberNum: 10000 });
  expect(declareGroup(info).ok).toBe(false);
  expect(declareGroup(info, { maxMemberCount: 20000 }).ok).toBe(true);
});

test("members: the owner and defaults left out, sorted by account", () => {
  expect(
    declareMembers([
      { Member_Account: "zoe", Role: "Member", NameCard: "" },
      { Member_Account: "leckie", Role: "Owner" },
      { Member_Account: "mei", Role: "Member", NameCard: '梅 "Mei"' },
      { Member_Account: "ana", Role: "Admin" },
    ]),
  ).toEqual([{ account: "ana", role: "Admin" }, { account: "mei", nameCard: '梅 "Mei"' }, { account: "zoe" }]);
});
