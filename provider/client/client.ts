/**
 * {@link ChatClient}: one typed method per REST action, over a keep-alive undici transport, with UserSig handling,
 * a process-wide rate limiter and a conservative retry policy. The request loop lives in ./executor.ts; this file
 * is the typed surface: argument checks and wire shapes in and out; ./recovery.ts looks for lost imports.
 */
import { inspect } from "node:util";
import * as accounts from "./accounts";
import { ACTIONS, type ChatAction } from "../../protocol/actions";
import { ChatApiError, ChatError, ErrorCodes, isNotFound } from "./errors";
import { Executor, type Deadline, type RequestEvent } from "./executor";
import { findLostImportByListing, findLostImportByReadBack, type LostImportLookup } from "./recovery";
import {
  MAX_GROUP_LIST_LIMIT,
  normalizeGroupInfo,
  requireText,
  validateGroupIdList,
  validationError,
  type GroupInfo,
} from "./groups";
import type { ItemResult } from "./items";
import { stringifyWithRawIntegers, toCursor64, type Cursor64 } from "./json64";
import { realClock, sharedLimiters, type LimiterRegistry } from "./limiter";
import * as members from "./members";
import type { Region } from "../../protocol/regions";
import { resolveRetryOptions, type RetryOptions } from "./retry";
import { HttpTransport } from "./transport";
import { resolveBaseUrl } from "./url";
import { createUserSigSource } from "./usersig";
import type {
  AccountCheckResponse,
  AccountImportRequest,
  AddGroupMemberRequest,
  AddGroupMemberResponse,
  ChangeGroupOwnerRequest,
  DestroyGroupRequest,
  GetGroupInfoRequest,
  ImportGroupRequest,
  ModifyGroupBaseInfoRequest,
  WireGroupInfo,
} from "../../protocol/wire";
import type * as wire from "../../protocol/wire";

/** Options of {@link ChatClient}. Give exactly one of `secretKey` and `userSig`. */
export interface ChatClientOptions {
  /** The app's SDKAppID. */
  sdkAppId: number;
  /** An App admin account (the `identifier` query parameter). */
  identifier: string;
  /** The app's secret key: the client generates UserSigs and renews them before they expire. */
  secretKey?: string;
  /** A pre-generated UserSig for `identifier`; on expiry (70001) calls fail with a message to replace it. */
  userSig?: string;
  /** Validity of generated UserSigs in seconds. Default 86400. */
  userSigExpireSeconds?: number;
  /** Region of the app (see REGIONS). Default `"china"`. Ignored when `endpoint` is set. */
  region?: Region;
  /** Base URL override, http(s) only, e.g. the emulator's `http://127.0.0.1:43127`. */
  endpoint?: string;
  /** Deadline per request (headers and body) in ms. Default 10000. */
  timeoutMs?: number;
  /**
   * Time budget of one method call in ms: every attempt and the back-off between them (for import_group, its
   * read-back too). Each attempt's timeout is cut to what is left; waiting for a rate-limit token is not counted.
   * Default 30000. A call that gives up says how many attempts it made over how long.
   */
  deadlineMs?: number;
  /** Maximum pooled connections per origin. Default 16. */
  connections?: number;
  /** Retries: a number of RETRIES (0 = off) or backoff options. Default 5 attempts, 100 ms base, 5 s cap. */
  retry?: number | Partial<RetryOptions>;
  /**
   * Client-side rate limiting, shared process-wide per endpoint + SDKAppID + action. Default: on, at each action's
   * documented quota. `false` turns it off; `perSecond` lowers quotas; `registry` isolates limiters (tests).
   */
  rateLimit?: false | { perSecond?: Partial<Record<ChatAction, number>>; registry?: LimiterRegistry };
  /** Clock (ms since the epoch) for UserSig renewal. Default `Date.now`. */
  clock?: () => number;
  /** Sleep between retries. Default `setTimeout`. Tests inject a zero-delay sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** `[0,1)` randomness for backoff jitter and the `random` query parameter. Default `Math.random`. */
  random?: () => number;
  /** Called after every attempt with the action and outcome only (never the URL, key or UserSig). */
  onRequest?: (event: RequestEvent) => void;
  /**
   * After an import without a custom GroupId loses its answer, wait this long from the request's start before
   * looking for the group, so the service has finished with it (its own timeout is 3 s); after a destroy_group
   * attempt ends ambiguously, wait this long from its end before returning, so it cannot land on a group created
   * next with the same id. Default 3500.
   */
  ambiguitySettleMs?: number;
  /** The most groups of the type that looking for a lost import may scan. Default 20000. */
  ambiguityScanLimit?: number;
}

/** Result of {@link ChatClient.importGroup}. */
export interface ImportGroupResult {
  /** The id of the imported group (assigned by the service or the custom one sent). */
  GroupId: string;
  /** True when the answer was lost and the group was confirmed by reading it back (custom GroupId only). */
  confirmedByReadBack: boolean;
}

/** One per-id result of {@link ChatClient.getGroupInfo}: the group, or the error for that id. */
export type GroupInfoEntry =
  { GroupId: string; ok: true; group: GroupInfo } | { GroupId: string; ok: false; error: ChatError };

/** Request of {@link ChatClient.getAppidGroupList}; `Next` may be a decimal string, bigint or safe integer. */
export interface GroupListRequest {
  Limit?: number;
  Next?: string | bigint | number;
  GroupType?: string;
}

/** Answer of {@link ChatClient.getAppidGroupList}; `Next` is an exact decimal string, `"0"` when done. */
export interface GroupListPage {
  TotalCount: number;
  GroupIdList: string[];
  Next: Cursor64;
}

/**
 * Typed client of the Tencent Cloud Chat group REST API.
 *
 * @example
 * const chat = new ChatClient({ sdkAppId: 1400000000, identifier: "administrator", secretKey, region: "singapore" });
 * const { GroupId } = await chat.importGroup({ Type: "Public", Name: "ops", GroupId: "ops-room" });
 * await chat.close();
 */
export class ChatClient {
  private readonly exec: Executor;
  private readonly transport: HttpTransport;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly settleMs: number;
  private readonly scanLimit: number;
  /** Base URL the client talks to (no secrets). */
  readonly baseUrl: string;
  /** The app's SDKAppID. */
  readonly sdkAppId: number;

  constructor(options: ChatClientOptions) {
    const { secretKey, userSig, sdkAppId, identifier } = options;
    const creds =
      secretKey !== undefined
        ? { sdkAppId, identifier, secretKey }
        : { sdkAppId, identifier, userSig: userSig as string };
    if (secretKey !== undefined && userSig !== undefined) {
      throw new ChatError(
        ErrorCodes.Config,
        "Tencent Cloud Chat credentials: set either secretKey or userSig, not both.",
      );
    }
    const sig = createUserSigSource(creds, { expireSeconds: options.userSigExpireSeconds, clock: options.clock });
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? realClock.sleep;
    this.settleMs = options.ambiguitySettleMs ?? 3500;
    this.scanLimit = options.ambiguityScanLimit ?? 20_000;
    this.baseUrl = resolveBaseUrl({ region: options.region, endpoint: options.endpoint });
    this.sdkAppId = sdkAppId;
    this.transport = new HttpTransport({ timeoutMs: options.timeoutMs, connections: options.connections });
    const rate = options.rateLimit;
    this.exec = new Executor({
      baseUrl: this.baseUrl,
      sdkAppId,
      identifier,
      sig,
      transport: this.transport,
      retry: resolveRetryOptions(options.retry),
      limiters: rate === false ? undefined : (rate?.registry ?? sharedLimiters),
      perSecond: rate === false ? {} : (rate?.perSecond ?? {}),
      sleep: options.sleep,
      random: options.random ?? Math.random,
      onRequest: options.onRequest,
      deadlineMs: options.deadlineMs,
    });
  }

  /**
   * import_group: create a group without webhooks or notifications. Never repeated blindly: if the answer is lost,
   * without a custom GroupId this throws `CHAT_ERR_AMBIGUOUS_CREATE`; with one, the group is read back and the
   * call succeeds if it is ours, fails with 10021 if another group holds the id, and is retried if it is absent.
   */
  async importGroup(request: ImportGroupRequest): Promise<ImportGroupResult> {
    requireText("import_group", "Type", request.Type);
    requireText("import_group", "Name", request.Name);
    if (request.GroupId !== undefined) requireText("import_group", "GroupId", request.GroupId);
    const customId = request.GroupId;
    const startedAt = this.clock();
    const deadline = this.exec.newDeadline(); // the read-back shares the import's budget
    let confirmedByReadBack = false;
    const readBack = async (error: unknown): Promise<"retry" | Record<string, unknown>> => {
      const lookup = this.lostImportLookup(deadline);
      const answer =
        customId === undefined
          ? await findLostImportByListing(lookup, request, startedAt, error)
          : await findLostImportByReadBack(lookup, request, customId, error);
      if (answer !== "retry") confirmedByReadBack = true;
      return answer;
    };
    const body = await this.exec.run("import_group", JSON.stringify(request), {
      deadline,
      groupId: customId,
      hasCustomGroupId: customId !== undefined,
      onAmbiguous: (error) => readBack(error),
      // A conflict on a repeat after a lost answer may be our own first attempt landing late: read back first.
      onConflictAfterAmbiguous: customId === undefined ? undefined : (error) => readBack(error),
    });
    const GroupId = typeof body.GroupId === "string" && body.GroupId ? body.GroupId : customId;
    if (!GroupId) {
      throw new ChatError(
        ErrorCodes.Protocol,
        "Tencent Cloud Chat import_group succeeded but the answer has no GroupId.",
        {
          action: "import_group",
          delivery: "ambiguous",
        },
      );
    }
    return { GroupId, confirmedByReadBack };
  }

  /** What looking for a lost import needs of this client, all within the import's `deadline`. */
  private lostImportLookup(deadline: Deadline): LostImportLookup {
    return {
      clock: this.clock,
      sleep: this.sleep,
      settleMs: this.settleMs,
      scanLimit: this.scanLimit,
      groupInfo: (request) => this.groupInfoWithin(request, deadline),
      groupIds: (request) => this.groupIdsWithin(request, deadline),
    };
  }

  /** get_group_info for 1–50 ids; every id gets its own entry: the group, or a ChatApiError for that id. */
  async getGroupInfo(request: GetGroupInfoRequest): Promise<GroupInfoEntry[]> {
    return this.groupInfoWithin(request);
  }

  /** {@link getGroupInfo} within a given budget (a read-back shares the import's). */
  private async groupInfoWithin(request: GetGroupInfoRequest, deadline?: Deadline): Promise<GroupInfoEntry[]> {
    validateGroupIdList(request.GroupIdList);
    const body = await this.exec.run("get_group_info", JSON.stringify(request), { deadline });
    const list = Array.isArray(body.GroupInfo) ? (body.GroupInfo as WireGroupInfo[]) : [];
    const byId = new Map(list.filter((g) => g && typeof g.GroupId === "string").map((g) => [g.GroupId, g]));
    return request.GroupIdList.map((GroupId): GroupInfoEntry => {
      const g = byId.get(GroupId);
      if (!g) {
        const error = new ChatError(
          ErrorCodes.Protocol,
          `Tencent Cloud Chat get_group_info answered without an entry for group ${JSON.stringify(GroupId)}.`,
          { action: "get_group_info", groupId: GroupId },
        );
        return { GroupId, ok: false, error };
      }
      const code = typeof g.ErrorCode === "number" ? g.ErrorCode : 0;
      if (code !== 0)
        return {
          GroupId,
          ok: false,
          error: new ChatApiError("get_group_info", code, g.ErrorInfo ?? "", { groupId: GroupId }),
        };
      return { GroupId, ok: true, group: normalizeGroupInfo(g) };
    });
  }

  /** One group by id, or `undefined` when it does not exist (10010/10015); other per-id errors are thrown. */
  async getGroup(
    groupId: string,
    responseFilter?: GetGroupInfoRequest["ResponseFilter"],
  ): Promise<GroupInfo | undefined> {
    const [entry] = (await this.getGroupInfo({
      GroupIdList: [groupId],
      ...(responseFilter ? { ResponseFilter: responseFilter } : {}),
    })) as [GroupInfoEntry];
    if (entry.ok) return entry.group;
    if (isNotFound(entry.error)) return undefined;
    throw entry.error;
  }

  /** modify_group_base_info. Note `MaxMemberNum` (not MaxMemberCount); AppDefinedData `Value: ""` deletes a key. */
  async modifyGroupBaseInfo(request: ModifyGroupBaseInfoRequest): Promise<void> {
    requireText("modify_group_base_info", "GroupId", request.GroupId);
    await this.exec.run("modify_group_base_info", JSON.stringify(request), { groupId: request.GroupId });
  }

  /**
   * destroy_group. A missing group throws a not-found ChatApiError (10010); IaC callers treat it as done.
   *
   * If an attempt ended ambiguously (timeout, reset, lost answer), that request may still be applied later, and a
   * group created meanwhile with the same id (a delete-first replacement) would be deleted by it. So the call
   * returns or throws only once the service is surely done with every attempt: `ambiguitySettleMs` after the last
   * ambiguous one ended (the service's own timeout is 3 s). Clean calls never wait.
   */
  async destroyGroup(request: DestroyGroupRequest): Promise<void> {
    requireText("destroy_group", "GroupId", request.GroupId);
    let lastAmbiguousAt: number | undefined;
    try {
      await this.exec.run("destroy_group", JSON.stringify(request), {
        groupId: request.GroupId,
        onAmbiguousAttempt: () => {
          lastAmbiguousAt = this.clock();
        },
      });
    } finally {
      if (lastAmbiguousAt !== undefined) {
        const wait = lastAmbiguousAt + this.settleMs - this.clock();
        if (wait > 0) await this.sleep(wait);
      }
    }
  }

  /** change_group_owner. The new owner must already be a member. */
  async changeGroupOwner(request: ChangeGroupOwnerRequest): Promise<void> {
    requireText("change_group_owner", "GroupId", request.GroupId);
    requireText("change_group_owner", "NewOwner_Account", request.NewOwner_Account);
    await this.exec.run("change_group_owner", JSON.stringify(request), { groupId: request.GroupId });
  }

  /** get_appid_group_list, one page. `Next` round-trips exactly, even above 2^53 (sent as a raw JSON number). */
  async getAppidGroupList(request: GroupListRequest = {}): Promise<GroupListPage> {
    return this.groupPageWithin(request);
  }

  /** {@link getAppidGroupList} within a given budget. */
  private async groupPageWithin(request: GroupListRequest, deadline?: Deadline): Promise<GroupListPage> {
    const { Next, ...rest } = request;
    if (
      rest.Limit !== undefined &&
      (!Number.isInteger(rest.Limit) || rest.Limit < 1 || rest.Limit > MAX_GROUP_LIST_LIMIT)
    ) {
      throw validationError(
        "get_appid_group_list",
        `Limit must be an integer from 1 to ${MAX_GROUP_LIST_LIMIT}, got ${String(rest.Limit)}.`,
      );
    }
    const raw: Record<string, Cursor64> = {};
    if (Next !== undefined) {
      const cursor = toCursor64(Next);
      if (cursor === undefined) {
        throw validationError(
          "get_appid_group_list",
          `Next must be a non-negative 64-bit integer (the previous page's Next), got ${String(Next)}.`,
        );
      }
      raw.Next = cursor;
    }
    const body = await this.exec.run("get_appid_group_list", stringifyWithRawIntegers(rest, raw), { deadline });
    const ids = Array.isArray(body.GroupIdList) ? (body.GroupIdList as { GroupId?: unknown }[]) : [];
    const next = body.Next === undefined ? "0" : toCursor64(body.Next as string | number);
    if (next === undefined) {
      throw new ChatError(
        ErrorCodes.Protocol,
        "Tencent Cloud Chat get_appid_group_list answered with an invalid Next cursor.",
        {
          action: "get_appid_group_list",
        },
      );
    }
    return {
      TotalCount: typeof body.TotalCount === "number" ? body.TotalCount : ids.length,
      GroupIdList: ids.map((g) => g?.GroupId).filter((id): id is string => typeof id === "string"),
      Next: next,
    };
  }

  /** Every group id of the app, page by page (respects get_appid_group_list's 1 call/s through the limiter). */
  async *listAllGroupIds(request: Omit<GroupListRequest, "Next"> = {}): AsyncGenerator<string> {
    yield* this.groupIdsWithin(request);
  }

  /** {@link listAllGroupIds}; with a budget, every page shares it. */
  private async *groupIdsWithin(request: Omit<GroupListRequest, "Next">, deadline?: Deadline): AsyncGenerator<string> {
    let next: Cursor64 = "0";
    do {
      const page: GroupListPage = await this.groupPageWithin({ ...request, Next: next }, deadline);
      yield* page.GroupIdList;
      next = page.Next;
    } while (next !== "0");
  }

  /** add_group_member; returns the per-member results (Result 1 added, 2 already a member, 0 failed, 3 pending). */
  async addGroupMember(request: AddGroupMemberRequest): Promise<NonNullable<AddGroupMemberResponse["MemberList"]>> {
    requireText("add_group_member", "GroupId", request.GroupId);
    if (!Array.isArray(request.MemberList) || request.MemberList.length === 0) {
      throw validationError("add_group_member", "MemberList must name at least one member.");
    }
    request.MemberList.forEach((m, i) =>
      requireText("add_group_member", `MemberList[${i}].Member_Account`, m?.Member_Account),
    );
    const body = await this.exec.run("add_group_member", JSON.stringify(request), { groupId: request.GroupId });
    return Array.isArray(body.MemberList) ? (body.MemberList as NonNullable<AddGroupMemberResponse["MemberList"]>) : [];
  }

  /** im_open_login_svc/account_import: make a user id known to the app (owners and members must be imported). */
  async accountImport(request: AccountImportRequest): Promise<void> {
    requireText("account_import", "UserID", request.UserID);
    await this.exec.run("account_import", JSON.stringify(request));
  }

  /**
   * im_open_login_svc/account_check: which of 1–100 user ids are imported accounts
   * (https://cloud.tencent.com/document/product/269/38417). Returns id → imported; an item whose own ResultCode is
   * not 0 is thrown as that id's error.
   */
  async accountCheck(userIds: readonly string[]): Promise<Map<string, boolean>> {
    if (userIds.length === 0 || userIds.length > 100)
      throw validationError("account_check", `1 to 100 UserIDs per call, got ${userIds.length}.`);
    userIds.forEach((id, i) => requireText("account_check", `CheckItem[${i}].UserID`, id));
    const body = await this.exec.run(
      "account_check",
      JSON.stringify({ CheckItem: userIds.map((UserID) => ({ UserID })) }),
    );
    const items = Array.isArray(body.ResultItem)
      ? (body.ResultItem as NonNullable<AccountCheckResponse["ResultItem"]>)
      : [];
    const out = new Map<string, boolean>();
    for (const id of userIds) {
      const item = items.find((x) => x && x.UserID === id);
      if (!item)
        throw new ChatError(
          ErrorCodes.Protocol,
          `Tencent Cloud Chat account_check answered without an item for ${JSON.stringify(id)}.`,
          { action: "account_check" },
        );
      if (item.ResultCode !== 0) throw new ChatApiError("account_check", item.ResultCode, item.ResultInfo ?? "");
      out.set(id, item.AccountStatus === "Imported");
    }
    return out;
  }

  // Accounts, profiles and members: the bodies live in ./accounts.ts and ./members.ts (per-item results, ./items.ts).

  /** account_check with one entry per id (imported or not, or that id's own error); never throws for one id. */
  accountCheckItems = (ids: readonly string[]): Promise<ItemResult<boolean>[]> =>
    accounts.accountCheckItems(this.exec, ids);
  /** multiaccount_import (≤100, current AccountList form: re-importing updates Nick/FaceUrl); FailAccounts per id. */
  multiAccountImport = (list: readonly wire.WireAccountItem[]): Promise<ItemResult<true>[]> =>
    accounts.multiAccountImport(this.exec, list);
  /** account_delete (≤100; irreversible): "deleted", or "absent" for a missing id (70107). */
  accountDelete = (ids: readonly string[]): Promise<ItemResult<accounts.AccountDeleteOutcome>[]> =>
    accounts.accountDelete(this.exec, ids);
  /** portrait_set for one user: Nick (Tag_Profile_IM_Nick), FaceUrl (Tag_Profile_IM_Image), further tags. */
  portraitSet = (input: accounts.PortraitSetInput): Promise<void> => accounts.portraitSet(this.exec, input);
  /** portrait_get for ≤100 users: each user's profile, or its own error (e.g. 40003 not imported). */
  portraitGet = (ids: readonly string[], tags?: readonly string[]): Promise<ItemResult<accounts.AccountProfile>[]> =>
    accounts.portraitGet(this.exec, ids, tags);
  /** import_group_member (≤300; Role "Admin" only; JoinTime): per-member outcome or error. */
  importGroupMember = (r: wire.ImportGroupMemberRequest): Promise<ItemResult<members.MemberWriteOutcome>[]> =>
    members.importGroupMember(this.exec, r);
  /** delete_group_member (≤100); removing a non-member succeeds. */
  deleteGroupMember = (r: wire.DeleteGroupMemberRequest): Promise<void> => members.deleteGroupMember(this.exec, r);
  /** modify_group_member_info for one member (Role Admin/Member, NameCard ≤50 bytes, MuteTime, MsgFlag, custom data). */
  modifyGroupMemberInfo = (r: wire.ModifyGroupMemberInfoRequest): Promise<void> =>
    members.modifyGroupMemberInfo(this.exec, r);
  /** get_role_in_group for ≤500 accounts: Owner / Admin / Member / NotMember each. */
  getRoleInGroup = (
    groupId: string,
    ids: readonly string[],
  ): Promise<ItemResult<wire.WireMemberRole | "NotMember">[]> => members.getRoleInGroup(this.exec, groupId, ids);
  /** get_specified_group_member_info for ≤50 accounts: each member record, or undefined for a non-member. */
  getSpecifiedGroupMemberInfo = (
    r: wire.GetSpecifiedGroupMemberInfoRequest,
  ): Promise<ItemResult<members.MemberInfo | undefined>[]> => members.getSpecifiedGroupMemberInfo(this.exec, r);
  /** get_group_member_info, one page; `Next` (Communities) is a lossless decimal string, "" when done. */
  getGroupMemberInfo = (r: wire.GetGroupMemberInfoRequest): Promise<members.MemberPage> =>
    members.getGroupMemberInfo(this.exec, r);
  /** Every member of a group, paging with Offset (or Next for Communities). */
  listGroupMembers = (groupId: string, options: members.ListMembersOptions): AsyncGenerator<members.MemberInfo> =>
    members.listGroupMembers(this.exec, groupId, options);

  /** Close pooled connections; the client must not be used afterwards. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  /** A secret-free summary: the key and UserSig live in closures and never appear here. */
  toJSON(): Record<string, unknown> {
    return { type: "ChatClient", baseUrl: this.baseUrl, sdkAppId: this.sdkAppId, actions: Object.keys(ACTIONS).length };
  }

  /** Same summary for `util.inspect` / `console.log`. */
  [inspect.custom](): string {
    return `ChatClient { baseUrl: ${JSON.stringify(this.baseUrl)}, sdkAppId: ${this.sdkAppId} }`;
  }
}
