/**
 * Regression (issue 9, defect 5): a replacement silently dropped sticky inputs. Created with groupId, ownerAccount
 * and createTime, then those removed from the program (correctly no change), then `type` changed: the new group got
 * another id, no owner and a new createTime, and the preview said nothing. The engine re-runs Check without olds for
 * a replacement, so old values cannot be carried into the new group; instead check keeps them in the stack's inputs
 * while the program does not write them, and the replacement's preview names each one that changes.
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

test("removing sticky inputs is no change; a later replacement's preview names every sticky value it changes", async () => {
  let args: Record<string, unknown> = {
    type: "Public",
    name: "sticky",
    groupId: "sticky-1",
    ownerAccount: "alice",
    createTime: 1600000000,
  };
  const engine = matrixStack(e2e, host, provider, "sticky", () => ({ g: args }));
  expect((await engine.up()).ok).toBe(true);

  args = { type: "Public", name: "sticky" };
  const same = await engine.preview();
  expect(same.steps[0]).toMatchObject({ op: "same", changedKeys: [] });
  expect((await engine.up()).ok).toBe(true);
  expect((await engine.refresh()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("sticky-1")).toMatchObject({ Owner_Account: "alice", CreateTime: 1600000000 });

  args = { type: "Private", name: "sticky" };
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["type"], deleteBeforeReplace: false });
  // applyJoinOption too: a Work (Private) group's is fixed (DisableApply), so the new group's differs from Public's.
  expect(preview.steps[0]!.changedKeys).toEqual(["applyJoinOption", "createTime", "groupId", "ownerAccount", "type"]);
  expect((await engine.up()).ok).toBe(true);
  const [fresh] = engine.snapshot().resources;
  expect(fresh!.id).not.toBe("sticky-1");
  expect(e2e.emulator.store.getGroup("sticky-1")).toBeUndefined();
  expect(e2e.emulator.store.getGroup(fresh!.id)).toMatchObject({ Type: "Private", Owner_Account: "" });
  expect((await engine.destroy()).ok).toBe(true);
});
