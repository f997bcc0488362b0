/**
 * Per-item results of the batch actions (accounts and members): one typed entry per requested id, so one bad item
 * never throws for the whole call. A whole-call failure is still thrown as a ChatApiError by the executor.
 */
import type { ChatAction } from "../../protocol/actions";
import { ChatApiError, ChatError, ErrorCodes } from "./errors";
import { validationError } from "./groups";

/** The outcome for one id: its value, or the error for that id alone. */
export type ItemResult<T> = { id: string; ok: true; value: T } | { id: string; ok: false; error: ChatError };

/** An item's own error code (e.g. account_delete's per-item ResultCode), as a ChatApiError naming the item. */
export function itemApiError(
  action: ChatAction,
  id: string,
  code: number,
  info: string | undefined,
  groupId?: string,
): ChatApiError {
  return new ChatApiError(action, code, `${info ? `${info} ` : ""}(item ${JSON.stringify(id)})`, { groupId });
}

/** An item that failed without a code (add/import_group_member `Result: 0`). */
export function itemFailed(action: ChatAction, id: string, what: string, groupId?: string): ChatError {
  const subject = groupId === undefined ? "" : ` in group ${JSON.stringify(groupId)}`;
  return new ChatError(
    ErrorCodes.ItemFailed,
    `Tencent Cloud Chat ${action} failed for ${JSON.stringify(id)}${subject}: ${what}`,
    {
      action,
      groupId,
    },
  );
}

/** The answer named no entry for an id we sent. */
export function itemMissing(action: ChatAction, id: string, groupId?: string): ChatError {
  return new ChatError(
    ErrorCodes.Protocol,
    `Tencent Cloud Chat ${action} answered without an entry for ${JSON.stringify(id)}.`,
    {
      action,
      groupId,
    },
  );
}

/** 1..max distinct non-empty ids, else a validation error naming the field and the limit. */
export function requireIdList(action: ChatAction, field: string, ids: unknown, max: number): asserts ids is string[] {
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > max) {
    const n = Array.isArray(ids) ? ids.length : "no";
    throw validationError(
      action,
      `${field} must hold 1 to ${max} ids, got ${n}. What to do: split them into calls of ${max}.`,
    );
  }
  ids.forEach((id, i) => {
    if (typeof id !== "string" || id.length === 0) {
      throw validationError(
        action,
        `${field}[${i}] is required and must be a non-empty string, got ${JSON.stringify(id)}.`,
      );
    }
  });
}

/** An array field of an answer, or [] when absent or malformed. */
export function listOf<T>(body: Record<string, unknown>, key: string): T[] {
  const v = body[key];
  return Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === "object") as T[]) : [];
}
