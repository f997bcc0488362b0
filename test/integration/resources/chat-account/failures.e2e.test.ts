/**
 * ChatAccount failures through the real host with emulator faults: once the account exists, a failed step is a
 * partial failure whose stored outputs carry `__provider` and only what is known, so refresh, the next up and destroy
 * all work; a failed import leaves nothing in state.
 */
import type { Props, ProviderHost } from "../../../../harness/host";
import { planLine } from "../../../../harness/engine";
import { SDK_APP_ID, startE2E, type E2E } from "../../../../harness/e2e";
import { accountProvider, accountStack } from "../../../helpers/accounts";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  // The older multiaccount_import page: the import does not set the profile, so creates go through portrait_set.
  e2e = await startE2E({ behaviour: { multiImportSetsProfile: false } });
  host = await e2e.newHost();
  await host.configure(e2e.config);
  provider = (await accountProvider(e2e)).provider;
});
afterAll(() => e2e?.stop());
beforeEach(() => e2e.emulator.clearFaults());

let n = 0;
function stack(): { engine: ReturnType<typeof accountStack>; program: { current: Record<string, Props> } } {
  const program = { current: {} as Record<string, Props> };
  return { engine: accountStack(e2e, host, provider, `f${++n}`, () => program.current), program };
}
/** Refused as sensitive words: not retryable, so the step fails. */
const refuseProfile = () =>
  e2e.emulator.addFault({ action: "portrait_set", effect: { kind: "error", errorCode: 40005, errorInfo: "injected" } });

test("create: import succeeds, portrait_set fails → kept in state (usable); refresh, up and destroy work", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "f_half", nick: "Half", deleteOnDestroy: true } };
  refuseProfile();
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  expect(failed.steps[0]!.error).toMatch(/account "f_half" exists, but setting its profile \(portrait_set\) failed/);
  const [entry] = engine.snapshot().resources;
  expect(entry).toMatchObject({ id: "f_half", initErrors: [expect.any(String)] });
  expect(entry!.outputs).toMatchObject({ userId: "f_half", onDestroy: "delete", sdkAppId: SDK_APP_ID });
  expect(entry!.outputs.__provider).toBe(provider);
  expect(entry!.outputs.nick).toBeUndefined(); // not claimed: it was not applied
  expect(e2e.emulator.store.getAccount("f_half")).toEqual({ UserID: "f_half", Nick: "", FaceUrl: "" });

  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.preview()).steps.map(planLine)).toEqual(["a:update"]);
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getAccount("f_half")?.Nick).toBe("Half");
  expect(engine.snapshot().resources[0]!.initErrors).toBeUndefined();

  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.getAccount("f_half")).toBeUndefined();
});

test("update: portrait_set fails → the live nick stays recorded; the next up finishes", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "f_upd", nick: "One" } };
  expect((await engine.up()).ok).toBe(true);
  program.current = { a: { userId: "f_upd", nick: "Two" } };
  refuseProfile();
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  const [entry] = engine.snapshot().resources;
  expect(entry!.outputs).toMatchObject({ nick: "One", __provider: provider });
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getAccount("f_upd")?.Nick).toBe("Two");
});

test("create: the read-back fails after the profile was set → kept in state; refresh records the truth", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "f_read", nick: "R" } };
  e2e.emulator.addFault({ action: "portrait_get", effect: { kind: "error", errorCode: 40005 }, times: Infinity });
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  expect(engine.snapshot().resources[0]!.outputs.__provider).toBe(provider);
  e2e.emulator.clearFaults();
  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.up()).ok).toBe(true);
  expect(engine.snapshot().resources[0]!.outputs.nick).toBe("R");
});

test("create: the import is refused → nothing in state, nothing created", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "f_refused" } };
  e2e.emulator.addFault({ action: "multiaccount_import", effect: { kind: "error", errorCode: 70398 } });
  const failed = await engine.up();
  expect(failed.steps[0]!.error).toMatch(/70398/);
  expect(engine.snapshot().resources).toEqual([]);
  expect(e2e.emulator.store.getAccount("f_refused")).toBeUndefined();
  expect((await engine.up()).ok).toBe(true); // and a retry just works
});

test("create: the import's answer is lost after it applied → the account is found and the create completes", async () => {
  const { engine, program } = stack();
  program.current = { a: { userId: "f_lost", nick: "L" } };
  e2e.emulator.addFault({ action: "multiaccount_import", effect: { kind: "applyThenDrop" }, times: Infinity });
  const r = await engine.up();
  expect(r.ok).toBe(true);
  expect(e2e.emulator.store.getAccount("f_lost")?.Nick).toBe("L");
});
