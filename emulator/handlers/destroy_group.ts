/**
 * `group_open_http_svc/destroy_group` (https://cloud.tencent.com/document/product/269/1624): remove a group; its custom
 * id is free again at once. A missing group answers 10010 "this group does not exist" (a captured answer quoted in
 * public client code), whatever notFoundCode says.
 */
import { Codes } from "../../protocol/error-codes";
import { findGroup, type Handler } from "../context";
import { requireString } from "../validate";

/** Handler of destroy_group. */
export const destroyGroup: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"), Codes.GroupNotFound);
  ctx.store.deleteGroup(group.GroupId);
  return {};
};
