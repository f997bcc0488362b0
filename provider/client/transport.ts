/**
 * HTTP transport over undici: one keep-alive Agent per client (connections are reused across calls; the REST overview's
 * FAQ, https://cloud.tencent.com/document/product/269/1519, recommends keep-alive and pooling), one overall deadline
 * per request covering headers and body, and failures turned into our own errors. Raw undici errors are never attached:
 * their messages and properties can hold the request URL, and ours holds the UserSig. Only a sanitized summary (name,
 * code, redacted message) becomes `cause`.
 */
import { Agent } from "undici";
import type { ChatAction } from "../../protocol/actions";
import { ChatError, ErrorCodes } from "./errors";
import type { Delivery } from "./retry";

/** Transport settings. */
export interface TransportOptions {
  /** Deadline for one request, headers and body included, in ms. Default 10000 (the server's own timeout is 3 s). */
  timeoutMs?: number;
  /** Maximum sockets per origin. Default 16. */
  connections?: number;
  /** How long an idle socket is kept, in ms. Default 30000 (undici still honours a shorter server keep-alive hint). */
  keepAliveTimeoutMs?: number;
}

/** The raw HTTP answer. */
export interface HttpAnswer {
  status: number;
  text: string;
}

/** Default request deadline: above the server's documented 3 s REST timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Error codes of failures that happen before any byte of the request is written. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Where a low-level error leaves the request. Pure; exported for tests. */
export function deliveryOf(err: unknown): Delivery {
  return errorCodes(err).some(isNotSentCode) ? "not-sent" : "ambiguous";
}

function isNotSentCode(code: string): boolean {
  return NOT_SENT_CODES.has(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_");
}

/** `code`s along the cause chain: undici wraps connect errors, so the system code may sit on a cause. */
function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e !== null && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

function errorCodeOf(err: unknown): string | undefined {
  const codes = errorCodes(err);
  return codes.find(isNotSentCode) ?? codes[0];
}

/** A secret-free stand-in for a low-level error, safe to attach as `cause`. */
export function sanitizeCause(err: unknown, redact: (s: string) => string): Error {
  const name = err instanceof Error ? err.name : "Error";
  const message = redact(err instanceof Error ? err.message : String(err));
  const safe = new Error(message);
  safe.name = name;
  const code = errorCodeOf(err);
  if (code) (safe as Error & { code?: string }).code = code;
  safe.stack = `${name}: ${message}`; // no frames: they add nothing and the original stack might quote the URL
  return safe;
}

/** POSTs JSON bodies over a private keep-alive Agent. */
export class HttpTransport {
  private readonly agent: Agent;
  /** The longest one request may take (headers and body). */
  readonly timeoutMs: number;
  private closed = false;

  constructor(options: TransportOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${this.timeoutMs}`);
    this.agent = new Agent({
      connections: options.connections ?? 16,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  /**
   * POST `body` to `url` (which carries the UserSig) and return status and text.
   * `endpoint` is the URL without its query, the only form that may appear in messages. `timeoutMs` shortens this
   * request's deadline (the executor passes what is left of the operation's budget); it never lengthens it.
   *
   * @throws ChatError `CHAT_ERR_TIMEOUT` (ambiguous) or `CHAT_ERR_NETWORK` (with `delivery`).
   */
  async post(
    action: ChatAction,
    url: string,
    endpoint: string,
    body: string,
    redact: (s: string) => string,
    timeoutMs: number = this.timeoutMs,
  ): Promise<HttpAnswer> {
    const limitMs = Math.max(1, Math.min(this.timeoutMs, Math.ceil(timeoutMs)));
    if (this.closed) {
      throw new ChatError(
        ErrorCodes.Config,
        `Tencent Cloud Chat ${action}: this ChatClient was closed. Create a new ChatClient.`,
        {
          action,
          delivery: "not-sent",
        },
      );
    }
    const parsed = new URL(url);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    try {
      const res = await this.agent.request({
        origin: parsed.origin,
        path: `${parsed.pathname}${parsed.search}`,
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
        body,
        signal: controller.signal,
      });
      const text = await res.body.text();
      return { status: res.statusCode, text };
    } catch (err) {
      throw this.toChatError(action, endpoint, err, timedOut, redact, limitMs);
    } finally {
      clearTimeout(timer);
    }
  }

  private toChatError(
    action: ChatAction,
    endpoint: string,
    err: unknown,
    timedOut: boolean,
    redact: (s: string) => string,
    limitMs: number,
  ): ChatError {
    const code = errorCodeOf(err);
    const cause = sanitizeCause(err, redact);
    if (timedOut || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new ChatError(
        ErrorCodes.Timeout,
        `Tencent Cloud Chat ${action} timed out: no complete answer from POST ${endpoint} within ${limitMs} ms` +
          `${limitMs < this.timeoutMs ? " (what was left of the operation's deadline)" : ""}. ` +
          "The request was sent, so it may or may not have been applied. What to do: check connectivity to the endpoint, " +
          "or raise timeoutMs / deadlineMs.",
        { action, delivery: "ambiguous", retryable: false, cause },
      );
    }
    const delivery = deliveryOf(err);
    const why =
      delivery === "not-sent"
        ? `could not connect (${code ?? cause.name}); the request was not sent`
        : `the connection failed after the request was sent (${code ?? cause.name}); it may or may not have been applied`;
    return new ChatError(
      ErrorCodes.Network,
      `Tencent Cloud Chat ${action} failed: POST ${endpoint}: ${why}. What to do: check network access to the endpoint ` +
        "(region/endpoint setting, DNS, proxy, firewall) and try again.",
      { action, delivery, retryable: delivery === "not-sent", cause },
    );
  }

  /** Close every pooled connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }
}
