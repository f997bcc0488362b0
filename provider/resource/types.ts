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

/** {@link ChatGroupInputs} as the program writes them (camelCase). */
export interface ChatGroupInputs {
  /** Group type; `Work`/`Meeting` are accepted and stored as `Private`/`ChatRoom`. AVChatRoom is refused. */
  type: GroupTypeInput;
  /** Group name, 1..30 UTF-8 bytes by default. */
  name: string;
  /** Group id; when omitted the provider chooses one in check (or the service, with `serviceAssignedId`). */
  groupId?: string;
  /** Owner account (must be an imported account); omitted means an ownerless group. */
  ownerAccount?: string;
  introduction?: string;
  notification?: string;
  faceUrl?: string;
  /** 1..6000 (Community 1..100000) unless the limit settings say more; omitted: the service's value is kept. */
  maxMemberCount?: number;
  /** Public groups: default NeedPermission. Private is always DisableApply, ChatRoom FreeAccess; not for Community. */
  applyJoinOption?: ApplyJoinOption;
  /** How invitations are handled; omitted: the service's value is kept. Not for Community. */
  inviteJoinOption?: InviteJoinOption;
  /** Group custom fields (keys configured in the console first). */
  appDefinedData?: Record<string, string>;
  /** Original creation time (Unix seconds) when migrating; default: the time of import. */
  createTime?: number;
  /** Community only: whether topics are supported. */
  supportTopic?: boolean;
  /** With no `groupId`: let the service assign the id instead of the provider. */
  serviceAssignedId?: boolean;
  /**
   * Take over an existing group with this `groupId` instead of failing: `true` only when it matches the program,
   * `"overwrite"` applying the declared values.
   */
  adopt?: boolean | "overwrite";
  /** Mute every member ("On"/"Off" on the wire); default false. */
  muteAllMember?: boolean;
  /** The app profile (`tencent-chat:apps.<name>`) serving this group; omitted: the top-level settings. */
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
