/**
 * Batched group reads: concurrent `getGroup(id)` calls in one process coalesce into get_group_info calls of up to 50
 * ids (the API's limit, https://cloud.tencent.com/document/product/269/1616), so a refresh of N groups costs about N/50
 * calls instead of N.
 *
 * When a batch goes out:
 * - as soon as {@link BatchOptions.maxBatch} distinct ids are waiting (a full chunk never waits);
 * - otherwise once reads have stopped arriving: no new read in the last loop turn AND none for a quiet time
 *   ({@link BatchOptions.quietMs}, 2 ms, for a lone read; {@link BatchOptions.burstQuietMs}, 25 ms, in a burst). Both, because the host decodes a refresh's gRPC requests in chunks with
 *   idle turns between them (a turn rule alone splits there), and under load one turn can outlast the quiet time
 *   (a time rule alone splits there). A lone read pays those few ms, small beside a round trip to the service.
 *   The wait is bounded by {@link BatchOptions.maxHoldMs};
 * - but while a partial batch is in flight the next partial one waits for it to finish (Nagle-style), so reads that
 *   trickle in during one round trip share the next call; {@link BatchOptions.maxHoldMs} bounds that wait.
 *
 * Every caller gets its own result: the group, `undefined` when it does not exist (10010/10015), or that id's own
 * error; a failure of a whole call rejects only the callers in that call.
 *
 * Answer size: without a ResponseFilter get_group_info returns every member of every group, and the service refuses
 * answers over 1 MB with 10018 (https://cloud.tencent.com/document/product/269/1616). The provider therefore gives
 * the batcher a {@link BatchOptions.responseFilter} naming only the fields it manages; reads whose filter differs from
 * it only in `AppDefinedDataFilter_Group` share calls (keys united, each caller sees only its own keys). Should 10018
 * still come back, the call is halved and each half retried ({@link getGroupInfoSplitting}), down to single ids.
 *
 * Ids are de-duplicated only among reads not yet sent: a read never joins a call already in flight, so a read
 * issued after a write sees the write.
 */
import type { GroupInfoEntry } from "./client";
import { ChatError, ErrorCodes, isChatApiError, isNotFound } from "./errors";
import { MAX_GROUP_INFO_IDS, type GroupInfo } from "./groups";
import type { GetGroupInfoRequest } from "../../protocol/wire";

/** What the batcher needs from a client: get_group_info with one entry per requested id. */
export interface GroupInfoSource {
  getGroupInfo(request: GetGroupInfoRequest): Promise<GroupInfoEntry[]>;
}

/** Tuning of a {@link GroupReadBatcher}; the defaults suit the provider. */
export interface BatchOptions {
  /** Most ids per get_group_info call, 1..50. Default 50. */
  maxBatch?: number;
  /** Longest a partial batch waits, for more reads or behind an in-flight one, in ms. Default 200. */
  maxHoldMs?: number;
  /** A lone read goes out once no other read has arrived for this long, in ms. Default 2. */
  quietMs?: number;
  /**
   * During a burst (more than one read waiting, or a batch of several sent in the last 100 ms) a partial batch waits this long
   * for more reads, in ms, riding out the host's pauses (e.g. garbage collection) mid-refresh. Default 25.
   */
  burstQuietMs?: number;
  /** Run `fn` on a later event-loop turn. Default `setImmediate`. */
  defer?: (fn: () => void) => void;
  /** Milliseconds, for {@link BatchOptions.maxHoldMs}. Default `performance.now`. */
  now?: () => number;
  /**
   * ResponseFilter of every batched call. Its `AppDefinedDataFilter_Group` names keys asked for (and returned to
   * every caller) always; each call adds the keys its callers name. Default none: full answers, member lists included.
   */
  responseFilter?: ResponseFilter;
}

/** get_group_info's ResponseFilter. */
export type ResponseFilter = NonNullable<GetGroupInfoRequest["ResponseFilter"]>;

/** Reply too large (10018): the call named too many groups, or too much of each. */
function isReplyTooLarge(e: unknown): boolean {
  return isChatApiError(e) && e.errorCode === 10018;
}

/**
 * get_group_info that never fails a whole batch on 10018 (answer over 1 MB): the ids are halved and each half asked
 * again, recursively, so only an id whose answer alone is too large fails (its callers only, with 10018).
 * `onSplit` counts the halvings.
 */
export async function getGroupInfoSplitting(
  source: GroupInfoSource,
  request: GetGroupInfoRequest,
  onSplit: () => void = () => {},
): Promise<GroupInfoEntry[]> {
  try {
    return await source.getGroupInfo(request);
  } catch (error) {
    const ids = request.GroupIdList;
    if (!isReplyTooLarge(error)) throw error;
    if (ids.length < 2) return [{ GroupId: ids[0]!, ok: false, error: error as ChatError }];
    onSplit();
    const mid = Math.ceil(ids.length / 2);
    const first = await getGroupInfoSplitting(source, { ...request, GroupIdList: ids.slice(0, mid) }, onSplit);
    const second = await getGroupInfoSplitting(source, { ...request, GroupIdList: ids.slice(mid) }, onSplit);
    return [...first, ...second];
  }
}

/** The filter without its custom-field keys, as a comparable string ("" for none). */
function filterShape(filter: ResponseFilter | undefined): string {
  if (filter === undefined) return "";
  const { AppDefinedDataFilter_Group: _keys, ...rest } = filter;
  void _keys;
  return JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, [...(rest as Record<string, string[]>)[k]!].sort()]),
  );
}

/** Counts of a batcher's work (for tests and benchmarks). */
export interface BatchStats {
  /** `getGroup` calls received. */
  reads: number;
  /** get_group_info calls made. */
  calls: number;
  /** Ids sent in those calls (after de-duplication). */
  ids: number;
  /** Calls halved after a 10018 (answer over 1 MB). */
  splits: number;
}

interface Waiter {
  resolve(group: GroupInfo | undefined): void;
  reject(error: unknown): void;
  /** Custom-field keys this caller asked for (undefined: none asked, the answer's own). */
  keys?: readonly string[];
}

/** The group as one caller asked for it: custom fields trimmed to its own keys when it named some. */
function forWaiter(group: GroupInfo, w: Waiter, copy: boolean): GroupInfo {
  const out = copy ? structuredClone(group) : group;
  if (w.keys !== undefined && Array.isArray(out.AppDefinedData)) {
    const wanted = new Set(w.keys);
    return { ...out, AppDefinedData: out.AppDefinedData.filter((f) => wanted.has(f.Key)) };
  }
  return out;
}

/**
 * Split ids into consecutive chunks of at most `max`, dropping repeats (first occurrence wins). Pure.
 *
 * @example planChunks(["a", "b", "a", "c"], 2) // [["a", "b"], ["c"]]
 */
export function planChunks(ids: readonly string[], max: number = MAX_GROUP_INFO_IDS): string[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`chunk size must be a positive integer, got ${max}`);
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += max) chunks.push(unique.slice(i, i + max));
  return chunks;
}

/**
 * What one caller of `id` gets from a get_group_info answer: the group, `undefined` when it does not exist, or the
 * error to throw. Pure.
 */
export function outcomeFor(
  id: string,
  entries: readonly GroupInfoEntry[],
): { group: GroupInfo | undefined } | { error: unknown } {
  const entry = entries.find((e) => e.GroupId === id);
  if (!entry) {
    const message = `Tencent Cloud Chat get_group_info answered without an entry for group ${JSON.stringify(id)}.`;
    return { error: new ChatError(ErrorCodes.Protocol, message, { action: "get_group_info", groupId: id }) };
  }
  if (entry.ok) return { group: entry.group };
  return isNotFound(entry.error) ? { group: undefined } : { error: entry.error };
}

/**
 * Coalesces concurrent single-group reads into get_group_info calls of up to 50 ids. One per client; cheap to keep.
 *
 * @example
 * const reads = new GroupReadBatcher(chat);
 * const [a, b] = await Promise.all([reads.getGroup("g1"), reads.getGroup("g2")]); // one get_group_info call
 */
export class GroupReadBatcher {
  /** Counts so far. */
  readonly stats: BatchStats = { reads: 0, calls: 0, ids: 0, splits: 0 };
  private readonly filter: ResponseFilter | undefined;
  private readonly shape: string;
  private readonly alwaysKeys: readonly string[] = [];
  private readonly maxBatch: number;
  private readonly maxHoldMs: number;
  private readonly quietMs: number;
  private readonly burstQuietMs: number;
  private lastSend = -Infinity;
  private lastSendSize = 0;
  private readonly defer: (fn: () => void) => void;
  private readonly now: () => number;
  /** Reads not yet sent, by id, in arrival order (Map keeps insertion order). */
  private pending = new Map<string, Waiter[]>();
  /** When the oldest pending read arrived. */
  private pendingSince = 0;
  private partialInFlight = 0;
  private settleScheduled = false;
  private lastArrival = 0;
  private arrivals = 0;
  private arrivalsSeen = 0;
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly source: GroupInfoSource,
    options: BatchOptions = {},
  ) {
    const max = options.maxBatch ?? MAX_GROUP_INFO_IDS;
    if (!Number.isInteger(max) || max < 1 || max > MAX_GROUP_INFO_IDS) {
      throw new RangeError(`maxBatch must be an integer from 1 to ${MAX_GROUP_INFO_IDS}, got ${max}`);
    }
    this.maxBatch = max;
    this.maxHoldMs = options.maxHoldMs ?? 200;
    this.quietMs = options.quietMs ?? 2;
    this.burstQuietMs = options.burstQuietMs ?? 25;
    this.defer = options.defer ?? ((fn) => void setImmediate(fn));
    this.now = options.now ?? (() => performance.now());
    if (options.responseFilter !== undefined) {
      const { AppDefinedDataFilter_Group: keys, ...base } = options.responseFilter;
      this.filter = base;
      this.alwaysKeys = [...(keys ?? [])];
    }
    this.shape = filterShape(this.filter);
  }

  /**
   * One group by id, or `undefined` when it does not exist (10010/10015); any other per-id error is thrown.
   * Same contract as `ChatClient.getGroup`. A read whose `responseFilter` is the batcher's own (custom-field keys
   * aside) joins the batch and gets only the keys it named; a read with another filter is sent on its own.
   */
  getGroup(groupId: string, responseFilter?: GetGroupInfoRequest["ResponseFilter"]): Promise<GroupInfo | undefined> {
    this.stats.reads++;
    if (responseFilter && filterShape(responseFilter) !== this.shape) return this.sendAlone(groupId, responseFilter);
    const keys = responseFilter?.AppDefinedDataFilter_Group;
    return new Promise<GroupInfo | undefined>((resolve, reject) => {
      this.lastArrival = this.now();
      this.arrivals++;
      if (this.pending.size === 0) this.pendingSince = this.lastArrival;
      const waiter: Waiter = responseFilter
        ? { resolve, reject, keys: [...(keys ?? []), ...this.alwaysKeys] }
        : { resolve, reject };
      const waiters = this.pending.get(groupId);
      if (waiters) waiters.push(waiter);
      else this.pending.set(groupId, [waiter]);
      if (this.pending.size >= this.maxBatch) this.send(this.maxBatch, false);
      else this.scheduleSettle();
    });
  }

  /** Reads waiting to be sent (distinct ids). */
  get waiting(): number {
    return this.pending.size;
  }

  private scheduleSettle(): void {
    if (this.settleScheduled || this.pending.size === 0) return;
    this.settleScheduled = true;
    this.defer(() => this.settle());
  }

  /** One loop turn later: send the partial batch once reads stop arriving, unless one is already in flight. */
  private settle(): void {
    this.settleScheduled = false;
    if (this.pending.size === 0) return;
    const now = this.now();
    const held = now - this.pendingSince;
    const quietFor = now - this.lastArrival;
    const arrivedThisTurn = this.arrivals !== this.arrivalsSeen;
    this.arrivalsSeen = this.arrivals;
    if (arrivedThisTurn && held < this.maxHoldMs) {
      this.scheduleSettle(); // still arriving: look again next turn
      return;
    }
    // Back-to-back lone reads are not a burst: only a recent batch of several reads is.
    const burst = this.pending.size > 1 || (this.lastSendSize > 1 && now - this.lastSend < 100);
    const quietMs = burst ? Math.max(this.quietMs, this.burstQuietMs) : this.quietMs;
    if (quietFor < quietMs && held < this.maxHoldMs) {
      // A turn without reads, but not quiet for long yet: look again once it would be.
      this.quietTimer ??= setTimeout(
        () => {
          this.quietTimer = undefined;
          this.scheduleSettle();
        },
        Math.min(quietMs - quietFor, this.maxHoldMs - held),
      );
      return;
    }
    if (this.partialInFlight > 0 && held < this.maxHoldMs) {
      // Wait for the call in flight (its completion re-schedules us), but never longer than maxHoldMs.
      this.holdTimer ??= setTimeout(() => {
        this.holdTimer = undefined;
        this.scheduleSettle();
      }, this.maxHoldMs - held);
      return;
    }
    this.send(this.pending.size, true);
  }

  /** Send the oldest `count` pending ids (≤ maxBatch each call). */
  private send(count: number, partial: boolean): void {
    while (count > 0 && this.pending.size > 0) {
      const ids = [...this.pending.keys()].slice(0, Math.min(count, this.maxBatch));
      count -= ids.length;
      const batch = new Map(ids.map((id) => [id, this.pending.get(id)!]));
      for (const id of ids) this.pending.delete(id);
      void this.call(batch, partial && ids.length < this.maxBatch);
    }
    if (this.pending.size > 0) this.pendingSince = this.now();
    if (this.pending.size === 0) {
      clearTimeout(this.holdTimer);
      clearTimeout(this.quietTimer);
      this.holdTimer = this.quietTimer = undefined;
    }
  }

  private async call(batch: Map<string, Waiter[]>, partial: boolean): Promise<void> {
    const ids = [...batch.keys()];
    this.lastSend = this.now();
    this.lastSendSize = ids.length;
    this.stats.calls++;
    this.stats.ids += ids.length;
    if (partial) this.partialInFlight++;
    try {
      let entries: GroupInfoEntry[];
      try {
        entries = await getGroupInfoSplitting(this.source, this.request(ids, batch), () => this.stats.splits++);
      } catch (error) {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
        return;
      }
      for (const [id, waiters] of batch) {
        const outcome = outcomeFor(id, entries);
        // Each extra caller of a repeated id gets its own copy, so no caller can change another's result.
        waiters.forEach((w, i) =>
          "error" in outcome ? w.reject(outcome.error) : w.resolve(outcome.group && forWaiter(outcome.group, w, i > 0)),
        );
      }
    } finally {
      if (partial) this.partialInFlight--;
      this.scheduleSettle();
    }
  }

  /** The request of one batch: the batcher's filter plus every custom-field key its callers named. */
  private request(ids: string[], batch: Map<string, Waiter[]>): GetGroupInfoRequest {
    if (this.filter === undefined) return { GroupIdList: ids };
    const keys = new Set<string>(this.alwaysKeys);
    for (const waiters of batch.values()) for (const w of waiters) for (const k of w.keys ?? []) keys.add(k);
    const filter: ResponseFilter = { ...this.filter };
    if (keys.size > 0) filter.AppDefinedDataFilter_Group = [...keys].sort();
    return { GroupIdList: ids, ResponseFilter: filter };
  }

  /** A read with a filter of its own: its own call, same result rules. */
  private async sendAlone(
    groupId: string,
    filter: NonNullable<GetGroupInfoRequest["ResponseFilter"]>,
  ): Promise<GroupInfo | undefined> {
    this.stats.calls++;
    this.stats.ids++;
    const outcome = outcomeFor(
      groupId,
      await getGroupInfoSplitting(this.source, { GroupIdList: [groupId], ResponseFilter: filter }),
    );
    if ("error" in outcome) throw outcome.error;
    return outcome.group;
  }
}
