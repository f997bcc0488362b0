/**
 * The HTTP listener. `/v4/<service>/<command>`: count → fault rule → method, body size, query and UserSig
 * checks → quota → JSON body → handler. `/_emulator/*`: admin routes. Answers are HTTP 200 envelopes except injected HTTP faults and unknown paths.
 * Nothing a client sends can crash it; log lines never contain the query string.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { actionForPath, type ChatAction } from "../protocol/actions";
import { handleAdmin } from "./admin";
import { verifyUserSig } from "./auth";
import type { EmulatorCore } from "./core";
import { ChatFailure, failEnvelope, okEnvelope, sendJson, toWireJson } from "./envelope";

/**
 * Actions documented with 10018 ("response over 1 MB"): get_group_info (269/1616), get_appid_group_list (269/1614),
 * get_group_member_info (269/1617, which lists 10018: answer over 1 MB, ask with a smaller Limit).
 */
const REPLY_LIMITED: ReadonlySet<ChatAction> = new Set<ChatAction>([
  "get_group_info",
  "get_appid_group_list",
  "get_group_member_info",
]);
import { readBody } from "./http-body";
import { HANDLERS } from "./router";
import type { Body } from "./validate";

/** Timers of delay faults, cleared on close so a stopped emulator leaves nothing pending. */
export class Sleeper {
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Resolve after `ms`, or never if {@link Sleeper.cancelAll} runs first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Cancel every pending sleep. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

const UINT32 = /^\d{1,10}$/;

/** The refusal for a request whose query parameters or UserSig are wrong, else undefined. */
export function checkQuery(query: URLSearchParams, core: EmulatorCore): ChatFailure | undefined {
  const sdkappid = query.get("sdkappid");
  if (sdkappid === null || sdkappid === "") return new ChatFailure(60012, "sdkappid is missing in the URL");
  if (!/^\d+$/.test(sdkappid) || Number(sdkappid) !== core.sdkAppId) return new ChatFailure(60006, "SDKAppID invalid");
  const identifier = query.get("identifier");
  if (identifier === null || identifier === "") return new ChatFailure(60004, "identifier is missing in the URL");
  const sig = verifyUserSig({
    sdkAppId: core.sdkAppId,
    secretKey: core.secretKey,
    identifier,
    userSig: query.get("usersig") ?? "",
    nowSeconds: Math.floor(core.clock() / 1000),
  });
  if (!sig.ok) return new ChatFailure(sig.errorCode, sig.errorInfo);
  if (identifier !== core.admin)
    return new ChatFailure(60010, "identifier is not an App admin; REST API calls require an App admin");
  const random = query.get("random");
  if (random === null || !UINT32.test(random) || Number(random) > 4294967295) {
    return new ChatFailure(60002, "random must be an unsigned 32-bit integer (0 to 4294967295)");
  }
  if (query.get("contenttype") !== "json") return new ChatFailure(60002, "contenttype must be json");
  return undefined;
}

/** The JSON object in a body, or the 60003 refusal. */
function parseJsonBody(text: string): Body | ChatFailure {
  if (text.trim() === "") return new ChatFailure(60003, "request body is empty; send {} when there is nothing to send");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new ChatFailure(60003, "request JSON parse error");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return new ChatFailure(60003, "request body must be a JSON object");
  }
  return parsed as Body;
}

/** Build the `(req, res)` listener of one emulator. */
export function createListener(
  core: EmulatorCore,
  sleeper: Sleeper,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    res.on("error", () => undefined); // the client may be gone; nothing to do
    handle(core, sleeper, req, res).catch((error: unknown) => {
      core.log?.(`internal error: ${(error as Error)?.message ?? String(error)}`);
      sendJson(res, 200, failEnvelope(10002, "internal server error"));
    });
  };
}

async function handle(core: EmulatorCore, sleeper: Sleeper, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://emulator.invalid");
  } catch {
    await readBody(req, core.maxBodyBytes);
    sendJson(res, 400, failEnvelope(60002, "HTTP parse error: malformed request URL"));
    return;
  }
  if (url.pathname.startsWith("/_emulator/")) {
    await handleAdmin(core, req, res, url.pathname);
    return;
  }

  const action = actionForPath(url.pathname);
  const answer = (status: number, envelope: Record<string, unknown>, headers: Record<string, string> = {}): void => {
    core.log?.(
      `${req.method ?? "?"} ${action ?? url.pathname} ErrorCode=${String(envelope.ErrorCode)} ${Date.now() - started}ms`,
    );
    sendJson(res, status, envelope, headers);
  };
  if (action === undefined) {
    await readBody(req, core.maxBodyBytes);
    // A well-formed /v4/<service>/<command> path with an unknown command is "invalid command word" (10003);
    // anything else is not the REST API at all.
    if (/^\/v4\/[^/]+\/[^/]+$/.test(url.pathname)) answer(200, failEnvelope(10003, "invalid command word"));
    else answer(404, failEnvelope(60009, "wrong resource in the URL"));
    return;
  }
  core.counters[action] += 1;

  const fault = core.faults.take(action);
  const body = await readBody(req, core.maxBodyBytes);
  if (body.kind === "aborted") return;
  // A slow service has the whole request and does the work even if the caller gave up waiting: delay after reading.
  if (fault?.kind === "delay") await sleeper.sleep(fault.ms);
  if (fault?.kind === "drop") {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === "error") return answer(200, failEnvelope(fault.errorCode, fault.errorInfo ?? "injected fault"));
  if (fault?.kind === "http") {
    core.log?.(`${req.method ?? "?"} ${action} HTTP ${fault.status} (injected)`);
    sendJson(res, fault.status, { error: `injected HTTP ${fault.status}` });
    return;
  }

  const refusal = refuse(core, req, url, action, body.kind === "tooLarge" ? body.bytes : undefined);
  if (refusal !== undefined) {
    // An oversized body may still be arriving: close after answering instead of draining it.
    const headers: Record<string, string> = body.kind === "tooLarge" ? { Connection: "close" } : {};
    return answer(200, failEnvelope(refusal.errorCode, refusal.errorInfo), headers);
  }
  const parsed = parseJsonBody(body.kind === "ok" ? body.text : "");
  if (parsed instanceof ChatFailure) return answer(200, failEnvelope(parsed.errorCode, parsed.errorInfo));

  let envelope: Record<string, unknown>;
  try {
    const extra = HANDLERS[action](parsed, {
      store: core.store,
      behaviour: core.behaviour,
      sdkAppId: core.sdkAppId,
      nowSeconds: () => Math.floor(core.clock() / 1000),
      listCursorBase: core.listCursorBase,
      rawBody: body.kind === "ok" ? body.text : "",
    });
    envelope = okEnvelope(extra);
    // Reads whose answer grows with the data are refused above 1 MB (10018); writes are never undone this way.
    if (REPLY_LIMITED.has(action) && Buffer.byteLength(toWireJson(envelope)) > core.behaviour.maxReplyBytes) {
      envelope = failEnvelope(
        10018,
        `response packet is too large (over ${core.behaviour.maxReplyBytes} bytes); request fewer groups`,
      );
    }
  } catch (error) {
    if (!(error instanceof ChatFailure)) throw error;
    envelope = failEnvelope(error.errorCode, error.errorInfo);
  }
  if (fault?.kind === "applyThenDrop") {
    core.log?.(`${req.method ?? "?"} ${action} applied, answer dropped (injected)`);
    req.socket.destroy();
    return;
  }
  answer(200, envelope);
}

/** Method, size, query/UserSig and quota checks, in that order; undefined when the request may proceed. */
function refuse(
  core: EmulatorCore,
  req: IncomingMessage,
  url: URL,
  action: ChatAction,
  oversized: number | undefined,
): ChatFailure | undefined {
  if (req.method !== "POST")
    return new ChatFailure(60002, `HTTP parse error: method must be POST, got ${req.method ?? "none"}`);
  if (oversized !== undefined) {
    return new ChatFailure(60002, `HTTP parse error: request body is over the ${core.maxBodyBytes}-byte limit`);
  }
  const query = checkQuery(url.searchParams, core);
  if (query !== undefined) return query;
  if (!core.quotas.tryTake(action)) {
    return new ChatFailure(
      core.quotaErrorCode,
      `REST API call frequency exceeded: ${action} allows ${core.quotas.get(action)} calls per second`,
    );
  }
  return undefined;
}
