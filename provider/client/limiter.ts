/**
 * Client-side rate limiting per action, shared by every client in the process.
 *
 * Each limiter is a token bucket of `perSecond` tokens where a spent token comes back exactly one window (1 s) after
 * the call's answer (or after its grant, when no answer comes). A call reaches the server before it is answered, so two
 * uses of one token arrive more than a window apart: at most `perSecond` ARRIVALS in any window of that length, sliding
 * or calendar-aligned, so we stay within the server's quota however it counts (200/s per API per SDKAppID,
 * get_appid_group_list 1/s: https://cloud.tencent.com/document/product/269/9346). Counting from the grant instead let
 * calls queued in one burst land inside the next window's count and be refused. Waiters are served strictly FIFO; one
 * timer sleeps until the next token returns, no polling. Clock and sleep are injectable so tests run on a fake clock.
 *
 * The bucket also rides the quota it actually gets (AIMD, DECISIONS.md C7): the quota is shared with everything
 * else that uses the app, so when the server refuses a call for rate the effective rate drops multiplicatively,
 * and it climbs back additively while calls are accepted, never above the configured quota. The policy is the
 * pure {@link nextRate}; {@link RateLimiter} only feeds it events.
 */
import { ACTIONS, type ChatAction } from "../../protocol/actions";

/** Time sources of a limiter. */
export interface LimiterClock {
  /** Milliseconds, monotonic enough for spacing requests. */
  now(): number;
  /** Resolve after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/**
 * Real time: `performance.now()` and `setTimeout`. The timer is deliberately NOT unref'd: a request waiting for a
 * token is pending work, and an unref'd timer would let a short script exit in the middle of its `await`.
 */
export const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Parameters of the AIMD policy ({@link nextRate}). */
export interface AimdParams {
  /** Multiplicative decrease on a refusal: the rate never drops below `rate × decrease`. Default 0.5. */
  decrease: number;
  /**
   * A refusal lowers the rate to at most `rate × margin`, and not below `margin ×` what the server accepted in the
   * last window: one stray refusal at full speed costs 10 %, not half. Default 0.9.
   */
  margin: number;
  /** Additive increase per refusal-free window, as a fraction of the configured quota. Default 0.1. */
  increase: number;
  /** Lowest rate, calls per window. Default 1. */
  minRate: number;
}

/** Defaults of {@link AimdParams}. */
export const DEFAULT_AIMD: AimdParams = { decrease: 0.5, margin: 0.9, increase: 0.05, minRate: 1 };

/** State of the AIMD policy. */
export interface AimdState {
  /** Effective calls per window (may be fractional; the bucket uses its floor). */
  rate: number;
  /** The configured quota: the rate never exceeds it. */
  ceiling: number;
  /** When the rate was last lowered (-Infinity: never). */
  lastDecreaseAt: number;
  /** When the rate was last raised or lowered (-Infinity: never). */
  lastChangeAt: number;
}

/** What happened to one call the limiter granted. */
export type AimdEvent =
  /** The server refused the call for rate; `accepted` = calls it accepted from us in the last window. */
  | { kind: "refused"; grantedAt: number; now: number; accepted: number }
  /** The server accepted (answered) the call. */
  | { kind: "accepted"; grantedAt: number; now: number };

/**
 * The next AIMD state. Pure.
 * - A refusal of a call granted before (or at) the last decrease is ignored: it was sent at the old rate, and a burst of
 *   refusals is one congestion event (as TCP reduces once per round trip).
 * - Otherwise a refusal sets the rate to max(rate × decrease, accepted × margin), capped at rate × margin and
 *   floored at minRate.
 * - An accepted call granted after the last decrease raises the rate by `increase × ceiling`, at most once per
 *   window, up to the ceiling.
 */
export function nextRate(
  state: AimdState,
  event: AimdEvent,
  params: AimdParams = DEFAULT_AIMD,
  windowMs = 1000,
): AimdState {
  if (event.kind === "refused") {
    if (event.grantedAt <= state.lastDecreaseAt) return state;
    const target = Math.max(state.rate * params.decrease, event.accepted * params.margin);
    const rate = Math.max(params.minRate, Math.min(state.rate * params.margin, target));
    return { ...state, rate, lastDecreaseAt: event.now, lastChangeAt: event.now };
  }
  if (
    state.rate >= state.ceiling ||
    event.grantedAt <= state.lastDecreaseAt ||
    event.now - state.lastChangeAt < windowMs
  )
    return state;
  return {
    ...state,
    rate: Math.min(state.ceiling, state.rate + params.increase * state.ceiling),
    lastChangeAt: event.now,
  };
}

/** Token bucket with per-token return after one window, a FIFO queue of waiters, and an AIMD effective rate. */
export class RateLimiter {
  private aimd: AimdState;
  private readonly params: AimdParams;
  private readonly windowMs: number;
  private readonly clock: LimiterClock;
  /** Times at which spent tokens were taken, oldest first. */
  private readonly spent: number[] = [];
  /** Times at which the server accepted our calls in the last window, oldest first. */
  private readonly accepted: number[] = [];
  private readonly waiters: Array<(grantedAt: number) => void> = [];
  private pumping = false;
  /** Grants so far (for tests and benchmarks). */
  granted = 0;
  /** Rate refusals reported so far, and how many of them lowered the rate. */
  readonly refusals = { seen: 0, decreases: 0 };

  constructor(
    perWindow: number,
    options: { windowMs?: number; clock?: LimiterClock; aimd?: Partial<AimdParams> } = {},
  ) {
    if (!(perWindow > 0) || !Number.isFinite(perWindow))
      throw new RangeError(`rate limit must be a positive number, got ${perWindow}`);
    const ceiling = Math.max(1, Math.floor(perWindow));
    this.aimd = { rate: ceiling, ceiling, lastDecreaseAt: -Infinity, lastChangeAt: -Infinity };
    this.params = { ...DEFAULT_AIMD, ...options.aimd };
    this.windowMs = options.windowMs ?? 1000;
    this.clock = options.clock ?? realClock;
  }

  /** The configured grants per window (the quota). */
  get limit(): number {
    return this.aimd.ceiling;
  }

  /** Grants per window in force now: the quota, or less after rate refusals (AIMD). */
  get currentLimit(): number {
    return Math.max(1, Math.floor(this.aimd.rate));
  }

  /** Lower the limit (used when clients sharing the limiter are configured differently: the smallest wins). */
  lowerLimit(perWindow: number): void {
    const n = Math.max(1, Math.floor(perWindow));
    if (n < this.aimd.ceiling) this.aimd = { ...this.aimd, ceiling: n, rate: Math.min(this.aimd.rate, n) };
  }

  /** The server refused a call granted at `grantedAt` for rate: slow down (once per congestion event). */
  onRefused(grantedAt: number): void {
    const now = this.clock.now();
    this.answered(grantedAt, now);
    this.refusals.seen++;
    const before = this.aimd.rate;
    this.aimd = nextRate(
      this.aimd,
      { kind: "refused", grantedAt, now, accepted: this.acceptedInWindow(now) },
      this.params,
      this.windowMs,
    );
    if (this.aimd.rate < before) this.refusals.decreases++;
  }

  /** The server accepted a call granted at `grantedAt`: count it, and speed back up towards the quota. */
  onAccepted(grantedAt: number): void {
    const now = this.clock.now();
    this.answered(grantedAt, now);
    this.accepted.push(now);
    this.acceptedInWindow(now);
    this.aimd = nextRate(this.aimd, { kind: "accepted", grantedAt, now }, this.params, this.windowMs);
  }

  /** The call granted at `grantedAt` was answered at `now`: its token now comes back a window after `now`. */
  private answered(grantedAt: number, now: number): void {
    const i = this.spent.indexOf(grantedAt);
    if (i < 0) return; // its token has already come back (the call took longer than a window)
    this.spent.splice(i, 1);
    this.spent.push(now); // `now` is the latest time seen, so `spent` stays sorted
  }

  private acceptedInWindow(now: number): number {
    while (this.accepted.length > 0 && now - this.accepted[0]! >= this.windowMs) this.accepted.shift();
    return this.accepted.length;
  }

  /** Requests waiting for a token. */
  get pending(): number {
    return this.waiters.length;
  }

  /** Resolve with the grant time (pass it to onRefused/onAccepted) when a token is granted; FIFO. */
  acquire(): Promise<number> {
    return new Promise<number>((resolve) => {
      this.waiters.push(resolve);
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const wait = this.waitMs(this.clock.now());
        if (wait > 0) {
          await this.clock.sleep(wait);
          continue;
        }
        const grantedAt = this.clock.now();
        this.spent.push(grantedAt);
        this.granted++;
        this.waiters.shift()!(grantedAt);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Ms until a token is available at `now` (0 = now); drops tokens that have come back. */
  private waitMs(now: number): number {
    while (this.spent.length > 0 && now - this.spent[0]! >= this.windowMs) this.spent.shift();
    const perWindow = this.currentLimit;
    if (this.spent.length < perWindow) return 0;
    // The oldest of the last `perWindow` grants decides; with a lowered limit, skip the surplus.
    const decisive = this.spent[this.spent.length - perWindow]!;
    return Math.max(1, decisive + this.windowMs - now);
  }
}

/** Key of a shared limiter: the same app on the same endpoint and action shares one bucket. */
export function limiterKey(baseUrl: string, sdkAppId: number, action: ChatAction): string {
  return `${baseUrl}|${sdkAppId}|${action}`;
}

/** Limiters by {@link limiterKey}; one process-wide default instance, private ones for tests. */
export class LimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(private readonly clock: LimiterClock = realClock) {}

  /**
   * The limiter for an app/endpoint/action, created on first use with `perSecond` (default: the action's documented
   * quota). A later, smaller `perSecond` lowers the shared limit; a larger one does not raise it.
   */
  get(baseUrl: string, sdkAppId: number, action: ChatAction, perSecond?: number): RateLimiter {
    const key = limiterKey(baseUrl, sdkAppId, action);
    const quota = perSecond ?? ACTIONS[action].quotaPerSecond;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiter(quota, { clock: this.clock });
      this.limiters.set(key, limiter);
    } else {
      limiter.lowerLimit(quota);
    }
    return limiter;
  }

  /** Forget every limiter (tests). */
  clear(): void {
    this.limiters.clear();
  }
}

/**
 * The process-wide registry every ChatClient uses unless given another. Kept on `globalThis` under a registered
 * symbol so that two copies of this module in one process (Pulumi may load the provider more than once) still share.
 */
export const sharedLimiters: LimiterRegistry = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("pulumi-tencent-chat.limiters")
] ??= new LimiterRegistry()) as LimiterRegistry;
