/**
 * Client-side rate limiting per action, shared by every client in the process.
 *
 * Each limiter is a token bucket of `perSecond` tokens where a spent token comes back exactly one window (1 s)
 * after it was spent. That guarantees at most `perSecond` grants in ANY window of that length, sliding or
 * calendar-aligned, so we stay within the server's quota however it counts (QD-LIMITS: 200/s per API per SDKAppID,
 * get_appid_group_list 1/s). Waiters are served strictly FIFO; one timer sleeps until the next token returns, no
 * polling. Clock and sleep are injectable so tests run on a fake clock.
 */
import { ACTIONS, type ChatAction } from "./actions";

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

/** Token bucket with per-token return after one window and a FIFO queue of waiters. */
export class RateLimiter {
  private perWindow: number;
  private readonly windowMs: number;
  private readonly clock: LimiterClock;
  /** Times at which spent tokens were taken, oldest first; length <= perWindow. */
  private readonly spent: number[] = [];
  private readonly waiters: Array<() => void> = [];
  private pumping = false;
  /** Grants so far (for tests and benchmarks). */
  granted = 0;

  constructor(perWindow: number, options: { windowMs?: number; clock?: LimiterClock } = {}) {
    if (!(perWindow > 0) || !Number.isFinite(perWindow)) throw new RangeError(`rate limit must be a positive number, got ${perWindow}`);
    this.perWindow = Math.max(1, Math.floor(perWindow));
    this.windowMs = options.windowMs ?? 1000;
    this.clock = options.clock ?? realClock;
  }

  /** The configured grants per window. */
  get limit(): number {
    return this.perWindow;
  }

  /** Lower the limit (used when clients sharing the limiter are configured differently: the smallest wins). */
  lowerLimit(perWindow: number): void {
    const n = Math.max(1, Math.floor(perWindow));
    if (n < this.perWindow) this.perWindow = n;
  }

  /** Requests waiting for a token. */
  get pending(): number {
    return this.waiters.length;
  }

  /** Resolve when a token is granted; callers are served in call order. */
  acquire(): Promise<void> {
    return new Promise<void>((resolve) => {
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
        this.spent.push(this.clock.now());
        this.granted++;
        this.waiters.shift()!();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Ms until a token is available at `now` (0 = now); drops tokens that have come back. */
  private waitMs(now: number): number {
    while (this.spent.length > 0 && now - this.spent[0]! >= this.windowMs) this.spent.shift();
    if (this.spent.length < this.perWindow) return 0;
    // The oldest of the last `perWindow` grants decides; with a lowered limit, skip the surplus.
    const decisive = this.spent[this.spent.length - this.perWindow]!;
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
