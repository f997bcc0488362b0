/**
 * The request loop behind every {@link ChatClient} method: rate-limit, sign, send, interpret, then follow the pure
 * retry policy (./retry.ts). Also the one place that regenerates an expired UserSig (70001), the one place that
 * reports attempts to the `onRequest` hook (which only ever sees the action and the outcome), and the one place
 * that tells the shared limiter how its grants fared, so it can ride the quota (AIMD, ./limiter.ts).
 */
import { actionPath, type ChatAction } from "./actions";
import { interpretAnswer } from "./envelope";
import { Codes } from "./error-codes";
import { ChatError, ErrorCodes, isChatApiError, isChatError, isConflict } from "./errors";
import { realClock, type LimiterRegistry } from "./limiter";
import { backoffDelay, decideRetry, isRateLimitFailure, type RetryOptions } from "./retry";
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
  /** An ambiguous failure of a non-repeatable action: return the answer to use, or "retry" if surely not applied. */
  onAmbiguous?: (error: unknown, decision: "read-back" | "ambiguous-create") => Promise<"retry" | Record<string, unknown>>;
  /** A conflict on a repeat after an ambiguous attempt: return the answer to use, or "retry". */
  onConflictAfterAmbiguous?: (error: unknown) => Promise<"retry" | Record<string, unknown>>;
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
}


/** Runs calls; one per client. */
export class Executor {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly cfg: ExecutorConfig) {
    this.sleep = cfg.sleep ?? realClock.sleep;
  }

  /** Send `bodyText` as `action` until it succeeds or the policy gives up; returns the parsed answer. */
  async run(action: ChatAction, bodyText: string, hooks: RunHooks = {}): Promise<Record<string, unknown>> {
    const { retry, random } = this.cfg;
    let renewed = false;
    let hadAmbiguous = false;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(action, bodyText, attempt, hooks.groupId);
      } catch (error) {
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
        const decision = decideRetry({ action, error, attempt, rateLimited, hasCustomGroupId: hooks.hasCustomGroupId, options: retry, random });
        if (decision.kind === "read-back" || decision.kind === "ambiguous-create") {
          if (!hooks.onAmbiguous) throw error;
          hadAmbiguous = true;
          const answer = await hooks.onAmbiguous(error, decision.kind);
          if (answer !== "retry") return answer;
          if (attempt >= retry.maxAttempts) throw notApplied(error); // surely not applied, but no attempts left
          await this.sleep(backoffDelay(attempt, retry, random));
          continue;
        }
        if (decision.kind === "fail") throw error;
        await this.sleep(decision.delayMs);
      }
    }
  }

  private async attempt(action: ChatAction, bodyText: string, attempt: number, groupId?: string): Promise<Record<string, unknown>> {
    const { baseUrl, sdkAppId, identifier, sig, transport, limiters, perSecond, random, onRequest } = this.cfg;
    const limiter = limiters?.get(baseUrl, sdkAppId, action, perSecond[action]);
    const grantedAt = limiter ? await limiter.acquire() : 0;
    const url = buildCallUrl(baseUrl, action, { sdkAppId, identifier, userSig: sig.current(), random: randomUint32(random) });
    const endpoint = `${baseUrl}/${actionPath(action)}`;
    const redact = (s: string) => redactText(s, sig.secrets());
    const started = performance.now();
    try {
      const answer = await transport.post(action, url, endpoint, bodyText || "{}", redact);
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

/** The same failure, re-labelled once a read-back proved the request was not applied. */
function notApplied(error: unknown): unknown {
  if (!isChatError(error)) return error;
  return new ChatError(error.code, `${error.message} Reading the group back showed it was NOT created, so repeating the call is safe.`, {
    action: error.action,
    delivery: "not-sent",
    retryable: true,
    status: error.status,
    groupId: error.groupId,
    cause: error.cause,
  });
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
