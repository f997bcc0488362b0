/**
 * {@link ChatGroupMembers}: the authoritative membership of one group, a Pulumi dynamic resource
 * (type token `pulumi-nodejs:dynamic/tencent-chat:ChatGroupMembers`).
 */
import * as pulumi from "@pulumi/pulumi";
import type { MemberEntry, MemberRole } from "./plan";
import * as stub from "./stub";

/** One declared member. */
export interface ChatGroupMembersMember {
  /** The member's UserID (an imported account). */
  account: pulumi.Input<string>;
  /** `"Member"` (default) or `"Admin"` (not in Work groups). */
  role?: pulumi.Input<MemberRole>;
  /** The member's group name card (≤50 bytes); left out = not managed (whatever the member set stays). */
  nameCard?: pulumi.Input<string>;
}

/** Inputs of {@link ChatGroupMembers}. See the README's ChatGroupMembers reference. */
export interface ChatGroupMembersArgs {
  /** The group whose membership this resource owns; a change replaces the resource. */
  groupId: pulumi.Input<string>;
  /** Every member of the group but the owner; anyone else is removed on `up`. Each account once. */
  members: pulumi.Input<pulumi.Input<ChatGroupMembersMember>[]>;
  /** The app profile (`tencent-chat:apps.<name>`) the group lives in; default the top-level settings. */
  app?: pulumi.Input<string>;
  /**
   * On create, a live membership that differs from the program (anyone to remove or change) fails listing the
   * differences, changing nothing; `"overwrite"` makes the program authoritative at once.
   */
  adopt?: pulumi.Input<boolean | "overwrite">;
}

/**
 * The whole membership of one group but its owner: `up` adds the missing members, removes the undeclared ones (never
 * the owner) and sets roles and name cards; `refresh` reads every member, so anyone who joined or left outside
 * Pulumi shows as drift. Manage a group either with one ChatGroupMembers or with ChatGroupMember resources, not both.
 *
 * @example
 * ```ts
 * const team = new ChatGroupMembers("eng-members", {
 *   groupId: eng.groupId,
 *   members: [{ account: "alice", role: "Admin" }, { account: "bob" }],
 * });
 * ```
 */
export class ChatGroupMembers extends pulumi.dynamic.Resource {
  /** The group id; equal to the resource id. */
  declare readonly groupId: pulumi.Output<string>;
  /** The live membership but the owner, keyed by account (name cards only where managed). */
  declare readonly members: pulumi.Output<Record<string, MemberEntry>>;
  /** Accounts this resource manages (destroy removes these, never others). */
  declare readonly managedAccounts: pulumi.Output<string[]>;
  /** The group's owner (never managed here: ChatGroup's ownerAccount). */
  declare readonly ownerAccount: pulumi.Output<string>;
  /** The group's type as the service names it (Private, Public, ChatRoom, Community). */
  declare readonly groupType: pulumi.Output<string>;
  declare readonly adopt: pulumi.Output<boolean | "overwrite" | undefined>;
  /** The app profile named by the program, if any. */
  declare readonly app: pulumi.Output<string | undefined>;
  /** The app (SDKAppID) the group lives in. */
  declare readonly sdkAppId: pulumi.Output<number>;

  /** Declares the membership of one group. */
  constructor(name: string, args: ChatGroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    // Output-only properties are declared with undefined; always a copy (dynamic.Resource mutates its props).
    const props = {
      managedAccounts: undefined,
      ownerAccount: undefined,
      groupType: undefined,
      sdkAppId: undefined,
      ...args,
    };
    super(stub, name, props, opts, "tencent-chat", "ChatGroupMembers");
  }
}
