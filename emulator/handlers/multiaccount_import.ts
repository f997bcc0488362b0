/**
 * `im_open_login_svc/multiaccount_import` (https://cloud.tencent.com/document/product/269/4919): the current form
 * `AccountList: [{UserID, Nick?, FaceUrl?}]` (an existing account is updated with the new Nick/FaceUrl, as documented)
 * or the old `Accounts: [UserID]`; not both (70402). At most 100 (70402 over). An entry with an invalid UserID is
 * listed in `FailAccounts` (no reason, as documented); `FailAccounts` is always present, `[]` when none failed.
 * With `multiImportSetsProfile: false` (the older page) the Nick/FaceUrl are validated but not stored.
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { byteLength } from "../validate";
import { accountProfile } from "./account_import";

/** Most accounts per call. */
export const MAX_MULTI_IMPORT = 100;

/** Handler of multiaccount_import. */
export const multiaccountImport: Handler = (body, ctx) => {
  const { AccountList, Accounts } = body;
  if (AccountList !== undefined && Accounts !== undefined)
    throw new ChatFailure(70402, "send AccountList or Accounts, not both");
  const list = AccountList ?? Accounts;
  if (!Array.isArray(list) || list.length === 0)
    throw new ChatFailure(70402, "AccountList is required and must hold 1 to 100 accounts");
  if (list.length > MAX_MULTI_IMPORT)
    throw new ChatFailure(70402, `AccountList holds ${list.length} accounts; the limit is 100`);
  const items = (list as unknown[]).map((entry) => {
    if (AccountList === undefined) return { UserID: entry, profile: {} };
    if (typeof entry !== "object" || entry === null)
      throw new ChatFailure(70402, "AccountList entries must be {UserID, Nick?, FaceUrl?} objects");
    const item = entry as Record<string, unknown>;
    return { UserID: item.UserID, profile: accountProfile(item) };
  });
  const FailAccounts: string[] = [];
  for (const { UserID, profile } of items) {
    if (typeof UserID !== "string" || UserID === "" || byteLength(UserID) > 32) {
      if (typeof UserID === "string") FailAccounts.push(UserID);
      else throw new ChatFailure(70402, "UserID must be a string");
      continue;
    }
    ctx.store.putAccount(UserID, ctx.behaviour.multiImportSetsProfile ? profile : undefined);
  }
  return { FailAccounts };
};
