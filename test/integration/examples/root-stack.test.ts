/**
 * The root Pulumi.yaml is the quickstart stack: its `main` resolves, and the program imports the package by name
 * from a checkout (prepare links the package into its own node_modules), as `pulumi up` at the root would.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { Engine } from "../../../harness/engine";
import { REPO_ROOT } from "../../../harness/program-dir";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ sdkAppId: 1400000003, secretKey: "root-key" });
});
afterAll(() => emulator?.close());

test("Pulumi.yaml names the quickstart project and its main; up and destroy work from the repository root", async () => {
  const yaml = fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8");
  expect(yaml).toMatch(/^name: quickstart$/m);
  const main = /^main: (.+)$/m.exec(yaml)![1]!.trim();
  const engine = new Engine({
    projectDir: REPO_ROOT,
    entry: path.join(REPO_ROOT, main),
    project: "quickstart",
    stack: "dev",
    statePath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-root-")), "dev.json"),
    config: {
      "tencent-chat:sdkAppId": "1400000003",
      "tencent-chat:secretKey": { secret: "root-key" },
      "tencent-chat:endpoint": emulator.url,
    },
  });
  const up = await engine.up();
  expect(up.ok).toBe(true);
  // The stack imports its own accounts (ChatAccount) before the groups and members that name them.
  expect(up.steps.map((s) => s.name).sort()).toEqual([
    "alice",
    "announcements",
    "announcements-alice",
    "bob",
    "community",
    "engineering",
    "engineering-alice",
    "engineering-bob",
    "leckie",
    "lounge",
  ]);
  expect(emulator.store.listGroups()).toHaveLength(4);
  expect(emulator.store.listAccounts().sort()).toEqual(["alice", "bob", "leckie"]);
  expect((await engine.destroy()).ok).toBe(true);
  expect(emulator.store.listGroups()).toHaveLength(0);
}, 60_000);
