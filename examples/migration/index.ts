// Migration: import groups exported from another chat system, keeping their ids, creation times and custom data.
// import_group creates them without webhooks or notifications, and `createTime` keeps the original date.
import * as fs from "node:fs";
import * as path from "node:path";
import { ChatGroup, type ChatGroupArgs } from "pulumi-tencent-chat";

// One entry per legacy group (the first is the example body of Tencent's import_group page).
const legacy = JSON.parse(fs.readFileSync(path.join(__dirname, "groups.json"), "utf8")) as (ChatGroupArgs & {
  groupId: string;
})[];

const groups = legacy.map(
  (g) =>
    new ChatGroup(g.groupId.replace(/[^A-Za-z0-9-]/g, "-"), {
      ...g,
      // A group that already exists under this id (a half-finished earlier migration) is taken over, not an error,
      // when it matches; one that differs is left alone and the error lists its live values.
      adopt: true,
    }),
);

export const imported = groups.map((g) => g.groupId);
