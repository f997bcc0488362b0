/**
 * {@link ChatGroup}: a Tencent Cloud Chat group declared as code, a Pulumi dynamic resource.
 */
import * as pulumi from "@pulumi/pulumi";
import * as stub from "./stub";

/** Group types accepted as input. `Work` and `Meeting` are the new names of `Private` and `ChatRoom`. */
export type ChatGroupType = "Private" | "Work" | "Public" | "ChatRoom" | "Meeting" | "Community";

/** How requests to join are handled. Not for Community groups. */
export type ApplyJoinOption = "FreeAccess" | "NeedPermission" | "DisableApply";

/** How invitations to join are handled. Not for Community groups. */
export type InviteJoinOption = "FreeAccess" | "NeedPermission" | "DisableInvite";

/** Inputs of {@link ChatGroup}. See the README's ChatGroup reference for limits and which changes replace. */
export interface ChatGroupArgs {
  /** Group type; changing it replaces the group. AVChatRoom cannot be created by import_group. */
  type: pulumi.Input<ChatGroupType>;
  /** Group name, at most 30 bytes of UTF-8. */
  name: pulumi.Input<string>;
  /**
   * The group id. Omitted: the provider chooses `<resource name>-<8 hex>` (Community `@TGS#_…`) when the group is
   * first planned and keeps it. Changing it replaces the group (the new one is created before the old is deleted).
   */
  groupId?: pulumi.Input<string>;
  /** The owner's account id; changed in place with change_group_owner (the new owner must be a member). */
  ownerAccount?: pulumi.Input<string>;
  /** Introduction, at most 240 bytes. */
  introduction?: pulumi.Input<string>;
  /** Notification, at most 300 bytes. */
  notification?: pulumi.Input<string>;
  /** Avatar URL, at most 100 bytes. */
  faceUrl?: pulumi.Input<string>;
  /**
   * Maximum members: 1–6000 (Community 100000) unless the `tencent-chat:maxMemberCount*` settings allow more.
   * Omitted: the service's value is kept (removing it later changes nothing).
   */
  maxMemberCount?: pulumi.Input<number>;
  /** Join policy of Public groups; default NeedPermission. Private is always DisableApply, ChatRoom FreeAccess. Not for Community. */
  applyJoinOption?: pulumi.Input<ApplyJoinOption>;
  /** Invitation policy, applied right after import. Omitted: the service's value is kept. Not for Community. */
  inviteJoinOption?: pulumi.Input<InviteJoinOption>;
  /** Group custom fields (keys configured in the console first). */
  appDefinedData?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Migration: the group's original creation time, Unix seconds. Changing it replaces the group. */
  createTime?: pulumi.Input<number>;
  /** Community only: whether topics are supported. Changing it replaces the group. */
  supportTopic?: pulumi.Input<boolean>;
  /** Mute every member; import_group cannot set it, so it is applied right after import. Default false. */
  muteAllMember?: pulumi.Input<boolean>;
  /** With `groupId` omitted: let the service assign the id (`@TGS#…`) instead of the provider. Default false. */
  serviceAssignedId?: pulumi.Input<boolean>;
  /**
   * Take over a group that already has `groupId` instead of failing with 10021. Requires `groupId`. `true`: only if
   * the live group matches the program (otherwise nothing changes and the error lists the live values to declare);
   * `"overwrite"`: apply the declared values to it. Can be removed once the group is in the stack.
   */
  adopt?: pulumi.Input<boolean | "overwrite">;
  /**
   * The app profile serving this group: `tencent-chat:apps.<name>` in stack config (set with
   * `pulumi config set --path`). Omitted: the top-level `tencent-chat:*` settings. Moving a group to an app with
   * another SDKAppID replaces it (the new group is created first).
   */
  app?: pulumi.Input<string>;
}

/**
 * A Tencent Cloud Chat group, created with `import_group` and managed with the group REST actions.
 *
 * @example
 * ```ts
 * const eng = new ChatGroup("eng", { type: "Public", name: "Engineering", groupId: "eng-main" });
 * export const engId = eng.groupId;
 * ```
 */
export class ChatGroup extends pulumi.dynamic.Resource {
  /** The group id; equal to the resource id. */
  declare readonly groupId: pulumi.Output<string>;
  /** Canonical group type (Work → Private, Meeting → ChatRoom). */
  declare readonly type: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly ownerAccount: pulumi.Output<string | undefined>;
  declare readonly introduction: pulumi.Output<string>;
  declare readonly notification: pulumi.Output<string>;
  declare readonly faceUrl: pulumi.Output<string>;
  declare readonly maxMemberCount: pulumi.Output<number | undefined>;
  declare readonly applyJoinOption: pulumi.Output<string | undefined>;
  declare readonly inviteJoinOption: pulumi.Output<string | undefined>;
  declare readonly appDefinedData: pulumi.Output<Record<string, string>>;
  declare readonly createTime: pulumi.Output<number>;
  declare readonly supportTopic: pulumi.Output<boolean>;
  declare readonly muteAllMember: pulumi.Output<boolean>;
  declare readonly serviceAssignedId: pulumi.Output<boolean>;
  declare readonly adopt: pulumi.Output<boolean | "overwrite">;
  /** True when the id was chosen on the client (by the program or the provider); false when the service assigned it. */
  declare readonly customGroupId: pulumi.Output<boolean>;
  /** Members right now, read from get_group_info. */
  declare readonly memberNum: pulumi.Output<number>;
  /** Profile revision, incremented by the service on every profile change. */
  declare readonly infoSeq: pulumi.Output<number>;
  /** The app profile named by the program, if any. */
  declare readonly app: pulumi.Output<string | undefined>;
  /** The app (SDKAppID) the group lives in. */
  declare readonly sdkAppId: pulumi.Output<number>;

  /** Declares a group. */
  constructor(name: string, args: ChatGroupArgs, opts?: pulumi.CustomResourceOptions) {
    // Output-only properties are declared with undefined (not sent, but they create the Output property).
    // Always a copy: dynamic.Resource mutates the props object it is given.
    // `__resourceName` (not an input: check skips `__` keys) lets check derive a readable id from the resource name.
    const props = {
      groupId: undefined,
      customGroupId: undefined,
      memberNum: undefined,
      infoSeq: undefined,
      sdkAppId: undefined,
      ...args,
      __resourceName: name,
    };
    // The SDK stringifies each plain input for a debug label (`${value}`), which throws for a map holding a
    // "toString"/"valueOf" key; as an Output the map is labelled "Output<T>" and travels unchanged.
    if (args.appDefinedData !== undefined) props.appDefinedData = pulumi.output(args.appDefinedData);
    super(stub, name, props, opts, "tencent-chat", "ChatGroup");
  }
}
