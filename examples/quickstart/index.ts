// Quickstart: three Tencent Cloud Chat groups declared as code.
// `pulumi config set version 2` applies the second version: a rename (in place) and a type change (a replacement).
import * as pulumi from "@pulumi/pulumi";
import { ChatGroup } from "pulumi-tencent-chat";

const version = new pulumi.Config().getNumber("version") ?? 1;

// A Public group anyone can find; our own id, so it is easy to refer to from apps.
const announcements = new ChatGroup("announcements", {
  type: "Public",
  groupId: "announcements",
  name: version === 1 ? "Announcements" : "Company news",
  introduction: "News for everyone in the company",
  applyJoinOption: "FreeAccess",
});

// A Work group with an owner: members are invited, never apply. In version 2 it opens up as a Public group,
// which no API can change in place: Pulumi replaces it (create the new group, then delete the old one).
const engineering = new ChatGroup("engineering", {
  type: version === 1 ? "Work" : "Public",
  name: "Engineering",
  ownerAccount: "leckie",
  maxMemberCount: 500,
  appDefinedData: { team: "platform" },
});

// A Community with topics; omitted groupId: the provider chooses "@TGS#_community-<8 hex>" and keeps it.
const community = new ChatGroup("community", {
  type: "Community",
  name: "Developer community",
  supportTopic: true,
  maxMemberCount: 20000,
});

export const announcementsId = announcements.groupId;
export const engineeringId = engineering.groupId;
export const communityId = community.groupId;
