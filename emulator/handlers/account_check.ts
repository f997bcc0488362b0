/**
 * `im_open_login_svc/account_check` (https://cloud.tencent.com/document/product/269/38417): for each of 1–100
 * `CheckItem` ids, `ResultCode: 0` and `AccountStatus` "Imported" or "NotImported" (a missing account is not an
 * error). A malformed request is 70402 (invalid parameter), as for account_import.
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";

/** Handler of account_check. */
export const accountCheck: Handler = (body, ctx) => {
  const items = body.CheckItem;
  if (!Array.isArray(items) || items.length === 0)
    throw new ChatFailure(70402, "CheckItem is required and must list at least one UserID");
  if (items.length > 100) throw new ChatFailure(70402, `CheckItem lists ${items.length} UserIDs; the limit is 100`);
  const ResultItem = items.map((item: unknown, i: number) => {
    const id = typeof item === "object" && item !== null ? (item as { UserID?: unknown }).UserID : undefined;
    if (typeof id !== "string" || id === "")
      throw new ChatFailure(70402, `CheckItem[${i}].UserID is required and must be a non-empty string`);
    return {
      UserID: id,
      ResultCode: 0,
      ResultInfo: "",
      AccountStatus: ctx.store.hasAccount(id) ? "Imported" : "NotImported",
    };
  });
  return { ResultItem };
};
