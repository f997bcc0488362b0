/**
 * Pure URL building and redaction for REST calls (https://cloud.tencent.com/document/product/269/1519). No I/O
 * here, so every rule is unit-tested: the query parameters, the uint32 `random`, the region table and the redaction of `usersig`.
 */
import { actionPath, type ChatAction } from "../../protocol/actions";
import { ChatError, ErrorCodes } from "./errors";
import { isRegion, regionBaseUrl, REGION_NAMES, type Region } from "../../protocol/regions";

/** What replaces secrets in anything we log or put in an error. */
export const REDACTED = "REDACTED";

/** Query parameters of one call. `random` is a fresh uint32 per request (no dedup semantics are documented). */
export interface CallQuery {
  sdkAppId: number;
  identifier: string;
  userSig: string;
  random: number;
}

/** A uniformly random uint32 (0..4294967295), from an injectable `[0,1)` source. */
export function randomUint32(random: () => number = Math.random): number {
  return Math.floor(random() * 0x1_0000_0000) >>> 0;
}

/**
 * The base URL (`scheme://host[:port]`, no trailing slash) from a region or an endpoint override.
 * The endpoint wins when both are given; it must be an absolute http(s) URL without query or fragment
 * (e.g. the emulator's `http://127.0.0.1:43127`). Default region: `china` (the documented default domain).
 *
 * @throws ChatError `CHAT_ERR_CONFIG` for an unknown region or a malformed endpoint.
 */
export function resolveBaseUrl(opts: { region?: string; endpoint?: string }): string {
  if (opts.endpoint !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(opts.endpoint);
    } catch {
      throw new ChatError(
        ErrorCodes.Config,
        `Invalid Tencent Cloud Chat endpoint ${JSON.stringify(opts.endpoint)}: it is not an absolute URL. ` +
          `Set it to e.g. "https://adminapisgp.im.qcloud.com" or the emulator's "http://127.0.0.1:<port>", or use a region instead.`,
      );
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      throw new ChatError(
        ErrorCodes.Config,
        `Invalid Tencent Cloud Chat endpoint: protocol ${JSON.stringify(parsed.protocol)} is not supported. ` +
          `Use an http:// or https:// URL.`,
      );
    }
    if (parsed.search || parsed.hash || parsed.username || parsed.password) {
      throw new ChatError(
        ErrorCodes.Config,
        `Invalid Tencent Cloud Chat endpoint ${redactUrl(opts.endpoint)}: it must not contain credentials, a query or a fragment. ` +
          `Give only the scheme, host and optional port (and path prefix).`,
      );
    }
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
  }
  const region = opts.region ?? "china";
  if (!isRegion(region)) {
    throw new ChatError(
      ErrorCodes.Config,
      `Unknown Tencent Cloud Chat region ${JSON.stringify(region)}. Use one of ${REGION_NAMES.join(", ")}, ` +
        `or set an explicit endpoint.`,
    );
  }
  return regionBaseUrl(region as Region);
}

/** `<base>/v4/<service>/<command>?sdkappid=&identifier=&usersig=&random=&contenttype=json` (names are case-sensitive). */
export function buildCallUrl(baseUrl: string, action: ChatAction, q: CallQuery): string {
  const params = new URLSearchParams({
    sdkappid: String(q.sdkAppId),
    identifier: q.identifier,
    usersig: q.userSig,
    random: String(q.random),
    contenttype: "json",
  });
  return `${baseUrl}/${actionPath(action)}?${params.toString()}`;
}

/** A URL with the `usersig` query value replaced by `REDACTED`; non-URL text is redacted pattern-wise. */
export function redactUrl(url: string): string {
  return redactText(url);
}

/**
 * Text with every `usersig=<value>` replaced by `usersig=REDACTED` (any case), and every literal secret in `secrets`
 * (the key, current and previous UserSigs) replaced by `REDACTED`. Used on anything that may reach a message.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(usersig=)[^&#\s"']*/gi, `$1${REDACTED}`);
  for (const s of secrets) {
    // Only redact non-trivial secrets: replacing a 1-char string would shred the message.
    if (s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out;
}
