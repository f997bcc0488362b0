/**
 * Regression (issue 9, defect 2): changing `groupId` ("mine" → "taken", another team's id) deleted "mine" first;
 * the create then failed with 10021, and the message suggested `adopt: true`, which would take the other team's
 * group. A different id does not need the old group gone: the replacement now creates first, so a refused create
 * leaves the old group and the stack untouched.
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

test("a new groupId is created before the old group is deleted; a taken id leaves both groups untouched", async () => {
  await e2e.client.importGroup({ Type: "Public", Name: "theirs", GroupId: "taken" });
  let groupId = "mine";
  const engine = matrixStack(e2e, host, provider, "ids", () => ({ g: { type: "Public", name: "ours", groupId } }));
  expect((await engine.up()).ok).toBe(true);

  groupId = "taken";
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["groupId"], deleteBeforeReplace: false });
  const up = await engine.up();
  expect(up.ok).toBe(false);
  const error = up.steps[0]!.error!;
  expect(error).toMatch(/10021/);
  expect(error).toMatch(/may belong to someone else/);
  expect(error).not.toMatch(/or set adopt: true to take it over/);
  expect(e2e.emulator.store.getGroup("mine")?.Name).toBe("ours");
  expect(e2e.emulator.store.getGroup("taken")?.Name).toBe("theirs");
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual(["mine"]);
  expect(e2e.emulator.counters().destroy_group).toBe(0);

  groupId = "fresh";
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("fresh")?.Name).toBe("ours");
  expect(e2e.emulator.store.getGroup("mine")).toBeUndefined();
  expect(e2e.emulator.store.getGroup("taken")?.Name).toBe("theirs");
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual(["fresh"]);
  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.listGroups().map((g) => g.GroupId)).toEqual(["taken"]);
});
