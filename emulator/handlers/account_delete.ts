/**
 * `im_open_login_svc/account_delete` (https://cloud.tencent.com/document/product/269/36443): 1–100 `DeleteItem`
 * ids (70402 otherwise); per id `ResultCode` 0, or 70107 "Err_TLS_PT_Open_Login_Account_Not_Exist" when it does
 * not exist. Deleting also removes the user's memberships ("该用户的…群组…数据也会被删除"); a group the user owns keeps
 * its owner entry (DECISIONS.md E96).
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { checkUserId } from "./account_import";

/** Handler of account_delete. */
export const accountDelete: Handler = (body, ctx) => {
  const items = body.DeleteItem;
  if (!Array.isArray(items) || items.length === 0)
    throw new ChatFailure(70402, "DeleteItem is required and must list at least one UserID");
  if (items.length > 100) throw new ChatFailure(70402, `DeleteItem lists ${items.length} UserIDs; the limit is 100`);
  const ids = items.map((item: unknown, i: number) =>
    checkUserId(
      typeof item === "object" && item !== null ? (item as { UserID?: unknown }).UserID : undefined,
      `DeleteItem[${i}].UserID`,
    ),
  );
  const ResultItem = ids.map((UserID) => {
    if (!ctx.store.deleteAccount(UserID))
      return { ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist", UserID };
    for (const group of ctx.store.listGroups()) {
      const kept = group.Members.filter((m) => m.Member_Account !== UserID || m.Role === "Owner");
      if (kept.length !== group.Members.length) ctx.store.putGroup({ ...group, Members: kept });
    }
    return { ResultCode: 0, ResultInfo: "", UserID };
  });
  return { ResultItem };
};
