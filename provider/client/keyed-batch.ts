/**
 * A generic call batcher, keyed: items submitted under the same key (a group, or "" for app-wide actions) share
 * calls of up to `maxBatch` items, with the scheduling of ./batch.ts: a full chunk goes at once; a partial one waits
 * while items still arrive (a loop turn, then a quiet time), and behind a partial call of the same key in flight,
 * never longer than `maxHoldMs`. Identical items share one slot and one outcome; items that conflict (the same
 * account with different settings) never share a call. Every caller gets its own item's outcome; a whole-call
 * failure rejects only the callers in that call.
 */
import type { ItemResult } from "./items";

/** Timing of a {@link KeyedBatcher}; the defaults are those of the group read batcher. */
export interface KeyedBatchTiming {
  /** Longest a partial batch waits, in ms. Default 200. */
  maxHoldMs?: number;
  /** A lone item goes out once no other item has arrived for this long, in ms. Default 2. */
  quietMs?: number;
  /**
   * During a burst (more than one item waiting under the key, or a call of several sent under it in the last 100 ms)
   * a partial batch waits this long for more items, in ms, riding out the host's pauses mid-command (as the group
   * read batcher does, ./batch.ts). Default 25.
   */
  burstQuietMs?: number;
  /** Run `fn` on a later event-loop turn. Default `setImmediate`. */
  defer?: (fn: () => void) => void;
  /** Milliseconds. Default `performance.now`. */
  now?: () => number;
}

/** What one batch call does: send the items of one key, answer one result per item id. */
export type BatchSend<I, O> = (key: string, items: I[]) => Promise<ItemResult<O>[]>;

/** Counts of a batcher's work (for tests and benchmarks). */
export interface KeyedBatchStats {
  /** Items submitted. */
  items: number;
  /** Calls made. */
  calls: number;
}

interface Slot<I, O> {
  item: I;
  waiters: { resolve(v: O): void; reject(e: unknown): void }[];
}

interface Queue<I, O> {
  pending: Map<string, Slot<I, O>>;
  since: number;
  lastArrival: number;
  arrivals: number;
  seen: number;
  scheduled: boolean;
  inFlight: number;
  /** When the last call under this key was sent, and how many items it held (burst detection). */
  lastSend: number;
  lastSendSize: number;
  /** Loop turns seen without arrivals after the burst's quiet time elapsed. */
  idleTurns: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** Loop turns without arrivals a burst needs, after its quiet time, before a partial call goes out. */
const IDLE_TURNS = 2;

/** Coalesces items per key into calls of at most `maxBatch()` items. */
export class KeyedBatcher<I, O> {
  /** Counts so far. */
  readonly stats: KeyedBatchStats = { items: 0, calls: 0 };
  private readonly queues = new Map<string, Queue<I, O>>();
  private readonly maxHoldMs: number;
  private readonly quietMs: number;
  private readonly burstQuietMs: number;
  private readonly defer: (fn: () => void) => void;
  private readonly now: () => number;

  constructor(
    private readonly send: BatchSend<I, O>,
    /** Item id: the id the per-item results name (an account). */
    private readonly idOf: (item: I) => string,
    /** Most items per call; read at every send, so it may shrink (after a 10005). */
    private readonly maxBatch: () => number,
    timing: KeyedBatchTiming = {},
  ) {
    this.maxHoldMs = timing.maxHoldMs ?? 200;
    this.quietMs = timing.quietMs ?? 2;
    this.burstQuietMs = timing.burstQuietMs ?? 25;
    this.defer = timing.defer ?? ((fn) => void setImmediate(fn));
    this.now = timing.now ?? (() => performance.now());
  }

  /** Submit one item under `key`; resolves with its own outcome or rejects with its own (or its call's) error. */
  submit(key: string, item: I): Promise<O> {
    this.stats.items++;
    return new Promise<O>((resolve, reject) => {
      let q = this.queues.get(key);
      if (!q) {
        q = {
          pending: new Map(),
          since: 0,
          lastArrival: 0,
          arrivals: 0,
          seen: 0,
          scheduled: false,
          inFlight: 0,
          lastSend: -Infinity,
          lastSendSize: 0,
          idleTurns: 0,
        };
        this.queues.set(key, q);
      }
      const now = this.now();
      if (q.pending.size === 0) q.since = now;
      q.lastArrival = now;
      q.arrivals++;
      const slotKey = JSON.stringify([this.idOf(item), item]);
      const slot = q.pending.get(slotKey);
      if (slot) slot.waiters.push({ resolve, reject });
      else q.pending.set(slotKey, { item, waiters: [{ resolve, reject }] });
      if (this.distinctIds(q) >= this.maxBatch()) this.flush(key, q, false);
      else this.schedule(key, q);
    });
  }

  /** Items waiting under `key`. */
  waiting(key: string): number {
    return this.queues.get(key)?.pending.size ?? 0;
  }

  private distinctIds(q: Queue<I, O>): number {
    return new Set([...q.pending.values()].map((s) => this.idOf(s.item))).size;
  }

  private schedule(key: string, q: Queue<I, O>): void {
    if (q.scheduled || q.pending.size === 0) return;
    q.scheduled = true;
    this.defer(() => this.settle(key, q));
  }

  private settle(key: string, q: Queue<I, O>): void {
    q.scheduled = false;
    if (q.pending.size === 0) return;
    const now = this.now();
    const held = now - q.since;
    const arrived = q.arrivals !== q.seen;
    q.seen = q.arrivals;
    if (held < this.maxHoldMs) {
      if (arrived) {
        q.idleTurns = 0;
        return this.schedule(key, q); // still arriving: look again next turn
      }
      const quietFor = now - q.lastArrival;
      // Back-to-back lone items are not a burst: only several waiting, or a recent call of several, are.
      const burst = q.pending.size > 1 || (q.lastSendSize > 1 && now - q.lastSend < 100);
      if (burst && quietFor >= this.burstQuietMs && q.idleTurns < IDLE_TURNS) {
        // A process that was not scheduled for a while runs its timers before it reads the input that queued up
        // meanwhile: look again after that many more loop turns (each reads pending I/O) before calling it quiet.
        q.idleTurns++;
        return this.schedule(key, q);
      }
      const quietMs = burst ? Math.max(this.quietMs, this.burstQuietMs) : this.quietMs;
      const wait = quietFor < quietMs ? quietMs - quietFor : q.inFlight > 0 ? this.maxHoldMs - held : 0;
      if (wait > 0) {
        // Not quiet long enough yet, or a partial call of this key is in flight (its end re-schedules us).
        q.timer ??= setTimeout(
          () => {
            q.timer = undefined;
            this.schedule(key, q);
          },
          Math.min(wait, this.maxHoldMs - held),
        );
        return;
      }
    }
    this.flush(key, q, true);
  }

  /** Send everything pending under `key`, in calls of at most maxBatch distinct ids with no conflicting items. */
  private flush(key: string, q: Queue<I, O>, partial: boolean): void {
    q.idleTurns = 0;
    while (q.pending.size > 0) {
      const max = this.maxBatch();
      const ids = new Set<string>();
      const batch: Slot<I, O>[] = [];
      for (const [slotKey, slot] of q.pending) {
        const id = this.idOf(slot.item);
        if (ids.has(id)) continue; // the same id with other settings: next call
        if (ids.size >= max) break;
        ids.add(id);
        batch.push(slot);
        q.pending.delete(slotKey);
      }
      const isPartial = partial && batch.length < max;
      void this.call(key, q, batch, isPartial);
      if (!partial && this.distinctIds(q) < max) break; // the rest waits for more items
    }
    if (q.pending.size > 0) {
      q.since = this.now();
      this.schedule(key, q);
    } else {
      clearTimeout(q.timer);
      q.timer = undefined;
    }
  }

  private async call(key: string, q: Queue<I, O>, batch: Slot<I, O>[], partial: boolean): Promise<void> {
    this.stats.calls++;
    q.lastSend = this.now();
    q.lastSendSize = batch.length;
    if (partial) q.inFlight++;
    try {
      let results: ItemResult<O>[];
      try {
        results = await this.send(
          key,
          batch.map((s) => s.item),
        );
      } catch (error) {
        for (const s of batch) for (const w of s.waiters) w.reject(error);
        return;
      }
      batch.forEach((s, i) => {
        const r = results[i];
        for (const w of s.waiters) {
          if (r === undefined) w.reject(new Error(`batch answered no result for ${JSON.stringify(this.idOf(s.item))}`));
          else if (r.ok) w.resolve(r.value);
          else w.reject(r.error);
        }
      });
    } finally {
      if (partial) q.inFlight--;
      if (q.pending.size > 0) this.schedule(key, q);
      else if (q.inFlight === 0 && this.queues.get(key) === q && !(q.lastSendSize > 1 && this.now() - q.lastSend < 100))
        this.queues.delete(key); // kept a while after a call of several: the burst may go on
    }
  }
}
