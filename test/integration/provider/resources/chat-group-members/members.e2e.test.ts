/**
 * ChatGroupMembers end to end: the real provider host (loaded from a real program's `__provider`) driven by the
 * engine harness against the emulator with imported accounts required: create from empty, add/remove/role change,
 * out-of-band join and leave as drift, adoption (equal, differing, overwrite), the owner never removed, per-type
 * refusals, one account failing, and faults followed by refresh and destroy.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine } from "../../../../../harness/engine";
import type { Props, ProviderHost } from "../../../../../harness/host";
import { startE2E, type E2E } from "../../../../../harness/e2e";
import type { StoredGroup } from "../../../../../emulator";
import { sharedHost } from "../../../../helpers/matrix";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMembers";
const USERS = ["boss", "alice", "bob", "carol", "dave", "erin", "stranger"];

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true } });
  host = await sharedHost(e2e);
  const [proto] = await e2e.register(
    `const { ChatGroupMembers } = require("pulumi-tencent-chat"); new ChatGroupMembers("proto", { groupId: "x", members: [{ account: "alice" }] });`,
  );
  expect(proto!.type).toBe(TYPE);
  provider = proto!.inputs.__provider as string;
  // Capture-free: the serialized provider only requires the stub by package name (see provider/stub.ts).
  expect(provider).toContain('require("pulumi-tencent-chat/stub/chat-group-members")');
  expect(provider.length).toBeLessThan(600);
  for (const u of USERS) e2e.emulator.store.putAccount(u);
});
afterAll(() => e2e?.stop());
beforeEach(() => e2e.emulator.clearFaults());

/** An owner-only group in the emulator (imported through the client, as a ChatGroup would). */
async function group(id: string, type = "Public", members: Record<string, "Admin" | "Member"> = {}): Promise<string> {
  await e2e.client.importGroup({ Type: type, Name: id, GroupId: id, Owner_Account: "boss" });
  const g = e2e.emulator.store.getGroup(id)!;
  for (const [a, role] of Object.entries(members)) g.Members.push({ Member_Account: a, Role: role, JoinTime: 2 });
  e2e.emulator.store.putGroup(g);
  return id;
}

/** The live membership but the owner: account → role (and name card when set). */
function live(id: string): Record<string, string> {
  const g = e2e.emulator.store.getGroup(id)!;
  return Object.fromEntries(
    g.Members.filter((m) => m.Role !== "Owner").map((m) => [
      m.Member_Account,
      m.NameCard ? `${m.Role}:${m.NameCard}` : m.Role,
    ]),
  );
}

const ownerOf = (id: string) =>
  e2e.emulator.store.getGroup(id)!.Members.find((m) => m.Role === "Owner")?.Member_Account;

/** A stack of one ChatGroupMembers whose inputs are `program.current` at each command. */
function stack(key: string): { engine: Engine; program: { current: Props } } {
  const program = { current: {} as Props };
  const engine = new Engine({
    projectDir: e2e.program.dir,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".members", `${key}.json`),
    program: async () => ({
      registrations: [
        {
          type: TYPE,
          name: "team",
          urn: `urn:pulumi:dev::chat-test::${TYPE}::team`,
          inputs: { ...program.current, __provider: provider },
        },
      ],
      outputs: {},
    }),
  });
  return { engine, program };
}

const resource = (engine: Engine) => engine.snapshot().resources[0];

test("create from an owner-only group, then add, remove and change roles; each preview says what up does", async () => {
  const id = await group("e2e-basic");
  const { engine, program } = stack("basic");
  program.current = {
    groupId: id,
    members: [
      { account: "alice", role: "Admin" },
      { account: "bob", nameCard: "B" },
    ],
  };
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["create"]);
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual({ alice: "Admin", bob: "Member:B" });
  const r = resource(engine)!;
  expect(r.outputs).toMatchObject({ groupId: id, managedAccounts: ["alice", "bob"], ownerAccount: "boss" });
  expect(r.outputs.__provider).toBe(provider);
  // The same members in another order: no change.
  program.current = {
    groupId: id,
    members: [
      { account: "bob", nameCard: "B" },
      { account: "alice", role: "Admin" },
    ],
  };
  expect((await engine.preview()).steps[0]!.op).toBe("same");

  program.current = { groupId: id, members: [{ account: "alice" }, { account: "carol", role: "Admin" }] };
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "update", changedKeys: ["members"] });
  expect(live(id)).toEqual({ alice: "Admin", bob: "Member:B" }); // preview changed nothing
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual({ alice: "Member", carol: "Admin" });
  // The stored inputs are keyed by account: what the CLI's input diff shows.
  expect(Object.keys(resource(engine)!.inputs.members as object)).toEqual(["alice", "carol"]);
  expect((await engine.preview()).steps[0]!.op).toBe("same");

  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toEqual({});
  expect(ownerOf(id)).toBe("boss");
});

test("a real program: a ChatGroup and its ChatGroupMembers are created, then destroyed members first", async () => {
  const entry = path.join(e2e.program.dir, "members-program.js");
  fs.writeFileSync(
    entry,
    [
      'const { ChatGroup, ChatGroupMembers } = require("pulumi-tencent-chat");',
      'const eng = new ChatGroup("eng", { type: "Public", name: "Eng", groupId: "e2e-program", ownerAccount: "boss" });',
      'new ChatGroupMembers("eng-members", { groupId: "e2e-program", members: [{ account: "alice", role: "Admin" }, { account: "bob" }] }, { dependsOn: [eng] });',
    ].join("\n"),
  );
  const engine = new Engine({
    projectDir: e2e.program.dir,
    entry,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".members", "program.json"),
  });
  const up = await engine.up();
  expect(up.steps.map((s) => `${s.name}:${s.op}:${s.error ?? "ok"}`)).toEqual([
    "eng:create:ok",
    "eng-members:create:ok",
  ]);
  expect(live("e2e-program")).toEqual({ alice: "Admin", bob: "Member" });
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["same", "same"]);
  const destroy = await engine.destroy();
  expect(destroy.ok).toBe(true);
  expect(destroy.steps.map((s) => s.name)).toEqual(["eng-members", "eng"]);
  expect(e2e.emulator.store.getGroup("e2e-program")).toBeUndefined();
});

test("an out-of-band join and leave show on refresh as drift, and up undoes them", async () => {
  const id = await group("e2e-drift");
  const { engine, program } = stack("drift");
  program.current = { groupId: id, members: [{ account: "alice" }, { account: "bob" }] };
  expect((await engine.up()).ok).toBe(true);
  await e2e.client.addGroupMember({ GroupId: id, MemberList: [{ Member_Account: "stranger" }] });
  await e2e.client.deleteGroupMember({ GroupId: id, MemberToDel_Account: ["bob"] });
  expect((await engine.preview()).steps[0]!.op).toBe("same"); // not refreshed yet: the state says nothing changed
  const refresh = await engine.refresh();
  expect(refresh.steps[0]!.changedKeys).toContain("members");
  expect(Object.keys(resource(engine)!.outputs.members as object)).toEqual(["alice", "stranger"]);
  expect((await engine.preview()).steps[0]!.op).toBe("update");
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual({ alice: "Member", bob: "Member" });
  // Destroy removes the managed members only: one who joined since the last refresh stays.
  await e2e.client.addGroupMember({ GroupId: id, MemberList: [{ Member_Account: "dave" }] });
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toEqual({ dave: "Member" });
});

test("a Community is read page by page with Next through the host (451 with the owner: 3 pages of 200)", async () => {
  const id = await group("@TGS#_e2e-community", "Community");
  const many = Array.from({ length: 450 }, (_, i) => `c${String(i).padStart(3, "0")}`);
  for (const a of many) e2e.emulator.store.putAccount(a);
  const { engine, program } = stack("community");
  program.current = { groupId: id, members: many.map((account) => ({ account })) };
  expect((await engine.up()).ok).toBe(true);
  expect(Object.keys(live(id))).toHaveLength(450);
  const g = e2e.emulator.store.getGroup(id)!;
  g.Members = g.Members.filter((m) => m.Member_Account !== "c123"); // left outside Pulumi
  e2e.emulator.store.putGroup(g);
  const before = e2e.emulator.counters().get_group_member_info;
  expect((await engine.refresh()).steps[0]!.changedKeys).toContain("members");
  expect(e2e.emulator.counters().get_group_member_info - before).toBe(3); // 450 members and the owner, in pages of 200
  const recorded = Object.keys(resource(engine)!.outputs.members as object);
  expect(recorded).toHaveLength(449);
  expect(recorded).not.toContain("c123");
  expect((await engine.up()).ok).toBe(true);
  expect(live(id).c123).toBe("Member");
});

describe("adoption: creating on a group that already has members", () => {
  test("equal to the program: taken over without a write", async () => {
    const id = await group("e2e-adopt-equal", "Public", { alice: "Admin", bob: "Member" });
    const { engine, program } = stack("adopt-equal");
    program.current = { groupId: id, members: [{ account: "alice", role: "Admin" }, { account: "bob" }] };
    expect((await engine.up()).ok).toBe(true);
    expect(resource(engine)!.outputs.managedAccounts).toEqual(["alice", "bob"]);
    expect((await engine.preview()).steps[0]!.op).toBe("same");
  });

  test("differing: nothing changes, nothing is recorded, the error lists who would be removed, added and changed", async () => {
    const id = await group("e2e-adopt-differs", "Public", { alice: "Member", stranger: "Member" });
    const { engine, program } = stack("adopt-differs");
    program.current = { groupId: id, members: [{ account: "alice", role: "Admin" }, { account: "bob" }] };
    const up = await engine.up();
    expect(up.ok).toBe(false);
    expect(up.steps[0]!.error).toMatch(/remove 1 member not in the program: "stranger"/);
    expect(up.steps[0]!.error).toMatch(/add 1 member: "bob"/);
    expect(up.steps[0]!.error).toMatch(/change 1 member: "alice" \(role Member → Admin\)/);
    expect(live(id)).toEqual({ alice: "Member", stranger: "Member" });
    expect(engine.snapshot().resources).toEqual([]);

    program.current = { ...program.current, adopt: "overwrite" };
    expect((await engine.up()).ok).toBe(true);
    expect(live(id)).toEqual({ alice: "Admin", bob: "Member" });
    expect(ownerOf(id)).toBe("boss");
  });
});

test("the owner is never removed, and declaring it is a clear error", async () => {
  const id = await group("e2e-owner", "Public", { alice: "Member" });
  const { engine, program } = stack("owner");
  program.current = { groupId: id, members: [], adopt: "overwrite" };
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual({});
  expect(ownerOf(id)).toBe("boss");
  program.current = { groupId: id, members: [{ account: "boss" }] };
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps[0]!.error).toMatch(/"boss", the owner of group .*Remove "boss" from members/);
  expect((await engine.destroy()).ok).toBe(true);
  expect(ownerOf(id)).toBe("boss");
});

test.each([
  ["Private", [{ account: "alice", role: "Admin" }], /Work \(Private\) group, which has no admins/],
  ["AVChatRoom", [{ account: "alice" }], /AVChatRoom/],
])("%s: refused before any write", async (type, members, why) => {
  const id = `e2e-type-${type}`;
  const g: StoredGroup = {
    ...e2e.emulator.store.getGroup((await group(`${id}-x`)) as string)!,
    GroupId: id,
    Type: type,
  };
  e2e.emulator.store.putGroup(g);
  const { engine, program } = stack(id);
  program.current = { groupId: id, members };
  const up = await engine.up();
  expect(up.steps[0]!.error).toMatch(why);
  expect(live(id)).toEqual({});
});

test("one account failing (never imported) fails only itself; state records the live membership; refresh, a fix and destroy work", async () => {
  const id = await group("e2e-item");
  const { engine, program } = stack("item");
  program.current = { groupId: id, members: [{ account: "alice" }, { account: "ghost" }, { account: "bob" }] };
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps[0]!.error).toMatch(/1 membership change failed.*add "ghost"/);
  expect(live(id)).toEqual({ alice: "Member", bob: "Member" });
  const r = resource(engine)!;
  expect(Object.keys(r.outputs.members as object)).toEqual(["alice", "bob"]);
  expect(r.outputs.__provider).toBe(provider);
  expect((await engine.refresh()).steps[0]!.error).toBeUndefined();
  program.current = { groupId: id, members: [{ account: "alice" }, { account: "bob" }] };
  expect((await engine.up()).ok).toBe(true);
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toEqual({});
});

test("a fault on removals: partial failure, then refresh and destroy work from the truth", async () => {
  const id = await group("e2e-fault");
  const { engine, program } = stack("fault");
  program.current = { groupId: id, members: [{ account: "alice" }, { account: "bob" }, { account: "carol" }] };
  expect((await engine.up()).ok).toBe(true);
  e2e.emulator.addFault({
    action: "delete_group_member",
    effect: { kind: "error", errorCode: 10004, errorInfo: "injected" },
    times: Infinity,
  });
  program.current = { groupId: id, members: [{ account: "alice", role: "Admin" }, { account: "dave" }] };
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps[0]!.error).toMatch(/2 membership changes failed.*remove "bob".*remove "carol"/);
  // Everything else landed, and the state says so.
  expect(live(id)).toEqual({ alice: "Admin", bob: "Member", carol: "Member", dave: "Member" });
  const r = resource(engine)!;
  expect(Object.keys(r.outputs.members as object)).toEqual(["alice", "bob", "carol", "dave"]);
  expect(r.outputs.managedAccounts).toEqual(["alice", "bob", "carol", "dave"]);
  expect((await engine.refresh()).steps[0]!.error).toBeUndefined();
  expect((await engine.destroy()).ok).toBe(false); // the fault is still armed: destroy fails and keeps the resource
  expect(engine.snapshot().resources).toHaveLength(1);
  e2e.emulator.clearFaults();
  expect((await engine.up()).ok).toBe(true);
  expect(live(id)).toEqual({ alice: "Admin", dave: "Member" });
  expect((await engine.destroy()).ok).toBe(true);
  expect(live(id)).toEqual({});
  expect(ownerOf(id)).toBe("boss");
});

test("check failures name the field: a duplicate account names both positions", async () => {
  const { engine, program } = stack("check");
  program.current = { groupId: "whatever", members: [{ account: "alice" }, { account: "alice" }] };
  const preview = await engine.preview();
  expect(preview.steps[0]!.failures).toEqual([
    expect.objectContaining({ property: "members[1].account", reason: expect.stringMatching(/members\[0\]/) }),
  ]);
});
