/**
 * Exact wire envelopes of the Chat REST API: HTTP 200 with `{ActionStatus, ErrorCode, ErrorInfo}` always present
 * (https://cloud.tencent.com/document/product/269/1519: "应答包体中必然包含 ActionStatus、ErrorInfo、ErrorCode"), plus
 * the thrown error handlers use to refuse a request.
 */
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** A refused request: handlers throw it, the server turns it into a FAIL envelope. */
export class ChatFailure extends Error {
  /** Tencent error code, e.g. 10004. */
  readonly errorCode: number;
  /** ErrorInfo text, sent verbatim. */
  readonly errorInfo: string;

  constructor(errorCode: number, errorInfo: string) {
    super(`${errorCode}: ${errorInfo}`);
    this.name = "ChatFailure";
    this.errorCode = errorCode;
    this.errorInfo = errorInfo;
  }
}

/** `{ActionStatus:"OK", ErrorInfo:"", ErrorCode:0, ...extra}` with the envelope keys first, as the service orders them. */
export function okEnvelope(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0, ...extra };
}

/** `{ActionStatus:"FAIL", ErrorInfo, ErrorCode}`. */
export function failEnvelope(errorCode: number, errorInfo: string): Record<string, unknown> {
  return { ActionStatus: "FAIL", ErrorInfo: errorInfo, ErrorCode: errorCode };
}

// A per-process nonce keeps a user string that happens to look like the marker from being rewritten.
const NONCE = randomBytes(6).toString("hex");
const BIGINT_MARK = `\u0000bigint${NONCE}:`;
const BIGINT_PATTERN = new RegExp(`"\\\\u0000bigint${NONCE}:(-?\\d+)"`, "g");

/**
 * JSON text of a body in which bigint values are written as plain JSON numbers, digit for digit,
 * so a 64-bit cursor above 2^53 reaches the client uncorrupted (JSON.stringify alone throws on bigint).
 */
export function toWireJson(body: unknown): string {
  const text = JSON.stringify(body, (_key, value: unknown) =>
    typeof value === "bigint" ? `${BIGINT_MARK}${value.toString()}` : value,
  );
  return text.replace(BIGINT_PATTERN, "$1");
}

/** Write a JSON answer. Headers match the documented sample (CORS headers included). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = toWireJson(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST",
    ...extraHeaders,
  });
  res.end(text);
}
