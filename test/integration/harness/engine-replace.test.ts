/**
 * The engine harness's replacement path mirrors the Pulumi engine (pulumi/pulumi `pkg/resource/deploy/step.go`,
 * `step_generator.go`, `pkg/backend/snapshot.go`): a failed replacement never loses the old resource from state.
 * - create-before-delete, create refused: the old stays live and untouched (the regression test
 *   `test/regressions/harness-failed-replacement-keeps-old.test.ts`);
 * - create-before-delete, partial failure: the new is stored with exactly the returned properties, the old is
 *   kept marked `delete` and deleted by the next clean `up`;
 * - delete-before-replace, create refused: the old stays marked `pendingReplacement`; refresh skips it, the next
 *   `up` only creates, destroy drops it without a provider call.
 */
import { HostCallError, type InitFailure, type ProviderHost, type Props } from "../../../harness/host";
import { planLine, type Engine } from "../../../harness/engine";
import { startE2E, type E2E } from "../../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../../helpers/matrix";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
const initFailures: InitFailure[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
  // Record every partial failure the host reports, to compare with what the harness stores.
  const create = host.create.bind(host);
  host.create = async (urn: string, props: Props) => {
    try {
      return await create(urn, props);
    } catch (e) {
      if (e instanceof HostCallError && e.initFailure) initFailures.push(e.initFailure);
      throw e;
    }
  };
});
afterAll(() => e2e?.stop());

function stackOf(key: string, initial: Props): { engine: Engine; set: (args: Props) => void } {
  let args = initial;
  const engine = matrixStack(e2e, host, provider, key, () => ({ [key]: args }));
  return { engine, set: (a) => (args = a) };
}

const count = (action: "import_group" | "destroy_group" | "get_group_info") => e2e.emulator.counters()[action];

test("create-before-delete with a partial failure stores the returned properties as they are and keeps the old marked delete", async () => {
  const s = stackOf("rep-partial", { type: "Public", name: "rep-partial" });
  expect((await s.engine.up()).ok).toBe(true);
  const [before] = s.engine.snapshot().resources;
  s.set({ type: "Private", name: "rep-partial", muteAllMember: true });
  e2e.emulator.addFault({ action: "modify_group_base_info", effect: { kind: "error", errorCode: 10004 } });
  const seen = initFailures.length;
  const failed = await s.engine.up();
  expect(failed.ok).toBe(false);
  expect(initFailures).toHaveLength(seen + 1);
  const init = initFailures[seen]!;
  const state = s.engine.snapshot().resources;
  expect(state).toHaveLength(2);
  expect(state[0]).toEqual({ ...before, delete: true });
  expect(state[1]).toMatchObject({ id: init.id, initErrors: init.reasons });
  expect(state[1]!.outputs).toEqual(init.properties);
  // Both groups exist: the old one is only deleted by a later run without failures.
  expect(e2e.emulator.store.getGroup(before!.id)).toBeDefined();
  expect(e2e.emulator.store.getGroup(init.id)).toBeDefined();
  const preview = await s.engine.preview();
  expect(preview.steps.map(planLine)).toEqual(["rep-partial:update", "rep-partial:delete(replaced)"]);
  const done = await s.engine.up();
  expect(done.steps.map(planLine)).toEqual(preview.steps.map(planLine));
  expect(done.ok).toBe(true);
  expect(e2e.emulator.store.getGroup(before!.id)).toBeUndefined();
  expect(e2e.emulator.store.getGroup(init.id)!.MuteAllMember).toBe("On");
  expect(s.engine.snapshot().resources.map((r) => [r.id, r.delete, r.initErrors])).toEqual([
    [init.id, undefined, undefined],
  ]);
  expect((await s.engine.destroy()).ok).toBe(true);
});

test("delete-before-replace whose create is refused keeps the old marked pendingReplacement until the replacement exists", async () => {
  const s = stackOf("rep-dbr", { type: "Public", name: "rep-dbr", groupId: "rep-dbr" });
  expect((await s.engine.up()).ok).toBe(true);
  const [before] = s.engine.snapshot().resources;
  s.set({ type: "Private", name: "rep-dbr", groupId: "rep-dbr" });
  e2e.emulator.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10004 } });
  const failed = await s.engine.up();
  expect(failed.ok).toBe(false);
  expect(failed.steps.map(planLine)).toEqual(["rep-dbr:replace(delete-first)"]);
  expect(e2e.emulator.store.getGroup("rep-dbr")).toBeUndefined();
  expect(s.engine.snapshot().resources).toEqual([{ ...before, pendingReplacement: true }]);
  // Refresh does not read it (it is known to be deleted) and keeps it.
  const reads = count("get_group_info");
  expect((await s.engine.refresh()).steps).toEqual([]);
  expect(count("get_group_info")).toBe(reads);
  expect(s.engine.snapshot().resources).toEqual([{ ...before, pendingReplacement: true }]);
  const preview = await s.engine.preview();
  expect(preview.steps.map(planLine)).toEqual(["rep-dbr:replace(pending)"]);
  const deletes = count("destroy_group");
  const done = await s.engine.up();
  expect(done.ok).toBe(true);
  expect(count("destroy_group")).toBe(deletes);
  expect(s.engine.snapshot().resources).toHaveLength(1);
  expect(s.engine.snapshot().resources[0]!.pendingReplacement).toBeUndefined();
  expect(e2e.emulator.store.getGroup("rep-dbr")!.Type).toBe("Private");
  expect((await s.engine.destroy()).ok).toBe(true);
});

test("destroy drops a pendingReplacement entry without calling the provider", async () => {
  const s = stackOf("rep-dbr-destroy", { type: "Public", name: "rep-dbr-destroy", groupId: "rep-dbr-destroy" });
  expect((await s.engine.up()).ok).toBe(true);
  s.set({ type: "Private", name: "rep-dbr-destroy", groupId: "rep-dbr-destroy" });
  e2e.emulator.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10004 } });
  expect((await s.engine.up()).ok).toBe(false);
  const deletes = count("destroy_group");
  const destroyed = await s.engine.destroy();
  expect(destroyed.ok).toBe(true);
  expect(destroyed.steps.map(planLine)).toEqual(["rep-dbr-destroy:delete(state-only)"]);
  expect(count("destroy_group")).toBe(deletes);
  expect(s.engine.snapshot().resources).toEqual([]);
});
