/**
 * `group_open_http_svc/destroy_group` (QD-DESTROY): remove a group; its custom id is free again at once.
 * A missing group answers 10010 "this group does not exist" (CAPTURE-10010), whatever notFoundCode says.
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
