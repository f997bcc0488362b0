/**
 * Regression (issue 14, defect 2): a create answered after the client gave up made a duplicate. With `timeoutMs`
 * 1500 and import_group answered after 6 s (the emulator's `delay` fault applies the change late), one `up` of a
 * group without `groupId` created two groups: the client waited 3.5 s, listed, found nothing and imported again.
 * Now check chooses the id on the client, so a lost answer is resolved by reading that one id, and a late landing
 * of the first request meets 10021 instead of making a second group.
 */
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";
import type { ProviderHost } from "../../harness/host";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
const log: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true }, log: (line) => log.push(line) });
  host = await sharedHost(e2e, { "tencent-chat:timeoutMs": "1500" });
  provider = await providerText(e2e);
});
afterAll(async () => {
  await e2e?.stop();
});

/** Waits (bounded) until the emulator has answered `count` import_group requests (a late one lands after `up`). */
async function importsHandled(count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (log.filter((l) => l.startsWith("POST import_group ")).length < count) {
    if (Date.now() > deadline)
      throw new Error(`the emulator did not answer ${count} import_group requests within 30 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a create whose answer comes after the timeout leaves exactly one group, the one in state", async () => {
  const engine = matrixStack(e2e, host, provider, "late", () => ({ late: { type: "Public", name: "late answer" } }));
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "create", failures: [] });
  expect(preview.steps[0]!.changedKeys).toContain("groupId"); // the id is chosen in check and shown in the preview

  e2e.emulator.addFault({ action: "import_group", effect: { kind: "delay", ms: 6000 } });
  const up = await engine.up();
  e2e.emulator.clearFaults();
  expect(up.steps[0]?.error).toBeUndefined();
  expect(up.ok).toBe(true);
  const imports = e2e.emulator.counters().import_group;
  expect(imports).toBeGreaterThanOrEqual(2); // the first attempt timed out and was settled by reading the id
  await importsHandled(imports); // the delayed first request has landed too

  const groups = e2e.emulator.store.listGroups().filter((g) => g.Name === "late answer");
  expect(groups).toHaveLength(1);
  const state = engine.snapshot().resources;
  expect(state.map((r) => r.id)).toEqual([groups[0]!.GroupId]);
  expect(groups[0]!.GroupId).toMatch(/^late-[0-9a-f]{8}$/);
  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.listGroups()).toHaveLength(0);
});
