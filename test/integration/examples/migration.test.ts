/**
 * The migration example through the engine harness: groups imported with their ids, creation times and binary
 * custom data; a re-run after a half-finished migration adopts instead of failing; destroy leaves nothing.
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
let emulator: RunningEmulator;
let program: ProgramDir;
let engine: Engine;

beforeAll(async () => {
  emulator = await startEmulator({ sdkAppId: 1400000002, secretKey: KEY });
  // groups.json names these owners; the service requires them to be imported accounts.
  for (const owner of ["leckie", "peter"]) emulator.store.putAccount(owner);
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
  expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
  expect(emulator.store.listGroups()).toHaveLength(3);
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
}, 60_000);

test("running it again changes nothing; refresh finds no drift; destroy leaves no group", async () => {
  const again = await engine.up();
  expect(again.steps.map((s) => s.op)).toEqual(["same", "same", "same"]);
  const refresh = await engine.refresh();
  expect(refresh.steps.every((s) => s.changedKeys.length === 0 && !s.gone)).toBe(true);
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["same", "same", "same"]);
  expect((await engine.destroy()).ok).toBe(true);
  expect(emulator.store.listGroups()).toHaveLength(0);
  expect(engine.snapshot().resources).toHaveLength(0);
}, 60_000);
