/**
 * Reading a whole app: every group id (get_appid_group_list, paged at its 1 call/s quota by the client's limiter),
 * the groups in calls of 50 (get_group_info with the provider's ResponseFilter: the managed fields and the configured
 * custom keys, never member lists; a 10018 halves the call), with `--members` each group's membership
 * (get_group_member_info with a MemberInfoFilter), and which owners and members are not imported accounts
 * (account_check, 100 per call). Reads start as soon as the first page of ids arrives.
 */
import type { GetGroupInfoRequest, WireGroupInfo } from "../../protocol/wire";
import { getGroupInfoSplitting, planChunks } from "../../provider/client/batch";
import type { ChatClient } from "../../provider/client/client";
import { isNotFound } from "../../provider/client/errors";
import { MAX_GROUP_LIST_LIMIT } from "../../provider/client/groups";
import { READ_BASE_INFO_FILTER } from "../../provider/resource/mapping";
import type { LiveMember } from "./declare";

/** What {@link readApp} reports while it works (see progress.ts). */
export interface ReadEvents {
  listed(ids: number, total: number, pages: number): void;
  read(groups: number): void;
  membersRead(groups: number, members: number, of: number): void;
}

/** Options of {@link readApp}. */
export interface ReadOptions {
  /** get_appid_group_list `GroupType` filter. */
  type?: string;
  /** Read memberships too. */
  members: boolean;
  /** Custom group field keys to ask for (the `appDefinedKeys` setting). */
  appDefinedKeys: readonly string[];
  /** Ids per listing page; default the maximum, 10,000. */
  pageSize?: number;
  /** get_group_info / get_group_member_info calls in flight; default 32 (the limiter paces them). */
  concurrency?: number;
  events?: Partial<ReadEvents>;
  /** Called with each group as soon as its batch is read (the export declares it meanwhile, while reads pace). */
  onGroup?: (info: WireGroupInfo) => void;
}

/** One group as read. */
export interface LiveGroup {
  info: WireGroupInfo;
  /** Its members (with `members`); absent for AVChatRoom groups, which refuse member reads. */
  members?: LiveMember[];
}

/** The app as read. */
export interface LiveApp {
  groups: LiveGroup[];
  /** Listed, then gone before they could be read (deleted meanwhile). */
  gone: string[];
  /** Owners and members that are not imported accounts: account → groups naming it. */
  missingAccounts: Map<string, string[]>;
  /** Calls made, per action (for the summary and the benchmark). */
  calls: Record<string, number>;
}

/** Runs `work` over `items` with at most `limit` running at once; the first failure rejects (after the others stop). */
async function pool<T>(items: AsyncIterable<T> | Iterable<T>, limit: number, work: (t: T) => Promise<void>) {
  const running = new Set<Promise<void>>();
  let failure: unknown;
  for await (const item of items) {
    if (failure !== undefined) break;
    const p: Promise<void> = work(item).then(
      () => void running.delete(p),
      (e: unknown) => {
        running.delete(p);
        failure ??= e;
      },
    );
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure;
}

/** {@link readApp}: the whole app, or a thrown error naming what failed (the caller writes nothing then). */
export async function readApp(chat: ChatClient, options: ReadOptions): Promise<LiveApp> {
  const events = options.events ?? {};
  const limit = options.concurrency ?? 32;
  const calls: Record<string, number> = {
    get_appid_group_list: 0,
    get_group_info: 0,
    get_group_member_info: 0,
    account_check: 0,
  };
  const filter: NonNullable<GetGroupInfoRequest["ResponseFilter"]> = {
    GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER],
    ...(options.appDefinedKeys.length > 0 ? { AppDefinedDataFilter_Group: [...options.appDefinedKeys] } : {}),
  };
  const groups: LiveGroup[] = [];
  const gone: string[] = [];
  let listed = 0;

  // Pages of ids, as batches of up to 50, yielded as soon as each page arrives.
  async function* batches(): AsyncGenerator<string[]> {
    let next = "0";
    let pages = 0;
    const seen = new Set<string>();
    do {
      const page = await chat.getAppidGroupList({
        Limit: options.pageSize ?? MAX_GROUP_LIST_LIMIT,
        Next: next,
        ...(options.type !== undefined ? { GroupType: options.type } : {}),
      });
      calls.get_appid_group_list++;
      pages++;
      // A group created between pages can shift the listing; never read (or declare) an id twice.
      const fresh = page.GroupIdList.filter((id) => !seen.has(id) && (seen.add(id), true));
      listed += fresh.length;
      events.listed?.(listed, Math.max(page.TotalCount, listed), pages);
      yield* planChunks(fresh);
      next = page.Next;
    } while (next !== "0");
  }

  const source = {
    getGroupInfo: (r: GetGroupInfoRequest) => {
      calls.get_group_info++;
      return chat.getGroupInfo(r);
    },
  };
  await pool(batches(), limit, async (ids) => {
    const entries = await getGroupInfoSplitting(source, { GroupIdList: ids, ResponseFilter: filter });
    for (const e of entries) {
      if (e.ok) {
        groups.push({ info: e.group });
        options.onGroup?.(e.group);
      } else if (isNotFound(e.error)) gone.push(e.GroupId);
      else throw e.error;
    }
    events.read?.(groups.length);
  });

  if (options.members) {
    let done = 0;
    let count = 0;
    const readable = groups.filter((g) => g.info.Type !== "AVChatRoom");
    await pool(readable, limit, async (g) => {
      const members: LiveMember[] = [];
      const pages = chat.listGroupMembers(g.info.GroupId, {
        community: g.info.Type === "Community",
        MemberInfoFilter: ["Role", "NameCard"],
        pageSize: 500,
      });
      for await (const m of pages)
        members.push({ Member_Account: m.Member_Account, Role: m.Role, NameCard: m.NameCard });
      calls.get_group_member_info += Math.max(1, Math.ceil(members.length / 500));
      g.members = members;
      count += members.length;
      events.membersRead?.(++done, count, readable.length);
    });
  }

  const missingAccounts = await missing(chat, groups, limit, calls);
  groups.sort((a, b) => (a.info.GroupId < b.info.GroupId ? -1 : a.info.GroupId > b.info.GroupId ? 1 : 0));
  return { groups, gone: gone.sort(), missingAccounts, calls };
}

/** Owners and members that account_check says are not imported, with the groups that name them. */
async function missing(
  chat: ChatClient,
  groups: readonly LiveGroup[],
  limit: number,
  calls: Record<string, number>,
): Promise<Map<string, string[]>> {
  const named = new Map<string, string[]>();
  const note = (account: string | undefined, groupId: string) => {
    if (account === undefined || account === "") return;
    const list = named.get(account);
    if (list === undefined) named.set(account, [groupId]);
    else if (list[list.length - 1] !== groupId) list.push(groupId);
  };
  for (const g of groups) {
    note(g.info.Owner_Account, g.info.GroupId);
    for (const m of g.members ?? []) note(m.Member_Account, g.info.GroupId);
  }
  const out = new Map<string, string[]>();
  await pool(planChunks([...named.keys()], 100), limit, async (accounts) => {
    calls.account_check++;
    const found = await chat.accountCheck(accounts);
    for (const a of accounts) if (found.get(a) !== true) out.set(a, named.get(a)!);
  });
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
