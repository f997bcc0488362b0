/**
 * Secret scan: drive the client through successes and every kind of failure with a distinctive key, record every
 * UserSig the library generated, and assert neither appears in any error (message, stack, JSON, inspect, causes),
 * in the client's JSON/inspect output, or in the onRequest events.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { Api } from "tls-sig-api-v2/TLSSigAPIv2.js";
import type { RequestEvent } from "../../../provider/client";
import { client, emulator, SECRET_KEY, teardown } from "./helpers";

/** A loopback port nothing listens on: one this test opened and closed itself (never a fixed port). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(teardown);

function dumpError(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur !== undefined && cur !== null && depth < 6; depth++) {
    const err = cur as Error & Record<string, unknown>;
    parts.push(
      String(err.message),
      String(err.stack),
      JSON.stringify(err),
      inspect(err, { showHidden: true, depth: 8 }),
    );
    parts.push(JSON.stringify(Object.getOwnPropertyNames(err).map((k) => [k, String(err[k])])));
    cur = err.cause;
  }
  return parts.join("\n");
}

test("neither the key nor any generated UserSig leaks", async () => {
  const sigs: string[] = [];
  const real = Api.prototype.genUserSig;
  const spy = jest.spyOn(Api.prototype, "genUserSig").mockImplementation(function (
    this: InstanceType<typeof Api>,
    id: string,
    exp: number,
  ) {
    const s = real.call(this, id, exp);
    sigs.push(s);
    return s;
  });
  // a server that answers garbage and echoes the request URL (with the UserSig) back in the body
  const echo = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const sig = new URL(req.url ?? "/", "http://x").searchParams.get("usersig") ?? "";
      res.writeHead(200, { "content-type": "text/html" });
      if (body.includes("echo-json")) {
        res.end(JSON.stringify({ ActionStatus: "FAIL", ErrorCode: 70003, ErrorInfo: `bad sig ${sig} in ${req.url}` }));
      } else {
        res.end(`<p>${sig}</p> proxy error for ${req.url}`);
      }
    });
  });
  await new Promise<void>((r) => echo.listen(0, "127.0.0.1", r));
  try {
    const emu = await emulator();
    const events: RequestEvent[] = [];
    const lines: string[] = [];
    const onRequest = (e: RequestEvent) => {
      events.push(e);
      lines.push(JSON.stringify(e));
    };
    const chat = client(emu, { onRequest, retry: 1 });
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e) => void errors.push(e),
      );

    await chat.importGroup({ Type: "Public", Name: "ok", GroupId: "ok" });
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    // The lookup that would find the lost import fails too, so the ambiguous-create error itself is scanned.
    emu.addFault({ action: "get_appid_group_list", effect: { kind: "error", errorCode: 10004 }, times: 2 });
    await capture(chat.importGroup({ Type: "Public", Name: "amb" }));
    emu.addFault({ action: "destroy_group", effect: { kind: "http", status: 502 }, times: 2 });
    await capture(chat.destroyGroup({ GroupId: "ok" }));
    emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 70001 }, times: 2 });
    await capture(chat.getGroupInfo({ GroupIdList: ["ok"] }));
    emu.addFault({ action: "modify_group_base_info", effect: { kind: "delay", ms: 300 } });
    await capture(client(emu, { onRequest, timeoutMs: 50 }).modifyGroupBaseInfo({ GroupId: "ok", Name: "t" }));
    await capture(chat.destroyGroup({ GroupId: "missing" }));
    await capture(client(emu, { onRequest, secretKey: `${SECRET_KEY}-wrong` }).destroyGroup({ GroupId: "ok" }));
    const port = (echo.address() as AddressInfo).port;
    const garbled = client(emu, { onRequest, endpoint: `http://127.0.0.1:${port}` });
    await capture(garbled.destroyGroup({ GroupId: "ok" }));
    await capture(garbled.destroyGroup({ GroupId: "echo-json" }));
    await capture(
      client(emu, { onRequest, endpoint: `http://127.0.0.1:${await closedPort()}` }).destroyGroup({ GroupId: "ok" }),
    );
    await capture(
      Promise.resolve().then(() => client(emu, { endpoint: `http://127.0.0.1:${port}/?usersig=${SECRET_KEY}` })),
    );

    expect(errors.length).toBe(10);
    expect(sigs.length).toBeGreaterThanOrEqual(4);
    const haystack = [
      ...errors.map(dumpError),
      JSON.stringify(chat),
      inspect(chat, { showHidden: true, depth: 12 }),
      inspect(garbled, { showHidden: true, depth: 12 }),
      String(chat),
      ...lines,
    ].join("\n");
    // the echoed sig and URL were redacted, not dropped silently
    expect(dumpError(errors[6])).toMatch(/<p>REDACTED<\/p> proxy error/);
    expect(dumpError(errors[7])).toMatch(
      /bad sig REDACTED in \/v4\/group_open_http_svc\/destroy_group\?.*usersig=REDACTED/,
    );
    for (const secret of [SECRET_KEY, ...sigs]) expect(haystack).not.toContain(secret);
    expect(haystack).not.toMatch(/usersig=(?!REDACTED)[^&\s"]+/i);
    expect(events.length).toBeGreaterThan(8);
  } finally {
    spy.mockRestore();
    await new Promise<void>((r) => echo.close(() => r()));
  }
});
