/**
 * One error hierarchy with stable `code` strings. The provider runs from serialized code in the Pulumi host, so a
 * class seen there may not be the class a caller imported: check errors with the `is*` guards, which match on
 * `code`, never with `instanceof`. Messages say what failed, why and what to do; no message or property ever holds
 * the secret key or a UserSig (URLs are redacted before they reach an error).
 */
import type { ChatAction } from "./actions";
import { describeErrorCode, type ErrorClass } from "./error-codes";

/** Stable error codes. */
export const ErrorCodes = {
  /** The service answered with ErrorCode != 0. */
  Api: "CHAT_ERR_API",
  /** Non-200 HTTP status (e.g. 502 from a gateway). */
  Http: "CHAT_ERR_HTTP",
  /** The connection failed or was reset. */
  Network: "CHAT_ERR_NETWORK",
  /** No answer within the client timeout. */
  Timeout: "CHAT_ERR_TIMEOUT",
  /** A create may or may not have happened: the request was sent and the answer was lost. */
  AmbiguousCreate: "CHAT_ERR_AMBIGUOUS_CREATE",
  /** The answer was not the documented JSON envelope. */
  Protocol: "CHAT_ERR_PROTOCOL",
  /** Credentials or endpoint are missing or malformed. */
  Config: "CHAT_ERR_CONFIG",
  /** An argument was refused before any request was sent. */
  Validation: "CHAT_ERR_VALIDATION",
} as const;

/** One of {@link ErrorCodes}. */
export type ChatErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base of every error this package throws. */
export class ChatError extends Error {
  /** Stable code; match on this. */
  readonly code: ChatErrorCode;
  /** The REST action involved, when there is one. */
  readonly action?: ChatAction;
  /** Whether the retry policy may repeat the call (for network-level errors: whether the request surely did not land). */
  readonly retryable: boolean;

  constructor(code: ChatErrorCode, message: string, options: { action?: ChatAction; retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ChatError";
    this.code = code;
    this.action = options.action;
    this.retryable = options.retryable ?? false;
  }
}

/** The service refused the call: HTTP 200 with `ActionStatus: "FAIL"` or `ErrorCode != 0`. */
export class ChatApiError extends ChatError {
  /** Tencent's numeric ErrorCode. */
  readonly errorCode: number;
  /** Tencent's ErrorInfo text. */
  readonly errorInfo: string;
  /** What to do about it (from the error-code table). */
  readonly errorClass: ErrorClass;
  /** The group the call was about, when known. */
  readonly groupId?: string;

  constructor(action: ChatAction, errorCode: number, errorInfo: string, options: { groupId?: string; cause?: unknown } = {}) {
    const info = describeErrorCode(errorCode);
    const subject = options.groupId ? ` for group ${JSON.stringify(options.groupId)}` : "";
    super(
      ErrorCodes.Api,
      `Tencent Cloud Chat ${action}${subject} failed with ErrorCode ${errorCode} (${info.meaning})` +
        `${errorInfo ? `: ${errorInfo}` : ""}. What to do: ${info.hint}.`,
      { action, retryable: info.class === "retryable", cause: options.cause },
    );
    this.name = "ChatApiError";
    this.errorCode = errorCode;
    this.errorInfo = errorInfo;
    this.errorClass = info.class;
    this.groupId = options.groupId;
  }
}

/** Any {@link ChatError}, by code. */
export function isChatError(e: unknown): e is ChatError {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string" &&
    ((e as { code: string }).code).startsWith("CHAT_ERR_");
}

/** A {@link ChatApiError}, by code. */
export function isChatApiError(e: unknown): e is ChatApiError {
  return isChatError(e) && e.code === ErrorCodes.Api;
}

/** An API error of the given class (e.g. `"not-found"` for 10010/10015). */
export function hasErrorClass(e: unknown, cls: ErrorClass): e is ChatApiError {
  return isChatApiError(e) && e.errorClass === cls;
}

/** The group does not exist (10010, 10015). */
export function isNotFound(e: unknown): e is ChatApiError {
  return hasErrorClass(e, "not-found");
}

/** The group id is in use (10021, 10025). */
export function isConflict(e: unknown): e is ChatApiError {
  return hasErrorClass(e, "conflict");
}
