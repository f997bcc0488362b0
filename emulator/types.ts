/**
 * Public contract of the local emulator: options, fault rules and the handle `startEmulator` returns.
 * Tests, benchmarks and the demo code against these types only.
 */
import type { ChatAction } from "../protocol/actions";
import type { WireAppDefinedField } from "../protocol/wire";

/**
 * Behaviour switches for places where Tencent's documentation is silent or disagrees (see DECISIONS.md).
 * Every default is the documented REST behaviour.
 */
export interface EmulatorBehaviour {
  /** Per-entry code get_group_info gives for an unknown or destroyed group (undocumented). Default 10010. */
  notFoundCode: 10010 | 10015;
  /** Byte limits of Name/Introduction/Notification/FaceUrl. Default 30/240/300/100 (REST docs). */
  limits: { name: number; introduction: number; notification: number; faceUrl: number };
  /** Accept `Work`/`Meeting` as aliases of Private/ChatRoom on import. Default false (REST docs list old names). */
  acceptTypeAliases: boolean;
  /** Which mute-all field get_group_info returns (pages differ). Default "MuteAllMember". */
  muteField: "MuteAllMember" | "ShutUpAllMember" | "both";
  /** Code when change_group_owner names a non-member (undocumented). Default 10007. */
  ownerNotMemberCode: number;
  /** Maximum app-defined keys per group. Default 10. */
  maxAppDefinedKeys: number;
  /** Configured app-defined keys; others get 10004 "all defined key is invalid". Default: undefined = any key allowed. */
  appDefinedKeys?: readonly string[];
  /**
   * Require Owner_Account / NewOwner_Account / members to be imported accounts (10019; add_group_member: Result 0).
   * Default true, as documented ("请求的 UserID 不存在", https://www.tencentcloud.com/zh/document/product/1047/34456);
   * `false` is the lenient mode (CLI `--lenient-accounts`).
   */
  requireImportedAccounts: boolean;
  /**
   * Largest answer of get_group_info / get_appid_group_list in bytes; a larger one is refused with 10018
   * ("response over 1 MB: request fewer groups", https://cloud.tencent.com/document/product/269/1616). Default 1048576.
   */
  maxReplyBytes: number;
  /**
   * ApplyJoinOption of Work (Private) and Meeting (ChatRoom) groups (DECISIONS.md E50). `"fixed"` (default): the SDK
   * docs' rule — Private is always DisableApply, ChatRoom always FreeAccess; another value on import or modify is
   * refused with 10004. `"fixed-ignore"`: the same fixed values, but a different value is accepted and ignored.
   * `"settable"`: like Public (the REST pages list the field for every type).
   */
  joinOptionRules: "fixed" | "fixed-ignore" | "settable";
  /**
   * Member limits (the plan's, https://cloud.tencent.com/document/product/269/9346): the largest MaxMemberCount /
   * MaxMemberNum accepted, and the value stored when import_group omits it. Defaults 6000 / 100000 (Community) and
   * 2000 for both ("不填默认为2000个", https://cloud.tencent.com/document/product/269/1634).
   */
  memberLimits: { max: number; maxCommunity: number; importDefault: number; importDefaultCommunity: number };
  /**
   * Most members per add_group_member call (DECISIONS.md E90): 20 on the newest page
   * (https://cloud.tencent.com/document/product/269/1621), 300 on https://www.tencentcloud.com/document/product/1047/34921.
   * Default 20; more is refused with 10005.
   */
  addMemberLimit: number;
  /**
   * How add_group_member answers an account never imported, with requireImportedAccounts (E91, undocumented):
   * `"item"` (default) that member's `Result: 0`; `"request"` the whole call fails with 10019.
   */
  unknownMemberAdd: "item" | "request";
  /** Code for member writes the docs forbid without naming a code (owner removed or demoted, Work admins, E92). Default 10007. */
  memberRuleCode: number;
  /** Code when modify_group_member_info names a non-member (undocumented, E92). Default 10007. */
  modifyNonMemberCode: number;
  /** portrait_get of an account never imported: `"item"` (default) ResultCode 40003 + Fail_Account; `"request"` 40003 (E93). */
  portraitGetMissing: "item" | "request";
  /** Whether account_import of an existing account overwrites Nick/FaceUrl (undocumented, E94). Default false. */
  reimportUpdatesProfile: boolean;
  /** get_group_member_info's Community `Next` as a JSON string (default, current docs) or a JSON number (older docs, E95). */
  memberNextAs: "string" | "number";
}

/** Overrides of {@link EmulatorBehaviour}: any subset; `memberLimits` may name only the limits it changes. */
export type EmulatorBehaviourOverrides = Partial<Omit<EmulatorBehaviour, "memberLimits">> & {
  memberLimits?: Partial<EmulatorBehaviour["memberLimits"]>;
};

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** The app's SDKAppID. */
  sdkAppId: number;
  /** The app's secret key, used to verify UserSigs. */
  secretKey: string;
  /** The App admin identifier; default "administrator". */
  admin?: string;
  /** Persist groups and accounts here (atomic writes); default in memory only. */
  stateFile?: string;
  /** Clock in milliseconds since the epoch; default Date.now. Tests move it to expire UserSigs. */
  clock?: () => number;
  /** Overrides of {@link EmulatorBehaviour}. */
  behaviour?: EmulatorBehaviourOverrides;
  /** Per-action quota in calls per second; exceeding it answers {@link EmulatorOptions.quotaErrorCode}. */
  quota?: Partial<Record<ChatAction, number>>;
  /** Code for an exceeded quota; default 60007 (REST call frequency exceeded). */
  quotaErrorCode?: number;
  /** Maximum request body in bytes; default 1 MiB. */
  maxBodyBytes?: number;
  /** One line per request (action, ErrorCode, ms); never the query string. Default: no logging. */
  log?: (line: string) => void;
  /**
   * Offset added to get_appid_group_list cursors, so `Next` = offset + the group's sequence number. Default 0.
   * Set it above 2^32 (the doc sample is 4454685361) or above 2^53 (a bigint) to exercise 64-bit cursor handling.
   */
  listCursorBase?: bigint | number;
}

/** What a fault rule does to a matching request. */
export type FaultEffect =
  /** Answer HTTP 200 with `{ActionStatus:"FAIL", ErrorCode, ErrorInfo}`; the request is not applied. */
  | { kind: "error"; errorCode: number; errorInfo?: string }
  /** Answer with this HTTP status and a short body; the request is not applied. */
  | { kind: "http"; status: number }
  /** Wait this long, then handle normally. */
  | { kind: "delay"; ms: number }
  /** Destroy the socket without answering; the request is not applied. */
  | { kind: "drop" }
  /** Apply the request, then destroy the socket without answering ("change applied, answer lost"). */
  | { kind: "applyThenDrop" };

/** A fault rule: which requests it matches and how often it fires. */
export interface FaultRule {
  /** Action to match; omit for every action. */
  action?: ChatAction;
  effect: FaultEffect;
  /** How many matching requests it fires for; default 1. `Infinity` = always. */
  times?: number;
}

/** A stored group, as the emulator keeps it (wire field names). */
export interface StoredGroup {
  GroupId: string;
  Type: string;
  Name: string;
  Introduction: string;
  Notification: string;
  FaceUrl: string;
  Owner_Account: string;
  CreateTime: number;
  LastInfoTime: number;
  InfoSeq: number;
  MaxMemberNum: number;
  ApplyJoinOption: string;
  /** FreeAccess / NeedPermission / DisableInvite; absent in state files written before it existed (read as FreeAccess). */
  InviteJoinOption?: string;
  MuteAllMember: "On" | "Off";
  SupportTopic: number;
  AppDefinedData: WireAppDefinedField[];
  Members: StoredMember[];
}

/** A stored member; the fields after JoinTime are absent in state files written before they existed. */
export interface StoredMember {
  Member_Account: string;
  Role: "Owner" | "Admin" | "Member";
  JoinTime: number;
  NameCard?: string;
  MsgFlag?: string;
  /** Unix seconds; 0 or absent = not muted. */
  MuteUntil?: number;
  AppMemberDefinedData?: WireAppDefinedField[];
}

/** A stored account with its standard profile (Tag_Profile_IM_Nick / Tag_Profile_IM_Image). */
export interface StoredAccount {
  UserID: string;
  Nick: string;
  FaceUrl: string;
}

/** Storage behind the emulator; an in-memory and a file-backed implementation exist. */
export interface ChatStore {
  getGroup(id: string): StoredGroup | undefined;
  /**
   * The stored group itself, not a copy, for handlers that only read (get_group_member_info pages through groups of
   * 100,000 members; copying one per page would dominate). Callers must not modify it. Optional: without it,
   * readers use {@link getGroup}.
   */
  viewGroup?(id: string): Readonly<StoredGroup> | undefined;
  putGroup(group: StoredGroup): void;
  deleteGroup(id: string): boolean;
  listGroups(): StoredGroup[];
  hasAccount(id: string): boolean;
  /** Import an account; a profile given overwrites the stored fields it names. */
  putAccount(id: string, profile?: { Nick?: string; FaceUrl?: string }): void;
  listAccounts(): string[];
  /** The account with its profile, undefined when never imported. */
  getAccount(id: string): StoredAccount | undefined;
  /** Remove an account; false when it did not exist. */
  deleteAccount(id: string): boolean;
  /** Drop everything. */
  reset(): void;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:43127`. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Direct access to the stored groups and accounts (for tests: out-of-band changes, leak checks). */
  readonly store: ChatStore;
  /** Add a fault rule; returns a function that removes it. */
  addFault(rule: FaultRule): () => void;
  /** Remove every fault rule. */
  clearFaults(): void;
  /** Set or clear (undefined) the quota of an action, calls per second. */
  setQuota(action: ChatAction, perSecond: number | undefined): void;
  /** Requests received per action (including refused ones). */
  counters(): Record<ChatAction, number>;
  /** Zero the counters. */
  resetCounters(): void;
  /** Stop listening and close every connection. */
  close(): Promise<void>;
}
