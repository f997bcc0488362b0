/**
 * Fault injection (programmatic and over /_emulator/faults), quotas on the emulator clock, counters, and the
 * other admin routes, over real HTTP.
 */
import { request } from "undici";
import { ACTION_NAMES } from "../../../protocol/actions";
import { failure, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());
beforeEach(async () => {
  await h.raw("/_emulator/reset", undefined);
});

const admin = async (method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown) => {
  const res = await request(`${h.emu.url}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text === "" ? undefined : JSON.parse(text) };
};

describe("fault effects", () => {
  test("error: FAIL envelope with the code, the request is not applied, fires once by default", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10002, errorInfo: "busy" } });
    const body = { Type: "Public", Name: "n", GroupId: "f1" };
    expect((await h.call("import_group", body)).json).toEqual({
      ActionStatus: "FAIL",
      ErrorInfo: "busy",
      ErrorCode: 10002,
    });
    expect(h.emu.store.getGroup("f1")).toBeUndefined();
    expect((await h.call("import_group", body)).json.ErrorCode).toBe(0);
  });

  test("http: the status with a short body, not applied", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "http", status: 502 } });
    const res = await h.call("import_group", { Type: "Public", Name: "n", GroupId: "f2" });
    expect(res.status).toBe(502);
    expect(res.json).toEqual({ error: "injected HTTP 502" });
    expect(h.emu.store.getGroup("f2")).toBeUndefined();
  });

  test("drop: the socket closes without an answer, not applied", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "drop" } });
    await expect(h.call("import_group", { Type: "Public", Name: "n", GroupId: "f3" })).rejects.toThrow();
    expect(h.emu.store.getGroup("f3")).toBeUndefined();
  });

  test("applyThenDrop: the change is applied but the answer is lost", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    await expect(h.call("import_group", { Type: "Public", Name: "n", GroupId: "f4" })).rejects.toThrow();
    expect(h.emu.store.getGroup("f4")?.Name).toBe("n");
  });

  test("delay: the answer is held (other requests are answered meanwhile), then comes normally", async () => {
    h.emu.addFault({ action: "get_appid_group_list", effect: { kind: "delay", ms: 1000 } });
    const order: string[] = [];
    const delayed = h.call("get_appid_group_list", {}).then((r) => (order.push("delayed"), r));
    // Requests sent after it, to another action, are answered while it is held.
    for (let i = 0; i < 3; i++) {
      expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
      order.push(`other ${i}`);
    }
    expect((await delayed).json.ErrorCode).toBe(0);
    expect(order).toEqual(["other 0", "other 1", "other 2", "delayed"]);
  });

  test("rules match only their action; an action-less rule matches all; times and removal", async () => {
    h.emu.addFault({ action: "destroy_group", effect: { kind: "error", errorCode: 10002 }, times: 2 });
    expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
    expect((await h.call("destroy_group", { GroupId: "x" })).json.ErrorCode).toBe(10002);
    expect((await h.call("destroy_group", { GroupId: "x" })).json.ErrorCode).toBe(10002);
    expect((await h.call("destroy_group", { GroupId: "x" })).json.ErrorCode).toBe(10010);

    const remove = h.emu.addFault({ effect: { kind: "error", errorCode: 60007 }, times: Infinity });
    for (let i = 0; i < 3; i++)
      expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(60007);
    remove();
    expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
  });

  test("an injected fault still counts the request", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10002 } });
    await h.call("import_group", {});
    expect(h.emu.counters().import_group).toBe(1);
  });
});

describe("quota", () => {
  test("over the per-second quota → 60007 until the emulator clock moves on; other actions unaffected", async () => {
    h.emu.setQuota("get_appid_group_list", 2);
    try {
      expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
      expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
      expect((await h.call("get_appid_group_list", {})).json).toEqual(failure(60007, "frequency"));
      expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
      h.clock.advance(1000);
      expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
      h.emu.setQuota("get_appid_group_list", undefined);
      for (let i = 0; i < 5; i++) expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
    } finally {
      h.emu.setQuota("get_appid_group_list", undefined);
    }
  });

  test("quota option and quotaErrorCode", async () => {
    const h2 = await startHarness({ quota: { destroy_group: 1 }, quotaErrorCode: 10006 });
    try {
      expect((await h2.call("destroy_group", { GroupId: "x" })).json.ErrorCode).toBe(10010);
      expect((await h2.call("destroy_group", { GroupId: "x" })).json.ErrorCode).toBe(10006);
    } finally {
      await h2.emu.close();
    }
  });
});

describe("admin routes", () => {
  test('POST /_emulator/faults with times "always", DELETE clears', async () => {
    const added = await admin("POST", "/_emulator/faults", {
      action: "get_group_info",
      effect: { kind: "error", errorCode: 10002 },
      times: "always",
    });
    expect(added).toEqual({ status: 201, json: { ok: true, active: 1 } });
    for (let i = 0; i < 3; i++)
      expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(10002);
    expect(await admin("DELETE", "/_emulator/faults")).toEqual({ status: 200, json: { ok: true } });
    expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
  });

  test.each([
    ["not an object", []],
    ["unknown action", { action: "create_group", effect: { kind: "drop" } }],
    ["unknown kind", { effect: { kind: "explode" } }],
    ["error without code", { effect: { kind: "error" } }],
    ["http status 42", { effect: { kind: "http", status: 42 } }],
    ["times 0", { effect: { kind: "drop" }, times: 0 }],
  ])("POST /_emulator/faults with %s → 400", async (_name, body) => {
    const res = await admin("POST", "/_emulator/faults", body);
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual(expect.any(String));
  });

  test("GET /_emulator/counters counts every request naming an action; reset zeroes", async () => {
    await h.call("import_group", { Type: "Public", Name: "n" });
    await h.call("import_group", "{bad");
    await h.call("get_group_info", { GroupIdList: ["x"] }, { query: { usersig: "" } });
    const counters = await admin("GET", "/_emulator/counters");
    // Every action is counted, zero or not.
    expect(counters.json).toEqual({
      ...Object.fromEntries(ACTION_NAMES.map((a) => [a, 0])),
      import_group: 2,
      get_group_info: 1,
    });
    expect(Object.keys(counters.json)).toContain("get_group_member_info");
    expect(h.emu.counters()).toEqual(counters.json);
    await admin("POST", "/_emulator/counters/reset");
    expect(Object.values(h.emu.counters()).every((n) => n === 0)).toBe(true);
  });

  test("PUT /_emulator/quota/<action> sets and clears a quota", async () => {
    expect((await admin("PUT", "/_emulator/quota/get_group_info", { perSecond: 1 })).status).toBe(200);
    expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
    expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(60007);
    expect((await admin("PUT", "/_emulator/quota/get_group_info", { perSecond: null })).status).toBe(200);
    expect((await h.call("get_group_info", { GroupIdList: ["x"] })).json.ErrorCode).toBe(0);
    expect((await admin("PUT", "/_emulator/quota/nope", { perSecond: 1 })).status).toBe(400);
    expect((await admin("PUT", "/_emulator/quota/get_group_info", { perSecond: -1 })).status).toBe(400);
  });

  test("GET /_emulator/groups snapshots groups and accounts; POST /_emulator/reset empties them", async () => {
    await h.call("account_import", { UserID: "leckie" });
    await h.call("import_group", { Type: "Public", Name: "n", GroupId: "snap", Owner_Account: "leckie" });
    const snap = await admin("GET", "/_emulator/groups");
    expect(snap.json).toEqual({
      groups: [expect.objectContaining({ GroupId: "snap", Owner_Account: "leckie" })],
      accounts: ["leckie"],
    });
    await admin("POST", "/_emulator/reset");
    expect((await admin("GET", "/_emulator/groups")).json).toEqual({ groups: [], accounts: [] });
  });

  test("unknown admin route → 404, wrong method → 405, bad JSON → 400; no UserSig needed", async () => {
    expect((await admin("GET", "/_emulator/nothing")).status).toBe(404);
    expect((await admin("GET", "/_emulator/faults")).status).toBe(405);
    const bad = await request(`${h.emu.url}/_emulator/faults`, { method: "POST", body: "{" });
    expect(bad.statusCode).toBe(400);
    await bad.body.text();
  });
});

describe("faults and client lifetimes", () => {
  test("a client that gives up during a delay fault does not disturb later requests", async () => {
    h.emu.addFault({ action: "import_group", effect: { kind: "delay", ms: 300 } });
    const controller = new AbortController();
    const pending = request(`${h.emu.url}/v4/group_open_http_svc/import_group?x=1`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    const before = h.emu.counters().import_group;
    for (let i = 0; i < 200 && h.emu.counters().import_group === before; i++) await new Promise((r) => setImmediate(r));
    expect(h.emu.counters().import_group).toBe(before + 1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect((await h.call("get_appid_group_list", {})).json.ErrorCode).toBe(0);
  });

  test("close() resolves while a delay fault holds a request", async () => {
    const h2 = await startHarness();
    h2.emu.addFault({ effect: { kind: "delay", ms: 60_000 } });
    const pending = h2.call("get_appid_group_list", {});
    // Wait until the request has reached the emulator (counted) before closing.
    for (let i = 0; i < 200 && h2.emu.counters().get_appid_group_list === 0; i++)
      await new Promise((r) => setImmediate(r));
    expect(h2.emu.counters().get_appid_group_list).toBe(1);
    await h2.emu.close();
    await expect(pending).rejects.toThrow();
  });
});
