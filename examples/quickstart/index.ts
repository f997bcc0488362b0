// Quickstart: Tencent Cloud Chat accounts, groups and members declared as code.
// `pulumi config set version 2` applies the second version: a rename (in place), ownership handed to a member
// (in place), and a type change (a replacement).
import * as pulumi from "@pulumi/pulumi";
import { ChatAccount, ChatGroup, ChatGroupMember } from "pulumi-tencent-chat";

const version = new pulumi.Config().getNumber("version") ?? 1;

// Accounts, imported into the app (account_import). Destroy keeps them: deleting an account is irreversible.
const leckie = new ChatAccount("leckie", { userId: "leckie", nick: "Leckie" });
const bob = new ChatAccount("bob", { userId: "bob", nick: "Bob" });
const alice = new ChatAccount("alice", { userId: "alice", nick: "Alice" });

// A Public group anyone can find; our own id, so it is easy to refer to from apps. Alice administers it.
const announcements = new ChatGroup("announcements", {
  type: "Public",
  groupId: "announcements",
  name: version === 1 ? "Announcements" : "Company news",
  introduction: "News for everyone in the company",
  applyJoinOption: "FreeAccess",
});
new ChatGroupMember("announcements-alice", { groupId: announcements.groupId, account: alice.userId, role: "Admin" });

// A Work group: members are invited, never apply. `leckie.userId` (not "leckie") makes the group wait for the
// account. In version 2 leckie hands it to bob, a member since version 1 (change_group_owner needs that); leckie
// stays as a plain member, declared from then on. The owner is never a member resource, so bob's goes: its delete
// runs after the transfer and leaves the owner in the group.
const engineering = new ChatGroup("engineering", {
  type: "Work",
  name: "Engineering",
  ownerAccount: version === 1 ? leckie.userId : bob.userId,
  maxMemberCount: 500,
  appDefinedData: { team: "platform" },
});
// `groupId: engineering.groupId`: each member's step waits for the group's (its creation, or version 2's transfer).
const engineers = version === 1 ? { bob, alice } : { leckie, alice };
for (const [name, account] of Object.entries(engineers)) {
  new ChatGroupMember(`engineering-${name}`, { groupId: engineering.groupId, account: account.userId });
}

// A Work group that opens up as a Public group in version 2, which no API can change in place: Pulumi replaces it
// (the new group is created, then the old one deleted; members and history do not carry over).
const lounge = new ChatGroup("lounge", {
  type: version === 1 ? "Work" : "Public",
  name: "Lounge",
  ownerAccount: alice.userId,
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
export const loungeId = lounge.groupId;
export const communityId = community.groupId;
