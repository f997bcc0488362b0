/**
 * `group_open_http_svc/import_group`: create a group without webhooks, with an optional custom GroupId and CreateTime
 * (https://tencentcloud.com/document/product/1047/34967 , https://cloud.tencent.com/document/product/269/1634).
 */
import { randomInt } from "node:crypto";
import { Codes } from "../../protocol/error-codes";
import { requireImported, type Handler, type HandlerContext } from "../context";
import { ChatFailure } from "../envelope";
import type { StoredGroup } from "../types";
import {
  appDefinedEntries,
  applyJoinOption,
  checkAccountId,
  checkAppDefinedCount,
  checkCustomGroupId,
  defaultMemberLimit,
  fixedApplyJoinOption,
  importableType,
  invalid,
  maxMemberLimit,
  optionalInteger,
  optionalString,
  profileFields,
  requireString,
} from "../validate";

const UPPER_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const MIXED_ALNUM = `${UPPER_ALNUM}abcdefghijklmnopqrstuvwxyz`;

function randomChars(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A fresh server id shaped like the doc samples: `@TGS#2J4SZEAEL`, Community `@TGS#_@TGS#c4YHCIIM62CX`. */
function assignGroupId(ctx: HandlerContext, type: string): string {
  for (;;) {
    const id =
      type === "Community" ? `@TGS#_@TGS#${randomChars(MIXED_ALNUM, 12)}` : `@TGS#${randomChars(UPPER_ALNUM, 9)}`;
    if (ctx.store.getGroup(id) === undefined) return id;
  }
}

/** Handler of import_group. */
export const importGroup: Handler = (body, ctx) => {
  const type = importableType(requireString(body, "Type"), ctx.behaviour);
  const profile = profileFields(body, ctx.behaviour.limits);
  if (profile.Name === undefined) throw invalid("Name is required");

  // An empty Owner_Account or GroupId means "not given", as SDKs that serialise unset fields send them.
  const owner =
    body.Owner_Account === undefined || body.Owner_Account === ""
      ? undefined
      : checkAccountId("Owner_Account", body.Owner_Account);
  const maxMembers =
    optionalInteger(body, "MaxMemberCount", 1, maxMemberLimit(type, ctx.behaviour)) ??
    defaultMemberLimit(type, ctx.behaviour);
  const joinOption =
    applyJoinOption(optionalString(body, "ApplyJoinOption"), type, ctx.behaviour) ??
    fixedApplyJoinOption(type, ctx.behaviour) ??
    "NeedPermission";
  const createTime = optionalInteger(body, "CreateTime", 0, 2 ** 32 - 1);
  const supportTopic = optionalInteger(body, "SupportTopic", 0, 1) ?? 0;
  if (supportTopic === 1 && type !== "Community") throw invalid("SupportTopic is only valid for Community groups");
  const appDefined = appDefinedEntries(body.AppDefinedData, ctx.behaviour);
  checkAppDefinedCount(appDefined, ctx.behaviour);

  const customId = optionalString(body, "GroupId") || undefined;
  if (customId !== undefined) {
    checkCustomGroupId(customId, type);
    // The admin imports every group, so "used by someone else" (10021) and "by yourself" (10025) collapse to 10021.
    if (ctx.store.getGroup(customId) !== undefined) throw new ChatFailure(Codes.GroupIdInUse, "group id has been used");
  }
  if (owner !== undefined) requireImported(ctx, "Owner_Account", owner);

  const now = ctx.nowSeconds();
  const group: StoredGroup = {
    GroupId: customId ?? assignGroupId(ctx, type),
    Type: type,
    Name: profile.Name,
    Introduction: profile.Introduction ?? "",
    Notification: profile.Notification ?? "",
    FaceUrl: profile.FaceUrl ?? "",
    Owner_Account: owner ?? "",
    CreateTime: createTime ?? now,
    LastInfoTime: now,
    InfoSeq: 1,
    MaxMemberNum: maxMembers,
    ApplyJoinOption: type === "Community" ? "" : joinOption,
    // import_group has no InviteJoinOption (https://cloud.tencent.com/document/product/269/1634); the service's own
    // default is not documented, FreeAccess is our guess (DECISIONS.md E51). Community: none.
    ...(type === "Community" ? {} : { InviteJoinOption: "FreeAccess" }),
    MuteAllMember: "Off",
    SupportTopic: supportTopic,
    AppDefinedData: appDefined,
    Members: owner === undefined ? [] : [{ Member_Account: owner, Role: "Owner", JoinTime: createTime ?? now }],
  };
  ctx.store.putGroup(group);
  return { GroupId: group.GroupId };
};
