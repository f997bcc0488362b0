/**
 * `im_open_login_svc/account_import` (https://cloud.tencent.com/document/product/269/1608): record an account;
 * importing twice is fine. Nick/FaceUrl are profile values (≤500 bytes, else 40601). Whether a re-import overwrites
 * them is undocumented: by default it does not ({@link EmulatorBehaviour.reimportUpdatesProfile}).
 * Its errors are in the 70xxx family: a bad UserID is 70402 (invalid parameter).
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { byteLength } from "../validate";

/** Documented limit of a string profile value in bytes (https://cloud.tencent.com/document/product/269/3558). */
export const PROFILE_VALUE_BYTES = 500;

/** A UserID as the account actions check it: a non-empty string of at most 32 bytes, else 70402. */
export function checkUserId(id: unknown, field = "UserID"): string {
  if (typeof id !== "string" || id === "")
    throw new ChatFailure(70402, `${field} is required and must be a non-empty string`);
  if (byteLength(id) > 32) throw new ChatFailure(70402, `${field} is ${byteLength(id)} bytes; the limit is 32 bytes`);
  return id;
}

/** Nick/FaceUrl of an account item: strings (70402 otherwise) of at most 500 bytes (40601). */
export function accountProfile(item: Record<string, unknown>): { Nick?: string; FaceUrl?: string } {
  const out: { Nick?: string; FaceUrl?: string } = {};
  for (const field of ["Nick", "FaceUrl"] as const) {
    const v = item[field];
    if (v === undefined) continue;
    if (typeof v !== "string") throw new ChatFailure(70402, `${field} must be a string`);
    if (byteLength(v) > PROFILE_VALUE_BYTES)
      throw new ChatFailure(40601, `${field} is ${byteLength(v)} bytes; the limit is 500 bytes`);
    out[field] = v;
  }
  return out;
}

/** Handler of account_import. */
export const accountImport: Handler = (body, ctx) => {
  const id = checkUserId(body.UserID);
  const profile = accountProfile(body);
  const exists = ctx.store.hasAccount(id);
  ctx.store.putAccount(id, exists && !ctx.behaviour.reimportUpdatesProfile ? undefined : profile);
  return {};
};
