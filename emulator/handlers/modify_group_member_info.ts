/**
 * `group_open_http_svc/modify_group_member_info` (https://cloud.tencent.com/document/product/269/1623): one member's
 * Role ("Admin"/"Member"), NameCard (≤50 bytes), MsgFlag, MuteTime (seconds from now; 0 unmutes; older name
 * ShutUpTime) and AppMemberDefinedData (`Value: ""` deletes a key). AVChatRoom: 10007. Undocumented refusals use
 * {@link EmulatorBehaviour.memberRuleCode}: the owner's role, admins or muting in Work groups; a non-member uses
 * {@link EmulatorBehaviour.modifyNonMemberCode} (E92).
 */
import { findGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { refuseAVChatRoom } from "../members";
import {
  appDefinedEntries,
  checkAccountId,
  checkBytes,
  invalid,
  optionalInteger,
  optionalString,
  requireString,
} from "../validate";

const MSG_FLAGS = ["AcceptAndNotify", "Discard", "AcceptNotNotify", "AcceptNotNotifyExceptAt"];

/** Handler of modify_group_member_info. */
export const modifyGroupMemberInfo: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  const account = checkAccountId("Member_Account", body.Member_Account);
  const role = optionalString(body, "Role");
  if (role !== undefined && role !== "Admin" && role !== "Member")
    throw invalid(`Role must be "Admin" or "Member", got ${JSON.stringify(role)}`);
  const nameCard = optionalString(body, "NameCard");
  if (nameCard !== undefined) checkBytes("NameCard", nameCard, 50);
  const msgFlag = optionalString(body, "MsgFlag");
  if (msgFlag !== undefined && !MSG_FLAGS.includes(msgFlag))
    throw invalid(`MsgFlag must be one of ${MSG_FLAGS.join(", ")}`);
  const mute = optionalInteger(body, "MuteTime", 0, 0xffffffff) ?? optionalInteger(body, "ShutUpTime", 0, 0xffffffff);
  const custom =
    body.AppMemberDefinedData === undefined ? undefined : appDefinedEntries(body.AppMemberDefinedData, ctx.behaviour);
  refuseAVChatRoom(group, "modify_group_member_info");
  const member = group.Members.find((m) => m.Member_Account === account);
  if (member === undefined)
    throw new ChatFailure(ctx.behaviour.modifyNonMemberCode, `${JSON.stringify(account)} is not a member of the group`);
  if (role !== undefined && member.Role === "Owner") {
    throw new ChatFailure(
      ctx.behaviour.memberRuleCode,
      "the owner's role cannot be changed here; use change_group_owner",
    );
  }
  if (group.Type === "Private" && role === "Admin")
    throw new ChatFailure(ctx.behaviour.memberRuleCode, "Work (Private) groups do not support admins");
  if (group.Type === "Private" && mute !== undefined)
    throw new ChatFailure(ctx.behaviour.memberRuleCode, "Work (Private) groups do not support muting members");
  if (role !== undefined) member.Role = role;
  if (nameCard !== undefined) member.NameCard = nameCard;
  if (msgFlag !== undefined) member.MsgFlag = msgFlag;
  if (mute !== undefined) member.MuteUntil = mute === 0 ? 0 : ctx.nowSeconds() + mute;
  if (custom !== undefined) {
    const data = new Map((member.AppMemberDefinedData ?? []).map((f) => [f.Key, f.Value]));
    for (const { Key, Value } of custom) {
      if (Value === "") data.delete(Key);
      else data.set(Key, Value);
    }
    member.AppMemberDefinedData = [...data].map(([Key, Value]) => ({ Key, Value }));
  }
  ctx.store.putGroup(group);
  return {};
};
