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

test("joinTime: added with import_group_member (role Admin in the same call); a new joinTime removes and re-adds it, delete first", async () => {
  const { groupId, engine, set } = await setup("Public", (g) => ({
    a: { groupId: g, account: "bob", role: "Admin", joinTime: 1_600_000_100 },
  }));
  e2e.emulator.resetCounters();
  expect((await engine.up()).ok).toBe(true);
  const c = e2e.emulator.counters();
  expect([c.import_group_member, c.add_group_member, c.modify_group_member_info]).toEqual([1, 0, 0]);
  expect(live(groupId, "bob")).toMatchObject({ Role: "Admin", JoinTime: 1_600_000_100 });

  set((g) => ({ a: { groupId: g, account: "bob", role: "Admin", joinTime: 1_600_000_200 } }));
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["joinTime"], deleteBeforeReplace: true });
  expect(live(groupId, "bob")?.JoinTime).toBe(1_600_000_100); // preview changed nothing
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "bob")).toMatchObject({ Role: "Admin", JoinTime: 1_600_000_200 });

  // Removing joinTime is no change: the join time is history.
  set((g) => ({ a: { groupId: g, account: "bob", role: "Admin" } }));
  expect((await engine.preview()).steps[0]!.op).toBe("same");
  expect((await engine.destroy()).ok).toBe(true);
});

test("a new joinTime the re-import would refuse fails in diff, before anything is removed", async () => {
  const { groupId, engine, set } = await setup("Public", (g) => ({
    a: { groupId: g, account: "carol", joinTime: 1_600_000_100 },
  }));
  expect((await engine.up()).ok).toBe(true);
  set((g) => ({ a: { groupId: g, account: "carol", joinTime: 1_500_000_000 } })); // before the group's creation
  e2e.emulator.resetCounters();
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps[0]!.error).toMatch(
    /removes it first.*joinTime 1500000000 must be after the group's creation.*Nothing was removed/s,
  );
  expect(e2e.emulator.counters().delete_group_member).toBe(0);
  expect(live(groupId, "carol")?.JoinTime).toBe(1_600_000_100);
  expect(engine.snapshot().resources).toHaveLength(1);
  set((g) => ({ a: { groupId: g, account: "carol", joinTime: 1_600_000_100 } }));
  expect((await engine.destroy()).ok).toBe(true);
});

test("a new account replaces the member, creating first: the new one is added before the old one is removed", async () => {
  const { groupId, engine, set } = await setup("Public", (g) => ({ a: { groupId: g, account: "alice" } }));
  expect((await engine.up()).ok).toBe(true);
  set((g) => ({ a: { groupId: g, account: "bob" } }));
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", replaceKeys: ["account"], deleteBeforeReplace: false });
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "alice")).toBeUndefined();
  expect(live(groupId, "bob")).toMatchObject({ Role: "Member" });
  expect(engine.snapshot().resources.map((r) => r.id)).toEqual([`${groupId}/bob`]);
  expect((await engine.destroy()).ok).toBe(true);
});

test("drift: a role changed out of band shows on refresh and up restores it; a member who left is dropped and re-added", async () => {
  const { groupId, engine } = await setup("Public", (g) => ({ a: { groupId: g, account: "dave", role: "Admin" } }));
  expect((await engine.up()).ok).toBe(true);
  await e2e.client.modifyGroupMemberInfo({ GroupId: groupId, Member_Account: "dave", Role: "Member" });
  expect((await engine.refresh()).ok).toBe(true);
  expect(engine.snapshot().resources[0]!.outputs).toMatchObject({ role: "Member" });
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "update", changedKeys: ["role"] });
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "dave")?.Role).toBe("Admin");

  await e2e.client.deleteGroupMember({ GroupId: groupId, MemberToDel_Account: ["dave"] });
  const refresh = await engine.refresh();
  expect(refresh.steps[0]).toMatchObject({ gone: true });
  expect(engine.snapshot().resources).toHaveLength(0);
  expect((await engine.preview()).steps[0]!.op).toBe("create");
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "dave")?.Role).toBe("Admin");
  expect((await engine.destroy()).ok).toBe(true);
});

test("a group destroyed out of band: refresh drops its members; destroying members of a gone group succeeds", async () => {
  const one = await setup("Public", (g) => ({
    a: { groupId: g, account: "alice" },
    b: { groupId: g, account: "bob" },
  }));
  expect((await one.engine.up()).ok).toBe(true);
  await e2e.client.destroyGroup({ GroupId: one.groupId });
  const refresh = await one.engine.refresh();
  expect(refresh.ok).toBe(true);
  expect(refresh.steps.map((s) => s.gone)).toEqual([true, true]);
  expect(one.engine.snapshot().resources).toHaveLength(0);

  const two = await setup("Public", (g) => ({ a: { groupId: g, account: "alice" } }));
  expect((await two.engine.up()).ok).toBe(true);
  await e2e.client.destroyGroup({ GroupId: two.groupId });
  expect((await two.engine.destroy()).ok).toBe(true);
  expect(two.engine.snapshot().resources).toHaveLength(0);
});

test("takeover: an equal member is taken over with no write; a differing one is refused listing live values; overwrite applies", async () => {
  const { groupId, engine } = await setup("Public", (g) => ({
    a: { groupId: g, account: "erin", role: "Admin", nameCard: "E" },
  }));
  await e2e.client.addGroupMember({ GroupId: groupId, MemberList: [{ Member_Account: "erin" }] });
  await e2e.client.modifyGroupMemberInfo({ GroupId: groupId, Member_Account: "erin", Role: "Admin", NameCard: "E" });
  e2e.emulator.resetCounters();
  expect((await engine.up()).ok).toBe(true);
  let c = e2e.emulator.counters();
  expect([c.add_group_member, c.import_group_member, c.modify_group_member_info]).toEqual([0, 0, 0]);
  expect(engine.snapshot().resources[0]!.outputs).toMatchObject({ adopted: true });
  // Drop it from the stack without removing it (a new stack takes it over again).
  const other = memberStack(e2e, host, provider, `${groupId}-b`, () => ({
    x: { groupId, account: "erin", role: "Member", nameCard: "Erin" },
  }));
  e2e.emulator.resetCounters();
  const refused = await other.up();
  expect(refused.ok).toBe(false);
  const msg = refused.steps[0]!.error!;
  expect(msg).toMatch(
    /cannot take over account "erin".*differs from the program in role, nameCard.*Nothing was changed/s,
  );
  expect(msg).toContain('role: "Admin", // declared "Member"');
  expect(msg).toContain('nameCard: "E", // declared "Erin"');
  c = e2e.emulator.counters();
  expect([c.add_group_member, c.modify_group_member_info]).toEqual([0, 0]);
  expect(live(groupId, "erin")).toMatchObject({ Role: "Admin", NameCard: "E" });
  expect(other.snapshot().resources).toHaveLength(0);

  const overwrite = memberStack(e2e, host, provider, `${groupId}-c`, () => ({
    x: { groupId, account: "erin", role: "Member", nameCard: "Erin", adopt: "overwrite" },
  }));
  expect((await overwrite.up()).ok).toBe(true);
  expect(live(groupId, "erin")).toMatchObject({ Role: "Member", NameCard: "Erin" });
  expect((await overwrite.destroy()).ok).toBe(true);
  expect(live(groupId, "erin")).toBeUndefined();
});

test("refusals before any write: the owner, an admin in a Work group, any member of an AVChatRoom", async () => {
  const work = await setup("Private", (g) => ({
    o: { groupId: g, account: "leckie" },
    a: { groupId: g, account: "alice", role: "Admin" },
  }));
  e2e.emulator.resetCounters();
  const up = await work.engine.up();
  expect(up.ok).toBe(false);
  const byName = Object.fromEntries(up.steps.map((s) => [s.name, s.error ?? ""]));
  expect(byName.o).toMatch(/"leckie" in group .* is the group's owner.*ownership is ChatGroup's ownerAccount/s);
  expect(byName.a).toMatch(/is a Work \(Private\) group, which has no admins\. Nothing was changed/);
  let c = e2e.emulator.counters();
  expect([c.add_group_member, c.modify_group_member_info, c.delete_group_member]).toEqual([0, 0, 0]);
  expect(work.engine.snapshot().resources).toHaveLength(0);

  const av = await setup("Public", (g) => ({ a: { groupId: g, account: "alice" } }));
  const stored = e2e.emulator.store.getGroup(av.groupId)!;
  e2e.emulator.store.putGroup({ ...stored, Type: "AVChatRoom" });
  e2e.emulator.resetCounters();
  const avUp = await av.engine.up();
  expect(avUp.ok).toBe(false);
  expect(avUp.steps[0]!.error).toMatch(/is an AVChatRoom.*no member action writes to it/s);
  c = e2e.emulator.counters();
  expect([c.add_group_member, c.import_group_member]).toEqual([0, 0]);
});

test("faults: one account the service refuses fails only its own resource; a failed name card leaves usable state that up finishes", async () => {
  const { groupId, engine, set } = await setup("Public", (g) => ({
    a: { groupId: g, account: "alice" },
    b: { groupId: g, account: "bob", nameCard: "Bobby" },
    ghost: { groupId: g, account: "ghost" }, // never imported: add_group_member answers Result 0 for it alone
  }));
  e2e.emulator.addFault({ action: "modify_group_member_info", effect: { kind: "error", errorCode: 10004 } });
  e2e.emulator.resetCounters();
  const up = await engine.up();
  expect(up.ok).toBe(false);
  const byName = Object.fromEntries(up.steps.map((s) => [s.name, s.error]));
  expect(byName.a).toBeUndefined();
  expect(byName.ghost).toMatch(/add_group_member failed for "ghost".*Result 0/s);
  expect(byName.b).toMatch(/"bob" in group .* is a member, but setting its role or name card failed/s);
  expect(e2e.emulator.counters().add_group_member).toBe(1); // the three shared one call
  const ids = engine
    .snapshot()
    .resources.map((r) => r.id)
    .sort();
  expect(ids).toEqual([`${groupId}/alice`, `${groupId}/bob`]);
  expect(live(groupId, "bob")).toMatchObject({ Role: "Member" });

  set((g) => ({ a: { groupId: g, account: "alice" }, b: { groupId: g, account: "bob", nameCard: "Bobby" } }));
  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.up()).ok).toBe(true);
  expect(live(groupId, "bob")).toMatchObject({ NameCard: "Bobby" });
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(groupId, "alice")).toBeUndefined();
  expect(live(groupId, "bob")).toBeUndefined();
});

test("many concurrent members of one group share calls: add, role reads, refresh and delete", async () => {
  const N = 70;
  const { groupId, engine } = await setup("Public", (g) =>
    Object.fromEntries(Array.from({ length: N }, (_, i) => [`m${i}`, { groupId: g, account: `user_${i}` }])),
  );
  for (let i = 0; i < N; i++) e2e.emulator.store.putAccount(`user_${i}`);
  e2e.emulator.resetCounters();
  expect((await engine.up()).ok).toBe(true);
  let c = e2e.emulator.counters();
  expect(c.add_group_member).toBeLessThanOrEqual(Math.ceil(N / 20) + 2);
  expect(c.get_role_in_group).toBeLessThanOrEqual(3);
  expect(c.get_group_info).toBeLessThanOrEqual(2);
  expect(e2e.emulator.store.getGroup(groupId)!.Members).toHaveLength(N + 1);

  e2e.emulator.resetCounters();
  expect((await engine.refresh()).ok).toBe(true);
  c = e2e.emulator.counters();
  expect(c.get_role_in_group).toBeLessThanOrEqual(Math.ceil(N / 500) + 2);
  expect(c.get_specified_group_member_info).toBe(0);

  e2e.emulator.resetCounters();
  expect((await engine.destroy()).ok).toBe(true);
  c = e2e.emulator.counters();
  expect(c.delete_group_member).toBeLessThanOrEqual(Math.ceil(N / 100) + 2);
  expect(e2e.emulator.store.getGroup(groupId)!.Members).toHaveLength(1);
});
