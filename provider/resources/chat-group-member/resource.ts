/**
 * {@link ChatGroupMember}: one account in one group, declared as code (not authoritative: other members are left
 * alone). A Pulumi dynamic resource; type token `pulumi-nodejs:dynamic/tencent-chat:ChatGroupMember`.
 */
import * as pulumi from "@pulumi/pulumi";
import type { MemberAdopt, MemberRole } from "./fields";
import * as stub from "./stub";

/** Inputs of {@link ChatGroupMember}; the README's ChatGroupMember reference lists limits and which changes replace. */
export interface ChatGroupMemberArgs {
  /** The group (usually a ChatGroup's `groupId`). A change replaces the member (added to the new group first). */
  groupId: pulumi.Input<string>;
  /** The member's account (an imported UserID; not the group's owner). A change replaces the member. */
  account: pulumi.Input<string>;
  /** `Member` (default) or `Admin`; changed in place. Work (Private) groups have no admins. */
  role?: pulumi.Input<MemberRole>;
  /** The member's name card, at most 50 bytes; changed in place. Omitted: not managed. */
  nameCard?: pulumi.Input<string>;
  /**
   * Migration: the original join time (Unix seconds); the member is added with import_group_member. A new value
   * removes and re-adds the member (delete first); removing it changes nothing.
   */
  joinTime?: pulumi.Input<number>;
  /** Existing member: `true` (default) takes it over only as declared; `"overwrite"` applies the declared values; `false` refuses. */
  adopt?: pulumi.Input<MemberAdopt>;
  /** The app profile (`tencent-chat:apps.<name>`) the group lives in; default the top-level settings. */
  app?: pulumi.Input<string>;
}

/**
 * A member of a Tencent Cloud Chat group. A group is managed either by one ChatGroupMembers or by ChatGroupMember
 * resources, not both.
 *
 * @example
 * ```ts
 * const eng = new ChatGroup("eng", { type: "Public", name: "Engineering", ownerAccount: "leckie" });
 * new ChatGroupMember("eng-alice", { groupId: eng.groupId, account: "alice", role: "Admin" });
 * ```
 */
export class ChatGroupMember extends pulumi.dynamic.Resource {
  declare readonly groupId: pulumi.Output<string>;
  declare readonly account: pulumi.Output<string>;
  declare readonly role: pulumi.Output<MemberRole>;
  declare readonly nameCard: pulumi.Output<string | undefined>;
  declare readonly joinTime: pulumi.Output<number | undefined>;
  declare readonly adopt: pulumi.Output<MemberAdopt>;
  declare readonly app: pulumi.Output<string | undefined>;
  /** True when the account was already a member and was taken over. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** True when the account has become the group's owner (destroy then leaves it in the group). */
  declare readonly isOwner: pulumi.Output<boolean>;
  /** The app (SDKAppID) the group lives in. */
  declare readonly sdkAppId: pulumi.Output<number>;

  /** Declares a member. */
  constructor(name: string, args: ChatGroupMemberArgs, opts?: pulumi.CustomResourceOptions) {
    // Always a copy (dynamic.Resource mutates its props); output-only properties declared with undefined.
    const props = { adopted: undefined, isOwner: undefined, sdkAppId: undefined, ...args };
    super(stub, name, props, opts, "tencent-chat", "ChatGroupMember");
  }
}
