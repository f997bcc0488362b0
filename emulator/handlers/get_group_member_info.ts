/**
 * `group_open_http_svc/get_group_member_info` (https://cloud.tencent.com/document/product/269/1617): `MemberNum`
 * (all members, filters aside) and a page of `MemberList`. Limit ≤6000 (10004 over); omitted = every member.
 * Communities page with `Next` ("" first; an Offset is refused with 10004, "社群目前不支持分页"): the answer's `Next`
 * is listCursorBase + the next index, a JSON string by default or a number ({@link EmulatorBehaviour.memberNextAs}),
 * and "" on the last page. Other types page with Offset. AVChatRoom: 10007. An answer over 1 MB is refused with
 * 10018 (documented for this action; server.ts).
 */
import { viewGroup, type Handler } from "../context";
import { memberFilters, memberView, refuseAVChatRoom } from "../members";
import { invalid, optionalInteger, requireString } from "../validate";

/** Handler of get_group_member_info. */
export const getGroupMemberInfo: Handler = (body, ctx) => {
  const group = viewGroup(ctx, requireString(body, "GroupId"));
  const limit = optionalInteger(body, "Limit", 1, 6000);
  const offset = optionalInteger(body, "Offset", 0, Number.MAX_SAFE_INTEGER);
  const filters = memberFilters(body);
  refuseAVChatRoom(group, "get_group_member_info");
  const community = group.Type === "Community";
  let start = offset ?? 0;
  if (community) {
    if (offset !== undefined && offset > 0) throw invalid("Community groups page with Next, not Offset");
    start = nextIndex(ctx.rawBody, body.Next, ctx.listCursorBase);
  }
  const now = ctx.nowSeconds();
  const members = group.Members.filter((m) => !filters.roles || filters.roles.has(m.Role));
  const end = limit === undefined ? members.length : Math.min(members.length, start + limit);
  const MemberList = members.slice(start, end).map((m) => memberView(m, filters, now));
  const out: Record<string, unknown> = { MemberNum: group.Members.length, MemberList };
  if (community) {
    const next = end < members.length ? ctx.listCursorBase + BigInt(end) : undefined;
    out.Next = next === undefined ? "" : ctx.behaviour.memberNextAs === "number" ? next : next.toString();
  }
  return out;
};

/** The member index a Community `Next` points at: "" / absent / 0 = the start; a string or a raw 64-bit number. */
function nextIndex(rawBody: string, next: unknown, base: bigint): number {
  if (next === undefined || next === "" || next === 0) return 0;
  let text: string | undefined;
  if (typeof next === "string" && /^\d+$/.test(next)) text = next;
  else if (typeof next === "number") text = /"Next"\s*:\s*(\d+)/.exec(rawBody)?.[1]; // exact digits, even above 2^53
  if (text === undefined) throw invalid('Next must be "" or the previous answer\'s Next');
  const value = BigInt(text);
  if (value < base) throw invalid("Next is not a cursor of this group");
  return Number(value - base);
}
