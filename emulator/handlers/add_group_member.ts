/**
 * `group_open_http_svc/add_group_member`: up to 300 accounts per call (QD-LIMITS), one Result per account:
 * 1 added, 2 already a member, 0 failed (an account never imported, with requireImportedAccounts).
 */
import { findGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkAccountId, invalid, optionalInteger, requireString } from "../validate";

/** Most accounts one add_group_member call may name. */
export const MAX_ADD_MEMBERS = 300;

/** Handler of add_group_member. */
export const addGroupMember: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  optionalInteger(body, "Silence", 0, 1);
  const list = body.MemberList;
  if (!Array.isArray(list) || list.length === 0) throw invalid("MemberList is required and must hold 1 to 300 members");
  if (list.length > MAX_ADD_MEMBERS) throw new ChatFailure(10005, `MemberList holds ${list.length} accounts; at most ${MAX_ADD_MEMBERS}`);
  const accounts = (list as unknown[]).map((item) => {
    if (typeof item !== "object" || item === null) throw invalid("MemberList entries must be {Member_Account} objects");
    return checkAccountId("Member_Account", (item as Record<string, unknown>).Member_Account);
  });
  if (group.Type === "AVChatRoom") throw new ChatFailure(10007, "add_group_member does not support AVChatRoom groups");

  const now = ctx.nowSeconds();
  const results = accounts.map((account) => {
    if (group.Members.some((m) => m.Member_Account === account)) return { Member_Account: account, Result: 2 as const };
    if (ctx.behaviour.requireImportedAccounts && !ctx.store.hasAccount(account)) return { Member_Account: account, Result: 0 as const };
    group.Members.push({ Member_Account: account, Role: "Member", JoinTime: now });
    return { Member_Account: account, Result: 1 as const };
  });
  if (group.Members.length > group.MaxMemberNum) {
    throw new ChatFailure(10038, `the group would have ${group.Members.length} members; MaxMemberNum is ${group.MaxMemberNum}`);
  }
  if (results.some((r) => r.Result === 1)) ctx.store.putGroup(group);
  return { MemberList: results };
};
