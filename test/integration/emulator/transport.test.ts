/**
 * The HTTP layer over real sockets: query parameters and UserSig checks, POST-only, body parsing and size limit,
 * unknown paths, logging without secrets, client aborts, malformed requests and close() with keep-alive clients.
 */
import { connect } from "node:net";
import { ADMIN, APP_ID, failure, query, SECRET_KEY, startHarness, userSig, type Harness } from "./harness";

let h: Harness;
const lines: string[] = [];
beforeAll(async () => {
  h = await startHarness({ log: (line) => lines.push(line) });
});
afterAll(() => h.emu.close());

/** Send raw bytes on a fresh socket and collect what comes back until the server closes or `ms` passes. */
function rawExchange(port: number, payload: string, opts: { destroyAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
    socket.on("connect", () => {
      socket.write(payload);
      if (opts.destroyAfterWrite) socket.destroy();
    });
  });
}

describe("query parameters and UserSig", () => {
  test.each([
    ["valid admin sig", {}, 0],
    ["random 0", { random: "0" }, 0],
    ["random 4294967295", { random: "4294967295" }, 0],
    ["sdkappid missing", { sdkappid: undefined }, 60012],
    ["sdkappid of another app", { sdkappid: "1400000002" }, 60006],
    ["sdkappid not a number", { sdkappid: "abc" }, 60006],
    ["identifier missing", { identifier: undefined }, 60004],
    ["usersig missing", { usersig: undefined }, 70002],
    ["usersig empty", { usersig: "" }, 70002],
    ["usersig garbage", { usersig: "not-a-sig" }, 70003],
    ["usersig signed with another key", { usersig: userSig(ADMIN, { key: "other-key" }) }, 70009],
    ["usersig issued to another identifier", { usersig: userSig("bob") }, 70013],
    ["usersig issued for another app", { usersig: userSig(ADMIN, { app: 1400000002 }) }, 70014],
    ["identifier not the admin (own valid sig)", { identifier: "bob", usersig: userSig("bob") }, 60010],
    ["random missing", { random: undefined }, 60002],
    ["random 4294967296", { random: "4294967296" }, 60002],
    ["random negative", { random: "-1" }, 60002],
    ["random not a number", { random: "abc" }, 60002],
    ["contenttype xml", { contenttype: "xml" }, 60002],
    ["contenttype missing", { contenttype: undefined }, 60002],
  ] as [string, Record<string, string | undefined>, number][])("%s → %i", async (_name, overrides, code) => {
    const res = await h.call("get_appid_group_list", {}, { query: overrides });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ActionStatus: code === 0 ? "OK" : "FAIL", ErrorCode: code });
  });

  test("an expired UserSig → 70001 once the emulator clock passes time + expire", async () => {
    const sig = userSig(ADMIN, { expire: 3600 });
    expect((await h.call("get_appid_group_list", {}, { query: { usersig: sig } })).json.ErrorCode).toBe(0);
    h.clock.advance(3601_000 + 1000);
    try {
      expect((await h.call("get_appid_group_list", {}, { query: { usersig: sig } })).json).toEqual(
        failure(70001, "expired"),
      );
    } finally {
      h.clock.advance(-(3601_000 + 1000));
    }
  });

  test("refused requests change nothing but are counted", async () => {
    h.emu.resetCounters();
    const res = await h.call(
      "import_group",
      { Type: "Public", Name: "n", GroupId: "refused" },
      { query: { usersig: "" } },
    );
    expect(res.json.ErrorCode).toBe(70002);
    expect(h.emu.store.getGroup("refused")).toBeUndefined();
    expect(h.emu.counters().import_group).toBe(1);
  });
});

describe("bodies and methods", () => {
  test.each([
    ["empty body", "", 60003, "empty"],
    ["whitespace", "  \n", 60003, "empty"],
    ["not JSON", "{Type:", 60003, "parse"],
    ["JSON array", "[]", 60003, "object"],
    ["JSON null", "null", 60003, "object"],
    ["JSON string", '"x"', 60003, "object"],
  ])("%s → %i", async (_name, body, code, text) => {
    const res = await h.call("import_group", body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(failure(code, text));
  });

  test("the content type is not checked: text/plain with a JSON body works", async () => {
    const res = await h.call("get_appid_group_list", "{}", { headers: { "content-type": "text/plain" } });
    expect(res.json.ErrorCode).toBe(0);
  });

  test.each(["GET", "PUT", "DELETE"] as const)("%s → 60002 envelope", async (method) => {
    const res = await h.call("get_appid_group_list", method === "GET" ? undefined : "{}", { method });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(failure(60002, "POST"));
  });

  test("an unknown command → HTTP 200 10003; a path outside /v4 → HTTP 404 60009", async () => {
    const unknown = await h.raw(`/v4/group_open_http_svc/create_group?${query()}`, "{}");
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({ ActionStatus: "FAIL", ErrorInfo: "invalid command word", ErrorCode: 10003 });
    const outside = await h.raw("/hello", "{}");
    expect(outside.status).toBe(404);
    expect(outside.json).toEqual(failure(60009));
  });

  test("answers carry the documented headers", async () => {
    const res = await fetch(`${h.emu.url}/v4/group_open_http_svc/get_appid_group_list?${query()}`, {
      method: "POST",
      body: "{}",
    });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("POST");
  });
});

describe("body size limit", () => {
  let small: Harness;
  beforeAll(async () => {
    small = await startHarness({ maxBodyBytes: 1024 });
  });
  afterAll(() => small.emu.close());

  test("a body over maxBodyBytes → 60002 naming the limit; the server keeps serving", async () => {
    const body = JSON.stringify({ Type: "Public", Name: "n", Introduction: "x".repeat(2000) });
    const res = await small.call("import_group", body);
    expect(res.json).toEqual(failure(60002, "1024-byte limit"));
    expect(small.emu.store.listGroups()).toEqual([]);
    expect((await small.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
  });

  test("a body exactly at the limit is read", async () => {
    const base = JSON.stringify({ Type: "Public", Name: "n", Introduction: "" });
    const body = base.replace('"Introduction":""', `"Introduction":"${"x".repeat(1024 - base.length)}"`);
    expect(Buffer.byteLength(body)).toBe(1024);
    expect((await small.call("import_group", body)).json).toEqual(failure(10004, "Introduction"));
  });

  test("a runaway upload is answered and the connection closed without reading it all", async () => {
    const head = `POST /v4/group_open_http_svc/import_group?${query()} HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n`;
    const answer = await rawExchange(small.emu.port, head + "x".repeat(20_000));
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"ErrorCode":60002');
    expect((await small.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
  });
});

describe("robustness", () => {
  test("garbage bytes get a 400 and the server keeps serving", async () => {
    const answer = await rawExchange(h.emu.port, "HELLO THERE\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
  });

  test("an unparsable absolute URL → 400 envelope", async () => {
    const answer = await rawExchange(
      h.emu.port,
      "POST http://[bad/v4 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });

  test("a client that aborts mid-body does not disturb the server", async () => {
    const head = `POST /v4/group_open_http_svc/import_group?${query()} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"Type":`;
    await rawExchange(h.emu.port, head, { destroyAfterWrite: true });
    expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
  });

  test("log lines name the action and code but never the query string or UserSig", async () => {
    lines.length = 0;
    const sig = userSig();
    await h.call("get_appid_group_list", {}, { query: { usersig: sig } });
    await h.call("get_appid_group_list", {}, { query: { usersig: "garbage" } });
    expect(lines).toEqual([
      expect.stringMatching(/^POST get_appid_group_list ErrorCode=0 \d+ms$/),
      expect.stringMatching(/^POST get_appid_group_list ErrorCode=70003 \d+ms$/),
    ]);
    for (const line of lines) {
      expect(line).not.toContain(sig);
      expect(line).not.toContain("garbage");
      expect(line).not.toContain("?");
      expect(line).not.toContain(SECRET_KEY);
    }
  });
});

describe("close()", () => {
  test("resolves while a keep-alive client still holds a connection, and is idempotent", async () => {
    const h2 = await startHarness();
    const res = await fetch(`${h2.emu.url}/v4/group_open_http_svc/get_appid_group_list?${query()}`, {
      method: "POST",
      body: "{}",
      headers: { connection: "keep-alive" },
    });
    expect(((await res.json()) as { ErrorCode: number }).ErrorCode).toBe(0);
    await Promise.all([h2.emu.close(), h2.emu.close()]);
    await expect(fetch(`${h2.emu.url}/`, { method: "POST" })).rejects.toThrow();
  });

  test("startEmulator refuses bad options by name", async () => {
    await expect(startHarness({ sdkAppId: 0 })).rejects.toThrow("sdkAppId");
    await expect(startHarness({ secretKey: "" })).rejects.toThrow("secretKey");
  });

  test("the URL is the bound loopback port", () => {
    expect(h.emu.url).toBe(`http://127.0.0.1:${h.emu.port}`);
    expect(h.emu.port).toBeGreaterThan(0);
    expect(APP_ID).toBeGreaterThan(0);
  });
});
