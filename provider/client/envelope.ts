/**
 * Turning an HTTP answer into a result, pure. The service answers HTTP 200 unless a gateway fails
 * (https://cloud.tencent.com/document/product/269/1519: "除非 发生网络错误（例如502错误），否则 REST API
 * 的调用结果均为200"), and the real outcome is the body's ActionStatus and ErrorCode. Success needs both `ActionStatus:
 * "OK"` and `ErrorCode: 0` (as https://github.com/dobyte/tencent-im checks).
 */
import type { ChatAction } from "../../protocol/actions";
import { ChatApiError, ChatError, ErrorCodes } from "./errors";
import { parseJsonWithExactIntegers } from "./json64";

/** Keys whose integer values are kept exact (as decimal strings) when parsing an answer. */
export const EXACT_INTEGER_KEYS: ReadonlySet<string> = new Set(["Next"]);

/**
 * The parsed body of a successful answer.
 *
 * @throws ChatError `CHAT_ERR_HTTP` for a non-200 status (5xx: `delivery: "ambiguous"`; 429: `"not-sent"`, retryable).
 * @throws ChatError `CHAT_ERR_PROTOCOL` for a body that is not the documented JSON envelope.
 * @throws ChatApiError for `ActionStatus: "FAIL"` or a non-zero ErrorCode.
 */
export function interpretAnswer(
  action: ChatAction,
  endpoint: string,
  status: number,
  text: string,
  redact: (s: string) => string = (s) => s,
  groupId?: string,
): Record<string, unknown> {
  if (status !== 200) {
    const serverSide = status >= 500;
    throw new ChatError(
      ErrorCodes.Http,
      `Tencent Cloud Chat ${action} failed: POST ${endpoint} answered HTTP ${status}` +
        (serverSide
          ? " (a gateway or server error; the call may or may not have been applied). What to do: try again later."
          : ". The service answers 200 for every API result, so this comes from a proxy or a wrong endpoint. What to do: check the endpoint/region."),
      {
        action,
        status,
        // 429 comes from a gateway that refused to forward: surely not applied. 5xx may come after the service acted.
        delivery: serverSide ? "ambiguous" : status === 429 ? "not-sent" : undefined,
        retryable: status === 429,
      },
    );
  }
  let body: unknown;
  try {
    body = parseJsonWithExactIntegers(text, EXACT_INTEGER_KEYS);
  } catch {
    throw protocolError(action, endpoint, "the body is not JSON", redact(text));
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw protocolError(action, endpoint, "the body is not a JSON object", redact(text));
  }
  const env = body as Record<string, unknown>;
  const code = env.ErrorCode;
  const actionStatus = env.ActionStatus;
  if (typeof code !== "number" || (actionStatus !== "OK" && actionStatus !== "FAIL")) {
    throw protocolError(action, endpoint, "ActionStatus/ErrorCode are missing", redact(text));
  }
  if (actionStatus === "FAIL" || code !== 0) {
    const info = typeof env.ErrorInfo === "string" ? redact(env.ErrorInfo) : "";
    // FAIL with ErrorCode 0 is malformed; report it as an API failure with an unknown code rather than success.
    throw new ChatApiError(action, code === 0 ? -1 : code, info, groupId === undefined ? {} : { groupId });
  }
  return env;
}

function protocolError(action: ChatAction, endpoint: string, why: string, text: string): ChatError {
  const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return new ChatError(
    ErrorCodes.Protocol,
    `Tencent Cloud Chat ${action} failed: POST ${endpoint} answered HTTP 200 but ${why} (starts with ${JSON.stringify(preview)}). ` +
      "What to do: check that the endpoint is the Chat REST API (region/endpoint setting) and not a proxy page.",
    { action, delivery: "ambiguous" },
  );
}
