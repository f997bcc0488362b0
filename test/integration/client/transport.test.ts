/**
 * Transport-level behaviour against a tiny node:http server on port 0 (things the emulator does not show):
 * the exact request on the wire, keep-alive reuse, a stalled body hitting the deadline, garbled answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChatClient, type RequestEvent } from "../../../provider/client";
import { ADMIN, APP_ID, SECRET_KEY } from "./helpers";

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let seen: Seen[];
let connections: number;
let respond: (req: Seen, res: ServerResponse) => void;
let chat: ChatClient | undefined;

beforeEach(async () => {
  seen = [];
  connections = 0;
  respond = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","TotalCount":0,"GroupIdList":[],"Next":0}');
  };
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const s = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body };
      seen.push(s);
      respond(s, res);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
});

afterEach(async () => {
  await chat?.close();
  chat = undefined;
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function make(extra: Partial<ConstructorParameters<typeof ChatClient>[0]> = {}): ChatClient {
  const port = (server.address() as AddressInfo).port;
  chat = new ChatClient({
    sdkAppId: APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: `http://127.0.0.1:${port}`,
    retry: 0,
    rateLimit: false,
    ...extra,
  });
  return chat;
}

test("the request on the wire: POST, path, all query parameters, JSON content type, body never empty", async () => {
  await make({ random: () => 0.5 }).getAppidGroupList();
  const [s] = seen;
  expect(s!.method).toBe("POST");
  expect(s!.path).toBe("/v4/group_open_http_svc/get_appid_group_list");
  expect([...s!.query.keys()]).toEqual(["sdkappid", "identifier", "usersig", "random", "contenttype"]);
  expect(s!.query.get("sdkappid")).toBe(String(APP_ID));
  expect(s!.query.get("identifier")).toBe(ADMIN);
  expect(s!.query.get("usersig")!.length).toBeGreaterThan(50);
  expect(s!.query.get("random")).toBe(String(2 ** 31));
  expect(s!.query.get("contenttype")).toBe("json");
  expect(s!.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(s!.body).toBe("{}");
});

test("a big Next is sent back as a raw JSON number literal", async () => {
  await make().getAppidGroupList({ Limit: 10, Next: "18446744073709551615" });
  expect(seen[0]!.body).toBe('{"Limit":10,"Next":18446744073709551615}');
});

test("keep-alive: sequential calls reuse pooled connections; a fresh random per request", async () => {
  const c = make();
  for (let i = 0; i < 12; i++) await c.getAppidGroupList();
  expect(seen).toHaveLength(12);
  // undici may open a second socket while the first is being released; after that both are reused
  expect(connections).toBeLessThanOrEqual(2);
  expect(new Set(seen.map((s) => s.query.get("random"))).size).toBe(12);
});

test("close() ends the pooled connections", async () => {
  const c = make();
  await c.getAppidGroupList();
  await c.close();
  chat = undefined;
  await expect(c.getAppidGroupList()).rejects.toMatchObject({
    code: "CHAT_ERR_CONFIG",
    message: expect.stringMatching(/was closed/),
  });
  await c.close(); // idempotent
});

test("the deadline covers the body: headers sent, body stalled → CHAT_ERR_TIMEOUT (ambiguous)", async () => {
  respond = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"ActionStatus":');
  };
  const events: RequestEvent[] = [];
  // The stalled body never ends: a deadline that did not cover it would hang here until jest's timeout.
  await expect(
    make({ timeoutMs: 150, onRequest: (e) => events.push(e) }).destroyGroup({ GroupId: "g" }),
  ).rejects.toMatchObject({
    code: "CHAT_ERR_TIMEOUT",
    delivery: "ambiguous",
    message: expect.stringMatching(
      /timed out: no complete answer from POST http:\/\/127\.0\.0\.1:\d+\/v4\/group_open_http_svc\/destroy_group within 150 ms/,
    ),
  });
  expect(events.map((e) => e.outcome)).toEqual(["timeout"]);
});

test.each([
  ["HTML at 200", 200, "<html>gateway</html>", "CHAT_ERR_PROTOCOL"],
  ["JSON without the envelope", 200, '{"ok":true}', "CHAT_ERR_PROTOCOL"],
  ["HTTP 503", 503, "unavailable", "CHAT_ERR_HTTP"],
  ["HTTP 404", 404, "no such path", "CHAT_ERR_HTTP"],
])("%s (HTTP %i, body %j) → %s", async (_n, status, text, code) => {
  respond = (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain" });
    res.end(text);
  };
  await expect(make().modifyGroupBaseInfo({ GroupId: "g", Name: "n" })).rejects.toMatchObject({ code });
});

test("ActionStatus FAIL at HTTP 200 is a ChatApiError; a retryable one is retried with the injected sleep", async () => {
  let n = 0;
  respond = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      n++ === 0
        ? '{"ActionStatus":"FAIL","ErrorCode":60018,"ErrorInfo":"too frequent"}'
        : '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}',
    );
  };
  const sleeps: number[] = [];
  await make({ retry: 1, sleep: async (ms) => void sleeps.push(ms), random: () => 0 }).destroyGroup({ GroupId: "g" });
  expect(seen).toHaveLength(2);
  expect(sleeps).toEqual([0]);
});
