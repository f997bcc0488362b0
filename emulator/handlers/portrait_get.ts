/**
 * `profile/portrait_get` (https://cloud.tencent.com/document/product/269/1639): 1–100 `To_Account` (40002 when none,
 * 40001 over 100), `TagList` of known tags (40001 / 40009). Per user `ResultCode` 0 with the tags (a never-set
 * standard tag reads as ""), or for an account never imported, by default that user's `ResultCode` 40003 and
 * `Fail_Account` (present only when some failed); with `portraitGetMissing: "request"` the whole call fails with 40003.
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { PROFILE_TAGS } from "./portrait_set";

/** Handler of portrait_get. */
export const portraitGet: Handler = (body, ctx) => {
  const users = body.To_Account;
  if (users === undefined || (Array.isArray(users) && users.length === 0))
    throw new ChatFailure(40002, "To_Account is required");
  if (!Array.isArray(users) || users.some((u) => typeof u !== "string" || u === ""))
    throw new ChatFailure(40001, "To_Account must be an array of UserIDs");
  if (users.length > 100) throw new ChatFailure(40001, `To_Account holds ${users.length} accounts; the limit is 100`);
  const tags = body.TagList;
  if (!Array.isArray(tags) || tags.length === 0)
    throw new ChatFailure(40001, "TagList is required and must name at least one tag");
  for (const tag of tags as unknown[]) {
    if (typeof tag !== "string" || !Object.prototype.hasOwnProperty.call(PROFILE_TAGS, tag)) {
      throw new ChatFailure(40009, `profile tag ${JSON.stringify(tag)} does not exist`);
    }
  }
  const missing = (users as string[]).filter((u) => !ctx.store.hasAccount(u));
  if (missing.length > 0 && ctx.behaviour.portraitGetMissing === "request") {
    throw new ChatFailure(40003, `account ${JSON.stringify(missing[0])} does not exist`);
  }
  const UserProfileItem = (users as string[]).map((id) => {
    const account = ctx.store.getAccount(id);
    if (!account) return { To_Account: id, ResultCode: 40003, ResultInfo: "Err_Profile_Account_Not_Exist" };
    const ProfileItem = (tags as (keyof typeof PROFILE_TAGS)[]).map((Tag) => ({
      Tag,
      Value: account[PROFILE_TAGS[Tag]],
    }));
    return { To_Account: id, ProfileItem, ResultCode: 0, ResultInfo: "" };
  });
  return { UserProfileItem, ...(missing.length > 0 ? { Fail_Account: missing } : {}), ErrorDisplay: "" };
};
