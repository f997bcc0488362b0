/**
 * Public surface of the typed Tencent Cloud Chat REST client: {@link ChatClient}, its options and results, the
 * error hierarchy with its guards, regions, the action table, wire types, and the pure helpers tests and the
 * provider reuse (URL redaction, UserSig decoding, retry policy, limiter).
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
export { ACTION_NAMES, ACTIONS, actionForPath, actionPath } from "../../protocol/actions";
export type { ActionSpec, ChatAction } from "../../protocol/actions";
export { BACKUP_DOMAINS, isRegion, REGION_NAMES, regionBaseUrl, REGIONS } from "../../protocol/regions";
export { USER_ID_PATTERN, USER_ID_RULE_TEXT, userIdProblem } from "../../protocol/user-id";
export type { Region } from "../../protocol/regions";
export { buildCallUrl, redactText, redactUrl, REDACTED, resolveBaseUrl } from "./url";
export { createUserSigSource, decodeUserSig, DEFAULT_USERSIG_EXPIRE_SECONDS, verifyUserSigHmac } from "./usersig";
export type { ChatCredentials, DecodedUserSig, SecretKeyCredentials, UserSigCredentials, UserSigSource } from "./usersig";
export { backoffDelay, classifyFailure, decideRetry, DEFAULT_RETRY } from "./retry";
export type { FailureKind, RetryDecision, RetryOptions } from "./retry";
export { LimiterRegistry, RateLimiter, sharedLimiters } from "./limiter";
export type { LimiterClock } from "./limiter";
export { DEFAULT_TIMEOUT_MS } from "./transport";
export type { Cursor64 } from "./json64";
export type * from "../../protocol/wire";
