/**
 * ChatGroupMember end to end through the REAL provider host and the engine harness, against the emulator: create,
 * in-place role and name card changes, migration imports, replacements, drift, takeover, refusals, faults, refresh
 * and destroy. Groups are set up directly in the emulator (the harness has no dependency graph).
 */
import { startE2E, type E2E } from "../../../../harness/e2e";
import type { Props, ProviderHost } from "../../../../harness/host";
import { sharedHost } from "../../../helpers/matrix";
import { memberProviderText, memberStack } from "../../../helpers/member-stack";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
let n = 0;

beforeAll(async () => {
  e2e = await startE2E();
  host = await sharedHost(e2e);
  provider = await memberProviderText(e2e);
  for (const a of ["leckie", "alice", "bob", "carol", "dave", "erin"]) e2e.emulator.store.putAccount(a);
}, 60_000);
afterAll(() => e2e?.stop());
beforeEach(() => e2e.emulator.clearFaults());

/** A fresh group (owner leckie) of `type`, and a stack over it whose program is `members()`. */
async function setup(type: string, members: (groupId: string) => Record<string, Props>) {
  const groupId = `gm-${++n}`;
  await e2e.client.importGroup({
    Type: type,
    Name: groupId,
    GroupId: groupId,
    Owner_Account: "leckie",
    CreateTime: 1_600_000_000,
  });
  let program = members(groupId);
  const engine = memberStack(e2e, host, provider, groupId, () => program);
  return { groupId, engine, set: (next: (g: string) => Record<string, Props>) => (program = next(groupId)) };
}

function live(groupId: string, account: string) {
  return e2e.emulator.store.getGroup(groupId)?.Members.find((m) => m.Member_Account === account);
}

test("create adds the member; role and name card change in place; refresh and destroy", async () => {
  const { groupId, engine, set } = await setup("Public", (g) => ({ a: { groupId: g, account: "alice" } }));
  const up = await engine.up();
  expect(up.ok).toBe(true);
  expect(live(groupId, "alice")).toMatchObject({ Role: "Member" });
  expect(engine.snapshot().resources[0]).toMatchObject({
    id: `${groupId}/alice`,
    outputs: { role: "Member", adopted: false },
  });

  set((g) => ({ a: { groupId: g, account: "alice", role: "Admin", nameCard: "Ally" } }));
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "update" });
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "alice")).toMatchObject({ Role: "Admin", NameCard: "Ally" });

  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.preview()).steps[0]!.op).toBe("same");
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(groupId, "alice")).toBeUndefined();
  expect(live(groupId, "leckie")).toMatchObject({ Role: "Owner" });
});
