/**
 * ChatAccount end to end: the real provider host runs the serialized ChatAccount provider against the emulator,
 * driven by the engine model (preview/up/refresh/destroy with a JSON state): create, update, drift, replacement,
 * the destroy rule, adoption, and a half-finished create.
 */
import type { Props, ProviderHost } from "../../../../harness/host";
import { planLine } from "../../../../harness/engine";
import { SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../../../harness/e2e";
import { ACCOUNT_TYPE, accountProvider, accountStack } from "../../../helpers/accounts";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E();
  host = await e2e.newHost();
  await host.configure(e2e.config);
  provider = (await accountProvider(e2e)).provider;
});
afterAll(() => e2e?.stop());
beforeEach(() => e2e.emulator.clearFaults());

let n = 0;
/** A stack whose program is whatever `program.current` holds (resource name → args). */
function stack(): { engine: ReturnType<typeof accountStack>; program: { current: Record<string, Props> } } {
  const program = { current: {} as Record<string, Props> };
  return { engine: accountStack(e2e, host, provider, `s${++n}`, () => program.current), program };
}
const live = (id: string) => e2e.emulator.store.getAccount(id);
const outputsOf = (engine: ReturnType<typeof accountStack>, name: string) =>
  engine.snapshot().resources.find((r) => r.name === name && !r.delete)?.outputs;

test("a real program: the type token, and a capture-free provider that names its module and holds no secret", async () => {
  const { registration } = await accountProvider(e2e);
  expect(registration.type).toBe(ACCOUNT_TYPE);
  // The stub module by its export path; the stub loads the implementation by name at call time.
  expect(provider).toContain('require("pulumi-tencent-chat/stub/chat-account")');
  expect(provider).not.toContain(SECRET_KEY);
});

test("create, update the nick, drift seen by refresh, restored by up; destroy keeps the account", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "e2e_ann", nick: "Ann", faceUrl: "https://x/a.png" } };
  const created = await engine.up();
  expect(created.ok).toBe(true);
  expect(live("e2e_ann")).toEqual({ UserID: "e2e_ann", Nick: "Ann", FaceUrl: "https://x/a.png" });
  expect(outputsOf(engine, "a")).toMatchObject({
    userId: "e2e_ann",
    nick: "Ann",
    onDestroy: "keep",
    adopted: false,
    sdkAppId: SDK_APP_ID,
  });

  program.current = { a: { userId: "e2e_ann", nick: "Annie", faceUrl: "https://x/a.png" } };
  const preview = await engine.preview();
  expect(preview.steps.map(planLine)).toEqual(["a:update"]);
  expect((await engine.up()).ok).toBe(true);
  expect(live("e2e_ann")?.Nick).toBe("Annie");

  await e2e.client.portraitSet({ UserID: "e2e_ann", Nick: "Changed elsewhere" });
  const refreshed = await engine.refresh();
  expect(refreshed.steps[0]!.changedKeys).toContain("nick");
  expect(outputsOf(engine, "a")?.nick).toBe("Changed elsewhere");
  expect((await engine.preview()).steps.map(planLine)).toEqual(["a:update"]);
  expect((await engine.up()).ok).toBe(true);
  expect(live("e2e_ann")?.Nick).toBe("Annie");

  const destroyed = await engine.destroy();
  expect(destroyed.ok).toBe(true);
  expect(engine.snapshot().resources).toEqual([]);
  expect(live("e2e_ann")).toBeDefined(); // kept: deleteOnDestroy is false
});

test("deleteOnDestroy: true deletes on destroy; an account already gone counts as deleted", async () => {
  const { engine, program } = stack();
  program.current = {
    a: { userId: "e2e_del1", deleteOnDestroy: true },
    b: { userId: "e2e_del2", deleteOnDestroy: true },
  };
  expect((await engine.up()).ok).toBe(true);
  expect(outputsOf(engine, "a")?.onDestroy).toBe("delete");
  await e2e.client.accountDelete(["e2e_del2"]);
  const destroyed = await engine.destroy();
  expect(destroyed.ok).toBe(true);
  expect(live("e2e_del1")).toBeUndefined();
  expect(engine.snapshot().resources).toEqual([]);
});

test("turning deleteOnDestroy on is an update recorded in state; destroy then deletes", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "e2e_flip" } };
  expect((await engine.up()).ok).toBe(true);
  program.current = { a: { userId: "e2e_flip", deleteOnDestroy: true } };
  expect((await engine.preview()).steps.map(planLine)).toEqual(["a:update"]);
  expect((await engine.up()).ok).toBe(true);
  expect(outputsOf(engine, "a")?.onDestroy).toBe("delete");
  expect((await engine.destroy()).ok).toBe(true);
  expect(live("e2e_flip")).toBeUndefined();
});

test("an account deleted out of band leaves state on refresh; up imports it again", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "e2e_gone", nick: "G" } };
  expect((await engine.up()).ok).toBe(true);
  await e2e.client.accountDelete(["e2e_gone"]);
  const refreshed = await engine.refresh();
  expect(refreshed.steps[0]!.gone).toBe(true);
  expect(engine.snapshot().resources).toEqual([]);
  expect((await engine.up()).ok).toBe(true);
  expect(live("e2e_gone")?.Nick).toBe("G");
});

test.each([
  ["kept", false],
  ["deleted", true],
])("a new userId replaces, creating first; the old account is %s", async (_n, deleteOnDestroy) => {
  const { engine, program } = stack();
  const old = `e2e_old_${String(deleteOnDestroy)}`;
  const next = `e2e_new_${String(deleteOnDestroy)}`;
  program.current = { a: { userId: old, nick: "N", deleteOnDestroy } };
  expect((await engine.up()).ok).toBe(true);
  program.current = { a: { userId: next, nick: "N", deleteOnDestroy } };
  const preview = await engine.preview();
  expect(preview.steps.map(planLine)).toEqual(["a:replace(create-first)"]);
  expect(preview.steps[0]!.replaceKeys).toEqual(["userId"]);
  const r = await engine.up();
  expect(r.ok).toBe(true);
  expect(live(next)?.Nick).toBe("N");
  expect(live(old) === undefined).toBe(deleteOnDestroy);
  expect(engine.snapshot().resources.map((x) => x.id)).toEqual([next]);
});

describe("an account that already exists", () => {
  test("matching (or undeclared fields): taken over with no write", async () => {
    e2e.emulator.store.putAccount("e2e_match", { Nick: "M", FaceUrl: "https://x/m.png" });
    const { engine, program } = stack();
    program.current = { a: { userId: "e2e_match", nick: "M" } };
    e2e.emulator.resetCounters();
    expect((await engine.up()).ok).toBe(true);
    expect(e2e.emulator.counters().portrait_set).toBe(0);
    expect(e2e.emulator.counters().multiaccount_import).toBe(0);
    expect(outputsOf(engine, "a")).toMatchObject({ adopted: true, nick: "M" });
    expect(live("e2e_match")).toEqual({ UserID: "e2e_match", Nick: "M", FaceUrl: "https://x/m.png" });
  });

  test("differing: nothing changes, nothing is recorded, the error lists each live value", async () => {
    e2e.emulator.store.putAccount("e2e_differs", { Nick: "Live", FaceUrl: "https://x/l.png" });
    const { engine, program } = stack();
    program.current = { a: { userId: "e2e_differs", nick: "Declared", faceUrl: "https://x/d.png" } };
    const r = await engine.up();
    expect(r.ok).toBe(false);
    expect(r.steps[0]!.error).toMatch(/nick: "Live", \/\/ declared "Declared"/);
    expect(r.steps[0]!.error).toMatch(/faceUrl: "https:\/\/x\/l.png", \/\/ declared "https:\/\/x\/d.png"/);
    expect(engine.snapshot().resources).toEqual([]);
    expect(live("e2e_differs")).toEqual({ UserID: "e2e_differs", Nick: "Live", FaceUrl: "https://x/l.png" });
  });

  test('adopt: "overwrite" applies the declared values', async () => {
    e2e.emulator.store.putAccount("e2e_over", { Nick: "Live" });
    const { engine, program } = stack();
    program.current = { a: { userId: "e2e_over", nick: "Declared", adopt: "overwrite" } };
    expect((await engine.up()).ok).toBe(true);
    expect(live("e2e_over")?.Nick).toBe("Declared");
    expect(outputsOf(engine, "a")).toMatchObject({ adopted: true, nick: "Declared" });
  });

  test("with deleteOnDestroy but no adopt: refused before any write", async () => {
    e2e.emulator.store.putAccount("e2e_guard");
    const { engine, program } = stack();
    program.current = { a: { userId: "e2e_guard", deleteOnDestroy: true } };
    const r = await engine.up();
    expect(r.steps[0]!.error).toMatch(/deleteOnDestroy: true would delete it/);
    expect(engine.snapshot().resources).toEqual([]);
    expect(live("e2e_guard")).toBeDefined();
  });
});

test("check through the host: every bad input at once, no API call", async () => {
  e2e.emulator.resetCounters();
  const checked = await host.check(
    `urn:pulumi:dev::chat-test::${ACCOUNT_TYPE}::bad`,
    {},
    {
      userId: "no spaces",
      nick: "x".repeat(501),
      adopt: "maybe",
      app: "nowhere",
      __provider: provider,
    },
  );
  expect(checked.failures.map((f) => f.property)).toEqual(["userId", "nick", "adopt", "app"]);
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});

test("150 concurrent creates share account_check, multiaccount_import (with the nicks) and portrait_get calls", async () => {
  const { engine, program } = stack();
  program.current = Object.fromEntries(
    Array.from({ length: 150 }, (_, i) => [`m${i}`, { userId: `e2e_many_${i}`, nick: `Many ${i}` }]),
  );
  e2e.emulator.resetCounters();
  expect((await engine.up()).ok).toBe(true);
  const c = e2e.emulator.counters();
  expect(c.multiaccount_import).toBeLessThanOrEqual(Math.ceil(150 / 100) + 1);
  expect(c.account_check).toBeLessThanOrEqual(Math.ceil(150 / 100) + 1);
  expect(c.portrait_get).toBeLessThanOrEqual(Math.ceil(150 / 100) + 1);
  expect(c.portrait_set ?? 0).toBe(0); // the import set the nicks
  expect(e2e.emulator.store.getAccount("e2e_many_149")?.Nick).toBe("Many 149");
  expect(e2e.emulator.store.listAccounts().filter((a) => a.startsWith("e2e_many_"))).toHaveLength(150);
});
