/**
 * The retry policy, pure: given a failure, the action and the attempt number, decide what to do next. The client
 * carries the decision out; tests table-drive this module without any I/O.
 *
 * The one rule that matters most: a failure is either DEFINITE (the server answered, or the request surely never
 * left) or AMBIGUOUS (sent, answer lost). Definite transient failures are retried for every action. Ambiguous ones
 * only for actions whose repeat leaves the same end state (ACTIONS[x].repeatable); import_group without a custom
 * GroupId is never repeated (a repeat could create a second group), and with one it is resolved by reading back.
 *
 * Rate refusals (60007 and kin, HTTP 429) get their own, larger budget: the server did nothing, and the shared
 * limiter slows down on each one (limiter.ts), so waiting our turn again is the right answer to sustained overload;
 * they do not use up the attempts meant for other transient failures. Both budgets are bounded.
 */
import { ACTIONS, type ChatAction } from "../../protocol/actions";
import { ErrorCodes, isChatApiError, isChatError } from "./errors";
import { RETRYABLE_CODES } from "../../protocol/error-codes";

/** Backoff and attempt limits. */
export interface RetryOptions {
  /** Total attempts including the first; 1 turns retries off. Default 5. */
  maxAttempts: number;
  /** First backoff ceiling in ms. Default 100. */
  baseDelayMs: number;
  /** Largest backoff ceiling in ms. Default 5000. */
  maxDelayMs: number;
  /**
   * Most attempts a call may spend on rate refusals (60007, 60011, 60018, 60019, 10006, HTTP 429), counted apart
   * from `maxAttempts`. Default 10; 1 when retries are off; never below `maxAttempts` unless set explicitly.
   */
  rateLimitMaxAttempts: number;
}

/** Defaults: 5 attempts (10 for rate refusals), full jitter between 0 and min(5 s, 100 ms × 2^(n-1)). */
export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 5000,
  rateLimitMaxAttempts: 10,
};

/** Tencent codes that mean "too many calls, nothing was done": the limiter slows down on them. */
export const RATE_LIMIT_CODES: readonly number[] = [60007, 60011, 60018, 60019, 10006];

/** Whether a failure is a rate refusal (a {@link RATE_LIMIT_CODES} code or HTTP 429). Pure. */
export function isRateLimitFailure(error: unknown): boolean {
  if (isChatApiError(error)) return RATE_LIMIT_CODES.includes(error.errorCode);
  return isChatError(error) && error.code === ErrorCodes.Http && (error as { status?: number }).status === 429;
}

/**
 * Normalize the `retry` option: a number is the count of RETRIES (0 = off), an object overrides the defaults.
 *
 * @throws RangeError for a negative or non-integer count.
 */
export function resolveRetryOptions(retry: number | Partial<RetryOptions> | undefined): RetryOptions {
  const given: Partial<RetryOptions> = typeof retry === "number" ? { maxAttempts: retry + 1 } : (retry ?? {});
  const opts: RetryOptions = { ...DEFAULT_RETRY, ...given };
  if (!Number.isInteger(opts.maxAttempts) || opts.maxAttempts < 1) {
    throw new RangeError(`retry: maxAttempts must be an integer >= 1 (retries >= 0), got ${String(opts.maxAttempts)}`);
  }
  if (given.rateLimitMaxAttempts === undefined) {
    // Retries off means off; otherwise rate refusals get at least as many attempts as anything else.
    opts.rateLimitMaxAttempts =
      opts.maxAttempts === 1 ? 1 : Math.max(opts.maxAttempts, DEFAULT_RETRY.rateLimitMaxAttempts);
  } else if (!Number.isInteger(opts.rateLimitMaxAttempts) || opts.rateLimitMaxAttempts < 1) {
    throw new RangeError(
      `retry: rateLimitMaxAttempts must be an integer >= 1, got ${String(opts.rateLimitMaxAttempts)}`,
    );
  }
  if (!(opts.baseDelayMs >= 0) || !(opts.maxDelayMs >= opts.baseDelayMs)) {
    throw new RangeError("retry: need 0 <= baseDelayMs <= maxDelayMs");
  }
  return opts;
}

/** How a failure relates to the server's state. */
export type FailureKind =
  /** The server answered with a transient code, or the request surely did not reach it: safe to repeat. */
  | "definite-transient"
  /** The request may have been applied and we cannot tell (timeout, reset after send, 5xx, garbled 200). */
  | "ambiguous"
  /** Anything else: repeating will not help. */
  | "permanent";

/** Where a transport-level {@link ChatError} says the request got. Set by the transport. */
export type Delivery = "not-sent" | "ambiguous";

/** Classify any thrown value. Pure. */
export function classifyFailure(error: unknown): FailureKind {
  if (isChatApiError(error)) return RETRYABLE_CODES.includes(error.errorCode) ? "definite-transient" : "permanent";
  if (!isChatError(error)) return "permanent";
  const delivery = (error as { delivery?: Delivery }).delivery;
  switch (error.code) {
    case ErrorCodes.Network:
    case ErrorCodes.Timeout:
      return delivery === "not-sent" ? "definite-transient" : "ambiguous";
    case ErrorCodes.Http: {
      const status = (error as { status?: number }).status ?? 0;
      if (status === 429) return "definite-transient"; // a gateway refused it before the service
      if (status >= 500) return "ambiguous";
      return "permanent";
    }
    case ErrorCodes.Protocol:
      // The service answered 200, but not with the envelope: the change may have been applied.
      return "ambiguous";
    default:
      return "permanent";
  }
}

/** What the client should do after a failed attempt. */
export type RetryDecision =
  /** Wait `delayMs`, then send the same request again. */
  | { kind: "retry"; delayMs: number }
  /** import_group with a custom GroupId lost its answer: read the group back to learn whether it landed. */
  | { kind: "read-back" }
  /** import_group without a custom GroupId lost its answer: stop, report CHAT_ERR_AMBIGUOUS_CREATE. */
  | { kind: "ambiguous-create" }
  /** Give up and throw the error as is. */
  | { kind: "fail" };

/** Input of {@link decideRetry}. */
export interface RetryContext {
  action: ChatAction;
  /** The failure of the attempt that just ended. */
  error: unknown;
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /**
   * How many of the attempts so far (this one included) were rate refusals. Default: 1 when this failure is one,
   * else 0 (callers that do not count get the ordinary budget plus at most `rateLimitMaxAttempts`).
   */
  rateLimited?: number;
  /** For import_group: whether the request carried a custom GroupId. */
  hasCustomGroupId?: boolean;
  options: RetryOptions;
  /** `[0,1)` source for jitter. */
  random: () => number;
}

/** Decide the next step after a failed attempt. Pure (randomness injected). */
export function decideRetry(ctx: RetryContext): RetryDecision {
  const kind = classifyFailure(ctx.error);
  if (kind === "permanent") return { kind: "fail" };
  const { maxAttempts, rateLimitMaxAttempts } = ctx.options;
  if (isRateLimitFailure(ctx.error)) {
    const refused = Math.max(1, ctx.rateLimited ?? 1);
    // Bounded twice: by the refusal budget, and in total by both budgets together.
    if (refused >= rateLimitMaxAttempts || ctx.attempt >= maxAttempts + rateLimitMaxAttempts - 1)
      return { kind: "fail" };
    return { kind: "retry", delayMs: backoffDelay(refused, ctx.options, ctx.random) };
  }
  const canAttemptAgain = ctx.attempt - (ctx.rateLimited ?? 0) < maxAttempts;
  if (kind === "ambiguous" && !ACTIONS[ctx.action].repeatable) {
    // Ambiguity is resolved even with retries off: it is about what happened, not about trying again.
    return ctx.hasCustomGroupId ? { kind: "read-back" } : { kind: "ambiguous-create" };
  }
  if (!canAttemptAgain) return { kind: "fail" };
  return { kind: "retry", delayMs: backoffDelay(ctx.attempt, ctx.options, ctx.random) };
}

/**
 * Full-jitter exponential backoff: uniform in [0, min(maxDelayMs, baseDelayMs × 2^(attempt-1))].
 * `attempt` is the 1-based number of the attempt that failed.
 */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
