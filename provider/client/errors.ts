/**
 * One error hierarchy with stable `code` strings. The provider runs from serialized code in the Pulumi host, so a
 * class seen there may not be the class a caller imported: check errors with the `is*` guards, which match on
 * `code`, never with `instanceof`. Messages say what failed, why and what to do; no message or property ever holds
 * the secret key or a UserSig (URLs are redacted before they reach an error).
 */
import type { ChatAction } from "../../protocol/actions";
import { describeErrorCode, type ErrorClass } from "../../protocol/error-codes";

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
  /** The group exists but a later step failed; the error carries `id`, `properties` and `reasons` for Pulumi. */
  Partial: "CHAT_ERR_PARTIAL",
  /** `adopt` found a group that differs from the program; nothing was changed (the message lists the live values). */
  AdoptMismatch: "CHAT_ERR_ADOPT_MISMATCH",
  /** One item of a batch call failed without a code of its own (add/import_group_member `Result: 0`). */
  ItemFailed: "CHAT_ERR_ITEM_FAILED",
} as const;

/** One of {@link ErrorCodes}. */
export type ChatErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base of every error this package throws. */
export class ChatError extends Error {
  /** Stable code; match on this. */
  readonly code: ChatErrorCode;
  /** The REST action involved, when there is one. */
  readonly action?: ChatAction;
  /**
   * Whether repeating the call is safe whatever the action: true for transient API codes and for transport failures
   * that surely never reached the service; false for ambiguous failures (see `delivery`), which only idempotent
   * actions may repeat.
   */
  readonly retryable: boolean;
  /**
   * For transport failures: `"not-sent"` when the request surely never reached the server (connection refused, DNS,
   * TLS), `"ambiguous"` when it may have been applied (timeout, reset after send, 5xx, garbled answer).
   */
  readonly delivery?: "not-sent" | "ambiguous";
  /** HTTP status, for `CHAT_ERR_HTTP`. */
  readonly status?: number;
  /** The group involved, when known (e.g. the GroupId of an ambiguous import). */
  readonly groupId?: string;

  constructor(code: ChatErrorCode, message: string, options: ChatErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ChatError";
    this.code = code;
    this.action = options.action;
    this.retryable = options.retryable ?? false;
    // Declared class fields (ES2022) are own properties already, so an absent option leaves them undefined as before.
    this.delivery = options.delivery;
    this.status = options.status;
    this.groupId = options.groupId;
  }
}

/** Options of the {@link ChatError} constructor. `cause` must already be free of secrets. */
export interface ChatErrorOptions {
  action?: ChatAction;
  retryable?: boolean;
  cause?: unknown;
  delivery?: "not-sent" | "ambiguous";
  status?: number;
  groupId?: string;
}

/** The service refused the call: HTTP 200 with `ActionStatus: "FAIL"` or `ErrorCode != 0`. */
export class ChatApiError extends ChatError {
  /** Tencent's numeric ErrorCode. */
  readonly errorCode: number;
  /** Tencent's ErrorInfo text. */
  readonly errorInfo: string;
  /** What to do about it (from the error-code table). */
  readonly errorClass: ErrorClass;
  constructor(
    action: ChatAction,
    errorCode: number,
    errorInfo: string,
    options: { groupId?: string; cause?: unknown } = {},
  ) {
    const info = describeErrorCode(errorCode);
    const subject = options.groupId ? ` for group ${JSON.stringify(options.groupId)}` : "";
    super(
      ErrorCodes.Api,
      `Tencent Cloud Chat ${action}${subject} failed with ErrorCode ${errorCode} (${info.meaning})` +
        `${errorInfo ? `: ${errorInfo}` : ""}. What to do: ${info.hint}.`,
      { action, retryable: info.class === "retryable", cause: options.cause, groupId: options.groupId },
    );
    this.name = "ChatApiError";
    this.errorCode = errorCode;
    this.errorInfo = errorInfo;
    this.errorClass = info.class;
  }
}

/** Any {@link ChatError}, by code. */
export function isChatError(e: unknown): e is ChatError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    (e as { code: string }).code.startsWith("CHAT_ERR_")
  );
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

/** The UserSig, key, identifier or app is wrong (70xxx, 60004/60005/60010, ...): fix the credentials. */
export function isAuthError(e: unknown): e is ChatApiError {
  return hasErrorClass(e, "auth");
}

/** An import_group whose answer was lost: the group may or may not exist (`CHAT_ERR_AMBIGUOUS_CREATE`). */
export function isAmbiguousCreate(e: unknown): e is ChatError {
  return isChatError(e) && e.code === ErrorCodes.AmbiguousCreate;
}

/** The group id is in use (10021, 10025). */
export function isConflict(e: unknown): e is ChatApiError {
  return hasErrorClass(e, "conflict");
}
