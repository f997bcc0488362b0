/**
 * `profile/portrait_set` (https://cloud.tencent.com/document/product/269/1640): one user's standard tags
 * Tag_Profile_IM_Nick / Tag_Profile_IM_Image. 40003 for an account never imported, 40001 for a malformed body,
 * 40009 for another tag, 40610 for a non-string value, 40601 over 500 bytes. `""` clears a value (undocumented,
 * DECISIONS.md E97). The answer carries `ErrorDisplay`, as profile answers do.
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { byteLength } from "../validate";
import { PROFILE_VALUE_BYTES } from "./account_import";

/** The standard tags the emulator stores, and the account field each maps to. */
export const PROFILE_TAGS = { Tag_Profile_IM_Nick: "Nick", Tag_Profile_IM_Image: "FaceUrl" } as const;

/** Handler of portrait_set. */
export const portraitSet: Handler = (body, ctx) => {
  const user = body.From_Account;
  if (typeof user !== "string" || user === "")
    throw new ChatFailure(40001, "From_Account is required and must be a string");
  const items = body.ProfileItem;
  if (!Array.isArray(items) || items.length === 0)
    throw new ChatFailure(40001, "ProfileItem is required and must hold at least one {Tag, Value}");
  const profile: { Nick?: string; FaceUrl?: string } = {};
  for (const item of items as unknown[]) {
    if (typeof item !== "object" || item === null)
      throw new ChatFailure(40001, "ProfileItem entries must be {Tag, Value} objects");
    const { Tag, Value } = item as Record<string, unknown>;
    if (typeof Tag !== "string" || !Object.prototype.hasOwnProperty.call(PROFILE_TAGS, Tag)) {
      throw new ChatFailure(40009, `profile tag ${JSON.stringify(Tag)} does not exist`);
    }
    if (typeof Value !== "string") throw new ChatFailure(40610, `Value of ${Tag} must be a string`);
    if (byteLength(Value) > PROFILE_VALUE_BYTES)
      throw new ChatFailure(40601, `Value of ${Tag} is ${byteLength(Value)} bytes; the limit is 500 bytes`);
    profile[PROFILE_TAGS[Tag as keyof typeof PROFILE_TAGS]] = Value;
  }
  if (!ctx.store.hasAccount(user)) throw new ChatFailure(40003, `account ${JSON.stringify(user)} does not exist`);
  ctx.store.putAccount(user, profile);
  return { ErrorDisplay: "" };
};
