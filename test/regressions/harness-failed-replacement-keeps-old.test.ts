/**
 * Regression (issue 14, defect 4): the engine harness forgot the old resource before creating its replacement, so
 * a create-before-delete replacement whose create failed lost the old resource from the harness's state, unlike
 * the real engine (pulumi/pulumi `pkg/resource/deploy/step.go`: CreateStep only marks the old `Delete` once the
 * create succeeded or partially failed). The old must stay live and untouched; the next `up` replaces it.
 */
import { planLine } from "../../harness/engine";
import type { ProviderHost, Props } from "../../harness/host";
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E();
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
});
afterAll(() => e2e?.stop());

function stackOf(key: string, initial: Props) {
  let args = initial;
  const engine = matrixStack(e2e, host, provider, key, () => ({ [key]: args }));
  return { engine, set: (a: Props) => (args = a) };
}

test("create-before-delete whose create is refused keeps the old resource live and untouched", async () => {
  const s = stackOf("rep-cbd", { type: "Public", name: "rep-cbd" });
  expect((await s.engine.up()).ok).toBe(true);
  const [before] = s.engine.snapshot().resources;
  s.set({ type: "Private", name: "rep-cbd" });
  expect((await s.engine.preview()).steps.map(planLine)).toEqual(["rep-cbd:replace(create-first)"]);
  e2e.emulator.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10004 } });
  const failed = await s.engine.up();
  expect(failed.ok).toBe(false);
  expect(s.engine.snapshot().resources).toEqual([before]);
  expect(e2e.emulator.store.getGroup(before!.id)).toBeDefined();
  const done = await s.engine.up();
  expect(done.ok).toBe(true);
  const after = s.engine.snapshot().resources;
  expect(after).toHaveLength(1);
  expect(after[0]!.id).not.toBe(before!.id);
  expect(e2e.emulator.store.getGroup(before!.id)).toBeUndefined();
  expect(e2e.emulator.store.getGroup(after[0]!.id)!.Type).toBe("Private");
  expect((await s.engine.destroy()).ok).toBe(true);
});
