/**
 * Reading a whole membership: get_group_member_info page by page, asking only for what the resource manages (the
 * role, and name cards only when some are managed), Offset paging for most types and `Next` (a lossless decimal
 * string) for Communities. Pages are {@link MEMBER_PAGE} members, the most the docs' prose allows (≤200), so an
 * answer stays far below 1 MB; a 10018 (answer over 1 MB) halves the page and asks again (DECISIONS.md M36).
 * Offset pages of a group that changes while it is read can skip or repeat a member: the count is checked against
 * `MemberNum` and the read is repeated (M37).
 */
import { isChatApiError } from "../../client/errors";
import type { MemberPage } from "../../client/members";
import type { GetGroupMemberInfoRequest } from "../../../protocol/wire";
import type { LiveMember } from "./plan";

/** Members per get_group_member_info page: the docs' prose limit ("不得超过200"), https://cloud.tencent.com/document/product/269/1617. */
export const MEMBER_PAGE = 200;

/** How many times a read whose count disagrees with `MemberNum` is repeated before the last one is taken. */
export const READ_ATTEMPTS = 3;

/** The one read the listing needs (ChatClient.getGroupMemberInfo). */
export type MemberPageSource = (request: GetGroupMemberInfoRequest) => Promise<MemberPage>;

/** What to read. */
export interface ReadOptions {
  /** Communities page with `Next`. */
  community: boolean;
  /** Ask for name cards too (only when the program manages some). */
  nameCards: boolean;
  /** First page size (default {@link MEMBER_PAGE}). */
  pageSize?: number;
}

/** Counts of one read, for tests and benchmarks. */
export interface ReadStats {
  pages: number;
  halvings: number;
  attempts: number;
}

/** One pass over the pages: the members (first occurrence of each account) and the last `MemberNum`. */
async function onePass(
  source: MemberPageSource,
  groupId: string,
  options: ReadOptions,
  stats: ReadStats,
): Promise<{ members: LiveMember[]; total: number }> {
  const filter = options.nameCards ? ["Role", "NameCard"] : ["Role"];
  let pageSize = options.pageSize ?? MEMBER_PAGE;
  let offset = 0;
  let next = "";
  let total: number;
  const seen = new Set<string>();
  const members: LiveMember[] = [];
  for (;;) {
    const request: GetGroupMemberInfoRequest = { GroupId: groupId, Limit: pageSize, MemberInfoFilter: filter };
    if (options.community) request.Next = next;
    else request.Offset = offset;
    let page: MemberPage;
    try {
      page = await source(request);
    } catch (e) {
      if (isChatApiError(e) && e.errorCode === 10018 && pageSize > 1) {
        pageSize = Math.ceil(pageSize / 2);
        stats.halvings++;
        continue;
      }
      throw e;
    }
    stats.pages++;
    total = page.MemberNum;
    for (const m of page.MemberList) {
      if (seen.has(m.Member_Account)) continue;
      seen.add(m.Member_Account);
      const entry: LiveMember = { account: m.Member_Account, role: String(m.Role) };
      if (options.nameCards) entry.nameCard = typeof m.NameCard === "string" ? m.NameCard : "";
      members.push(entry);
    }
    if (options.community) {
      if (page.Next === "" || page.Next === next) break;
      next = page.Next;
    } else {
      offset += page.MemberList.length;
      if (page.MemberList.length < pageSize || offset >= page.MemberNum) break;
    }
  }
  return { members, total };
}

/**
 * Every member of the group (the owner included, role "Owner"). A pass whose count differs from the group's
 * `MemberNum` (the membership changed while it was read) is repeated, up to {@link READ_ATTEMPTS} passes.
 */
export async function readAllMembers(
  source: MemberPageSource,
  groupId: string,
  options: ReadOptions,
  stats: ReadStats = { pages: 0, halvings: 0, attempts: 0 },
): Promise<LiveMember[]> {
  let last: LiveMember[] = [];
  for (let i = 0; i < READ_ATTEMPTS; i++) {
    stats.attempts++;
    const { members, total } = await onePass(source, groupId, options, stats);
    last = members;
    if (members.length === total) break;
  }
  return last;
}
