// Migration: import groups exported from another chat system, keeping their ids, creation times and custom data,
// and their members with the dates they joined. import_group and import_group_member write without webhooks or
// notifications; `createTime` and `joinTime` keep the original dates.
import * as fs from "node:fs";
import * as path from "node:path";
import { ChatGroup, ChatGroupMember, type ChatGroupArgs, type ChatGroupMemberArgs } from "pulumi-tencent-chat";

/** A legacy member: the account (already imported into the app), its role and name card, and when it joined. */
type LegacyMember = Pick<ChatGroupMemberArgs, "account" | "role" | "nameCard"> & { joinTime: number };

// One entry per legacy group (the first is the example body of Tencent's import_group page).
const legacy = JSON.parse(fs.readFileSync(path.join(__dirname, "groups.json"), "utf8")) as (ChatGroupArgs & {
  groupId: string;
  members?: LegacyMember[];
})[];

const groups = legacy.map(({ members = [], ...g }) => {
  const name = g.groupId.replace(/[^A-Za-z0-9-]/g, "-");
  const group = new ChatGroup(name, {
    ...g,
    // A group that already exists under this id (a half-finished earlier migration) is taken over, not an error,
    // when it matches; one that differs is left alone and the error lists its live values.
    adopt: true,
  });
  // Members with a joinTime are added with import_group_member (members of one group share calls). `groupId:
  // group.groupId` makes each wait for its group. A re-run takes over members that are already in (adopt defaults
  // to true for members too: as declared, or an error listing the live role and name card).
  for (const m of members) new ChatGroupMember(`${name}-${m.account}`, { groupId: group.groupId, ...m });
  return group;
});

export const imported = groups.map((g) => g.groupId);
