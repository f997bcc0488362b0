/**
 * Regression (found by the lifecycle sequences): a late destroy_group deleted the group that replaced it. A
 * delete-first replacement (same custom groupId, createTime changed) ran Delete then Create; destroy_group was held
 * past the client's timeout and then applied (the emulator's `delay` fault, within the service's documented 3 s
 * timeout). The client repeated the destroy (it is repeatable), the repeat answered "gone" (10010), import_group
 * re-created the id, and then the first destroy landed and deleted the NEW group: `up` succeeded, the stack held a
 * ghost. Now a destroy that had an ambiguous attempt returns only once the service is surely done with it.
 */
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";
import type { ProviderHost } from "../../harness/host";

const TIMEOUT_MS = 1000;
let e2e: E2E;
let host: ProviderHost;
let provider: string;
const log: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true }, log: (line) => log.push(line) });
  host = await sharedHost(e2e, { "tencent-chat:timeoutMs": String(TIMEOUT_MS) });
  provider = await providerText(e2e);
});
afterAll(async () => {
  await e2e?.stop();
});

/** Waits (bounded) until the emulator has answered `count` destroy_group requests (a held one lands late). */
async function destroysHandled(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (log.filter((l) => l.startsWith("POST destroy_group ")).length < count) {
    if (Date.now() > deadline)
      throw new Error(`the emulator did not answer ${count} destroy_group requests within 30 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a destroy_group answered late in a delete-first replacement does not delete the new group", async () => {
  // An owner makes the replacement carry an account, imported as the service requires.
  await e2e.client.accountImport({ UserID: "late-owner" });
  let args: Record<string, unknown> = {
    type: "Public",
    name: "late destroy",
    groupId: "late-destroy-1",
    ownerAccount: "late-owner",
  };
  const engine = matrixStack(e2e, host, provider, "late-destroy", () => ({ g: args }));
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("late-destroy-1")).toBeDefined();

  args = { ...args, createTime: 1700000000 }; // replace-only: the same id is deleted, then created again
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", failures: [] });

  // Held past the client's timeout, then applied (as a slow service does, within its own 3 s timeout).
  e2e.emulator.addFault({ action: "destroy_group", effect: { kind: "delay", ms: TIMEOUT_MS + 300 } });
  const up = await engine.up();
  e2e.emulator.clearFaults();
  expect(up.steps.find((s) => s.error)?.error).toBeUndefined();
  expect(up.ok).toBe(true);
  const destroys = e2e.emulator.counters().destroy_group;
  expect(destroys).toBeGreaterThanOrEqual(2); // the first attempt timed out and was repeated: the fault fired
  await destroysHandled(destroys); // every destroy, the held one included, has been applied by now

  const group = e2e.emulator.store.getGroup("late-destroy-1");
  expect(group).toBeDefined(); // the replacement survives the late destroy
  expect(group!.CreateTime).toBe(1700000000);
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual(["late-destroy-1"]);

  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("late-destroy-1")).toBeUndefined();
});
