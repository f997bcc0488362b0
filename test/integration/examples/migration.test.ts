/**
 * The migration example through the engine harness: groups imported with their ids, creation times and binary
 * custom data, and their members with their join times (import_group_member, one call per group); a re-run after a
 * half-finished migration adopts instead of failing; destroy leaves nothing.
 * The second test continues the stack the first one left (jest runs a file's tests in order).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { Engine } from "../../../harness/engine";
import { makeProgramDir, programEnv, REPO_ROOT, type ProgramDir } from "../../../harness/program-dir";
import { ChatClient } from "../../../provider/client/client";
import { toImportRequest } from "../../../provider/resource/mapping";

const KEY = "migration-test-key";
const GROUP_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";
let emulator: RunningEmulator;
let program: ProgramDir;
let engine: Engine;

beforeAll(async () => {
  emulator = await startEmulator({ sdkAppId: 1400000002, secretKey: KEY });
  // groups.json names these owners and members; the service requires them to be imported accounts.
  for (const account of ["leckie", "peter", "wesley"]) emulator.store.putAccount(account);
  program = makeProgramDir("migration");
  for (const f of ["index.ts", "groups.json", "Pulumi.yaml"]) {
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "migration", f), path.join(program.dir, f));
  }
  engine = new Engine({
    projectDir: program.dir,
    project: "migration",
    stack: "dev",
    statePath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-state-")), "dev.json"),
    config: {
      "tencent-chat:sdkAppId": "1400000002",
      "tencent-chat:secretKey": { secret: KEY },
      "tencent-chat:endpoint": emulator.url,
    },
    env: programEnv(program.dir),
  });
});
afterAll(async () => {
  await emulator?.close();
  program?.cleanup();
});

test("a half-finished earlier migration: the group that already exists is adopted, not duplicated", async () => {
  // What an earlier, interrupted run of this program imported before its state was saved: the first entry.
  const [first] = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "examples", "migration", "groups.json"), "utf8"),
  ) as object[];
  const client = new ChatClient({
    sdkAppId: 1400000002,
    identifier: "administrator",
    secretKey: KEY,
    endpoint: emulator.url,
    retry: 0,
  });
  await client.importGroup(toImportRequest(first));
  await client.close();
  emulator.resetCounters();
  const up = await engine.up();
  expect(up.steps.filter((s) => s.error || s.failures.length > 0)).toEqual([]);
  expect(up.ok).toBe(true);
  expect(up.steps.map((s) => s.op)).toEqual(Array(8).fill("create"));
  expect(emulator.store.listGroups()).toHaveLength(3);
  // Every member waited for its group (the members' steps ran after the groups'), and was imported with its join
  // time: the members of one group shared one import_group_member call.
  expect(up.steps.slice(0, 3).map((s) => s.type)).toEqual(Array(3).fill(GROUP_TYPE));
  expect(emulator.counters().import_group_member).toBe(3);
  expect(emulator.counters().add_group_member ?? 0).toBe(0);
  expect(roster("MyFirstGroup")).toEqual([
    { Member_Account: "leckie", Role: "Owner" },
    { Member_Account: "peter", Role: "Admin", JoinTime: 1448400000, NameCard: "Peter (ops)" },
    { Member_Account: "wesley", Role: "Member", JoinTime: 1450000000 },
  ]);
  expect(roster("ops-oncall")).toEqual([
    { Member_Account: "leckie", Role: "Member", JoinTime: 1514800000 },
    { Member_Account: "peter", Role: "Owner" },
  ]);
  expect(roster("@TGS#_product-forum")).toEqual([
    { Member_Account: "peter", Role: "Admin", JoinTime: 1609500000 },
    { Member_Account: "wesley", Role: "Member", JoinTime: 1609545600 },
  ]);
  // Adopted as it was: it already matched groups.json, so nothing was written to it.
  expect(emulator.counters().import_group).toBe(2);
  expect(emulator.counters().modify_group_base_info).toBe(0);
  expect(emulator.store.getGroup("MyFirstGroup")).toMatchObject({
    Name: "TestGroup",
    CreateTime: 1448357837,
    Owner_Account: "leckie",
    MaxMemberNum: 500,
    ApplyJoinOption: "FreeAccess",
    AppDefinedData: [
      { Key: "GroupTestData1", Value: "xxxxx" },
      { Key: "GroupTestData2", Value: "abc\u0000\u0001" },
    ],
  });
  expect(emulator.store.getGroup("ops-oncall")).toMatchObject({
    Type: "Private",
    CreateTime: 1514764800,
    Owner_Account: "peter",
  });
  expect(emulator.store.getGroup("@TGS#_product-forum")).toMatchObject({
    Type: "Community",
    SupportTopic: 1,
    CreateTime: 1609459200,
  });
  expect(up.outputs.imported).toEqual(["MyFirstGroup", "ops-oncall", "@TGS#_product-forum"]);
}, 90_000);

test("running it again changes nothing; refresh finds no drift; destroy leaves no group", async () => {
  const again = await engine.up();
  expect(again.steps.map((s) => s.op)).toEqual(Array(8).fill("same"));
  const refresh = await engine.refresh();
  // Only the groups' member counts moved (recorded at import_group, before the members were imported): a fact, not
  // an input, so nothing is proposed.
  expect(refresh.steps.filter((s) => s.gone || s.error)).toEqual([]);
  expect([...new Set(refresh.steps.flatMap((s) => s.changedKeys))]).toEqual(["memberNum"]);
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(Array(8).fill("same"));
  // Members are deleted before their groups (dependents first); the owners stay with their groups until those go.
  emulator.resetCounters();
  expect((await engine.destroy()).ok).toBe(true);
  expect(emulator.counters().delete_group_member).toBeGreaterThanOrEqual(1);
  expect(emulator.store.listGroups()).toHaveLength(0);
  expect(engine.snapshot().resources).toHaveLength(0);
}, 90_000);

/** A group's members as stored (account, role, and join time / name card when not the owner), by account. */
function roster(groupId: string): object[] {
  return (emulator.store.getGroup(groupId)?.Members ?? [])
    .map((m) =>
      m.Role === "Owner"
        ? { Member_Account: m.Member_Account, Role: m.Role }
        : {
            Member_Account: m.Member_Account,
            Role: m.Role,
            JoinTime: m.JoinTime,
            ...(m.NameCard ? { NameCard: m.NameCard } : {}),
          },
    )
    .sort((a, b) => a.Member_Account.localeCompare(b.Member_Account));
}
