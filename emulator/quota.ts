/**
 * Per-action call quotas, calls per second over a sliding one-second window on the emulator's clock
 * (so tests move time instead of sleeping). Only admitted calls count against the window.
 */
import type { ChatAction } from "../protocol/actions";

/** Sliding-window quotas keyed by action. */
export class QuotaBook {
  private readonly limits = new Map<ChatAction, number>();
  private readonly windows = new Map<ChatAction, number[]>();
  private readonly clock: () => number;

  constructor(clock: () => number, initial: Partial<Record<ChatAction, number>> = {}) {
    this.clock = clock;
    for (const [action, perSecond] of Object.entries(initial) as [ChatAction, number | undefined][]) {
      this.set(action, perSecond);
    }
  }

  /** Set (a positive number) or clear (undefined) the quota of an action. */
  set(action: ChatAction, perSecond: number | undefined): void {
    this.windows.delete(action);
    if (perSecond === undefined) {
      this.limits.delete(action);
      return;
    }
    if (!Number.isFinite(perSecond) || perSecond <= 0) throw new Error(`quota of ${action} must be a positive number`);
    this.limits.set(action, perSecond);
  }

  /** The quota of an action, undefined when unlimited. */
  get(action: ChatAction): number | undefined {
    return this.limits.get(action);
  }

  /** Admit one call now, or return false when the last second already holds `perSecond` admitted calls. */
  tryTake(action: ChatAction): boolean {
    const limit = this.limits.get(action);
    if (limit === undefined) return true;
    const now = this.clock();
    const window = (this.windows.get(action) ?? []).filter((t) => t > now - 1000);
    if (window.length >= limit) {
      this.windows.set(action, window);
      return false;
    }
    window.push(now);
    this.windows.set(action, window);
    return true;
  }
}
