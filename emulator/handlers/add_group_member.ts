/**
 * `group_open_http_svc/add_group_member` (https://cloud.tencent.com/document/product/269/1621): at most
 * {@link EmulatorBehaviour.addMemberLimit} accounts per call (20 by default; 10005 over it), one Result per account:
 * 1 added, 2 already a member, 0 failed (an account never imported, with requireImportedAccounts; or the whole call
 * fails with 10019 when `unknownMemberAdd` is "request"). AVChatRoom: 10007. Over MaxMemberNum: 10014 (group full), nothing added.
 */
import { viewGroup, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkCapacity, mayJoin, memberObjects, refuseAVChatRoom } from "../members";
import type { StoredMember } from "../types";
import { checkAccountId, optionalInteger, requireString } from "../validate";

/** The most accounts any page documents for one add_group_member call (older pages: 500). */
export const MAX_ADD_MEMBERS = 300;

/** Handler of add_group_member. */
export const addGroupMember: Handler = (body, ctx) => {
  // Read without a copy (groups reach 100,000 members); the store gets one new copy below, only if anyone joined.
  const group = viewGroup(ctx, requireString(body, "GroupId"));
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
  const present = new Set(group.Members.map((m) => m.Member_Account));
  const joined: StoredMember[] = [];
  const results = accounts.map((account) => {
    if (present.has(account)) return { Member_Account: account, Result: 2 as const };
    if (!mayJoin(ctx, account)) return { Member_Account: account, Result: 0 as const };
    present.add(account);
    joined.push({ Member_Account: account, Role: "Member", JoinTime: now });
    return { Member_Account: account, Result: 1 as const };
  });
  if (joined.length === 0) return { MemberList: results };
  const updated = { ...group, Members: [...group.Members, ...joined] };
  checkCapacity(updated);
  ctx.store.putGroup(updated);
  return { MemberList: results };
};
