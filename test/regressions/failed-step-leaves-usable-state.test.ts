/**
 * Regression (issue 9, defect 1): a failed update or a half-finished create wedged the resource. The partial-failure
 * properties carried no `__provider`; the engine stores exactly those properties as the outputs, and the host loads
 * the provider from the outputs for Read and Delete, so refresh and destroy failed with "code must be a string, not
 * undefined". Now every properties object carries what the host needs and records what was really applied, so
 * refresh, a reverted program and destroy all work afterwards, through the real provider host and the engine model,
 * against the emulator with imported accounts required and only configured custom keys accepted.
 */
import * as fs from "node:fs";
import type { ProviderHost, Props } from "../../harness/host";
import type { Engine } from "../../harness/engine";
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true, appDefinedKeys: ["level"] } });
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
  for (const u of ["leckie", "outsider"]) await e2e.client.accountImport({ UserID: u });
});
afterAll(() => e2e?.stop());

/** One way a step fails after the group exists. */
interface Case {
  /** The program before the failing change; undefined when the failing step is the create itself. */
  before?: Props;
  /** The program whose step fails. */
  broken: Props;
  /** Arms the failure (a fault) just before the failing `up`, when the cause is not in the program itself. */
  arm?: () => void;
  /** What the error says. */
  cause: RegExp;
}

const CASES: Record<string, (id: string) => Case> = {
  "update: the new owner is an imported account but not a member (10007)": (id) => ({
    before: { type: "Public", groupId: id, name: "owned", ownerAccount: "leckie" },
    broken: { type: "Public", groupId: id, name: "owned", ownerAccount: "outsider" },
    cause: /must already be a member/,
  }),
  'update: modify_group_base_info refused, 10004 "all defined key is invalid"': (id) => ({
    before: { type: "Public", groupId: id, name: "first", appDefinedData: { level: "1" } },
    broken: { type: "Public", groupId: id, name: "second", appDefinedData: { level: "1", color: "red" } },
    cause: /all defined key is invalid/,
  }),
  "create: the muteAllMember follow-up fails after import": (id) => ({
    broken: { type: "Public", groupId: id, name: "half", muteAllMember: true },
    arm: () =>
      void e2e.emulator.addFault({
        action: "modify_group_base_info",
        effect: { kind: "error", errorCode: 10004, errorInfo: "injected" },
      }),
    cause: /finishing its creation failed/,
  }),
};

/** The group's managed fields as the emulator stores them. */
function live(id: string) {
  const g = e2e.emulator.store.getGroup(id);
  return (
    g && {
      name: g.Name,
      ownerAccount: g.Owner_Account,
      muteAllMember: g.MuteAllMember === "On",
      appDefinedData: Object.fromEntries(g.AppDefinedData.map((e) => [e.Key, e.Value])),
    }
  );
}

/** A stack whose program is whatever `program.current` holds at each command. */
function stack(id: string): { engine: Engine; program: { current: Props } } {
  const program = { current: {} as Props };
  return { engine: matrixStack(e2e, host, provider, id, () => ({ g: program.current })), program };
}

/** The stored outputs carry the serialized provider and say what the emulator really holds. */
function expectUsableTruth(engine: Engine, id: string): void {
  const [r] = engine.snapshot().resources;
  expect(r).toBeDefined();
  expect(r!.outputs.__provider).toBe(provider);
  const l = live(id)!;
  expect(r!.outputs).toMatchObject({
    groupId: id,
    name: l.name,
    muteAllMember: l.muteAllMember,
    appDefinedData: l.appDefinedData,
  });
  expect(r!.outputs.ownerAccount ?? "").toBe(l.ownerAccount);
}

/** Runs the case up to its failure and checks what the failure left behind. */
async function fail(name: string, id: string): Promise<{ engine: Engine; program: { current: Props }; c: Case }> {
  const c = CASES[name]!(id);
  const s = stack(id);
  if (c.before) {
    s.program.current = c.before;
    expect((await s.engine.up()).ok).toBe(true);
  }
  s.program.current = c.broken;
  c.arm?.();
  const failed = await s.engine.up();
  expect(failed.ok).toBe(false);
  expect(failed.steps[0]!.error).toMatch(c.cause);
  expect(failed.steps[0]!.error).toMatch(/exists, but/);
  expect(s.engine.snapshot().resources[0]!.initErrors).toHaveLength(1);
  expectUsableTruth(s.engine, id);
  return { ...s, c };
}

/** The program without the failing change: `before`, or for a failed create the broken program minus muteAllMember. */
function reverted(c: Case): Props {
  if (c.before) return c.before;
  const { muteAllMember: _dropped, ...rest } = c.broken;
  return rest;
}

const names = Object.keys(CASES);
const idOf = (prefix: string, name: string) => `${prefix}-${names.indexOf(name)}`;

test.each(names)("%s → refresh works and a reverted program plans and applies exactly what is needed", async (name) => {
  const id = idOf("usable-refresh", name);
  const { engine, program, c } = await fail(name, id);
  const refresh = await engine.refresh();
  expect(refresh.steps.map((s) => s.error)).toEqual([undefined]);
  expect(refresh.steps[0]!.gone).toBeFalsy();
  expectUsableTruth(engine, id);
  // The broken program still differs from the live group: preview says update, not "no change".
  const again = await engine.preview();
  expect(again.ok).toBe(true);
  expect(again.steps[0]!.op).toBe("update");
  // Reverted: the refreshed state is the live group, which already is what the program says.
  program.current = reverted(c);
  const before = live(id);
  expect((await engine.preview()).steps[0]!.op).toBe("same");
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual(before);
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toBeUndefined();
  expect(engine.snapshot().resources).toEqual([]);
});

test.each(names)("%s → reverted right away, the next up settles it and destroy works", async (name) => {
  const id = idOf("usable-revert", name);
  const { engine, program, c } = await fail(name, id);
  program.current = reverted(c);
  const preview = await engine.preview();
  expect(preview.ok).toBe(true);
  expect(preview.steps[0]!.op).toBe("update"); // the engine always finishes a resource with init errors
  const up = await engine.up();
  expect(up.steps.map((s) => s.error)).toEqual([undefined]);
  expect(engine.snapshot().resources[0]!.initErrors).toBeUndefined();
  expectUsableTruth(engine, id);
  expect(live(id)).toMatchObject({ name: program.current.name, muteAllMember: false });
  expect((await engine.preview()).steps[0]!.op).toBe("same");
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toBeUndefined();
});

test.each(names)("%s → destroy right after the failure deletes the group", async (name) => {
  const id = idOf("usable-destroy", name);
  const { engine } = await fail(name, id);
  const destroy = await engine.destroy();
  expect(destroy.steps.map((s) => s.error)).toEqual([undefined]);
  expect(live(id)).toBeUndefined();
  expect(engine.snapshot().resources).toEqual([]);
});

test("a change applied with its answer lost, and the read-back failing too: a revert still restores the live group", async () => {
  const id = "usable-unsettled";
  const s = stack(id);
  s.program.current = { type: "Public", groupId: id, name: "original" };
  expect((await s.engine.up()).ok).toBe(true);
  s.program.current = { type: "Public", groupId: id, name: "renamed" };
  const lost = e2e.emulator.addFault({
    action: "modify_group_base_info",
    effect: { kind: "applyThenDrop" },
    times: Infinity,
  });
  const blind = e2e.emulator.addFault({ action: "get_group_info", effect: { kind: "drop" }, times: Infinity });
  const failed = await s.engine.up();
  lost();
  blind();
  expect(failed.ok).toBe(false);
  expect(live(id)!.name).toBe("renamed"); // applied, though nobody heard back
  const [r] = s.engine.snapshot().resources;
  expect(r!.outputs).toMatchObject({ __provider: provider, unsettled: true });
  // Back to the original name: the stored outputs cannot be trusted, so the update reads the live group first.
  s.program.current = { type: "Public", groupId: id, name: "original" };
  expect((await s.engine.up()).ok).toBe(true);
  expect(live(id)!.name).toBe("original");
  expect(s.engine.snapshot().resources[0]!.outputs.unsettled).toBeUndefined();
  expect((await s.engine.preview()).steps[0]!.op).toBe("same");
  expect((await s.engine.destroy()).ok).toBe(true);
  expect(live(id)).toBeUndefined();
});

test("state an earlier version left (partial-failure outputs without __provider) is repaired by the next up", async () => {
  const id = "usable-legacy";
  const name = names[0]!;
  const { engine, c } = await fail(name, id);
  // What earlier versions stored: the partial failure's properties without __provider.
  const state = JSON.parse(fs.readFileSync(engine.statePath, "utf8")) as { resources: { outputs: Props }[] };
  delete state.resources[0]!.outputs.__provider;
  fs.writeFileSync(engine.statePath, JSON.stringify(state));
  const legacy = stack(id); // loads that state
  legacy.program.current = reverted(c);
  expect((await legacy.engine.refresh()).steps[0]!.error).toMatch(/code must be a string, not undefined/);
  // The engine always updates a resource with init errors, and Update loads the provider from the new inputs.
  expect((await legacy.engine.up()).steps.map((s) => s.error)).toEqual([undefined]);
  expectUsableTruth(legacy.engine, id);
  expect((await legacy.engine.refresh()).ok).toBe(true);
  expect((await legacy.engine.destroy()).ok).toBe(true);
  expect(live(id)).toBeUndefined();
});
