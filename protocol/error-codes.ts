/**
 * Tencent Cloud Chat error codes the admin REST client meets, with the class that decides what to do about each.
 * Sources: the error code list (https://cloud.tencent.com/document/product/269/1671), the REST public codes
 * (https://cloud.tencent.com/document/product/679/131708), and each action's page: add_group_member
 * (https://trtc.io/document/34921: 10014), account_import (https://cloud.tencent.com/document/product/269/1608 and
 * https://trtc.io/zh/document/34953: 40006, 40601, 70398, 70399), the Web SDK's 10xxx table
 * (https://web.sdk.qcloud.com/im/download/error-message/v3/0.0.4/tim-error-message.txt: 10011). Declared once; the
 * retry policy, the error messages and the emulator's envelopes all read this table.
 */

/** What a caller should do about an error code. */
export type ErrorClass =
  /** Transient: repeat with backoff when the call is safe to repeat. */
  | "retryable"
  /** The group does not exist or was disbanded. */
  | "not-found"
  /** The group id is already in use. */
  | "conflict"
  /** Credentials, signature or admin identity are wrong. */
  | "auth"
  /** The request was refused as invalid or not allowed; fix the input. */
  | "invalid"
  /** A quota of the plan was exceeded; not transient. */
  | "quota"
  /** Unknown code. */
  | "unknown";

/** One row of the table. */
export interface ErrorCodeInfo {
  readonly class: ErrorClass;
  /** The documented meaning, short. */
  readonly meaning: string;
  /** What the user should do. */
  readonly hint: string;
}

const retry = (meaning: string): ErrorCodeInfo => ({
  class: "retryable",
  meaning,
  hint: "a transient service condition; it was retried with backoff; try again later or raise the retry limit",
});

/** Named error codes used in code (not exhaustive: see {@link ERROR_CODES}). */
export const Codes = {
  InternalError: 10002,
  InvalidParameter: 10004,
  FrequencyLimit: 10006,
  NoPermission: 10007,
  GroupNotFound: 10010,
  InvalidGroupId: 10015,
  AccountNotFound: 10019,
  GroupIdInUse: 10021,
  GroupIdInUseByYou: 10025,
  RestFrequency: 60007,
  NotAdmin: 60010,
  AppFrequency: 60011,
  TooFrequent: 60018,
  UserSigExpired: 70001,
  UserSigUnparsable: 70003,
  UserSigWrongKey: 70009,
  UserSigWrongIdentifier: 70013,
  UserSigWrongApp: 70014,
  SensitiveWords: 80001,
} as const;

/** The classification table. */
export const ERROR_CODES: Readonly<Record<number, ErrorCodeInfo>> = {
  10002: retry("group service internal error"),
  10003: { class: "invalid", meaning: "invalid command word", hint: "the action path is wrong; upgrade the package" },
  10004: { class: "invalid", meaning: "invalid parameter", hint: "check ErrorInfo and fix the named field" },
  10005: { class: "invalid", meaning: "too many accounts in the request", hint: "send fewer accounts per call" },
  10006: retry("operation frequency limit"),
  10007: {
    class: "invalid",
    meaning: "no permission, or not allowed for this group type",
    hint: "check the group type supports this operation and that the identifier is the app admin",
  },
  10008: { class: "auth", meaning: "invalid request (signature check failed)", hint: "regenerate the UserSig" },
  10010: { class: "not-found", meaning: "the group does not exist or was disbanded", hint: "check the group id" },
  10011: {
    class: "invalid",
    meaning: "the JSON body could not be parsed",
    hint: "report a bug: the client sent a malformed body",
  },
  10014: {
    class: "quota",
    meaning: "the group is full",
    hint: "add fewer members, or raise the group's maxMemberCount (your plan caps it)",
  },
  10015: { class: "not-found", meaning: "invalid group id", hint: "check the group id" },
  10016: { class: "invalid", meaning: "rejected by the app's webhook", hint: "check your before-operation callback" },
  10018: {
    class: "invalid",
    meaning: "the answer would exceed 1 MB",
    hint: "ask for fewer groups per call, or filter the fields asked for (ResponseFilter)",
  },
  10019: {
    class: "invalid",
    meaning: "the account does not exist",
    hint: "import the account first (account_import) or fix the user id",
  },
  10021: {
    class: "conflict",
    meaning: "the group id is already in use",
    hint: "choose another groupId: the group holding it may belong to someone else (set adopt: true only if it is yours and this stack should take it over)",
  },
  10025: {
    class: "conflict",
    meaning: "the group id is already in use by you",
    hint: "choose another groupId, or destroy the existing group first (set adopt: true only if this stack should take it over)",
  },
  10026: { class: "invalid", meaning: "command word disabled for this SDKAppID", hint: "open a ticket with Tencent" },
  10036: { class: "quota", meaning: "AVChatRoom count over the plan limit", hint: "upgrade the plan" },
  10037: { class: "quota", meaning: "the owner's group quota is exceeded", hint: "upgrade the plan" },
  10038: { class: "quota", meaning: "member quota exceeded", hint: "lower maxMemberCount or upgrade the plan" },
  10058: { class: "quota", meaning: "trial plan limited to 100 groups", hint: "upgrade the plan or destroy groups" },
  40005: {
    class: "invalid",
    meaning: "a profile field contains sensitive words",
    hint: "change the nickname or avatar URL",
  },
  40006: retry("internal error while setting the profile"),
  40601: {
    class: "invalid",
    meaning: "a profile field value is over 500 bytes",
    hint: "shorten the nickname or avatar URL",
  },
  60002: { class: "invalid", meaning: "HTTP parse error", hint: "check the endpoint URL" },
  60003: { class: "invalid", meaning: "request JSON parse error", hint: "report a bug" },
  60004: { class: "auth", meaning: "account or signature error in the URL", hint: "check identifier and UserSig" },
  60005: { class: "auth", meaning: "account or signature error in the request", hint: "check identifier and UserSig" },
  60006: { class: "auth", meaning: "SDKAppID invalid", hint: "check tencent-chat:sdkAppId" },
  60007: retry("REST API call frequency exceeded"),
  60008: { class: "unknown", meaning: "service timeout or bad HTTP format", hint: "try again" },
  60009: { class: "invalid", meaning: "wrong resource in the URL", hint: "check the endpoint URL" },
  60010: {
    class: "auth",
    meaning: "the identifier is not an app admin",
    hint: "set tencent-chat:identifier to an App admin account configured in the console",
  },
  60011: retry("SDKAppID request frequency exceeded"),
  60012: { class: "invalid", meaning: "SDKAppID missing in the URL", hint: "set tencent-chat:sdkAppId" },
  60013: { class: "unknown", meaning: "the service could not parse an internal HTTP answer", hint: "try again later" },
  60014: retry("account exchange timeout"),
  60015: { class: "invalid", meaning: "an account field has the wrong type (must be a string)", hint: "report a bug" },
  60016: { class: "auth", meaning: "SDKAppID disabled", hint: "open a ticket with Tencent" },
  60017: { class: "auth", meaning: "request disabled", hint: "open a ticket with Tencent" },
  60018: retry("too many requests"),
  60019: retry("too many requests"),
  60020: { class: "auth", meaning: "Pro plan expired or stopped", hint: "renew the plan" },
  60021: { class: "auth", meaning: "caller IP not allowed", hint: "add this machine to the REST IP allow-list" },
  70001: {
    class: "auth",
    meaning: "UserSig expired",
    hint:
      "a UserSig generated from tencent-chat:secretKey is renewed once automatically (if this persists, check the machine clock); " +
      "a supplied tencent-chat:userSig must be replaced with a freshly generated one",
  },
  70002: { class: "auth", meaning: "UserSig is empty", hint: "set tencent-chat:secretKey or tencent-chat:userSig" },
  70003: { class: "auth", meaning: "UserSig could not be parsed", hint: "regenerate the UserSig" },
  70005: { class: "auth", meaning: "UserSig verification failed", hint: "regenerate the UserSig" },
  70009: {
    class: "auth",
    meaning: "UserSig signed with another key",
    hint: "check tencent-chat:secretKey belongs to this SDKAppID",
  },
  70013: {
    class: "auth",
    meaning: "the UserSig was issued for another identifier",
    hint: "generate the UserSig for tencent-chat:identifier",
  },
  70014: {
    class: "auth",
    meaning: "the UserSig was issued for another SDKAppID",
    hint: "check tencent-chat:sdkAppId and the key",
  },
  70016: { class: "auth", meaning: "key not found: wrong regional domain", hint: "set tencent-chat:region correctly" },
  70020: { class: "auth", meaning: "SDKAppID not found (region mismatch?)", hint: "check sdkAppId and region" },
  70050: {
    class: "auth",
    meaning: "too many failed verifications, blocked for a minute",
    hint: "fix the credentials and wait",
  },
  70051: {
    class: "auth",
    meaning: "the account is blacklisted",
    hint: "use another identifier, or ask Tencent support",
  },
  70052: { class: "auth", meaning: "UserSig invalidated", hint: "regenerate the UserSig" },
  70107: { class: "invalid", meaning: "account not imported", hint: "import the account first" },
  70169: retry("server-internal timeout"),
  70398: {
    class: "quota",
    meaning: "the app's account count is over its plan limit (100 accounts on the free plan)",
    hint: "upgrade the plan, or delete accounts you no longer need",
  },
  70399: {
    class: "invalid",
    meaning: "the UserID was deleted and cannot be imported again yet (paid plans: 3 months after account_delete)",
    hint: "use another UserID",
  },
  70202: retry("server-internal error"),
  70402: { class: "invalid", meaning: "invalid parameter", hint: "check ErrorInfo" },
  70403: { class: "auth", meaning: "requires App admin", hint: "use an App admin identifier" },
  70500: retry("server-internal error"),
  80001: {
    class: "invalid",
    meaning: "text security strike: sensitive words",
    hint: "change the name, introduction or notification text",
  },
  // Accounts, profiles and members (https://cloud.tencent.com/document/product/269/36443, /269/1640, /269/1639,
  // /269/1621): appended for the member and account actions.
  30006: retry("internal error while clearing relationship-chain data"),
  30007: retry("internal timeout while clearing relationship-chain data"),
  30008: retry("write conflict on relationship-chain data"),
  40001: {
    class: "invalid",
    meaning: "invalid profile request parameter",
    hint: "check ErrorInfo and fix the named field",
  },
  40002: { class: "invalid", meaning: "To_Account not given", hint: "name at least one account" },
  40003: { class: "invalid", meaning: "the account does not exist", hint: "import the account first (account_import)" },
  40004: { class: "auth", meaning: "requires App admin", hint: "use an App admin identifier" },
  40007: {
    class: "auth",
    meaning: "no read permission for the profile field",
    hint: "read only standard or readable tags",
  },
  40008: { class: "auth", meaning: "no write permission for the profile field", hint: "set only writable tags" },
  40009: {
    class: "invalid",
    meaning: "the profile tag does not exist",
    hint: "use Tag_Profile_IM_Nick / Tag_Profile_IM_Image",
  },
  40605: { class: "invalid", meaning: "invalid value for a standard profile field", hint: "fix the value" },
  40610: { class: "invalid", meaning: "profile value has the wrong type", hint: "send a string" },
  71000: {
    class: "invalid",
    meaning: "account deletion is not enabled for this app's plan",
    hint: "enable account deletion in the Chat console (paid plans), or keep the account",
  },
};

/** Where an unknown code is explained. */
export const ERROR_CODE_LIST_URL = "https://cloud.tencent.com/document/product/269/1671";

/**
 * The row for a code, with a generic row for codes the table does not know. An unknown code gets no guess about
 * its cause: the 70xxx range holds account and quota codes as well as signature ones (70398, 70399), so calling
 * an unknown one a credentials problem would send the user the wrong way.
 */
export function describeErrorCode(code: number): ErrorCodeInfo {
  const known = Object.prototype.hasOwnProperty.call(ERROR_CODES, code) ? ERROR_CODES[code] : undefined;
  if (known) return known;
  return {
    class: "unknown",
    meaning: "an error code this client does not know",
    hint: `read ErrorInfo, and look the code up in Tencent's error code list (${ERROR_CODE_LIST_URL})`,
  };
}

/** The codes the retry policy treats as transient (the list; derived from the table). */
export const RETRYABLE_CODES: readonly number[] = Object.entries(ERROR_CODES)
  .filter(([, info]) => info.class === "retryable")
  .map(([code]) => Number(code));
