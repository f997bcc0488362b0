/**
 * The member API of one app for ChatGroupMembers, bound to the app's shared client and batchers, so concurrent
 * resources of one app share calls and quotas.
 */
import type { ResolvedSettings } from "../../config";
import type { MembersApi } from "./lifecycle";
import { READ_BASE_INFO_FILTER } from "../../resource/mapping";
import { sessionFor } from "../../sessions";

/** ChatGroup's read filter (it names Type and Owner_Account), so these reads share the app's get_group_info calls. */
const FACTS_FILTER = { GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER] };

/** The {@link MembersApi} of the app these settings name. */
export function membersApiFor(settings: ResolvedSettings): MembersApi {
  const s = sessionFor(settings);
  return {
    group: async (groupId) => {
      const g = await s.groupReads.getGroup(groupId, FACTS_FILTER);
      if (g === undefined) return undefined;
      return {
        type: String(g.Type ?? ""),
        ...(typeof g.Owner_Account === "string" && g.Owner_Account !== "" ? { owner: g.Owner_Account } : {}),
      };
    },
    page: (request) => s.chat.getGroupMemberInfo(request),
    add: (groupId, account) => s.members.add(groupId, account),
    remove: (groupId, account) => s.members.remove(groupId, account),
    modify: (request) => s.chat.modifyGroupMemberInfo(request),
  };
}
