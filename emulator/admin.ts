/**
 * Admin routes under `/_emulator/` on the same port, for tests and demos in other processes. They need no
 * UserSig: the emulator is a loopback test tool. Answers are plain JSON (`{ok:true,…}` or HTTP 4xx `{error}`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import { zeroCounters, type EmulatorCore } from "./core";
import { sendJson } from "./envelope";
import { parseFaultRule } from "./faults";
import { readBody } from "./http-body";

type Route = (
  core: EmulatorCore,
  body: unknown,
  param: string | undefined,
) => { status?: number; body: Record<string, unknown> };

const ROUTES: Record<string, Route> = {
  "POST /_emulator/faults": (core, body) => {
    core.faults.add(parseFaultRule(body));
    return { status: 201, body: { ok: true, active: core.faults.size } };
  },
  "DELETE /_emulator/faults": (core) => {
    core.faults.clear();
    return { body: { ok: true } };
  },
  "GET /_emulator/counters": (core) => ({ body: { ...core.counters } }),
  "POST /_emulator/counters/reset": (core) => {
    core.counters = zeroCounters();
    return { body: { ok: true } };
  },
  "PUT /_emulator/quota": (core, body, action) => {
    if (action === undefined || !(ACTION_NAMES as string[]).includes(action)) {
      throw new Error(`unknown action ${JSON.stringify(action)}; one of ${ACTION_NAMES.join(", ")}`);
    }
    const perSecond = (body as { perSecond?: unknown } | null)?.perSecond;
    if (perSecond !== null && (typeof perSecond !== "number" || !(perSecond > 0))) {
      throw new Error("body must be {perSecond: <positive number>} or {perSecond: null}");
    }
    core.quotas.set(action as ChatAction, perSecond ?? undefined);
    return { body: { ok: true } };
  },
  "GET /_emulator/groups": (core) => ({
    body: { groups: core.store.listGroups(), accounts: core.store.listAccounts() },
  }),
  "POST /_emulator/reset": (core) => {
    core.store.reset();
    core.faults.clear();
    core.counters = zeroCounters();
    return { body: { ok: true } };
  },
};

/** Serve one admin request. */
export async function handleAdmin(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const body = await readBody(req, core.maxBodyBytes);
  if (body.kind === "aborted") return;
  if (body.kind === "tooLarge") return sendJson(res, 413, { error: "body too large" }, { Connection: "close" });
  // `/_emulator/quota/<action>` carries its parameter in the path.
  const match = /^(\/_emulator\/quota)\/([^/]+)$/.exec(pathname);
  const routePath = match === null ? pathname : match[1];
  const route = ROUTES[`${req.method ?? ""} ${routePath}`];
  if (route === undefined) {
    const known = Object.keys(ROUTES).some((key) => key.endsWith(` ${routePath}`));
    return sendJson(res, known ? 405 : 404, { error: known ? "method not allowed" : "unknown admin route" });
  }
  let parsed: unknown = undefined;
  if (body.text.trim() !== "") {
    try {
      parsed = JSON.parse(body.text);
    } catch {
      return sendJson(res, 400, { error: "body is not valid JSON" });
    }
  }
  try {
    const result = route(core, parsed, match === null ? undefined : decodeURIComponent(match[2]));
    sendJson(res, result.status ?? 200, result.body);
  } catch (error) {
    sendJson(res, 400, { error: (error as Error).message });
  }
}
