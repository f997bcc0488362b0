/**
 * `group_open_http_svc/modify_group_base_info` (https://cloud.tencent.com/document/product/269/1620): change profile
 * fields; AppDefinedData is merged key by key and `Value: ""` deletes a key. InviteJoinOption is refused for Community
 * (10007). Any accepted change bumps InfoSeq and LastInfoTime.
 */
import { findGroup, type Handler } from "../context";
import {
  appDefinedEntries,
  applyJoinOption,
  checkAppDefinedCount,
  inviteJoinOption,
  maxMemberLimit,
  muteValue,
  optionalInteger,
  optionalString,
  profileFields,
  requireString,
} from "../validate";

/** Handler of modify_group_base_info. */
export const modifyGroupBaseInfo: Handler = (body, ctx) => {
  const group = findGroup(ctx, requireString(body, "GroupId"));
  const profile = profileFields(body, ctx.behaviour.limits);
  const maxMembers = optionalInteger(body, "MaxMemberNum", 1, maxMemberLimit(group.Type, ctx.behaviour));
  const joinOption = applyJoinOption(optionalString(body, "ApplyJoinOption"), group.Type, ctx.behaviour);
  const invite = inviteJoinOption(optionalString(body, "InviteJoinOption"), group.Type);
  const mute = muteValue(body);
  // Deletions (Value "") bypass the Value checks but not the Key rules.
  const changes = appDefinedEntries(body.AppDefinedData, ctx.behaviour);

  const merged = new Map(group.AppDefinedData.map((f) => [f.Key, f.Value]));
  for (const { Key, Value } of changes) {
    if (Value === "") merged.delete(Key);
    else merged.set(Key, Value);
  }
  const appDefined = [...merged].map(([Key, Value]) => ({ Key, Value }));
  checkAppDefinedCount(appDefined, ctx.behaviour);

  const changed =
    Object.keys(profile).length > 0 ||
    maxMembers !== undefined ||
    joinOption !== undefined ||
    invite !== undefined ||
    mute !== undefined ||
    changes.length > 0;
  if (!changed) return {};
  Object.assign(group, profile);
  if (maxMembers !== undefined) group.MaxMemberNum = maxMembers;
  if (joinOption !== undefined) group.ApplyJoinOption = joinOption;
  if (invite !== undefined) group.InviteJoinOption = invite;
  if (mute !== undefined) group.MuteAllMember = mute;
  group.AppDefinedData = appDefined;
  group.InfoSeq += 1;
  group.LastInfoTime = ctx.nowSeconds();
  ctx.store.putGroup(group);
  return {};
};
