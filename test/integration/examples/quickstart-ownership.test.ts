/**
 * The quickstart's ownership story against the real semantics, through the engine harness and the real host, with
 * the emulator's store checked after every step: ChatGroup's `ownerAccount` moves only to a member
 * (change_group_owner), the old owner becomes a plain member, and ChatGroupMember resources around the transfer end
 * cleanly — a member resource of the new owner may stay declared across the transfer and be removed later without
 * removing the owner; the old owner may be declared as a member (taken over, no write); each member's step waits for
 * the group's (`groupId: group.groupId`) and each group's for its owner account (`ownerAccount: account.userId`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { Engine, type CommandResult } from "../../../harness/engine";
import { makeProgramDir, programEnv, REPO_ROOT, type ProgramDir } from "../../../harness/program-dir";

const KEY = "ownership-test-key";
const SDK_APP_ID = 1400000004;
let emulator: RunningEmulator;
let program: ProgramDir;

// One Work group, its owner and its member resources chosen by stack config.
const SOURCE = `
const pulumi = require("@pulumi/pulumi");
const { ChatAccount, ChatGroup, ChatGroupMember } = require("pulumi-tencent-chat");
const config = new pulumi.Config();
const accounts = Object.fromEntries(["leckie", "bob", "alice"].map((a) => [a, new ChatAccount(a, { userId: a })]));
const engineering = new ChatGroup("engineering", {
  type: "Work",
  name: "Engineering",
  ownerAccount: accounts[config.require("owner")].userId,
});
for (const m of config.get("members")?.split(",").filter(Boolean) ?? []) {
  new ChatGroupMember("engineering-" + m, { groupId: engineering.groupId, account: accounts[m].userId });
}
exports.groupId = engineering.groupId;
`;

beforeAll(async () => {
  emulator = await startEmulator({ sdkAppId: SDK_APP_ID, secretKey: KEY });
  program = makeProgramDir("story");
  fs.writeFileSync(path.join(program.dir, "story.js"), SOURCE);
  fs.copyFileSync(path.join(REPO_ROOT, "examples", "quickstart", "index.ts"), path.join(program.dir, "index.ts"));
});
afterAll(async () => {
  await emulator?.close();
  program?.cleanup();
});

/** A stack of `entry`; `set` changes its config for the next command. */
function stack(key: string, entry: string, project: string) {
  const config: Record<string, string | { secret: string }> = {
    "tencent-chat:sdkAppId": String(SDK_APP_ID),
    "tencent-chat:secretKey": { secret: KEY },
    "tencent-chat:endpoint": emulator.url,
  };
  const engine = new Engine({
    projectDir: program.dir,
    entry: path.join(program.dir, entry),
    project,
    stack: "dev",
    statePath: path.join(program.dir, `.state-${key}`, "dev.json"),
    config,
    env: programEnv(program.dir),
  });
  return { engine, set: (values: Record<string, string>) => Object.assign(config, values) };
}

/** The group's members as stored, `account:Role`, sorted. */
function roster(groupId: string): string {
  return (emulator.store.getGroup(groupId)?.Members ?? [])
    .map((m) => `${m.Member_Account}:${m.Role}`)
    .sort()
    .join(" ");
}

/** `name:op` of every step that did something, sorted; fails the test on any step error. */
function changes(r: CommandResult): string[] {
  expect(r.steps.filter((s) => s.error || s.failures.length > 0)).toEqual([]);
  expect(r.ok).toBe(true);
  return r.steps
    .filter((s) => s.op !== "same")
    .map((s) => `${s.name}:${s.op}`)
    .sort();
}

test("a member resource of the new owner ends cleanly; the old owner is declared as a member; and back again", async () => {
  const s = stack("story", "story.js", "story");
  s.set({ "story:owner": "leckie", "story:members": "bob" });
  const v1 = await s.engine.up();
  expect(changes(v1)).toEqual([
    "alice:create",
    "bob:create",
    "engineering-bob:create",
    "engineering:create",
    "leckie:create",
  ]);
  // Accounts before the group that names its owner, the group before its member.
  const order = v1.steps.map((x) => x.name);
  expect(order.indexOf("leckie")).toBeLessThan(order.indexOf("engineering"));
  expect(order.indexOf("engineering")).toBeLessThan(order.indexOf("engineering-bob"));
  const groupId = v1.outputs.groupId as string;
  expect(roster(groupId)).toBe("bob:Member leckie:Owner");

  // Ownership to bob while bob's member resource stays declared: the transfer runs, the member resource is unchanged.
  s.set({ "story:owner": "bob" });
  expect(changes(await s.engine.up())).toEqual(["engineering:update"]);
  expect(emulator.store.getGroup(groupId)?.Owner_Account).toBe("bob");
  expect(roster(groupId)).toBe("bob:Owner leckie:Member");
  // Refresh keeps it and records that it is the owner now; the next preview proposes nothing.
  const refresh = await s.engine.refresh();
  expect(refresh.steps.filter((x) => x.error || x.gone)).toEqual([]);
  expect(s.engine.snapshot().resources.find((r) => r.name === "engineering-bob")?.outputs.isOwner).toBe(true);
  expect(changes(await s.engine.preview())).toEqual([]);

  // bob's member resource removed, the old owner declared: the delete leaves the owner in, leckie is taken over.
  s.set({ "story:members": "leckie" });
  emulator.resetCounters();
  expect(changes(await s.engine.up())).toEqual(["engineering-bob:delete", "engineering-leckie:create"]);
  expect(roster(groupId)).toBe("bob:Owner leckie:Member");
  expect(emulator.counters().delete_group_member ?? 0).toBe(0);
  expect(emulator.counters().add_group_member ?? 0).toBe(0);
  expect(s.engine.snapshot().resources.find((r) => r.name === "engineering-leckie")?.outputs.adopted).toBe(true);

  // And back: ownership to leckie (a member), leckie's member resource goes, bob's comes back (taken over), and
  // alice joins in the same up: her add waits for the group's update.
  s.set({ "story:owner": "leckie", "story:members": "bob,alice" });
  const back = await s.engine.up();
  expect(changes(back)).toEqual([
    "engineering-alice:create",
    "engineering-bob:create",
    "engineering-leckie:delete",
    "engineering:update",
  ]);
  expect(roster(groupId)).toBe("alice:Member bob:Member leckie:Owner");

  // Destroy: members first (bob and alice removed), then the group; the accounts are kept.
  expect((await s.engine.destroy()).ok).toBe(true);
  expect(emulator.store.getGroup(groupId)).toBeUndefined();
  expect(["alice", "bob", "leckie"].every((a) => emulator.store.hasAccount(a))).toBe(true);
}, 400_000);

test("the owner moves only to a member: naming a non-member fails clearly, its member waits, and the stack still works", async () => {
  const s = stack("refused", "story.js", "story");
  s.set({ "story:owner": "leckie", "story:members": "" });
  const first = await s.engine.up();
  expect(first.ok).toBe(true);
  const groupId = first.outputs.groupId as string;
  // alice as owner and as a member in one up: the member waits for the group, whose transfer is refused (alice is
  // not a member yet), so the member never starts; nothing changed in the group.
  s.set({ "story:owner": "alice", "story:members": "alice" });
  const refused = await s.engine.up();
  expect(refused.ok).toBe(false);
  expect(refused.steps.find((x) => x.name === "engineering")?.error).toMatch(/must already be a member/);
  expect(refused.steps.find((x) => x.name === "engineering-alice")).toBeUndefined();
  expect(roster(groupId)).toBe("leckie:Owner");
  // Two steps, as the quickstart does: the member first, then the owner.
  s.set({ "story:owner": "leckie", "story:members": "alice" });
  expect((await s.engine.up()).ok).toBe(true);
  s.set({ "story:owner": "alice", "story:members": "" });
  expect((await s.engine.up()).ok).toBe(true);
  expect(roster(groupId)).toBe("alice:Owner leckie:Member");
  expect((await s.engine.destroy()).ok).toBe(true);
}, 400_000);

test("the quickstart's version 2 also deploys from scratch: bob owns engineering from the start, leckie a member", async () => {
  emulator.store.reset(); // a fresh app: the accounts the earlier tests kept had no nicknames
  const s = stack("fresh-v2", "index.ts", "quickstart");
  s.set({ "quickstart:version": "2" });
  const up = await s.engine.up();
  expect(up.steps.filter((x) => x.error || x.failures.length > 0)).toEqual([]);
  const groupId = up.outputs.engineeringId as string;
  expect(emulator.store.getGroup(groupId)).toMatchObject({ Type: "Private", Owner_Account: "bob" });
  expect(roster(groupId)).toBe("alice:Member bob:Owner leckie:Member");
  expect(roster("announcements")).toBe("alice:Admin");
  expect((await s.engine.destroy()).ok).toBe(true);
  expect(emulator.store.listGroups()).toEqual([]);
}, 400_000);
