/**
 * `group_open_http_svc/change_group_owner` (https://cloud.tencent.com/document/product/269/1633): the new owner must
 * already be a member; the old owner becomes a plain Member. AVChatRoom is refused with 10007 (documented).
 */
import { Codes } from "../../protocol/error-codes";
import { findGroup, requireImported, type Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkAccountId, requireString } from "../validate";

/** Handler of change_group_owner. */
export const changeGroupOwner: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  requireString(body, "NewOwner_Account");
  const newOwner = checkAccountId("NewOwner_Account", body.NewOwner_Account);
  if (group.Type === "AVChatRoom")
    throw new ChatFailure(Codes.NoPermission, "change_group_owner does not support AVChatRoom groups");
  requireImported(ctx, "NewOwner_Account", newOwner);
  const next = group.Members.find((m) => m.Member_Account === newOwner);
  if (next === undefined) {
    throw new ChatFailure(
      ctx.behaviour.ownerNotMemberCode,
      `the new owner ${JSON.stringify(newOwner)} must be a member of the group`,
    );
  }
  if (next.Role === "Owner") return {};
  for (const m of group.Members) if (m.Role === "Owner") m.Role = "Member";
  next.Role = "Owner";
  group.Owner_Account = newOwner;
  ctx.store.putGroup(group);
  return {};
};
