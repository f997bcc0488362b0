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

/** Fields present in every answer: HTTP 200 with the result in the body (QD-REST). */
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
  ResultItem?: { UserID: string; ResultCode: number; ResultInfo?: string; AccountStatus?: "Imported" | "NotImported" }[];
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
}

/** Compile-time proof that every action has a request and a response type. */
export type WireTablesComplete = [ChatAction] extends [keyof ActionRequests & keyof ActionResponses] ? true : never;
