/**
 * One cell of the compatibility matrix (run by scripts/compat/run.cjs, not by `npm test`): under the Node.js and
 * with the @pulumi/pulumi the driver chose, the packed package installed in a fresh project runs the quickstart
 * lifecycle (preview → up → up → refresh → destroy) through the engine harness and that @pulumi/pulumi's own
 * provider host, against the installed `tencent-chat-emulator` bin. The cell first proves it runs where it claims.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ChatClient } from "../../provider/client/client";
import { renderResult } from "../../harness/display";
import { Engine, type CommandResult } from "../../harness/engine";
import type { ConfigValue } from "../../harness/host";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../../harness/e2e";
import { startBinEmulator, type BinEmulator } from "../integration/install/bin-emulator";
import { PROJECT, userEnv, writeProject } from "../integration/install/project";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this file through scripts/compat/run.cjs (npm run test:compat)`);
  return value;
}
const projectDir = required("COMPAT_PROJECT_DIR");
const tarball = required("COMPAT_TARBALL");
const pulumiVersion = required("COMPAT_PULUMI_VERSION");
const nodeMajor = required("COMPAT_NODE_MAJOR");
const statePath = path.join(projectDir, ".state", `${process.version}.json`);

let emulator: BinEmulator | undefined;
let engine: Engine;

afterAll(async () => {
  await emulator?.stop();
}, 30_000);

async function command(name: "preview" | "up" | "refresh" | "destroy"): Promise<CommandResult> {
  const result = await engine[name]();
  if (!result.ok) throw new Error(`${name} failed:\n${renderResult(result, "dev")}`);
  return result;
}

async function groupIds(): Promise<string[]> {
  const res = await fetch(`${emulator!.url}/_emulator/groups`);
  return ((await res.json()) as { groups: { GroupId: string }[] }).groups.map((g) => g.GroupId).sort();
}

test("the cell runs where it claims: this Node major, `node` on PATH is the same binary, that @pulumi/pulumi", () => {
  const onPath = execFileSync("node", ["--version"], { env: userEnv(), encoding: "utf8" }).trim();
  const installed = JSON.parse(
    fs.readFileSync(path.join(projectDir, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
  ) as { version: string };
  expect({ major: process.versions.node.split(".")[0], onPath, pulumi: installed.version }).toEqual({
    major: nodeMajor,
    onPath: process.version,
    pulumi: pulumiVersion,
  });
});

test("quickstart lifecycle through the installed package and that version's provider host", async () => {
  rmState();
  writeProject(projectDir, tarball, pulumiVersion); // same package.json the driver installed from, plus the program
  emulator = await startBinEmulator(
    projectDir,
    ["--port", "0", "--sdk-app-id", String(SDK_APP_ID), "--admin", ADMIN],
    SECRET_KEY,
  );
  // The program's Work group names an owner; the service requires it to be an imported account.
  const client = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: emulator.url,
    retry: 0,
    rateLimit: false,
  });
  try {
    await client.accountImport({ UserID: "leckie" });
  } finally {
    await client.close();
  }
  const config: Record<string, ConfigValue> = {
    "tencent-chat:sdkAppId": String(SDK_APP_ID),
    "tencent-chat:secretKey": { secret: SECRET_KEY },
    "tencent-chat:endpoint": emulator.url,
  };
  engine = new Engine({
    projectDir,
    project: PROJECT,
    stack: "dev",
    statePath,
    config,
    env: userEnv({ NODE_PATH: "" }),
  });

  const preview = await command("preview");
  expect(preview.steps.map((s) => [s.op, s.name, s.type]).sort()).toEqual([
    ["create", "eng", TYPE],
    ["create", "fans", TYPE],
    ["create", "ops", TYPE],
  ]);
  expect(await groupIds()).toEqual([]);

  const up = await command("up");
  expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
  const ids = engine
    .snapshot()
    .resources.map((r) => r.id)
    .sort();
  expect(await groupIds()).toEqual(ids);
  expect(up.outputs.engGroupId).toBe("eng-main");

  const again = await command("up");
  expect(again.steps.map((s) => [s.name, s.op]).sort()).toEqual([
    ["eng", "same"],
    ["fans", "same"],
    ["ops", "same"],
  ]);

  const refresh = await command("refresh");
  expect(
    refresh.steps
      .map((s) => ({ name: s.name, changed: s.changedKeys, gone: s.gone ?? false }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  ).toEqual(["eng", "fans", "ops"].map((name) => ({ name, changed: [], gone: false })));

  const destroy = await command("destroy");
  expect(destroy.steps.map((s) => s.op)).toEqual(["delete", "delete", "delete"]);
  expect(engine.snapshot().resources).toEqual([]);
  expect(await groupIds()).toEqual([]);
}, 300_000);

function rmState(): void {
  fs.rmSync(statePath, { force: true });
}
