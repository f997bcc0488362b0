/**
 * Group member actions (group_open_http_svc): import, delete, modify, and the three member reads. Per-member results
 * come back typed (./items.ts); whole-call failures throw. Sources: https://cloud.tencent.com/document/product/269/1621
 * (add), /1636 (import), /1622 (delete), /1623 (modify), /1626 (roles), /112002 (specified), /1617 (all members).
 */
import { BATCH_LIMITS, type ChatAction } from "../../protocol/actions";
import type { Executor } from "./executor";
import { requireText, validationError } from "./groups";
import { itemFailed, itemMissing, listOf, requireIdList, type ItemResult } from "./items";
import type {
  DeleteGroupMemberRequest,
  GetGroupMemberInfoRequest,
  GetSpecifiedGroupMemberInfoRequest,
  ImportGroupMemberRequest,
  MemberFilters,
  ModifyGroupMemberInfoRequest,
  WireMemberInfo,
  WireMemberRole,
} from "../../protocol/wire";

/** Outcome of adding or importing one member: Result 1, 2 (already a member, idempotent) or 3 (awaiting the invitee). */
export type MemberWriteOutcome = "added" | "already-member" | "pending";

/** A member read back: `Role` trimmed, `MuteUntil` filled from the older `ShutUpUntil`. */
export type MemberInfo = WireMemberInfo & { Role: WireMemberRole | string };

/** Most members get_group_member_info returns per page when the caller gives no Limit (the docs advise 100). */
export const DEFAULT_MEMBER_PAGE = 100;
/** The largest Limit the docs' field table allows (6000; the prose says 200, so pages stay at or below it). */
export const MAX_MEMBER_PAGE = 6000;

/**
 * Per-member outcomes of an add_group_member or import_group_member answer, in request order. `Result: 0` is that
 * member's own error (`CHAT_ERR_ITEM_FAILED`); a member missing from the answer is a protocol error for it alone.
 */
export function memberWriteOutcomes(
  action: Extract<ChatAction, "add_group_member" | "import_group_member">,
  groupId: string,
  accounts: readonly string[],
  body: Record<string, unknown>,
): ItemResult<MemberWriteOutcome>[] {
  const list = listOf<{ Member_Account?: unknown; Result?: unknown }>(body, "MemberList");
  const used = new Set<number>();
  return accounts.map((id): ItemResult<MemberWriteOutcome> => {
    // A repeated account gets the next unused entry for it (the service answers one entry per request entry).
    const index = list.findIndex((m, i) => !used.has(i) && m.Member_Account === id);
    if (index < 0) return { id, ok: false, error: itemMissing(action, id, groupId) };
    used.add(index);
    const result = list[index]!.Result;
    if (result === 1) return { id, ok: true, value: "added" };
    if (result === 2) return { id, ok: true, value: "already-member" };
    if (result === 3 && action === "add_group_member") return { id, ok: true, value: "pending" };
    const why =
      result === 0
        ? "the service answered Result 0 (not added; e.g. the account is not imported, or its join time is out of range)."
        : `the service answered an undocumented Result ${JSON.stringify(result)}.`;
    return { id, ok: false, error: itemFailed(action, id, why, groupId) };
  });
}

/** import_group_member: ≤300 members with optional Role "Admin" and JoinTime; per-member outcomes. */
export async function importGroupMember(
  exec: Executor,
  request: ImportGroupMemberRequest,
): Promise<ItemResult<MemberWriteOutcome>[]> {
  requireText("import_group_member", "GroupId", request.GroupId);
  const accounts = (Array.isArray(request.MemberList) ? request.MemberList : []).map((m) => m?.Member_Account);
  requireIdList("import_group_member", "MemberList", accounts, BATCH_LIMITS.import_group_member);
  request.MemberList.forEach((m, i) => {
    if (m.Role !== undefined && m.Role !== "Admin") {
      throw validationError(
        "import_group_member",
        `MemberList[${i}].Role must be "Admin" or omitted (Member), got ${JSON.stringify(m.Role)}.`,
      );
    }
  });
  const body = await exec.run("import_group_member", JSON.stringify(request), { groupId: request.GroupId });
  return memberWriteOutcomes("import_group_member", request.GroupId, accounts, body);
}

/** delete_group_member: ≤100 accounts; a non-member counts as removed (no per-member results exist). */
export async function deleteGroupMember(exec: Executor, request: DeleteGroupMemberRequest): Promise<void> {
  requireText("delete_group_member", "GroupId", request.GroupId);
  requireIdList(
    "delete_group_member",
    "MemberToDel_Account",
    request.MemberToDel_Account,
    BATCH_LIMITS.delete_group_member,
  );
  await exec.run("delete_group_member", JSON.stringify(request), { groupId: request.GroupId });
}

/** modify_group_member_info: one member's role (Admin/Member), name card (≤50 bytes), mute, flag or custom data. */
export async function modifyGroupMemberInfo(exec: Executor, request: ModifyGroupMemberInfoRequest): Promise<void> {
  requireText("modify_group_member_info", "GroupId", request.GroupId);
  requireText("modify_group_member_info", "Member_Account", request.Member_Account);
  if (request.Role !== undefined && request.Role !== "Admin" && request.Role !== "Member") {
    throw validationError(
      "modify_group_member_info",
      `Role must be "Admin" or "Member", got ${JSON.stringify(request.Role)}. The owner changes with change_group_owner.`,
    );
  }
  if (request.NameCard !== undefined && Buffer.byteLength(request.NameCard, "utf8") > 50) {
    throw validationError(
      "modify_group_member_info",
      `NameCard is ${Buffer.byteLength(request.NameCard, "utf8")} bytes; the limit is 50 bytes.`,
    );
  }
  await exec.run("modify_group_member_info", JSON.stringify(request), { groupId: request.GroupId });
}

/** get_role_in_group: the role of each of ≤500 accounts; "NotMember" is a normal value, never an error. */
export async function getRoleInGroup(
  exec: Executor,
  groupId: string,
  accounts: readonly string[],
): Promise<ItemResult<WireMemberRole | "NotMember">[]> {
  requireText("get_role_in_group", "GroupId", groupId);
  requireIdList("get_role_in_group", "User_Account", accounts, BATCH_LIMITS.get_role_in_group);
  const body = await exec.run("get_role_in_group", JSON.stringify({ GroupId: groupId, User_Account: accounts }), {
    groupId,
  });
  const list = listOf<{ Member_Account?: unknown; Role?: unknown }>(body, "UserIdList");
  return accounts.map((id): ItemResult<WireMemberRole | "NotMember"> => {
    const entry = list.find((e) => e.Member_Account === id);
    if (!entry || typeof entry.Role !== "string")
      return { id, ok: false, error: itemMissing("get_role_in_group", id, groupId) };
    return { id, ok: true, value: entry.Role.trim() as WireMemberRole | "NotMember" };
  });
}

/** A wire member with `Role` trimmed and `MuteUntil` read from either name. */
export function normalizeMember(raw: WireMemberInfo): MemberInfo {
  const out: MemberInfo = { ...raw, Role: typeof raw.Role === "string" ? raw.Role.trim() : raw.Role };
  if (out.MuteUntil === undefined && typeof raw.ShutUpUntil === "number") out.MuteUntil = raw.ShutUpUntil;
  return out;
}

/**
 * get_specified_group_member_info for ≤50 accounts: each account's member record, or `undefined` when the answer
 * leaves it out (not a member; the docs do not show how non-members are answered, so absence is read as that).
 */
export async function getSpecifiedGroupMemberInfo(
  exec: Executor,
  request: GetSpecifiedGroupMemberInfoRequest,
): Promise<ItemResult<MemberInfo | undefined>[]> {
  requireText("get_specified_group_member_info", "GroupId", request.GroupId);
  const accounts = request.Member_List_Account;
  requireIdList(
    "get_specified_group_member_info",
    "Member_List_Account",
    accounts,
    BATCH_LIMITS.get_specified_group_member_info,
  );
  const body = await exec.run("get_specified_group_member_info", JSON.stringify(request), { groupId: request.GroupId });
  const list = listOf<WireMemberInfo>(body, "MemberList");
  return accounts.map((id) => {
    const m = list.find((e) => e.Member_Account === id);
    return { id, ok: true, value: m === undefined ? undefined : normalizeMember(m) };
  });
}

/** One page of get_group_member_info. `Next` is the exact decimal string to send for the next page; "" = done. */
export interface MemberPage {
  MemberNum: number;
  MemberList: MemberInfo[];
  Next: string;
}

/** get_group_member_info, one page (Offset paging, or `Next` for Communities: a lossless 64-bit string). */
export async function getGroupMemberInfo(exec: Executor, request: GetGroupMemberInfoRequest): Promise<MemberPage> {
  requireText("get_group_member_info", "GroupId", request.GroupId);
  if (
    request.Limit !== undefined &&
    (!Number.isInteger(request.Limit) || request.Limit < 1 || request.Limit > MAX_MEMBER_PAGE)
  ) {
    throw validationError(
      "get_group_member_info",
      `Limit must be an integer from 1 to ${MAX_MEMBER_PAGE}, got ${String(request.Limit)}.`,
    );
  }
  if (request.Next !== undefined && !/^\d*$/.test(request.Next)) {
    throw validationError(
      "get_group_member_info",
      `Next must be "" or the previous page's Next (a decimal string), got ${JSON.stringify(request.Next)}.`,
    );
  }
  const body = await exec.run("get_group_member_info", JSON.stringify(request), { groupId: request.GroupId });
  const next = body.Next;
  let Next = "";
  if (typeof next === "string" && /^\d+$/.test(next) && next !== "0") Next = next;
  return {
    MemberNum: typeof body.MemberNum === "number" ? body.MemberNum : 0,
    MemberList: listOf<WireMemberInfo>(body, "MemberList").map(normalizeMember),
    Next,
  };
}

/** How {@link listGroupMembers} pages. */
export interface ListMembersOptions extends MemberFilters {
  /** Members per page (≤6000; default 100, as the docs advise, so no answer nears 1 MB). */
  pageSize?: number;
  /** Communities page with `Next`; other types with `Offset`. */
  community: boolean;
}

/** Every member of a group, page by page (Offset, or `Next` for Communities) until a page ends the list. */
export async function* listGroupMembers(
  exec: Executor,
  groupId: string,
  options: ListMembersOptions,
): AsyncGenerator<MemberInfo> {
  const { pageSize = DEFAULT_MEMBER_PAGE, community, ...filters } = options;
  let offset = 0;
  let next = "";
  for (;;) {
    const request: GetGroupMemberInfoRequest = { GroupId: groupId, Limit: pageSize, ...filters };
    if (community) request.Next = next;
    else request.Offset = offset;
    const page = await getGroupMemberInfo(exec, request);
    yield* page.MemberList;
    if (community) {
      if (page.Next === "" || page.Next === next) return;
      next = page.Next;
    } else {
      offset += page.MemberList.length;
      if (page.MemberList.length < pageSize || offset >= page.MemberNum) return;
    }
  }
}
