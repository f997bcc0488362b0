/**
 * Regression (found while adding ChatAccount to the lifecycle sequences): an account that existed before the stack
 * and was taken over without `adopt` (its live profile matched the program) could later be deleted by a destroy.
 * Create refuses `deleteOnDestroy: true` on an existing account unless `adopt: true` or `"overwrite"` ("so a destroy
 * never deletes an account you did not say was yours", README), but an `up` that only turned `deleteOnDestroy` on
 * recorded it with no such check, and the next destroy deleted the account — irreversibly. Fixed: that update is
 * refused (nothing changed) unless the program also sets `adopt: true` or `"overwrite"`.
 */
import type { Props, ProviderHost } from "../../harness/host";
import { startE2E, type E2E } from "../../harness/e2e";
import { accountProvider, accountStack } from "../helpers/accounts";

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

function stack(name: string): { engine: ReturnType<typeof accountStack>; program: { current: Record<string, Props> } } {
  const program = { current: {} as Record<string, Props> };
  return { engine: accountStack(e2e, host, provider, name, () => program.current), program };
}

test("turning deleteOnDestroy on for an account taken over without adopt is refused; destroy keeps it", async () => {
  e2e.emulator.store.putAccount("pre_existing", { Nick: "Pre" });
  const { engine, program } = stack("implicit");
  program.current = { a: { userId: "pre_existing", nick: "Pre" } };
  expect((await engine.up()).ok).toBe(true); // taken over as it is
  program.current = { a: { userId: "pre_existing", nick: "Pre", deleteOnDestroy: true } };
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps[0]!.error).toMatch(/adopt: true/);
  expect(up.steps[0]!.error).toMatch(/Nothing was changed/);
  expect(engine.snapshot().resources[0]!.outputs.deleteOnDestroy).toBe(false);
  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.getAccount("pre_existing")).toEqual({ UserID: "pre_existing", Nick: "Pre", FaceUrl: "" });
});

test("with adopt: true the same update is recorded, and destroy deletes the account", async () => {
  e2e.emulator.store.putAccount("pre_owned", { Nick: "Pre" });
  const { engine, program } = stack("explicit");
  program.current = { a: { userId: "pre_owned", nick: "Pre" } };
  expect((await engine.up()).ok).toBe(true);
  program.current = { a: { userId: "pre_owned", nick: "Pre", deleteOnDestroy: true, adopt: true } };
  expect((await engine.up()).ok).toBe(true);
  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.getAccount("pre_owned")).toBeUndefined();
});
