/**
 * `group_open_http_svc/get_group_info` (https://cloud.tencent.com/document/product/269/1616): 1–50 ids, one entry per
 * id with its own ErrorCode. With a ResponseFilter, fields it does not list are omitted
 * ("没有在过滤器中指明的字段将不被拉取"); without one, every base field, the custom fields and the whole member list
 * are returned, so large groups make large answers (the server refuses answers over `EmulatorBehaviour.maxReplyBytes`
 * with 10018, see server.ts).
 */
import type { WireGroupInfo, WireGroupMember } from "../../protocol/wire";
import { GROUP_NOT_FOUND_INFO, type Handler, type HandlerContext } from "../context";
import type { StoredGroup } from "../types";
import { fixedApplyJoinOption, invalid, type Body } from "../validate";

interface Filter {
  base?: ReadonlySet<string>;
  member?: ReadonlySet<string>;
  appDefined?: ReadonlySet<string>;
}

function stringList(value: unknown, field: string): ReadonlySet<string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    throw invalid(`${field} must be an array of strings`);
  return new Set(value as string[]);
}

/** The filter, or undefined when the request has none (then everything is returned). */
function parseFilter(body: Body): Filter | undefined {
  const raw = body.ResponseFilter;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw)) throw invalid("ResponseFilter must be an object");
  const f = raw as Record<string, unknown>;
  return {
    base: stringList(f.GroupBaseInfoFilter, "GroupBaseInfoFilter"),
    member: stringList(f.MemberInfoFilter, "MemberInfoFilter"),
    appDefined: stringList(f.AppDefinedDataFilter_Group, "AppDefinedDataFilter_Group"),
  };
}

function baseInfo(group: StoredGroup, ctx: HandlerContext): Record<string, unknown> {
  const info: Record<string, unknown> = {
    Type: group.Type,
    Name: group.Name,
    Appid: ctx.sdkAppId,
    Introduction: group.Introduction,
    Notification: group.Notification,
    FaceUrl: group.FaceUrl,
    Owner_Account: group.Owner_Account,
    CreateTime: group.CreateTime,
    InfoSeq: group.InfoSeq,
    LastInfoTime: group.LastInfoTime,
    LastMsgTime: 0,
    NextMsgSeq: 1,
    MemberNum: group.Members.length,
    MaxMemberNum: group.MaxMemberNum,
    ApplyJoinOption: fixedApplyJoinOption(group.Type, ctx.behaviour) ?? group.ApplyJoinOption,
    InviteJoinOption: group.InviteJoinOption ?? "FreeAccess",
    MuteAllMember: group.MuteAllMember,
    ShutUpAllMember: group.MuteAllMember,
  };
  if (group.Type === "Community") {
    info.SupportTopic = group.SupportTopic;
    delete info.ApplyJoinOption; // Community groups have no join option (https://www.tencentcloud.com/document/product/1047/34967).
    delete info.InviteJoinOption; // nor an invite option (communities do not allow invitations).
  }
  return info;
}

function member(m: StoredGroup["Members"][number], fields: ReadonlySet<string> | undefined): WireGroupMember {
  const full: WireGroupMember = {
    Member_Account: m.Member_Account,
    Role: m.Role,
    JoinTime: m.JoinTime,
    MsgSeq: 0,
    MsgFlag: "AcceptAndNotify",
    LastSendMsgTime: 0,
    ShutUpUntil: 0,
  };
  if (fields === undefined) return full;
  // The official sample filters on "Account" (sic); the account is always kept so entries stay identifiable.
  const out: Record<string, unknown> = { Member_Account: m.Member_Account };
  for (const [key, value] of Object.entries(full)) if (fields.has(key)) out[key] = value;
  return out as unknown as WireGroupMember;
}

function entry(group: StoredGroup, ctx: HandlerContext, filter: Filter | undefined): WireGroupInfo {
  const out: Record<string, unknown> = { GroupId: group.GroupId, ErrorCode: 0, ErrorInfo: "" };
  const base = baseInfo(group, ctx);
  const mute = ctx.behaviour.muteField;
  for (const [key, value] of Object.entries(base)) {
    const isMute = key === "MuteAllMember" || key === "ShutUpAllMember";
    const wanted =
      filter === undefined
        ? !isMute || mute === "both" || mute === key
        : filter.base !== undefined && filter.base.has(key);
    if (wanted) out[key] = value;
  }
  if (filter === undefined || filter.appDefined !== undefined) {
    out.AppDefinedData = group.AppDefinedData.filter(
      (f) => filter?.appDefined === undefined || filter.appDefined.has(f.Key),
    );
  }
  if (filter === undefined || filter.member !== undefined) {
    out.MemberList = group.Members.map((m) => member(m, filter?.member));
  }
  return out as unknown as WireGroupInfo;
}

/** Handler of get_group_info. */
export const getGroupInfo: Handler = (body, ctx) => {
  const ids = body.GroupIdList;
  if (!Array.isArray(ids) || ids.length === 0) throw invalid("GroupIdList is required and must hold 1 to 50 group ids");
  if (ids.length > 50) throw invalid(`GroupIdList holds ${ids.length} ids; at most 50 per request`);
  if (ids.some((id) => typeof id !== "string")) throw invalid("GroupIdList must hold strings");
  const filter = parseFilter(body);
  const GroupInfo = (ids as string[]).map((id): WireGroupInfo => {
    const group = ctx.store.getGroup(id);
    if (group === undefined)
      return { GroupId: id, ErrorCode: ctx.behaviour.notFoundCode, ErrorInfo: GROUP_NOT_FOUND_INFO };
    return entry(group, ctx, filter);
  });
  return { GroupInfo };
};
