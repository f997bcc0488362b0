/**
 * Public surface of the typed Tencent Cloud Chat REST client: {@link ChatClient}, its options and results, the
 * error hierarchy with its guards, the error-code table, region names and the wire types. Retry, rate limiting,
 * URLs and UserSig handling are internal: import them from their modules inside the repository, not from here.
 */
export { ChatClient } from "./client";
export type { ChatClientOptions, GroupInfoEntry, GroupListPage, GroupListRequest, ImportGroupResult } from "./client";
export type { RequestEvent } from "./executor";
export type { GroupInfo } from "./groups";
export { canonicalGroupType, MAX_GROUP_INFO_IDS, MAX_GROUP_LIST_LIMIT } from "./groups";
export {
  ChatApiError,
  ChatError,
  ErrorCodes,
  hasErrorClass,
  isAmbiguousCreate,
  isAuthError,
  isChatApiError,
  isChatError,
  isConflict,
  isNotFound,
} from "./errors";
export type { ChatErrorCode, ChatErrorOptions } from "./errors";
export { Codes, describeErrorCode, ERROR_CODES, RETRYABLE_CODES } from "../../protocol/error-codes";
export type { ErrorClass, ErrorCodeInfo } from "../../protocol/error-codes";
export type { ChatAction } from "../../protocol/actions";
export { REGION_NAMES } from "../../protocol/regions";
export type { RetryOptions } from "./retry";
export type { LimiterRegistry } from "./limiter";
export type { Region } from "../../protocol/regions";
export type { ChatCredentials, SecretKeyCredentials, UserSigCredentials } from "./usersig";
export type * from "../../protocol/wire";
export type { ItemResult } from "./items";
export { TAG_IMAGE, TAG_NICK } from "./accounts";
export type { AccountDeleteOutcome, AccountProfile, PortraitSetInput } from "./accounts";
export type { ListMembersOptions, MemberInfo, MemberPage, MemberWriteOutcome } from "./members";
