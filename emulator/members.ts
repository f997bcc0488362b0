/**
 * Rules the member handlers share: the per-type matrix (https://cloud.tencent.com/document/product/269/1621, /1622,
 * /1636, /1623, /1626, /1617; Work groups have no admins, https://www.tencentcloud.com/document/product/1047/33529),
 * account lists with a documented maximum, and the member record as the reads return it.
 */
import type { WireMemberInfo } from "../protocol/wire";
import { ChatFailure } from "./envelope";
import type { HandlerContext } from "./context";
import type { StoredGroup, StoredMember } from "./types";
import { checkAccountId, invalid } from "./validate";

/** AVChatRoom stores no member list: the member actions refuse it with `code` (10007, or 10004 for delete). */
export function refuseAVChatRoom(group: StoredGroup, action: string, code = 10007): void {
  if (group.Type === "AVChatRoom") throw new ChatFailure(code, `${action} does not support AVChatRoom groups`);
}

/** A required array of account ids, 1..max, else 10004 (or `overCode` when over max). */
export function accountList(value: unknown, field: string, max: number, overCode = 10004): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(`${field} is required and must hold 1 to ${max} accounts`);
  if (value.length > max) throw new ChatFailure(overCode, `${field} holds ${value.length} accounts; at most ${max}`);
  return (value as unknown[]).map((v, i) => checkAccountId(`${field}[${i}]`, v));
}

/** `{Member_Account}` objects of a MemberList, 1..max (10005 over max, as documented for add/import). */
export function memberObjects(value: unknown, max: number): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0)
    throw invalid(`MemberList is required and must hold 1 to ${max} members`);
  if (value.length > max) throw new ChatFailure(10005, `MemberList holds ${value.length} accounts; at most ${max}`);
  return (value as unknown[]).map((item) => {
    if (typeof item !== "object" || item === null) throw invalid("MemberList entries must be {Member_Account} objects");
    return item as Record<string, unknown>;
  });
}

/** Whether an account may join: with requireImportedAccounts only imported accounts can. */
export function mayJoin(ctx: HandlerContext, account: string): boolean {
  return !ctx.behaviour.requireImportedAccounts || ctx.store.hasAccount(account);
}

/** 10014 when the group would exceed MaxMemberNum (documented for add_group_member); nothing is stored then. */
export function checkCapacity(group: StoredGroup): void {
  if (group.Members.length > group.MaxMemberNum) {
    throw new ChatFailure(
      10014,
      `the group is full: ${group.Members.length} members; MaxMemberNum is ${group.MaxMemberNum}`,
    );
  }
}

/** Member fields the reads may filter on (MuteUntil current, ShutUpUntil older). */
const FILTERABLE = ["Role", "JoinTime", "MsgSeq", "MsgFlag", "LastSendMsgTime", "NameCard", "MuteUntil", "ShutUpUntil"];

/** A stored member as get_group_member_info returns it, filtered like the service filters. */
export function memberView(
  m: StoredMember,
  filters: { info?: ReadonlySet<string>; custom?: ReadonlySet<string> },
  now: number,
): WireMemberInfo {
  const muteUntil = m.MuteUntil !== undefined && m.MuteUntil > now ? m.MuteUntil : 0;
  const all: Record<string, unknown> = {
    Role: m.Role,
    JoinTime: m.JoinTime,
    MsgSeq: 0,
    MsgFlag: m.MsgFlag ?? "AcceptAndNotify",
    LastSendMsgTime: 0,
    NameCard: m.NameCard ?? "",
    MuteUntil: muteUntil,
  };
  const out: Record<string, unknown> = { Member_Account: m.Member_Account };
  for (const [k, v] of Object.entries(all)) if (!filters.info || filters.info.has(k)) out[k] = v;
  if (filters.info?.has("ShutUpUntil")) out.ShutUpUntil = muteUntil;
  const custom = (m.AppMemberDefinedData ?? []).filter((f) => !filters.custom || filters.custom.has(f.Key));
  if (custom.length > 0 && (filters.custom || !filters.info)) out.AppMemberDefinedData = custom;
  return out as unknown as WireMemberInfo;
}

/** MemberInfoFilter / MemberRoleFilter / AppDefinedDataFilter_GroupMember, validated (10004 for a bad entry). */
export function memberFilters(body: Record<string, unknown>): {
  info?: Set<string>;
  roles?: Set<string>;
  custom?: Set<string>;
} {
  const list = (field: string, allowed?: readonly string[]): Set<string> | undefined => {
    const v = body[field];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
      throw invalid(`${field} must be an array of strings`);
    for (const x of v as string[])
      if (allowed && !allowed.includes(x)) throw invalid(`${field} has an unknown entry ${JSON.stringify(x)}`);
    return new Set(v as string[]);
  };
  return {
    info: list("MemberInfoFilter", FILTERABLE),
    roles: list("MemberRoleFilter", ["Owner", "Admin", "Member"]),
    custom: list("AppDefinedDataFilter_GroupMember"),
  };
}
