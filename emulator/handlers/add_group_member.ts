/**
 * `group_open_http_svc/add_group_member` (https://cloud.tencent.com/document/product/269/1621): at most
 * {@link EmulatorBehaviour.addMemberLimit} accounts per call (20 by default; 10005 over it), one Result per account:
 * 1 added, 2 already a member, 0 failed (an account never imported, with requireImportedAccounts; or the whole call
 * fails with 10019 when `unknownMemberAdd` is "request"). AVChatRoom: 10007. Over MaxMemberNum: 10014 (group full), nothing added.
 */
import { findGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkCapacity, mayJoin, memberObjects, refuseAVChatRoom } from "../members";
import { checkAccountId, optionalInteger, requireString } from "../validate";

/** The most accounts any page documents for one add_group_member call (older pages: 500). */
export const MAX_ADD_MEMBERS = 300;

/** Handler of add_group_member. */
export const addGroupMember: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  optionalInteger(body, "Silence", 0, 1);
  const accounts = memberObjects(body.MemberList, ctx.behaviour.addMemberLimit).map((item) =>
    checkAccountId("Member_Account", item.Member_Account),
  );
  refuseAVChatRoom(group, "add_group_member");
  if (ctx.behaviour.unknownMemberAdd === "request") {
    const unknown = accounts.find((a) => !mayJoin(ctx, a));
    if (unknown !== undefined) throw new ChatFailure(10019, `Member_Account ${JSON.stringify(unknown)} does not exist`);
  }

  const now = ctx.nowSeconds();
  const results = accounts.map((account) => {
    if (group.Members.some((m) => m.Member_Account === account)) return { Member_Account: account, Result: 2 as const };
    if (!mayJoin(ctx, account)) return { Member_Account: account, Result: 0 as const };
    group.Members.push({ Member_Account: account, Role: "Member", JoinTime: now });
    return { Member_Account: account, Result: 1 as const };
  });
  checkCapacity(group);
  if (results.some((r) => r.Result === 1)) ctx.store.putGroup(group);
  return { MemberList: results };
};
