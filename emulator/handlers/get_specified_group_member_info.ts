/**
 * `group_open_http_svc/get_specified_group_member_info` (https://cloud.tencent.com/document/product/269/112002):
 * ≤50 `Member_List_Account` (10004 over), the same filters as get_group_member_info. Non-members are left out of
 * `MemberList` (undocumented, DECISIONS.md E98). AVChatRoom: 10007.
 */
import { findGroup, type Handler } from "../context";
import { accountList, memberFilters, memberView, refuseAVChatRoom } from "../members";
import { requireString } from "../validate";

/** Most accounts per call. */
export const MAX_SPECIFIED_ACCOUNTS = 50;

/** Handler of get_specified_group_member_info. */
export const getSpecifiedGroupMemberInfo: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  const accounts = accountList(body.Member_List_Account, "Member_List_Account", MAX_SPECIFIED_ACCOUNTS);
  const filters = memberFilters(body);
  refuseAVChatRoom(group, "get_specified_group_member_info");
  const now = ctx.nowSeconds();
  const MemberList = accounts
    .map((a) => group.Members.find((m) => m.Member_Account === a))
    .filter((m): m is NonNullable<typeof m> => m !== undefined && (!filters.roles || filters.roles.has(m.Role)))
    .map((m) => memberView(m, filters, now));
  return { MemberList };
};
