/**
 * `im_open_login_svc/account_import` (QD-ACCT): record an account; importing twice is fine.
 * Its errors are in the 70xxx family: a bad UserID is 70402 (invalid parameter).
 */
import type { Handler } from "../context";
import { ChatFailure } from "../envelope";
import { byteLength } from "../validate";

/** Handler of account_import. */
export const accountImport: Handler = (body, ctx) => {
  const id = body.UserID;
  if (typeof id !== "string" || id === "") throw new ChatFailure(70402, "UserID is required and must be a non-empty string");
  if (byteLength(id) > 32) throw new ChatFailure(70402, `UserID is ${byteLength(id)} bytes; the limit is 32 bytes`);
  for (const field of ["Nick", "FaceUrl"]) {
    if (body[field] !== undefined && typeof body[field] !== "string") throw new ChatFailure(70402, `${field} must be a string`);
  }
  ctx.store.putAccount(id);
  return {};
};
