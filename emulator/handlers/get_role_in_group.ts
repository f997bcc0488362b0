/**
 * `group_open_http_svc/get_role_in_group` (https://cloud.tencent.com/document/product/269/1626): the role of each of
 * ≤500 `User_Account` (10004 over): Owner / Admin / Member, or "NotMember" (also for accounts never imported).
 * AVChatRoom: 10007.
 */
import { findGroup, type Handler } from "../context";
import { accountList, refuseAVChatRoom } from "../members";
import { requireString } from "../validate";

/** Most accounts per get_role_in_group call. */
export const MAX_ROLE_ACCOUNTS = 500;

/** Handler of get_role_in_group. */
export const getRoleInGroup: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  const accounts = accountList(body.User_Account, "User_Account", MAX_ROLE_ACCOUNTS);
  refuseAVChatRoom(group, "get_role_in_group");
  const roles = new Map(group.Members.map((m) => [m.Member_Account, m.Role]));
  return { UserIdList: accounts.map((a) => ({ Member_Account: a, Role: roles.get(a) ?? "NotMember" })) };
};
