/**
 * Account and profile actions (im_open_login_svc, profile): multiaccount_import, account_delete, account_check
 * per item, portrait_set and portrait_get. Each returns one typed entry per id (./items.ts); whole-call failures throw.
 * Sources: https://cloud.tencent.com/document/product/269/4919, /269/36443, /269/38417, /269/1640, /269/1639.
 */
import { BATCH_LIMITS } from "../../protocol/actions";
import type { Executor } from "./executor";
import { requireText, validationError } from "./groups";
import { itemApiError, itemFailed, itemMissing, listOf, requireIdList, type ItemResult } from "./items";
import type {
  AccountCheckResponse,
  AccountDeleteResponse,
  PortraitGetResponse,
  WireAccountItem,
  WireProfileItem,
} from "../../protocol/wire";

/** Standard profile tag of the nickname (≤500 bytes). */
export const TAG_NICK = "Tag_Profile_IM_Nick";
/** Standard profile tag of the avatar URL (≤500 bytes). */
export const TAG_IMAGE = "Tag_Profile_IM_Image";

/** An account's nickname and avatar, as read by portrait_get; `tags` holds every tag returned. */
export interface AccountProfile {
  Nick?: string;
  FaceUrl?: string;
  tags: Record<string, string | number>;
}

/** account_delete per id: "deleted", or "absent" when it did not exist (per-item 70107, treated as done). */
export type AccountDeleteOutcome = "deleted" | "absent";

/** multiaccount_import (current `AccountList` form): an id listed in FailAccounts gets its own error. */
export async function multiAccountImport(
  exec: Executor,
  accounts: readonly WireAccountItem[],
): Promise<ItemResult<true>[]> {
  const ids = accounts.map((a) => a?.UserID);
  requireIdList("multiaccount_import", "AccountList", ids, BATCH_LIMITS.multiaccount_import);
  const body = await exec.run("multiaccount_import", JSON.stringify({ AccountList: accounts }));
  const failed = new Set(
    Array.isArray(body.FailAccounts) ? (body.FailAccounts as unknown[]).filter((x) => typeof x === "string") : [],
  );
  return ids.map((id) =>
    failed.has(id)
      ? {
          id,
          ok: false,
          error: itemFailed(
            "multiaccount_import",
            id,
            "the service listed it in FailAccounts (no reason is given); import it alone to see the error.",
          ),
        }
      : { id, ok: true, value: true },
  );
}

/** account_delete: irreversible. Per id "deleted" or "absent" (70107); another per-item code is that id's error. */
export async function accountDelete(
  exec: Executor,
  userIds: readonly string[],
): Promise<ItemResult<AccountDeleteOutcome>[]> {
  requireIdList("account_delete", "DeleteItem", userIds, BATCH_LIMITS.account_delete);
  const body = await exec.run("account_delete", JSON.stringify({ DeleteItem: userIds.map((UserID) => ({ UserID })) }));
  const items = listOf<NonNullable<AccountDeleteResponse["ResultItem"]>[number]>(body, "ResultItem");
  return userIds.map((id): ItemResult<AccountDeleteOutcome> => {
    const item = items.find((x) => x.UserID === id);
    if (!item) return { id, ok: false, error: itemMissing("account_delete", id) };
    if (item.ResultCode === 0) return { id, ok: true, value: "deleted" };
    if (item.ResultCode === 70107) return { id, ok: true, value: "absent" };
    return { id, ok: false, error: itemApiError("account_delete", id, item.ResultCode, item.ResultInfo) };
  });
}

/** account_check per id: true = imported; an item's own non-zero ResultCode is that id's error. */
export async function accountCheckItems(exec: Executor, userIds: readonly string[]): Promise<ItemResult<boolean>[]> {
  requireIdList("account_check", "CheckItem", userIds, BATCH_LIMITS.account_check);
  const body = await exec.run("account_check", JSON.stringify({ CheckItem: userIds.map((UserID) => ({ UserID })) }));
  const items = listOf<NonNullable<AccountCheckResponse["ResultItem"]>[number]>(body, "ResultItem");
  return userIds.map((id): ItemResult<boolean> => {
    const item = items.find((x) => x.UserID === id);
    if (!item) return { id, ok: false, error: itemMissing("account_check", id) };
    if (item.ResultCode !== 0)
      return { id, ok: false, error: itemApiError("account_check", id, item.ResultCode, item.ResultInfo) };
    return { id, ok: true, value: item.AccountStatus === "Imported" };
  });
}

/** What {@link portraitSet} writes: the nickname and/or avatar, and any further raw tags. */
export interface PortraitSetInput {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
  /** Further tags, sent as given. */
  items?: WireProfileItem[];
}

/** portrait_set for one user: `Nick` → Tag_Profile_IM_Nick, `FaceUrl` → Tag_Profile_IM_Image. */
export async function portraitSet(exec: Executor, input: PortraitSetInput): Promise<void> {
  requireText("portrait_set", "From_Account", input.UserID);
  const items: WireProfileItem[] = [];
  if (input.Nick !== undefined) items.push({ Tag: TAG_NICK, Value: input.Nick });
  if (input.FaceUrl !== undefined) items.push({ Tag: TAG_IMAGE, Value: input.FaceUrl });
  items.push(...(input.items ?? []));
  if (items.length === 0)
    throw validationError("portrait_set", "give Nick, FaceUrl or items: there is nothing to set.");
  await exec.run("portrait_set", JSON.stringify({ From_Account: input.UserID, ProfileItem: items }));
}

/** portrait_get for ≤100 users; a user's own ResultCode (e.g. 40003 not imported) is that user's error. */
export async function portraitGet(
  exec: Executor,
  userIds: readonly string[],
  tags: readonly string[] = [TAG_NICK, TAG_IMAGE],
): Promise<ItemResult<AccountProfile>[]> {
  requireIdList("portrait_get", "To_Account", userIds, BATCH_LIMITS.portrait_get);
  if (tags.length === 0) throw validationError("portrait_get", "TagList must name at least one tag.");
  const body = await exec.run("portrait_get", JSON.stringify({ To_Account: userIds, TagList: tags }));
  const items = listOf<NonNullable<PortraitGetResponse["UserProfileItem"]>[number]>(body, "UserProfileItem");
  return userIds.map((id): ItemResult<AccountProfile> => {
    const item = items.find((x) => x.To_Account === id);
    if (!item) return { id, ok: false, error: itemMissing("portrait_get", id) };
    if (typeof item.ResultCode === "number" && item.ResultCode !== 0) {
      return { id, ok: false, error: itemApiError("portrait_get", id, item.ResultCode, item.ResultInfo) };
    }
    const profile: AccountProfile = { tags: {} };
    for (const p of Array.isArray(item.ProfileItem) ? item.ProfileItem : []) {
      if (!p || typeof p.Tag !== "string") continue;
      profile.tags[p.Tag] = p.Value;
      if (p.Tag === TAG_NICK && typeof p.Value === "string") profile.Nick = p.Value;
      if (p.Tag === TAG_IMAGE && typeof p.Value === "string") profile.FaceUrl = p.Value;
    }
    return { id, ok: true, value: profile };
  });
}
