/**
 * `group_open_http_svc/delete_group_member` (https://cloud.tencent.com/document/product/269/1622): ≤100 plain account
 * strings (10004 over or malformed); a non-member is not an error ("该接口依然返回成功"). AVChatRoom: 10004, as
 * documented. Removing the owner is undocumented: refused with {@link EmulatorBehaviour.memberRuleCode} (E92).
 */
import { viewGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { accountList, refuseAVChatRoom } from "../members";
import { optionalInteger, optionalString, requireString } from "../validate";

/** Most accounts per delete_group_member call. */
export const MAX_DELETE_MEMBERS = 100;

/** Handler of delete_group_member. */
export const deleteGroupMember: Handler = (body, ctx) => {
  const group = viewGroup(ctx, requireString(body, "GroupId")); // no copy; the store gets a new one if anyone left
  const accounts = accountList(body.MemberToDel_Account, "MemberToDel_Account", MAX_DELETE_MEMBERS);
  optionalInteger(body, "Silence", 0, 1);
  optionalString(body, "Reason");
  refuseAVChatRoom(group, "delete_group_member", 10004);
  const gone = new Set(accounts);
  if (group.Members.some((m) => m.Role === "Owner" && gone.has(m.Member_Account))) {
    throw new ChatFailure(
      ctx.behaviour.memberRuleCode,
      "the group owner cannot be removed; transfer ownership first (change_group_owner)",
    );
  }
  const kept = group.Members.filter((m) => !gone.has(m.Member_Account));
  if (kept.length !== group.Members.length) ctx.store.putGroup({ ...group, Members: kept });
  return {};
};
