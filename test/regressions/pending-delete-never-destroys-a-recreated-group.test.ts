/**
 * Regression (found by the lifecycle sequences with app switches): a delete left pending by a failed run destroyed
 * the group that later took its id. A create-first replacement (groupId `reuse-1` → `reuse-2`) ran while another
 * resource failed, so the engine kept the old `reuse-1` in state marked for deletion (deletes are skipped after a
 * failure). `reuse-1` had meanwhile been deleted out of band. The program then declared `reuse-1` again: the
 * replacement created a new `reuse-1`, and the engine's deletes at the end of that run (pending deletes of earlier
 * runs included: pulumi/pulumi pkg/resource/deploy/step_generator.go `GenerateDeletes`) destroyed it through the
 * old entry. `up` succeeded; no group existed. Now a delete destroys only the group its state recorded: a group
 * under that id created at another time is a newer one, and is left alone.
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
});
afterAll(async () => {
  await e2e?.stop();
});

test("a pending delete of an id the program declares again does not destroy the new group", async () => {
  const store = e2e.emulator.store;
  let groups: Record<string, Record<string, unknown>> = {
    a: { type: "Public", name: "reused id", groupId: "reuse-1", createTime: 1700000000 },
  };
  const engine = matrixStack(e2e, host, provider, "pending-delete", () => groups);
  expect((await engine.up()).ok).toBe(true);

  store.deleteGroup("reuse-1"); // out of band
  // A new id (created first) while another resource fails (an owner that is not imported: 10019): the old entry
  // stays in state marked for deletion.
  groups = {
    a: { type: "Public", name: "reused id", groupId: "reuse-2" },
    b: { type: "Public", name: "fails", groupId: "reuse-other", ownerAccount: "not-imported" },
  };
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  expect(failed.steps.find((s) => s.name === "a")).toMatchObject({ op: "replace", deleteBeforeReplace: false });
  expect(engine.snapshot().resources.map((r) => [r.id, r.delete ?? false])).toEqual([
    ["reuse-1", true],
    ["reuse-2", false],
  ]);

  groups = { a: { type: "Public", name: "reused id", groupId: "reuse-1" } };
  const up = await engine.up();
  expect(up.steps.filter((s) => s.error)).toEqual([]);
  expect(up.ok).toBe(true);
  const group = store.getGroup("reuse-1");
  expect(group).toBeDefined(); // the new reuse-1 survives the old entry's delete
  expect(group!.CreateTime).not.toBe(1700000000);
  expect(store.getGroup("reuse-2")).toBeUndefined();
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual(["reuse-1"]);

  expect((await engine.destroy()).ok).toBe(true);
  expect(store.getGroup("reuse-1")).toBeUndefined(); // its own entry still destroys it
});
