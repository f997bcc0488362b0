/**
 * `group_open_http_svc/import_group_member` (https://cloud.tencent.com/document/product/269/1636): ≤300 members
 * (10005 over), `Role` only "Admin" (10004 otherwise; Admin in a Work group: {@link EmulatorBehaviour.memberRuleCode}),
 * `JoinTime` after the group's CreateTime and not after now, else that member's `Result: 0`; an account never
 * imported (with requireImportedAccounts) is `Result: 0` too. Existing members: `Result: 2`, unchanged. AVChatRoom: 10007.
 */
import { findGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkCapacity, mayJoin, memberObjects, refuseAVChatRoom } from "../members";
import { checkAccountId, invalid, requireString } from "../validate";

/** Most members per import_group_member call. */
export const MAX_IMPORT_MEMBERS = 300;

/** Handler of import_group_member. */
export const importGroupMember: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  const items = memberObjects(body.MemberList, MAX_IMPORT_MEMBERS).map((item) => {
    const account = checkAccountId("Member_Account", item.Member_Account);
    if (item.Role !== undefined && item.Role !== "Admin")
      throw invalid(`Role must be "Admin" or omitted, got ${JSON.stringify(item.Role)}`);
    for (const f of ["JoinTime", "UnreadMsgNum"]) {
      const v = item[f];
      if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < 0))
        throw invalid(`${f} must be a non-negative integer`);
    }
    return { account, admin: item.Role === "Admin", joinTime: item.JoinTime as number | undefined };
  });
  refuseAVChatRoom(group, "import_group_member");
  if (group.Type === "Private" && items.some((i) => i.admin)) {
    throw new ChatFailure(ctx.behaviour.memberRuleCode, "Work (Private) groups do not support admins");
  }
  const now = ctx.nowSeconds();
  const results = items.map(({ account, admin, joinTime }) => {
    if (group.Members.some((m) => m.Member_Account === account)) return { Member_Account: account, Result: 2 as const };
    if (!mayJoin(ctx, account)) return { Member_Account: account, Result: 0 as const };
    if (joinTime !== undefined && (joinTime <= group.CreateTime || joinTime > now))
      return { Member_Account: account, Result: 0 as const };
    group.Members.push({ Member_Account: account, Role: admin ? "Admin" : "Member", JoinTime: joinTime ?? now });
    return { Member_Account: account, Result: 1 as const };
  });
  checkCapacity(group);
  if (results.some((r) => r.Result === 1)) ctx.store.putGroup(group);
  return { MemberList: results };
};
