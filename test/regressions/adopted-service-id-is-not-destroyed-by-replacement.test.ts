/**
 * Regression (issue 9, defect 4): an adopted group with a service-assigned `@TGS#…` id was destroyed by a type
 * change and its replacement could not be created (import_group refuses `@TGS#` ids). Diff now refuses that plan,
 * before anything is deleted, and says what to do: removing groupId and adopt lets the replacement take a new id and
 * be created before the old group is deleted.
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

test("a type change of an adopted @TGS# group is refused with the way out; following it replaces create-first", async () => {
  const { GroupId: legacy } = await e2e.client.importGroup({ Type: "Public", Name: "legacy" });
  expect(legacy).toMatch(/^@TGS#/);
  let args: Record<string, unknown> = { type: "Public", name: "legacy", groupId: legacy, adopt: true };
  const engine = matrixStack(e2e, host, provider, "adopted", () => ({ g: args }));
  expect((await engine.up()).ok).toBe(true);

  args = { ...args, type: "Private" };
  const refusal =
    /replaces group "@TGS#\w+", but import_group cannot create a group with this id.*Nothing was changed\. To replace it with a new group, remove groupId and adopt/;
  // Diff refuses the change: the step fails with the refusal and nothing of the resource changes (engine semantics).
  for (const result of [await engine.preview(), await engine.up()]) {
    expect(result.ok).toBe(false);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]!.error).toMatch(refusal);
    expect(result.steps[0]!.executed).toBeFalsy();
  }
  expect(e2e.emulator.store.getGroup(legacy)).toMatchObject({ Type: "Public", Name: "legacy" });
  expect(e2e.emulator.counters().destroy_group).toBe(0);

  args = { type: "Private", name: "legacy" };
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["type"], deleteBeforeReplace: false });
  expect(preview.steps[0]!.changedKeys).toEqual(expect.arrayContaining(["groupId", "type"]));
  expect((await engine.up()).ok).toBe(true);
  const groups = e2e.emulator.store.listGroups();
  expect(groups).toHaveLength(1);
  expect(groups[0]).toMatchObject({ Type: "Private", Name: "legacy" });
  expect(groups[0]!.GroupId).toMatch(/^g-[0-9a-f]{8}$/);
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual([groups[0]!.GroupId]);
  expect((await engine.destroy()).ok).toBe(true);
});
