/**
 * The sequence test's oracle can fail: each invariant reports a violation planted behind its back (a foreign group
 * changed, an orphan, a ghost, a declared group lost, a state that no longer refreshes or destroys), and nothing on a
 * clean stack. Groups are told apart by app and id: the same id in the second app is another group.
 */
import { before, storeInvariants, usableInvariants } from "../../helpers/sequences/invariants";
import { SequenceSystem } from "../../helpers/sequences/system";
import { TIMEOUT_MS } from "../../helpers/sequences/world";
import { CLUB, CLUB_EARLY_MEMBER, declsFor, type MemberChoice } from "../../helpers/sequences/members";
import { oobMember } from "../../helpers/sequences/out-of-band";
import {
  destroyLeftMembers,
  heldMembers,
  memberStoreInvariants,
  memberUpInvariants,
} from "../../helpers/sequences/member-invariants";
import { saveState } from "../../../harness/state";
import { accountDecls, accountStoreInvariants, accountUpInvariants } from "../../helpers/sequences/accounts";

let sys: SequenceSystem;
beforeAll(async () => {
  sys = await SequenceSystem.start(new Set(), TIMEOUT_MS, true);
});
afterAll(() => sys?.stop());

async function cleanStack(): Promise<ReturnType<typeof before>> {
  await sys.reset();
  sys.program = { g0: { type: "Public", nameVariant: 0, id: "id-0", adoptFlag: false, owner: "owner-1" } };
  expect((await sys.engine().up()).ok).toBe(true);
  return before(sys);
}

test("a clean stack breaks no invariant", async () => {
  const prev = await cleanStack();
  expect(storeInvariants(sys, prev, { destroys: false })).toEqual([]);
  expect(await usableInvariants(sys)).toEqual([]);
});

test("a changed foreign group, an orphan and a ghost are each reported", async () => {
  const prev = await cleanStack();
  const store = sys.e2e.emulator.store;
  store.putGroup({ ...store.getGroup("bystander")!, Introduction: "touched" });
  store.putGroup({ ...store.getGroup("seq-g0-0")!, GroupId: "stray" });
  store.deleteGroup("seq-g0-0");
  const found = storeInvariants(sys, prev, { destroys: false }).join("\n");
  expect(found).toMatch(/outside the stack changed: bystander/);
  expect(found).toMatch(/orphan: group stray/);
  expect(found).toMatch(/ghost: the stack holds g0 as seq-g0-0/);
  expect(found).toMatch(/lost: g0 had group seq-g0-0/);
});

test("a state whose outputs lost __provider is reported as not refreshing and not destroying", async () => {
  await cleanStack();
  const state = sys.engine().snapshot();
  delete state.resources[0]!.outputs.__provider;
  saveState(sys.engine().statePath, state);
  const found = (await usableInvariants(sys)).join("\n");
  expect(found).toMatch(/refresh fails/);
  expect(found).toMatch(/destroy fails/);
  expect(sys.e2e.emulator.store.getGroup("seq-g0-0")).toBeDefined(); // the destroy ran on a copy
});

test("the same id in the other app is another group: an orphan there, and no cover for a ghost here", async () => {
  const prev = await cleanStack();
  const main = sys.storeOf("main");
  const alt = sys.storeOf("alt");
  expect(sys.keyOfEntry(sys.state()[0]!)).toBe("main/seq-g0-0"); // from the sdkAppId the outputs record
  alt.putGroup({ ...main.getGroup("seq-g0-0")! });
  expect(storeInvariants(sys, prev, { destroys: false })).toEqual([
    expect.stringMatching(/^orphan: group seq-g0-0 in alt /),
  ]);
  main.deleteGroup("seq-g0-0");
  const found = storeInvariants(sys, prev, { destroys: false }).join("\n");
  expect(found).toMatch(/ghost: the stack holds g0 as seq-g0-0 in main/);
  expect(found).toMatch(/lost: g0 had group seq-g0-0 in main/);
});

test("a seeded group of the other app changed is reported as outside the stack", async () => {
  const prev = await cleanStack();
  const alt = sys.storeOf("alt");
  alt.putGroup({ ...alt.getGroup("bystander")!, Introduction: "touched" });
  expect(storeInvariants(sys, prev, { destroys: false })).toEqual([
    expect.stringMatching(/^a group outside the stack changed: bystander in alt /),
  ]);
});

describe("membership invariants", () => {
  /** A clean stack whose program also declares member-1 in g0's group and member-2 in the club. */
  async function withMembers(): Promise<void> {
    await cleanStack();
    sys.members = [
      ...declsFor(
        "g0",
        { mode: "individual", members: [{ account: "member-1", role: "Member" }] },
        sys.heldGroup("g0")!,
      ),
      ...declsFor(CLUB, { mode: "individual", members: [{ account: "member-2", role: "Admin" }] }, sys.club()),
    ];
    const up = await sys.engine().up();
    expect(up.ok).toBe(true);
    expect(memberUpInvariants(sys, sys.members)).toEqual([]);
  }
  const drop = (id: string, ...accounts: string[]): void => {
    const g = sys.storeOf("main").getGroup(id)!;
    sys.storeOf("main").putGroup({ ...g, Members: g.Members.filter((m) => !accounts.includes(m.Member_Account)) });
  };

  test("a clean stack with members breaks none, and its destroy leaves no managed member", async () => {
    await withMembers();
    expect(memberStoreInvariants(sys, before(sys), { kind: "up" })).toEqual([]);
    expect(await usableInvariants(sys)).toEqual([]);
  });

  test("members removed behind the program's back, the owner and an early member, are each reported", async () => {
    await withMembers();
    const prev = before(sys);
    drop("seq-g0-0", "member-1", "owner-1");
    drop(CLUB, CLUB_EARLY_MEMBER);
    const found = memberStoreInvariants(sys, prev, { kind: "up" }).join("\n");
    expect(found).toMatch(/the owner owner-1 of seq-g0-0 in main was removed/);
    expect(found).toMatch(/member member-1 \(Member\) of seq-g0-0 in main was removed, and the program did not/);
    expect(found).toMatch(/member member-3 \(Member\) of club in main was removed/);
    expect(memberUpInvariants(sys, sys.members).join("\n")).toMatch(/m-g0-member-1: member-1 is not a member/);
  });

  test("a member the program stopped declaring may go; one that left out of band only in that step", async () => {
    await withMembers();
    const prev = before(sys);
    sys.members = sys.members.filter((d) => d.target === CLUB);
    drop("seq-g0-0", "member-1");
    expect(memberStoreInvariants(sys, prev, { kind: "up" })).toEqual([]);
    const next = before(sys);
    drop(CLUB, "member-2");
    expect(memberStoreInvariants(sys, next, { kind: "out-of-band", left: `main/${CLUB}#member-2` })).toEqual([]);
    expect(memberStoreInvariants(sys, next, { kind: "refresh" }).join("\n")).toMatch(
      /member member-2 \(Admin\) of club/,
    );
  });

  test("a role changed behind the program's back fails the up check, and a destroy that left members is reported", async () => {
    await withMembers();
    const g = sys.storeOf("main").getGroup(CLUB)!;
    const flipped = g.Members.map((m) => (m.Member_Account === "member-2" ? { ...m, Role: "Member" as const } : m));
    sys.storeOf("main").putGroup({ ...g, Members: flipped });
    expect(memberUpInvariants(sys, sys.members).join("\n")).toMatch(/member-2 in club in main is \["Member"/);
    expect(destroyLeftMembers(sys, heldMembers(sys, sys.state())).join("\n")).toMatch(
      /destroy left m-club-member-2's member member-2 in club in main/,
    );
  });
});

test("an authoritative ChatGroupMembers may remove an out-of-band join after a refresh, and nothing else", async () => {
  // On the club (outside the stack, never destroyed): its take-over declares the early member as it is.
  await cleanStack();
  const club = sys.club();
  const members: MemberChoice[] = [
    { account: CLUB_EARLY_MEMBER, role: "Member" },
    { account: "member-1", role: "Admin" },
  ];
  sys.members = declsFor(CLUB, { mode: "authoritative", members }, club);
  expect((await sys.engine().up()).ok).toBe(true);
  expect(memberUpInvariants(sys, sys.members)).toEqual([]);
  const joined = before(sys);
  expect(oobMember(sys, club.key, "member-2", "join")).toBe(true);
  expect(memberStoreInvariants(sys, joined, { kind: "out-of-band" })).toEqual([]);
  expect((await sys.engine().refresh()).ok).toBe(true);
  sys.memberDrift.clear();
  const prev = before(sys);
  expect((await sys.engine().up()).ok).toBe(true);
  const now = sys
    .storeOf("main")
    .getGroup(CLUB)!
    .Members.map((m) => m.Member_Account);
  expect(now.sort()).toEqual(["member-1", "member-3", "owner-1"]); // the join was removed: the group is managed
  expect(memberStoreInvariants(sys, prev, { kind: "up" })).toEqual([]);
  expect(memberUpInvariants(sys, sys.members)).toEqual([]);
  expect(await usableInvariants(sys)).toEqual([]); // its destroy removes member-1 and member-3, never the owner
});

test("accounts: a clean stack passes; a deleted, a changed seeded and a wrong-profile account are each reported", async () => {
  await sys.reset();
  sys.accounts = accountDecls({
    "acc-1": { nick: "N1", deleteOnDestroy: false },
    "pre-1": { nick: "Pre One" }, // taken over as it is, without adopt
  });
  expect((await sys.engine().up()).ok).toBe(true);
  const prev = before(sys);
  const step = { kind: "out-of-band" as const };
  expect(accountStoreInvariants(sys, prev.state, prev.accounts, sys.state(), step)).toEqual([]);
  expect(accountUpInvariants(sys, sys.state())).toEqual([]);
  expect(await usableInvariants(sys)).toEqual([]);
  const store = sys.e2e.emulator.store;
  store.deleteAccount("acc-1"); // behind the invariant's back: no ChatAccount with deleteOnDestroy left
  store.putAccount("pre-2", { Nick: "touched" }); // seeded, never held
  store.putAccount("pre-1", { Nick: "other" }); // held: the declared profile is no longer live
  const found = [
    ...accountStoreInvariants(sys, prev.state, prev.accounts, sys.state(), step),
    ...accountUpInvariants(sys, sys.state()),
  ].join("\n");
  expect(found).toMatch(/account main\/acc-1 was deleted/);
  expect(found).toMatch(/account main\/pre-2 outside the stack changed/);
  expect(found).toMatch(/acct-pre-1: account main\/pre-1 is \["other"/);
});

test("accounts: a destroy that deletes an account the stack only took over is reported by the usable check", async () => {
  await sys.reset();
  sys.accounts = accountDecls({ "pre-2": { nick: "Pre Two" } });
  expect((await sys.engine().up()).ok).toBe(true);
  // Plant what the provider refuses (an update turning deleteOnDestroy on without adopt) straight into the state.
  const state = sys.engine().snapshot();
  state.resources[0]!.outputs.deleteOnDestroy = true;
  saveState(sys.engine().statePath, state);
  expect((await usableInvariants(sys)).join("\n")).toMatch(/destroy: account main\/pre-2 was deleted/);
  expect(sys.e2e.emulator.store.getAccount("pre-2")).toBeDefined(); // the destroy ran on a copy
});
