/**
 * Wire types of the Tencent Cloud Chat group REST API, exactly as documented (PascalCase, vendor spellings).
 * Sources: https://cloud.tencent.com/document/product/269/1634 (import_group), /1616 (get_group_info), /1620
 * (modify_group_base_info), and the English pages at https://trtc.io/document/34961 and neighbours.
 * Nothing outside the client and the emulator should see these shapes.
 */
import type { ChatAction } from "./actions";

/** Group types the service stores and returns. `Work`/`Meeting` are the new names of Private/ChatRoom. */
export type WireGroupType = "Private" | "Public" | "ChatRoom" | "AVChatRoom" | "Community" | "BChatRoom";

/** How requests to join are handled. */
export type WireApplyJoinOption = "FreeAccess" | "NeedPermission" | "DisableApply";

/** One app-defined (custom) field; Value may carry binary data inside the JSON string. */
export interface WireAppDefinedField {
  Key: string;
  Value: string;
}

/**
 * Fields present in every answer: HTTP 200 with the result in the body
 * (https://cloud.tencent.com/document/product/269/1519).
 */
export interface WireEnvelope {
  ActionStatus: "OK" | "FAIL";
  ErrorCode: number;
  ErrorInfo: string;
  /** Sometimes present on failures. */
  ErrorDisplay?: string;
}

/** `import_group` request. Note `MaxMemberCount` here vs `MaxMemberNum` on modify/get. */
export interface ImportGroupRequest {
  Owner_Account?: string;
  /** Private, Public, ChatRoom or Community (AVChatRoom is refused with 10007). */
  Type: string;
  GroupId?: string;
  Name: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberCount?: number;
  ApplyJoinOption?: string;
  AppDefinedData?: WireAppDefinedField[];
  CreateTime?: number;
  /** 1 or 0; Community only. */
  SupportTopic?: number;
}

/** `import_group` answer. */
export interface ImportGroupResponse extends WireEnvelope {
  GroupId?: string;
}

/** `get_group_info` request: 1–50 ids. */
export interface GetGroupInfoRequest {
  GroupIdList: string[];
  ResponseFilter?: {
    GroupBaseInfoFilter?: string[];
    MemberInfoFilter?: string[];
    AppDefinedDataFilter_Group?: string[];
    AppDefinedDataFilter_GroupMember?: string[];
  };
}

/** One member in a get_group_info answer. */
export interface WireGroupMember {
  Member_Account: string;
  Role: "Owner" | "Admin" | "Member";
  JoinTime?: number;
  MsgSeq?: number;
  MsgFlag?: string;
  LastSendMsgTime?: number;
  ShutUpUntil?: number;
  AppMemberDefinedData?: WireAppDefinedField[];
}

/** One per-group entry of a get_group_info answer; its own ErrorCode decides whether the rest is present. */
export interface WireGroupInfo {
  GroupId: string;
  ErrorCode: number;
  ErrorInfo: string;
  Type?: string;
  Name?: string;
  Appid?: number;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  Owner_Account?: string;
  CreateTime?: number;
  InfoSeq?: number;
  LastInfoTime?: number;
  LastMsgTime?: number;
  NextMsgSeq?: number;
  MemberNum?: number;
  MaxMemberNum?: number;
  ApplyJoinOption?: string;
  InviteJoinOption?: string;
  /** Current name of the mute-all flag ("On"/"Off"). */
  MuteAllMember?: string;
  /** Older name of the same flag; read both. */
  ShutUpAllMember?: string;
  SupportTopic?: number;
  AppDefinedData?: WireAppDefinedField[];
  MemberList?: WireGroupMember[];
}

/** `get_group_info` answer; the top-level ErrorCode is meaningless for per-group results. */
export interface GetGroupInfoResponse extends WireEnvelope {
  GroupInfo?: WireGroupInfo[];
}

/** `modify_group_base_info` request; every field but GroupId optional; AppDefinedData `Value: ""` deletes a key. */
export interface ModifyGroupBaseInfoRequest {
  GroupId: string;
  Name?: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberNum?: number;
  ApplyJoinOption?: string;
  /** FreeAccess / NeedPermission / DisableInvite; not for Community or AVChatRoom (import_group has no such field). */
  InviteJoinOption?: string;
  MuteAllMember?: string;
  ShutUpAllMember?: string;
  AppDefinedData?: WireAppDefinedField[];
}

/** `destroy_group` request. */
export interface DestroyGroupRequest {
  GroupId: string;
}

/** `change_group_owner` request: the new owner must already be a member. */
export interface ChangeGroupOwnerRequest {
  GroupId: string;
  NewOwner_Account: string;
}

/** `get_appid_group_list` request; `Next` is 64-bit, so it may be sent as a number or a decimal string. */
export interface GetAppidGroupListRequest {
  Limit?: number;
  Next?: number | string;
  GroupType?: string;
}

/** `get_appid_group_list` answer. `Next` can exceed 2^53 in principle; the client parses it losslessly. */
export interface GetAppidGroupListResponse extends WireEnvelope {
  TotalCount?: number;
  GroupIdList?: { GroupId: string }[];
  Next?: number | string;
}

/** `add_group_member` request. */
export interface AddGroupMemberRequest {
  GroupId: string;
  /** 1: do not notify members. */
  Silence?: number;
  MemberList: { Member_Account: string }[];
}

/** Per-member result: 0 failed, 1 added, 2 already a member, 3 waiting for confirmation. */
export interface AddGroupMemberResponse extends WireEnvelope {
  MemberList?: { Member_Account: string; Result: 0 | 1 | 2 | 3 }[];
}

/** `im_open_login_svc/account_import` request. */
export interface AccountImportRequest {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
}

/**
 * `im_open_login_svc/account_check` request: at most 100 ids
 * (https://cloud.tencent.com/document/product/269/38417).
 */
export interface AccountCheckRequest {
  CheckItem: { UserID: string }[];
}

/** `account_check` answer: one item per id; a missing account is `AccountStatus: "NotImported"`, not an error. */
export interface AccountCheckResponse extends WireEnvelope {
  ResultItem?: {
    UserID: string;
    ResultCode: number;
    ResultInfo?: string;
    AccountStatus?: "Imported" | "NotImported";
  }[];
}

/** One account of multiaccount_import's current form (https://cloud.tencent.com/document/product/269/4919). */
export interface WireAccountItem {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
}

/** `multiaccount_import`: the current `AccountList` form (≤100), or the old `Accounts` string list; never both. */
export interface MultiAccountImportRequest {
  AccountList?: WireAccountItem[];
  Accounts?: string[];
}

/** `multiaccount_import` answer: only the ids that failed, without a reason; absent = none failed. */
export interface MultiAccountImportResponse extends WireEnvelope {
  FailAccounts?: string[];
}

/** `account_delete` request (≤100 ids, https://cloud.tencent.com/document/product/269/36443). */
export interface AccountDeleteRequest {
  DeleteItem: { UserID: string }[];
}

/** `account_delete` answer: per id `ResultCode` 0, or 70107 when the account does not exist. */
export interface AccountDeleteResponse extends WireEnvelope {
  ResultItem?: { UserID: string; ResultCode: number; ResultInfo?: string }[];
}

/** One profile tag and value (`Tag_Profile_IM_Nick`, `Tag_Profile_IM_Image`, …). */
export interface WireProfileItem {
  Tag: string;
  Value: string | number;
}

/** `profile/portrait_set`: one user (`From_Account` is the user whose profile is set). */
export interface PortraitSetRequest {
  From_Account: string;
  ProfileItem: WireProfileItem[];
}

/** `profile/portrait_get`: ≤100 users, the tags to read. */
export interface PortraitGetRequest {
  To_Account: string[];
  TagList: string[];
}

/** `portrait_get` answer: one item per user with its own ResultCode; `Fail_Account` only when some failed. */
export interface PortraitGetResponse extends WireEnvelope {
  UserProfileItem?: { To_Account: string; ProfileItem?: WireProfileItem[]; ResultCode: number; ResultInfo?: string }[];
  Fail_Account?: string[];
}

/** `import_group_member` request: ≤300 members; `Role` only "Admin" (omitted = Member); JoinTime in Unix seconds. */
export interface ImportGroupMemberRequest {
  GroupId: string;
  MemberList: { Member_Account: string; Role?: "Admin"; JoinTime?: number; UnreadMsgNum?: number }[];
}

/** Per-member result: 0 failed, 1 imported, 2 already a member. */
export interface ImportGroupMemberResponse extends WireEnvelope {
  MemberList?: { Member_Account: string; Result: 0 | 1 | 2 }[];
}

/** `delete_group_member` request: ≤100 plain strings; a non-member is not an error. No per-member results. */
export interface DeleteGroupMemberRequest {
  GroupId: string;
  MemberToDel_Account: string[];
  /** 1: only the removed members are notified. */
  Silence?: number;
  Reason?: string;
}

/** `modify_group_member_info` request: one member; `MuteTime` is a duration in seconds (0 unmutes). */
export interface ModifyGroupMemberInfoRequest {
  GroupId: string;
  Member_Account: string;
  Role?: "Admin" | "Member";
  MsgFlag?: string;
  NameCard?: string;
  MuteTime?: number;
  AppMemberDefinedData?: WireAppDefinedField[];
}

/** A member role on the wire; get_role_in_group adds "NotMember". */
export type WireMemberRole = "Owner" | "Admin" | "Member";

/** `get_role_in_group` request: ≤500 accounts. */
export interface GetRoleInGroupRequest {
  GroupId: string;
  User_Account: string[];
}

/** `get_role_in_group` answer. */
export interface GetRoleInGroupResponse extends WireEnvelope {
  UserIdList?: { Member_Account: string; Role: WireMemberRole | "NotMember" }[];
}

/** Filters shared by the member reads. */
export interface MemberFilters {
  MemberInfoFilter?: string[];
  MemberRoleFilter?: string[];
  AppDefinedDataFilter_GroupMember?: string[];
}

/** One member as get_group_member_info / get_specified_group_member_info return it. */
export interface WireMemberInfo extends Omit<WireGroupMember, "Role"> {
  Role: string;
  NameCard?: string;
  /** Current name of the mute end (Unix seconds; 0 = not muted); older docs say `ShutUpUntil`. */
  MuteUntil?: number;
}

/** `get_specified_group_member_info` request: ≤50 accounts. */
export interface GetSpecifiedGroupMemberInfoRequest extends MemberFilters {
  GroupId: string;
  Member_List_Account: string[];
}

/** `get_specified_group_member_info` answer (non-members are left out). */
export interface GetSpecifiedGroupMemberInfoResponse extends WireEnvelope {
  MemberList?: WireMemberInfo[];
}

/**
 * `get_group_member_info` request. Offset paging for every type but Community, which pages with `Next` (a 64-bit
 * value sent as a decimal string; "" on the first call, https://cloud.tencent.com/document/product/269/1617).
 */
export interface GetGroupMemberInfoRequest extends MemberFilters {
  GroupId: string;
  Limit?: number;
  Offset?: number;
  Next?: string;
}

/** `get_group_member_info` answer; `Next` may come as a string or a number: the client reads it losslessly. */
export interface GetGroupMemberInfoResponse extends WireEnvelope {
  MemberNum?: number;
  MemberList?: WireMemberInfo[];
  Next?: string | number;
}

/** Request body type for each action. */
export interface ActionRequests {
  import_group: ImportGroupRequest;
  get_group_info: GetGroupInfoRequest;
  modify_group_base_info: ModifyGroupBaseInfoRequest;
  destroy_group: DestroyGroupRequest;
  change_group_owner: ChangeGroupOwnerRequest;
  get_appid_group_list: GetAppidGroupListRequest;
  add_group_member: AddGroupMemberRequest;
  account_import: AccountImportRequest;
  account_check: AccountCheckRequest;
  multiaccount_import: MultiAccountImportRequest;
  account_delete: AccountDeleteRequest;
  portrait_set: PortraitSetRequest;
  portrait_get: PortraitGetRequest;
  import_group_member: ImportGroupMemberRequest;
  delete_group_member: DeleteGroupMemberRequest;
  modify_group_member_info: ModifyGroupMemberInfoRequest;
  get_role_in_group: GetRoleInGroupRequest;
  get_specified_group_member_info: GetSpecifiedGroupMemberInfoRequest;
  get_group_member_info: GetGroupMemberInfoRequest;
}

/** Answer type for each action. */
export interface ActionResponses {
  import_group: ImportGroupResponse;
  get_group_info: GetGroupInfoResponse;
  modify_group_base_info: WireEnvelope;
  destroy_group: WireEnvelope;
  change_group_owner: WireEnvelope;
  get_appid_group_list: GetAppidGroupListResponse;
  add_group_member: AddGroupMemberResponse;
  account_import: WireEnvelope;
  account_check: AccountCheckResponse;
  multiaccount_import: MultiAccountImportResponse;
  account_delete: AccountDeleteResponse;
  portrait_set: WireEnvelope;
  portrait_get: PortraitGetResponse;
  import_group_member: ImportGroupMemberResponse;
  delete_group_member: WireEnvelope;
  modify_group_member_info: WireEnvelope;
  get_role_in_group: GetRoleInGroupResponse;
  get_specified_group_member_info: GetSpecifiedGroupMemberInfoResponse;
  get_group_member_info: GetGroupMemberInfoResponse;
}

/** Compile-time proof that every action has a request and a response type. */
export type WireTablesComplete = [ChatAction] extends [keyof ActionRequests & keyof ActionResponses] ? true : never;
