/**
 * Regression (issue 9, defect 3): a delete-first replacement whose create the service refuses. A type change of a
 * custom-id group together with an ownerAccount that is not an imported account deleted the group, then
 * import_group failed with 10019 and nothing was left. Diff now checks what can be known before the engine deletes
 * (the owner exists — account_check; the id can be created again; check has validated the inputs for the new type),
 * in the preview too, and refuses with the old group untouched.
 */
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";
import type { ProviderHost } from "../../harness/host";

let e2e: E2E;
let host: ProviderHost;
let provider: string;

beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true } });
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
  await e2e.client.accountImport({ UserID: "alice" });
});
afterAll(async () => {
  await e2e?.stop();
});

test("type change + owner who is not an imported account: refused before the delete, in preview and up", async () => {
  let args: Record<string, unknown> = { type: "Public", name: "kept", groupId: "keep", ownerAccount: "alice" };
  const engine = matrixStack(e2e, host, provider, "preflight", () => ({ g: args }));
  expect((await engine.up()).ok).toBe(true);

  args = { ...args, type: "Private", ownerAccount: "nobody" };
  const refusal =
    /ownerAccount "nobody" is not an imported account.*Nothing was deleted\. Import the account first \(account_import\)/;
  // Diff refuses the change: the step fails with the refusal and nothing of the resource changes (engine semantics).
  for (const result of [await engine.preview(), await engine.up()]) {
    expect(result.ok).toBe(false);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]!.error).toMatch(refusal);
    expect(result.steps[0]!.executed).toBeFalsy();
  }
  expect(e2e.emulator.counters().destroy_group).toBe(0);
  expect(e2e.emulator.counters().account_check).toBeGreaterThanOrEqual(2);
  expect(e2e.emulator.store.getGroup("keep")).toMatchObject({ Type: "Public", Owner_Account: "alice" });
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual(["keep"]);

  // Once the account exists the same change goes through: delete first (same id), then create.
  await e2e.client.accountImport({ UserID: "nobody" });
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["type"], deleteBeforeReplace: true });
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("keep")).toMatchObject({ Type: "Private", Owner_Account: "nobody" });
  expect((await engine.destroy()).ok).toBe(true);
});
