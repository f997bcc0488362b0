/**
 * Batchers for the member and account actions (DECISIONS.md C91): concurrent writes to the same group share
 * add_group_member / import_group_member / delete_group_member calls, and reads share get_role_in_group (≤500),
 * get_specified_group_member_info (≤50), account_check (≤100) and multiaccount_import (≤100) calls. Each caller gets
 * its own item's outcome; a Result 0 or an item's own code fails only that caller.
 *
 * Whole-call refusals caused by one item are narrowed down: a 10019 (an account that does not exist; some pages say
 * the whole request fails) halves the call until only the bad accounts fail; a 10005 (too many accounts: the
 * service's limit is lower than configured) halves the call and lowers the limit for later calls.
 */
import { BATCH_LIMITS } from "../../protocol/actions";
import type { AccountDeleteOutcome, AccountProfile } from "./accounts";
import { isChatApiError } from "./errors";
import type { ItemResult } from "./items";
import { KeyedBatcher, type KeyedBatchTiming } from "./keyed-batch";
import { memberWriteOutcomes, type MemberInfo, type MemberWriteOutcome } from "./members";
import type {
  AddGroupMemberRequest,
  AddGroupMemberResponse,
  DeleteGroupMemberRequest,
  GetSpecifiedGroupMemberInfoRequest,
  ImportGroupMemberRequest,
  WireAccountItem,
  WireMemberRole,
} from "../../protocol/wire";

/** What the member batchers need from a client (a ChatClient has all of it). */
export interface MemberSource {
  addGroupMember(request: AddGroupMemberRequest): Promise<NonNullable<AddGroupMemberResponse["MemberList"]>>;
  importGroupMember(request: ImportGroupMemberRequest): Promise<ItemResult<MemberWriteOutcome>[]>;
  deleteGroupMember(request: DeleteGroupMemberRequest): Promise<void>;
  getRoleInGroup(groupId: string, accounts: readonly string[]): Promise<ItemResult<WireMemberRole | "NotMember">[]>;
  getSpecifiedGroupMemberInfo(
    request: GetSpecifiedGroupMemberInfoRequest,
  ): Promise<ItemResult<MemberInfo | undefined>[]>;
}

/** What the account batcher needs from a client (a ChatClient has all of it). */
export interface AccountSource {
  accountCheckItems(userIds: readonly string[]): Promise<ItemResult<boolean>[]>;
  multiAccountImport(accounts: readonly WireAccountItem[]): Promise<ItemResult<true>[]>;
  /** Needed only by {@link AccountBatcher.profile}. */
  portraitGet?(userIds: readonly string[], tags?: readonly string[]): Promise<ItemResult<AccountProfile>[]>;
  /** Needed only by {@link AccountBatcher.remove}. */
  accountDelete?(userIds: readonly string[]): Promise<ItemResult<AccountDeleteOutcome>[]>;
}

/** Options of {@link MemberBatcher}. */
export interface MemberBatchOptions extends KeyedBatchTiming {
  /**
   * Most members per add_group_member call. Default 20, the newest page's limit
   * (https://cloud.tencent.com/document/product/269/1621); up to 300 where the app's service accepts it (C90).
   */
  addLimit?: number;
}

/** One member to import (migration: no notifications; JoinTime in Unix seconds). */
export interface ImportMemberItem {
  account: string;
  role?: "Admin";
  joinTime?: number;
}

/** Counts of work done, for tests and benchmarks. */
export interface MemberBatchStats {
  /** Calls halved after a 10019 or 10005. */
  splits: number;
}

const codeOf = (e: unknown): number | undefined => (isChatApiError(e) ? e.errorCode : undefined);

/**
 * `send` that narrows a whole-call refusal to its items: on 10019 or 10005 with more than one item the call is
 * halved and each half sent again; a lone item gets the error itself. `onTooMany` hears of every 10005.
 */
export function splitting<I, O>(
  send: (items: I[]) => Promise<ItemResult<O>[]>,
  idOf: (item: I) => string,
  onSplit: () => void,
  onTooMany: (size: number) => void = () => {},
): (items: I[]) => Promise<ItemResult<O>[]> {
  const run = async (items: I[]): Promise<ItemResult<O>[]> => {
    try {
      return await send(items);
    } catch (error) {
      const code = codeOf(error);
      if (code !== 10019 && code !== 10005) throw error;
      if (code === 10005) onTooMany(items.length);
      if (items.length < 2) return [{ id: idOf(items[0]!), ok: false, error: error as never }];
      onSplit();
      const mid = Math.ceil(items.length / 2);
      return [...(await run(items.slice(0, mid))), ...(await run(items.slice(mid)))];
    }
  };
  return run;
}

/** Shared member writes and reads for one client. */
export class MemberBatcher {
  /** Counts so far. */
  readonly stats: MemberBatchStats = { splits: 0 };
  private addLimit: number;
  private readonly adds: KeyedBatcher<string, MemberWriteOutcome>;
  private readonly imports: KeyedBatcher<ImportMemberItem, MemberWriteOutcome>;
  private readonly deletes: KeyedBatcher<string, void>;
  private readonly roles: KeyedBatcher<string, WireMemberRole | "NotMember">;
  private readonly infos: KeyedBatcher<string, MemberInfo | undefined>;

  constructor(source: MemberSource, options: MemberBatchOptions = {}) {
    const limit = options.addLimit ?? BATCH_LIMITS.add_group_member;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new RangeError(`addLimit must be an integer from 1 to 500, got ${limit}`);
    this.addLimit = limit;
    const split = () => this.stats.splits++;
    const lower = (size: number) => {
      this.addLimit = Math.max(1, Math.min(this.addLimit, Math.floor(size / 2)));
    };
    const group = (key: string): { GroupId: string; Silence?: number } =>
      JSON.parse(key) as { GroupId: string; Silence?: number };
    this.adds = new KeyedBatcher(
      (key, accounts) => {
        const g = group(key);
        const send = async (list: string[]) =>
          memberWriteOutcomes("add_group_member", g.GroupId, list, {
            MemberList: await source.addGroupMember({
              ...g,
              MemberList: list.map((Member_Account) => ({ Member_Account })),
            }),
          });
        return splitting(send, (a) => a, split, lower)(accounts);
      },
      (a) => a,
      () => this.addLimit,
      options,
    );
    this.imports = new KeyedBatcher(
      (groupId, items) =>
        splitting(
          (list: ImportMemberItem[]) =>
            source.importGroupMember({
              GroupId: groupId,
              MemberList: list.map((i) => ({
                Member_Account: i.account,
                ...(i.role ? { Role: i.role } : {}),
                ...(i.joinTime !== undefined ? { JoinTime: i.joinTime } : {}),
              })),
            }),
          (i) => i.account,
          split,
        )(items),
      (i) => i.account,
      () => BATCH_LIMITS.import_group_member,
      options,
    );
    this.deletes = new KeyedBatcher(
      async (key, accounts) => {
        await source.deleteGroupMember({ ...group(key), MemberToDel_Account: accounts } as DeleteGroupMemberRequest);
        return accounts.map((id) => ({ id, ok: true, value: undefined }));
      },
      (a) => a,
      () => BATCH_LIMITS.delete_group_member,
      options,
    );
    this.roles = new KeyedBatcher(
      (g, accounts) => source.getRoleInGroup(g, accounts),
      (a) => a,
      () => BATCH_LIMITS.get_role_in_group,
      options,
    );
    this.infos = new KeyedBatcher(
      (g, accounts) => source.getSpecifiedGroupMemberInfo({ GroupId: g, Member_List_Account: accounts }),
      (a) => a,
      () => BATCH_LIMITS.get_specified_group_member_info,
      options,
    );
  }

  /** Current add_group_member limit (lowered after a 10005). */
  get currentAddLimit(): number {
    return this.addLimit;
  }

  /** Calls made so far, by action. */
  get calls(): Record<"add" | "import" | "delete" | "role" | "info", number> {
    return {
      add: this.adds.stats.calls,
      import: this.imports.stats.calls,
      delete: this.deletes.stats.calls,
      role: this.roles.stats.calls,
      info: this.infos.stats.calls,
    };
  }

  /** Add one member (add_group_member, shared): "added", "already-member" or "pending"; Result 0 rejects this caller. */
  add(groupId: string, account: string, options: { silence?: boolean } = {}): Promise<MemberWriteOutcome> {
    return this.adds.submit(JSON.stringify({ GroupId: groupId, ...(options.silence ? { Silence: 1 } : {}) }), account);
  }

  /** Import one member (import_group_member, shared, ≤300 per call): "added" or "already-member". */
  import(groupId: string, item: ImportMemberItem): Promise<MemberWriteOutcome> {
    return this.imports.submit(groupId, item);
  }

  /** Remove one member (delete_group_member, shared, ≤100 per call); a non-member counts as removed. */
  remove(groupId: string, account: string, options: { silence?: boolean; reason?: string } = {}): Promise<void> {
    const key = {
      GroupId: groupId,
      ...(options.silence ? { Silence: 1 } : {}),
      ...(options.reason ? { Reason: options.reason } : {}),
    };
    return this.deletes.submit(JSON.stringify(key), account);
  }

  /** One account's role (get_role_in_group, shared, ≤500 per call): Owner / Admin / Member / NotMember. */
  role(groupId: string, account: string): Promise<WireMemberRole | "NotMember"> {
    return this.roles.submit(groupId, account);
  }

  /** One member's record (get_specified_group_member_info, shared, ≤50 per call), undefined for a non-member. */
  member(groupId: string, account: string): Promise<MemberInfo | undefined> {
    return this.infos.submit(groupId, account);
  }
}

/** Shared account checks, imports, profile reads and deletes for one client (≤100 per call each). */
export class AccountBatcher {
  private readonly checks: KeyedBatcher<string, boolean>;
  private readonly imports: KeyedBatcher<WireAccountItem, true>;
  private readonly profiles: KeyedBatcher<string, AccountProfile>;
  private readonly deletes: KeyedBatcher<string, AccountDeleteOutcome>;

  constructor(source: AccountSource, timing: KeyedBatchTiming = {}) {
    this.checks = new KeyedBatcher(
      (_k, ids) => source.accountCheckItems(ids),
      (id) => id,
      () => BATCH_LIMITS.account_check,
      timing,
    );
    this.imports = new KeyedBatcher(
      (_k, items) => source.multiAccountImport(items),
      (a) => a.UserID,
      () => BATCH_LIMITS.multiaccount_import,
      timing,
    );
    const missing = (what: string) => () => Promise.reject(new TypeError(`this account source has no ${what}`));
    this.profiles = new KeyedBatcher(
      (_k, ids) => (source.portraitGet ? source.portraitGet(ids) : missing("portraitGet")()),
      (id) => id,
      () => BATCH_LIMITS.portrait_get,
      timing,
    );
    this.deletes = new KeyedBatcher(
      (_k, ids) => (source.accountDelete ? source.accountDelete(ids) : missing("accountDelete")()),
      (id) => id,
      () => BATCH_LIMITS.account_delete,
      timing,
    );
  }

  /** Check and import calls made so far. */
  get calls(): Record<"check" | "import", number> {
    return { check: this.checks.stats.calls, import: this.imports.stats.calls };
  }

  /** Calls made so far, by action, profile reads and deletes included. */
  get callsByAction(): Record<"check" | "import" | "profile" | "delete", number> {
    return { ...this.calls, profile: this.profiles.stats.calls, delete: this.deletes.stats.calls };
  }

  /** Whether the account is imported (account_check, shared). */
  isImported(userId: string): Promise<boolean> {
    return this.checks.submit("", userId);
  }

  /** Import (or update the Nick/FaceUrl of) one account (multiaccount_import, shared). */
  importAccount(account: WireAccountItem): Promise<void> {
    return this.imports.submit("", account).then(() => undefined);
  }

  /** One account's Nick and FaceUrl (portrait_get, shared); an account never imported rejects with its own error. */
  profile(userId: string): Promise<AccountProfile> {
    return this.profiles.submit("", userId);
  }

  /** Delete one account (account_delete, shared; irreversible): "deleted", or "absent" when it did not exist. */
  remove(userId: string): Promise<AccountDeleteOutcome> {
    return this.deletes.submit("", userId);
  }
}
