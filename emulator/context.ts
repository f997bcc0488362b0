/**
 * What every action handler receives, and the lookups several handlers share.
 */
import { Codes } from "../protocol/error-codes";
import { ChatFailure } from "./envelope";
import type { SequencedStore } from "./store";
import type { EmulatorBehaviour, StoredGroup } from "./types";
import type { Body } from "./validate";

/** Everything a handler may read or change. */
export interface HandlerContext {
  readonly store: SequencedStore;
  readonly behaviour: EmulatorBehaviour;
  /** The app's SDKAppID (returned as `Appid`). */
  readonly sdkAppId: number;
  /** Emulator clock, Unix seconds. */
  nowSeconds(): number;
  /** Offset of get_appid_group_list cursors. */
  readonly listCursorBase: bigint;
  /** The request body as received, for fields JSON.parse would round (64-bit `Next`). */
  readonly rawBody: string;
}

/**
 * One action: validate the body, apply it to the store, and return the fields of the OK envelope beyond
 * ActionStatus/ErrorCode/ErrorInfo. Refusals are thrown as {@link ChatFailure}.
 */
export type Handler = (body: Body, ctx: HandlerContext) => Record<string, unknown>;

/**
 * ErrorInfo the service gives for a missing or destroyed group (a captured destroy_group answer quoted in public client
 * code).
 */
export const GROUP_NOT_FOUND_INFO = "this group does not exist";

/** The stored group, or a failure with `code` (default: the configured not-found code). */
export function findGroup(ctx: HandlerContext, id: string, code: number = ctx.behaviour.notFoundCode): StoredGroup {
  const group = ctx.store.getGroup(id);
  if (group === undefined) throw new ChatFailure(code, GROUP_NOT_FOUND_INFO);
  return group;
}

/** {@link findGroup} for handlers that only read: the stored group itself when the store can lend it (no copy). */
export function viewGroup(ctx: HandlerContext, id: string): Readonly<StoredGroup> {
  const group = ctx.store.viewGroup?.(id) ?? ctx.store.getGroup(id);
  if (group === undefined) throw new ChatFailure(ctx.behaviour.notFoundCode, GROUP_NOT_FOUND_INFO);
  return group;
}

/** With {@link EmulatorBehaviour.requireImportedAccounts}, refuse an account never imported (10019). */
export function requireImported(ctx: HandlerContext, field: string, account: string): void {
  if (ctx.behaviour.requireImportedAccounts && !ctx.store.hasAccount(account)) {
    throw new ChatFailure(
      Codes.AccountNotFound,
      `${field} ${JSON.stringify(account)} does not exist; import the account first`,
    );
  }
}
