/**
 * Retries against injected faults, and the import_group ambiguity rules, proven with the emulator's counters and
 * store. Sleeps are zero-delay; only the policy decides how often a request is sent.
 */
import type { RunningEmulator } from "../../../emulator";
import { isAmbiguousCreate, isConflict, type RequestEvent } from "../../../provider/client";
import { client, emulator, rejection, teardown } from "./helpers";

let emu: RunningEmulator;
beforeEach(async () => {
  emu = await emulator();
});
afterEach(teardown);

describe("retried failures", () => {
  test("10002 then success: retried once, with the backoff the policy chose", async () => {
    const delays: number[] = [];
    const chat = client(emu, { retry: 3, random: () => 0.5, sleep: async (ms) => void delays.push(ms) });
    emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 10002 } });
    const entries = await chat.getGroupInfo({ GroupIdList: ["x"] });
    expect(entries[0]!.ok).toBe(false); // the group does not exist, but the call itself succeeded
    expect(emu.counters().get_group_info).toBe(2);
    expect(delays).toEqual([50]); // full jitter: 0.5 × 100 ms
  });

  test("10002 with retries off: fails after one request", async () => {
    emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 10002 } });
    const err = await rejection(client(emu).getGroupInfo({ GroupIdList: ["x"] }));
    expect(err).toMatchObject({ errorCode: 10002, retryable: true });
    expect(emu.counters().get_group_info).toBe(1);
  });

  test("HTTP 502 then success on a repeatable action", async () => {
    const chat = client(emu, { retry: 2 });
    await chat.importGroup({ Type: "Public", Name: "n", GroupId: "g" });
    emu.addFault({ action: "modify_group_base_info", effect: { kind: "http", status: 502 } });
    await chat.modifyGroupBaseInfo({ GroupId: "g", Name: "renamed" });
    expect(emu.counters().modify_group_base_info).toBe(2);
    expect(emu.store.getGroup("g")?.Name).toBe("renamed");
  });

  test("a dropped connection then success on a repeatable action", async () => {
    const events: RequestEvent[] = [];
    const chat = client(emu, { retry: 2, onRequest: (e) => events.push(e) });
    emu.addFault({ action: "account_import", effect: { kind: "drop" } });
    await chat.accountImport({ UserID: "dave" });
    expect(emu.counters().account_import).toBe(2);
    expect(events.map((e) => [e.outcome, e.delivery])).toEqual([
      ["network-error", "ambiguous"],
      ["ok", undefined],
    ]);
  });

  test("persistent 10002: gives up after maxAttempts", async () => {
    emu.addFault({ action: "destroy_group", effect: { kind: "error", errorCode: 10002 }, times: Infinity });
    const err = await rejection(client(emu, { retry: { maxAttempts: 4 } }).destroyGroup({ GroupId: "g" }));
    expect(err.errorCode).toBe(10002);
    expect(emu.counters().destroy_group).toBe(4);
  });

  test("import_group: a definite transient code (the server answered) IS retried", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10002 } });
    const res = await client(emu, { retry: 2 }).importGroup({ Type: "Public", Name: "t" });
    expect(emu.counters().import_group).toBe(2);
    expect(emu.store.listGroups().map((g) => g.GroupId)).toEqual([res.GroupId]);
  });
});

describe("ambiguous import_group without a custom GroupId: never repeated blindly, found by listing", () => {
  test("answer lost after applying → found by listing: success, one group, import sent once", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    const res = await client(emu, { retry: 5 }).importGroup({ Type: "Public", Name: "Quarterly Ops" });
    expect(res.confirmedByReadBack).toBe(true);
    expect(emu.store.listGroups().map((g) => g.GroupId)).toEqual([res.GroupId]);
    expect(emu.counters().import_group).toBe(1);
    expect(emu.counters().get_appid_group_list).toBeGreaterThanOrEqual(1);
  });

  test.each([
    ["connection dropped", { kind: "drop" } as const],
    ["HTTP 502", { kind: "http", status: 502 } as const],
  ])("%s, not applied → listing finds nothing, so it is repeated: one group", async (_n, effect) => {
    emu.addFault({ action: "import_group", effect });
    const res = await client(emu, { retry: 5 }).importGroup({ Type: "Public", Name: "Quarterly Ops" });
    expect(emu.store.listGroups().map((g) => g.GroupId)).toEqual([res.GroupId]);
    expect(emu.counters().import_group).toBe(2);
  });

  test("not applied and no attempt left: the error says the call is safe to repeat", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "drop" } });
    const err = await rejection(client(emu, { retry: 0 }).importGroup({ Type: "Public", Name: "Quarterly Ops" }));
    expect(err).toMatchObject({ delivery: "not-sent" });
    expect(emu.store.listGroups()).toHaveLength(0);
    expect(emu.counters().import_group).toBe(1);
  });

  test("a client-side timeout: the delayed request lands within the settle window and is found, not repeated", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "delay", ms: 300 } });
    // The product really waits for the service to be done (default 3.5 s; 1 s here) before it looks.
    const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const chat = client(emu, { retry: 5, timeoutMs: 100, ambiguitySettleMs: 1000, sleep: realSleep });
    const res = await chat.importGroup({ Type: "Public", Name: "slow" });
    expect(emu.counters().import_group).toBe(1);
    expect(emu.store.listGroups().map((g) => g.GroupId)).toEqual([res.GroupId]);
  });

  test("two groups match what was sent → nothing is adopted; the error names both and the fix", async () => {
    const chat = client(emu, { retry: 5 });
    const twin = await chat.importGroup({ Type: "Public", Name: "Twin" });
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    const err = await rejection(chat.importGroup({ Type: "Public", Name: "Twin" }));
    expect(isAmbiguousCreate(err)).toBe(true);
    const ids = emu.store.listGroups().map((g) => g.GroupId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(err.message).toContain(JSON.stringify(id));
    expect(err.message).toMatch(/groupId: "<that id>" and adopt: true/);
    expect(err.message).toContain(JSON.stringify(twin.GroupId));
    expect(emu.counters().import_group).toBe(2);
  });

  test("looking for it fails too → CHAT_ERR_AMBIGUOUS_CREATE says exactly what to check", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    emu.addFault({ action: "get_appid_group_list", effect: { kind: "error", errorCode: 10004 } });
    const err = await rejection(client(emu, { retry: 5 }).importGroup({ Type: "Public", Name: "Quarterly Ops" }));
    expect(err.code).toBe("CHAT_ERR_AMBIGUOUS_CREATE");
    expect(err.message).toContain('group "Quarterly Ops" may or may not have created the group');
    expect(err.message).toMatch(/a Public group named "Quarterly Ops" with a CreateTime from \d+ to \d+/);
    expect(err.message).toMatch(/Setting a custom groupId .*avoids this/);
    expect(emu.counters().import_group).toBe(1);
  });
});

describe("ambiguous import_group WITH a custom GroupId: resolved by reading back", () => {
  test("applied, answer lost → success with exactly one group", async () => {
    const events: RequestEvent[] = [];
    const chat = client(emu, { onRequest: (e) => events.push(e) });
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    const res = await chat.importGroup({ Type: "Public", Name: "rb", GroupId: "rb-1", CreateTime: 1700000000 });
    expect(res).toEqual({ GroupId: "rb-1", confirmedByReadBack: true });
    expect(emu.store.listGroups().map((g) => g.GroupId)).toEqual(["rb-1"]);
    expect(emu.counters().import_group).toBe(1);
    expect(emu.counters().get_group_info).toBe(1);
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(["import_group:network-error", "get_group_info:ok"]);
  });

  test("not applied (dropped) → read-back finds nothing → the import is repeated once", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "drop" } });
    const res = await client(emu, { retry: 2 }).importGroup({ Type: "Public", Name: "rb", GroupId: "rb-2" });
    expect(res).toEqual({ GroupId: "rb-2", confirmedByReadBack: false });
    expect(emu.counters().import_group).toBe(2);
    expect(emu.store.listGroups()).toHaveLength(1);
  });

  test("not applied, retries off → the error says the read-back proved nothing was created", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "drop" } });
    const err = await rejection(client(emu).importGroup({ Type: "Public", Name: "rb", GroupId: "rb-4" }));
    expect(err).toMatchObject({ code: "CHAT_ERR_NETWORK", delivery: "not-sent", retryable: true });
    expect(err.message).toMatch(/showed it was NOT created, so repeating the call is safe/);
    expect(emu.counters()).toMatchObject({ import_group: 1, get_group_info: 1 });
    expect(emu.store.listGroups()).toHaveLength(0);
  });

  test("the id holds a different group → a 10021 conflict naming the differences", async () => {
    const chat = client(emu);
    await chat.importGroup({ Type: "Public", Name: "someone else's", GroupId: "taken" });
    emu.addFault({ action: "import_group", effect: { kind: "drop" } });
    const err = await rejection(chat.importGroup({ Type: "Public", Name: "mine", GroupId: "taken" }));
    expect(isConflict(err)).toBe(true);
    expect(err).toMatchObject({ errorCode: 10021, groupId: "taken" });
    expect(err.message).toMatch(/taken by a different group/);
    expect(err.message).toContain('Name: sent "mine" vs found "someone else\'s"');
    expect(emu.store.listGroups()).toHaveLength(1);
  });

  test("the read-back itself fails → CHAT_ERR_AMBIGUOUS_CREATE naming the GroupId", async () => {
    emu.addFault({ action: "import_group", effect: { kind: "applyThenDrop" } });
    emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 70500 } });
    const err = await rejection(client(emu).importGroup({ Type: "Public", Name: "x", GroupId: "rb-3" }));
    expect(err).toMatchObject({ code: "CHAT_ERR_AMBIGUOUS_CREATE", groupId: "rb-3" });
    expect(err.message).toMatch(/reading it back to check also failed/);
  });
});

describe("connection refused: definitely not sent, so even import_group is retried", () => {
  test("every attempt is reported as not-sent and the error says so", async () => {
    const closed = await emulator();
    const url = closed.url;
    await closed.close();
    const events: RequestEvent[] = [];
    const chat = client(emu, { endpoint: url, retry: 2, onRequest: (e) => events.push(e) });
    const err = await rejection(chat.importGroup({ Type: "Public", Name: "nowhere" }));
    expect(err).toMatchObject({ code: "CHAT_ERR_NETWORK", delivery: "not-sent" });
    expect(err.message).toMatch(/could not connect \(ECONNREFUSED\); the request was not sent/);
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.delivery === "not-sent")).toBe(true);
  });
});

describe("destroy_group after an ambiguous attempt: returns only once a late landing is impossible", () => {
  // The clock stands still, so the settle wait is exactly ambiguitySettleMs; back-off jitter is 0 (random 0).
  const SETTLE = 1234;
  test.each([
    // [fault, group exists before, what the call does, destroy_group requests, settle waits]
    ["none", undefined, true, "ok", 1, 0],
    ["10002 (answered: definite)", { kind: "error", errorCode: 10002 } as const, true, "ok", 2, 0],
    ["lost answer (applied, then the repeat finds it gone)", { kind: "applyThenDrop" } as const, true, 10010, 2, 1],
    ["reset (not applied, repeated)", { kind: "drop" } as const, true, "ok", 2, 1],
    ["lost answer on every attempt (gives up)", { kind: "applyThenDrop" } as const, false, "CHAT_ERR_NETWORK", 3, 1],
  ] as const)("%s", async (_name, effect, exists, outcome, requests, settleWaits) => {
    const sleeps: number[] = [];
    const now = Date.now();
    const chat = client(emu, {
      retry: 2,
      random: () => 0,
      clock: () => now,
      ambiguitySettleMs: SETTLE,
      sleep: async (ms) => void sleeps.push(ms),
    });
    if (exists) await chat.importGroup({ Type: "Public", Name: "d", GroupId: "d1" });
    if (effect) emu.addFault({ action: "destroy_group", effect, times: outcome === "CHAT_ERR_NETWORK" ? Infinity : 1 });
    const run = chat.destroyGroup({ GroupId: "d1" });
    if (outcome === "ok") await run;
    else
      expect(await rejection(run)).toMatchObject(
        typeof outcome === "number" ? { errorCode: outcome } : { code: outcome },
      );
    emu.clearFaults();
    expect(emu.counters().destroy_group).toBe(requests);
    expect(sleeps.filter((ms) => ms === SETTLE)).toHaveLength(settleWaits);
    expect(sleeps.at(-1) === SETTLE).toBe(settleWaits > 0); // the wait is the last thing the call does
    expect(emu.store.getGroup("d1")).toBeUndefined();
  });
});
