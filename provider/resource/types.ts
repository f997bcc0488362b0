/**
 * Plain (Pulumi-Input-free) shapes of the ChatGroup resource: what the program declares, what check() returns,
 * and what create/read store as outputs. The lead's `ChatGroup` class wraps these in `pulumi.Input<>`.
 */

/**
 * The exact string Pulumi puts in place of a value that is not known yet during preview (check and diff only).
 * It is `unknownValue` in pulumi/pulumi `sdk/nodejs/runtime/rpc.ts`.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** {@link GroupType} values the program may write; `Work` and `Meeting` are the new names of Private/ChatRoom. */
export type GroupTypeInput = "Private" | "Work" | "Public" | "ChatRoom" | "Meeting" | "Community";

/** Canonical group types (the names the REST API stores and returns). */
export type GroupType = "Private" | "Public" | "ChatRoom" | "Community";

/** How applications to join are handled; not applicable to Community groups. */
export type ApplyJoinOption = "FreeAccess" | "NeedPermission" | "DisableApply";

/** How invitations to join are handled (modify_group_base_info / get_group_info `InviteJoinOption`); not for Community. */
export type InviteJoinOption = "FreeAccess" | "NeedPermission" | "DisableInvite";

/**
 * {@link ChatGroupInputs}: the inputs as the program writes them (camelCase), each documented once here. The
 * program-side `ChatGroupArgs` is derived from this interface (chat-group.ts); limits and what each change does
 * come from the field table (fields.ts) and are rendered in the README's ChatGroup reference.
 */
export interface ChatGroupInputs {
  /** Group type; changing it replaces the group. `Work`/`Meeting` are stored as `Private`/`ChatRoom`; AVChatRoom is refused (import_group cannot create it). */
  type: GroupTypeInput;
  /** Group name, at most 30 bytes of UTF-8. */
  name: string;
  /**
   * The group id. Omitted: the provider chooses `<resource name>-<8 hex>` (Community `@TGS#_…`) when the group is
   * first planned and keeps it. Changing it replaces the group (the new one is created before the old is deleted).
   */
  groupId?: string;
  /** The owner's account id (an imported account); changed in place with change_group_owner (the new owner must be a member). Omitted: no owner. */
  ownerAccount?: string;
  /** Introduction, at most 240 bytes. */
  introduction?: string;
  /** Notification, at most 300 bytes. */
  notification?: string;
  /** Avatar URL, at most 100 bytes. */
  faceUrl?: string;
  /**
   * Maximum members: 1–6000 (Community 100000) unless the `tencent-chat:maxMemberCount*` settings allow more.
   * Omitted: the service's value is kept (removing it later changes nothing).
   */
  maxMemberCount?: number;
  /** Join policy of Public groups; default NeedPermission. Private is always DisableApply, ChatRoom FreeAccess. Not for Community. */
  applyJoinOption?: ApplyJoinOption;
  /** Invitation policy, applied right after import. Omitted: the service's value is kept. Not for Community. */
  inviteJoinOption?: InviteJoinOption;
  /** Group custom fields (keys configured in the console first); an empty value means absent. */
  appDefinedData?: Record<string, string>;
  /** Migration: the group's original creation time, Unix seconds. Changing it replaces the group. */
  createTime?: number;
  /** Community only: whether topics are supported. Changing it replaces the group. */
  supportTopic?: boolean;
  /** With `groupId` omitted: let the service assign the id (`@TGS#…`) instead of the provider. Default false. */
  serviceAssignedId?: boolean;
  /**
   * Take over a group that already has `groupId` instead of failing with 10021. Requires `groupId`. `true`: only if
   * the live group matches the program (otherwise nothing changes and the error lists the live values to declare);
   * `"overwrite"`: apply the declared values to it. Can be removed once the group is in the stack.
   */
  adopt?: boolean | "overwrite";
  /** Mute every member; import_group cannot set it, so it is applied right after import. Default false. */
  muteAllMember?: boolean;
  /**
   * The app profile serving this group: `tencent-chat:apps.<name>` in stack config (set with
   * `pulumi config set --path`). Omitted: the top-level `tencent-chat:*` settings. Moving a group to an app with
   * another SDKAppID replaces it (the new group is created first).
   */
  app?: string;
}

/**
 * {@link CanonicalInputs} is the normalised form check() returns and outputs carry: aliases mapped, defaults
 * materialised, map keys sorted, no `undefined`. Sticky create-time fields stay absent when not known.
 * During preview any value may still be {@link UNKNOWN}.
 */
export interface CanonicalInputs {
  type: GroupType;
  name: string;
  groupId?: string;
  ownerAccount?: string;
  introduction: string;
  notification: string;
  faceUrl: string;
  /** Absent until declared or read back (sticky: the service's value is kept). */
  maxMemberCount?: number;
  /** Absent for Community groups. */
  applyJoinOption?: ApplyJoinOption;
  /** Absent until declared or read back (sticky), and for Community groups. */
  inviteJoinOption?: InviteJoinOption;
  appDefinedData: Record<string, string>;
  createTime?: number;
  supportTopic: boolean;
  /** Absent unless the program sets it (absent ≡ false: an input added after 0.1.0 adds no key to older stacks). */
  serviceAssignedId?: boolean;
  adopt: boolean | "overwrite";
  muteAllMember: boolean;
  /** The app profile named by the program, when any. */
  app?: string;
}

/**
 * {@link ChatGroupOutputs}: canonical inputs plus read-only facts. Plain JSON only. `createTime` and
 * `ownerAccount` hold the actual values read back from the service.
 */
export interface ChatGroupOutputs extends CanonicalInputs {
  /** The group id, equal to the resource id (chosen in check when the program gave none; by the service with serviceAssignedId). */
  groupId: string;
  /** True when the id was chosen on the client (program or provider); false when the service assigned it. */
  customGroupId: boolean;
  /**
   * The sticky inputs (groupId, createTime, ownerAccount, maxMemberCount, inviteJoinOption) the program declares. Read returns only these as inputs,
   * so a refresh never makes the CLI's `[diff: …]` list a value the program never wrote.
   */
  declaredSticky: string[];
  /** The sticky inputs the program does not declare (absent in state written by 0.1.0). */
  undeclaredSticky?: string[];
  /** Current member count (absent when the service does not report it, e.g. AVChatRoom). */
  memberNum?: number;
  /** Profile revision; increments on every profile change (absent when the service does not report it). */
  infoSeq?: number;
  /** The SDKAppID the group lives in (absent only in state written before it was recorded). */
  sdkAppId?: number;
  /** Set only after a failure whose effect could not be read back: the next update reads the live group first. */
  unsettled?: boolean;
}

/** {@link CheckFailure}: one validation problem, shaped like Pulumi's `CheckFailure`. */
export interface CheckFailure {
  /** The input property at fault (`appDefinedData.key` for a map entry). */
  property: string;
  /** Names the field and says how to fix it. */
  reason: string;
}

/** {@link CheckResult}: normalised inputs plus every failure found, shaped like Pulumi's `CheckResult`. */
export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

/** {@link DiffResult}: shaped like Pulumi's dynamic `DiffResult` (the host ignores `stables`). */
export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  stables: string[];
}
