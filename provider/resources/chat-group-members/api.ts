/**
 * The member API of ChatGroupMembers over one session: a client, its shared group reads and its member batcher (so
 * concurrent resources of one app share calls and quotas: member adds and removes with ChatGroupMember resources,
 * group reads with ChatGroup).
 */
import type { ChatClient } from "../../client/client";
import type { MemberBatcher } from "../../client/member-batch";
import { READ_BASE_INFO_FILTER } from "../../resource/mapping";
import type { MembersApi } from "./lifecycle";

/** ChatGroup's read filter (it names Type and Owner_Account), so these reads share the app's get_group_info calls. */
const FACTS_FILTER = { GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER] };

/** What {@link membersApiOf} binds: a client, its group reads and its member batcher. */
export interface MembersSession {
  chat: Pick<ChatClient, "getGroupMemberInfo" | "modifyGroupMemberInfo">;
  groupReads: Pick<ChatClient, "getGroup">;
  members: Pick<MemberBatcher, "add" | "remove">;
}

/** The {@link MembersApi} over one session. */
export function membersApiOf(s: MembersSession): MembersApi {
  return {
    group: async (groupId) => {
      const g = await s.groupReads.getGroup(groupId, FACTS_FILTER);
      if (g === undefined) return undefined;
      const owner = typeof g.Owner_Account === "string" && g.Owner_Account !== "" ? g.Owner_Account : undefined;
      return { type: String(g.Type ?? ""), ...(owner !== undefined ? { owner } : {}) };
    },
    page: (request) => s.chat.getGroupMemberInfo(request),
    add: (groupId, account) => s.members.add(groupId, account),
    remove: (groupId, account) => s.members.remove(groupId, account),
    modify: (request) => s.chat.modifyGroupMemberInfo(request),
  };
}
