/**
 * The request loop behind every {@link ChatClient} method: rate-limit, sign, send, interpret, then follow the pure
 * retry policy (./retry.ts). Also the one place that regenerates an expired UserSig (70001), the one place that
 * reports attempts to the `onRequest` hook (which only ever sees the action and the outcome), and the one place
 * that tells the shared limiter how its grants fared, so it can ride the quota (AIMD, ./limiter.ts).
 *
 * Every call runs within one time budget ({@link Deadline}, the `deadlineMs` option): each attempt's timeout is cut
 * to what is left of it, no back-off is started that would outlast it, and a call that gives up says how many
 * attempts it made over how long. Waiting for a rate-limit token is not counted (nothing was sent while waiting).
 */
import { actionPath, type ChatAction } from "../../protocol/actions";
import { interpretAnswer } from "./envelope";
import { Codes } from "../../protocol/error-codes";
import { ChatError, ErrorCodes, isChatApiError, isChatError, isConflict } from "./errors";
import { realClock, type LimiterRegistry } from "./limiter";
import { backoffDelay, classifyFailure, decideRetry, isRateLimitFailure, type RetryOptions } from "./retry";
import type { HttpTransport } from "./transport";
import { buildCallUrl, randomUint32, redactText } from "./url";
import type { UserSigSource } from "./usersig";

/** What the `onRequest` hook receives after each attempt. Deliberately free of URLs and credentials. */
export interface RequestEvent {
  action: ChatAction;
  /** 1-based attempt number within one method call (a read-back is a separate call). */
  attempt: number;
  outcome: "ok" | "api-error" | "http-error" | "network-error" | "timeout" | "protocol-error";
  /** Tencent ErrorCode for `api-error`. */
  errorCode?: number;
  /** HTTP status for `http-error`. */
  httpStatus?: number;
  /** For transport failures: whether the request may have been applied. */
  delivery?: "not-sent" | "ambiguous";
  /** Wall time of the attempt in ms, limiter wait excluded. */
  durationMs: number;
}

/** Per-call hooks, used by import_group to resolve a lost answer. */
export interface RunHooks {
  /** The group the call is about (named in API errors). */
  groupId?: string;
  /** import_group carries a custom GroupId (decides read-back vs ambiguous-create). */
  hasCustomGroupId?: boolean;
  /** The budget to run within; a call started inside another's (import_group's read-back) shares it. Default: new. */
  deadline?: Deadline;
  /** An ambiguous failure of a non-repeatable action: return the answer to use, or "retry" if surely not applied. */
  onAmbiguous?: (
    error: unknown,
    decision: "read-back" | "ambiguous-create",
  ) => Promise<"retry" | Record<string, unknown>>;
  /** A conflict on a repeat after an ambiguous attempt: return the answer to use, or "retry". */
  onConflictAfterAmbiguous?: (error: unknown) => Promise<"retry" | Record<string, unknown>>;
  /** Told of every attempt that ended ambiguously (it may still be applied later), before the policy decides. */
  onAmbiguousAttempt?: (error: unknown) => void;
}

/** Wiring of an {@link Executor}. */
export interface ExecutorConfig {
  baseUrl: string;
  sdkAppId: number;
  identifier: string;
  sig: UserSigSource;
  transport: HttpTransport;
  retry: RetryOptions;
  /** Undefined = no rate limiting. */
  limiters?: LimiterRegistry;
  perSecond: Partial<Record<ChatAction, number>>;
  sleep?: (ms: number) => Promise<void>;
  random: () => number;
  onRequest?: (event: RequestEvent) => void;
  /** Time budget of one call, attempts and back-off included. Default {@link DEFAULT_DEADLINE_MS}. */
  deadlineMs?: number;
  /** Monotonic clock in ms for the budget. Default `performance.now`. */
  now?: () => number;
}

/** Default time budget of one call: three default request timeouts. */
export const DEFAULT_DEADLINE_MS = 30_000;

/** The time budget of one call (and of the calls it makes on its behalf, like import_group's read-back). */
export class Deadline {
  private readonly startedAt: number;
  private excluded = 0;
  /** Attempts made within this budget so far (all calls sharing it). */
  attempts = 0;

  constructor(
    /** The budget in ms. */
    readonly budgetMs: number,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
  }

  /** Time spent so far, waits that do not count excluded. */
  elapsedMs(): number {
    return this.now() - this.startedAt - this.excluded;
  }

  /** Time left; 0 or less when the budget is spent. */
  remainingMs(): number {
    return this.budgetMs - this.elapsedMs();
  }

  /** Do not count `ms` (time spent waiting for a rate-limit token). */
  exclude(ms: number): void {
    this.excluded += Math.max(0, ms);
  }

  /** "3 attempts over 30.0 s", for messages. */
  summary(): string {
    return `${this.attempts} attempt${this.attempts === 1 ? "" : "s"} over ${(this.elapsedMs() / 1000).toFixed(1)} s`;
  }
}

/** Runs calls; one per client. */
export class Executor {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** The budget of each call. */
  readonly deadlineMs: number;

  constructor(private readonly cfg: ExecutorConfig) {
    this.sleep = cfg.sleep ?? realClock.sleep;
    this.now = cfg.now ?? (() => performance.now());
    this.deadlineMs = cfg.deadlineMs ?? DEFAULT_DEADLINE_MS;
    if (!(this.deadlineMs > 0)) throw new RangeError(`deadlineMs must be positive, got ${this.deadlineMs}`);
  }

  /** A fresh budget for one call (and whatever it runs on its behalf). */
  newDeadline(): Deadline {
    return new Deadline(this.deadlineMs, this.now);
  }

  /** Send `bodyText` as `action` until it succeeds, the policy gives up or the budget runs out; returns the answer. */
  async run(action: ChatAction, bodyText: string, hooks: RunHooks = {}): Promise<Record<string, unknown>> {
    const { retry, random } = this.cfg;
    const deadline = hooks.deadline ?? this.newDeadline();
    let renewed = false;
    let hadAmbiguous = false;
    let rateLimited = 0;
    // Sleeps only when the budget allows it; false means the budget would run out first.
    const backOff = async (ms: number): Promise<boolean> => {
      if (ms >= deadline.remainingMs()) return false;
      await this.sleep(ms);
      return deadline.remainingMs() > 0;
    };
    for (let attempt = 1; ; attempt++) {
      if (deadline.remainingMs() <= 0) throw outOfTime(action, deadline, hooks.groupId);
      try {
        return await this.attempt(action, bodyText, attempt, deadline, hooks.groupId);
      } catch (error) {
        if (OUT_OF_TIME.has(error as object)) throw error;
        if (hooks.onAmbiguousAttempt && classifyFailure(error) === "ambiguous") hooks.onAmbiguousAttempt(error);
        if (isChatApiError(error) && error.errorCode === Codes.UserSigExpired) {
          // Regenerate once when we own the key; a supplied UserSig cannot be renewed, and the error says so.
          if (!this.cfg.sig.canRenew || renewed) throw error;
          renewed = true;
          this.cfg.sig.renew();
          attempt--; // the renewal retry does not use up the caller's attempts
          continue;
        }
        if (hadAmbiguous && hooks.onConflictAfterAmbiguous && isConflict(error)) {
          const answer = await hooks.onConflictAfterAmbiguous(error);
          if (answer !== "retry") return answer;
          throw error;
        }
        if (isRateLimitFailure(error)) rateLimited++;
        const decision = decideRetry({
          action,
          error,
          attempt,
          rateLimited,
          hasCustomGroupId: hooks.hasCustomGroupId,
          options: retry,
          random,
        });
        if (decision.kind === "read-back" || decision.kind === "ambiguous-create") {
          if (!hooks.onAmbiguous) throw error;
          hadAmbiguous = true;
          const answer = await hooks.onAmbiguous(error, decision.kind);
          if (answer !== "retry") return answer;
          if (attempt >= retry.maxAttempts) throw giveUp(notApplied(error), deadline, false); // surely not applied, no attempts left
          if (!(await backOff(backoffDelay(attempt, retry, random)))) throw giveUp(notApplied(error), deadline, true);
          continue;
        }
        if (decision.kind === "fail") throw giveUp(error, deadline, false);
        if (!(await backOff(decision.delayMs))) throw giveUp(error, deadline, true);
      }
    }
  }

  private async attempt(
    action: ChatAction,
    bodyText: string,
    attempt: number,
    deadline: Deadline,
    groupId?: string,
  ): Promise<Record<string, unknown>> {
    const { baseUrl, sdkAppId, identifier, sig, transport, limiters, perSecond, random, onRequest } = this.cfg;
    const limiter = limiters?.get(baseUrl, sdkAppId, action, perSecond[action]);
    const waitFrom = this.now();
    const grantedAt = limiter ? await limiter.acquire() : 0;
    deadline.exclude(this.now() - waitFrom);
    const left = deadline.remainingMs();
    if (left <= 0) throw outOfTime(action, deadline, groupId);
    deadline.attempts++;
    const url = buildCallUrl(baseUrl, action, {
      sdkAppId,
      identifier,
      userSig: sig.current(),
      random: randomUint32(random),
    });
    const endpoint = `${baseUrl}/${actionPath(action)}`;
    const redact = (s: string) => redactText(s, sig.secrets());
    const started = performance.now();
    try {
      const answer = await transport.post(action, url, endpoint, bodyText || "{}", redact, left);
      const body = interpretAnswer(action, endpoint, answer.status, answer.text, redact, groupId);
      limiter?.onAccepted(grantedAt);
      onRequest?.({ action, attempt, outcome: "ok", durationMs: performance.now() - started });
      return body;
    } catch (error) {
      // Any answer from the service means the call was admitted; only a refusal for rate slows the limiter.
      if (isRateLimitFailure(error)) limiter?.onRefused(grantedAt);
      else if (isChatApiError(error)) limiter?.onAccepted(grantedAt);
      onRequest?.(describeFailure(action, attempt, error, performance.now() - started));
      throw error;
    }
  }
}

/**
 * The final failure of a call, with how many attempts it made over how long added to its message (only when the
 * retry policy was involved: more than one attempt, the budget ran out, or the failure was a transient one).
 */
function giveUp(error: unknown, deadline: Deadline, ranOut: boolean): unknown {
  if (!isChatError(error)) return error;
  if (!ranOut && deadline.attempts <= 1 && classifyFailure(error) === "permanent") return error;
  const why = ranOut
    ? `the operation deadline of ${deadline.budgetMs} ms (the deadlineMs setting) left no time for another attempt`
    : classifyFailure(error) === "permanent"
      ? "the last failure is not one a retry can fix"
      : "the retry policy allows no more attempts";
  (error as { message: string }).message += ` Gave up after ${deadline.summary()}: ${why}.`;
  return error;
}

/** Errors made by {@link outOfTime}: final, never retried or annotated again. */
const OUT_OF_TIME = new WeakSet<object>();

/** The budget was spent before an attempt could start (e.g. a read-back after a long first attempt). */
function outOfTime(action: ChatAction, deadline: Deadline, groupId?: string): ChatError {
  const error = new ChatError(
    ErrorCodes.Timeout,
    `Tencent Cloud Chat ${action} was not sent: the operation deadline of ${deadline.budgetMs} ms (the deadlineMs setting) ` +
      `was already spent (${deadline.summary()}). What to do: check connectivity to the endpoint, or raise deadlineMs.`,
    { action, delivery: "not-sent", retryable: true, groupId },
  );
  OUT_OF_TIME.add(error);
  return error;
}

/** The same failure, re-labelled once a read-back proved the request was not applied. */
function notApplied(error: unknown): unknown {
  if (!isChatError(error)) return error;
  return new ChatError(
    error.code,
    `${error.message} Reading the group back showed it was NOT created, so repeating the call is safe.`,
    {
      action: error.action,
      delivery: "not-sent",
      retryable: true,
      status: error.status,
      groupId: error.groupId,
      cause: error.cause,
    },
  );
}

function describeFailure(action: ChatAction, attempt: number, error: unknown, durationMs: number): RequestEvent {
  const base = { action, attempt, durationMs };
  if (isChatApiError(error)) return { ...base, outcome: "api-error", errorCode: error.errorCode };
  if (isChatError(error)) {
    switch (error.code) {
      case ErrorCodes.Http:
        return { ...base, outcome: "http-error", httpStatus: error.status, delivery: error.delivery };
      case ErrorCodes.Timeout:
        return { ...base, outcome: "timeout", delivery: error.delivery };
      case ErrorCodes.Protocol:
        return { ...base, outcome: "protocol-error", delivery: error.delivery };
      default:
        return { ...base, outcome: "network-error", delivery: error.delivery };
    }
  }
  return { ...base, outcome: "network-error" };
}
