/**
 * tencent-chat-export's round trip: an app with groups of every type (custom fields named like JavaScript built-ins,
 * owners, introductions in several scripts, quotes and backslashes, members with roles), exported by the built bin
 * as a user runs it (paging the listing at its 1 call/s quota), the generated project type-checked against the
 * installed package and run through the engine harness and the real provider host: the preview is only adoptions
 * (creates), `up` sends no write and leaves the emulator's store byte-identical, and the next preview and refresh
 * show nothing. The JSON layout registers exactly what the inline one does.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { RunningEmulator } from "../../../../emulator";
import { Engine } from "../../../../harness/engine";
import { installBuiltPackage, programEnv, REPO_ROOT } from "../../../../harness/program-dir";
import { runProgram } from "../../../../harness/program";
import { APP, filledEmulator, KEY, KEYS, outDir, runBin, storeText, writes } from "./helpers";

const run = promisify(execFile);
let emu: RunningEmulator;
let out: string;
let stdout = "";
let stderr = "";

beforeAll(async () => {
  emu = await filledEmulator();
  out = outDir("app");
  const r = await runBin(emu, ["--out", out, "--app-defined-keys", KEYS.join(","), "--page-size", "3"]);
  stdout = r.stdout;
  stderr = r.stderr;
  expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
  installBuiltPackage(out);
}, 120_000);
afterAll(async () => {
  await emu?.close();
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

test("the summary counts groups and skips and says where the program is; progress went to stderr", () => {
  expect(stdout).toContain(`exported 8 groups to ${out} (index.ts); 1 not declared, 1 account not imported.`);
  expect(stdout).toContain("not declared: @TGS#aLive: AVChatRoom");
  // 9 groups in pages of 3: the listing went page by page; the progress lines say so, ending with every read.
  expect(stderr).toMatch(/listed 9 of 9 groups \(3 pages\)/);
  expect(stderr).toMatch(/read 9 of 9 groups \(100%\)/);
  expect(stderr).toMatch(/wrote 5 files to /);
  expect(fs.readdirSync(out).sort()).toEqual(
    ["Pulumi.yaml", "README.md", "index.ts", "node_modules", "package.json", "tsconfig.json"].sort(),
  );
  const readme = fs.readFileSync(path.join(out, "README.md"), "utf8");
  expect(readme).toContain("| `@TGS#aLive` | AVChatRoom");
  expect(readme).toContain(`pulumi config set tencent-chat:appDefinedKeys ${[...KEYS].sort().join(",")}`);
  expect(readme).toContain("| `ghost` | `haunted` |");
  expect(readme).not.toContain(KEY);
});

test("the generated program type-checks against the installed package", async () => {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = await run(process.execPath, [tsc, "-p", path.join(out, "tsconfig.json"), "--noEmit"]).catch(
    (e: { stdout: string }) => ({ stdout: e.stdout, failed: true }),
  );
  expect(r.stdout).toBe("");
}, 120_000);

test("preview shows only adoptions; up writes nothing and changes nothing; the next preview and refresh are empty", async () => {
  const engine = new Engine({
    projectDir: out,
    project: `tencent-chat-${APP}`,
    stack: "dev",
    statePath: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-state-")), "dev.json"),
    config: {
      "tencent-chat:sdkAppId": String(APP),
      "tencent-chat:secretKey": { secret: KEY },
      "tencent-chat:endpoint": emu.url,
      "tencent-chat:appDefinedKeys": KEYS.join(","),
    },
    env: programEnv(out),
  });
  const before = storeText(emu);
  emu.resetCounters();
  const preview = await engine.preview();
  expect(preview.steps.filter((s) => s.failures.length > 0 || s.error)).toEqual([]);
  expect(preview.steps.map((s) => s.op)).toEqual(Array(8).fill("create"));
  const up = await engine.up();
  expect(up.steps.filter((s) => s.error !== undefined).map((s) => s.error)).toEqual([]);
  expect(up.ok).toBe(true);
  expect(writes(emu)).toBe(0);
  expect(storeText(emu)).toBe(before);
  expect((await engine.preview()).steps.map((s) => `${s.name}:${s.op}`)).toEqual(up.steps.map((s) => `${s.name}:same`));
  const refresh = await engine.refresh();
  expect(refresh.steps.filter((s) => s.changedKeys.length > 0 || s.gone)).toEqual([]);
  expect((await engine.preview()).steps.every((s) => s.op === "same")).toBe(true);
  expect(writes(emu)).toBe(0);
  expect(storeText(emu)).toBe(before);
  // The stack holds every declared group under a stable name derived from its id.
  const ids = engine.snapshot().resources.map((r) => r.id);
  expect(ids.sort()).toEqual(
    emu.store
      .listGroups()
      .map((g) => g.GroupId)
      .filter((id) => id !== "@TGS#aLive")
      .sort(),
  );
  expect(engine.snapshot().resources.find((r) => r.id === "eng-main")?.name).toBe("eng-main");
}, 240_000);

test("the JSON layout registers exactly what the inline program does", async () => {
  const json = outDir("app-json");
  const r = await runBin(emu, ["--out", json, "--app-defined-keys", KEYS.join(","), "--layout", "json", "--quiet"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(""); // --quiet: no progress
  expect(fs.existsSync(path.join(json, "groups.json"))).toBe(true);
  installBuiltPackage(json);
  const registered = async (dir: string) =>
    (await runProgram({ dir, project: "p", stack: "dev", env: programEnv(dir) })).registrations.map((g) => ({
      name: g.name,
      type: g.type,
      inputs: { ...g.inputs, __provider: undefined },
    }));
  const [inline, fromJson] = await Promise.all([registered(out), registered(json)]);
  expect(fromJson).toEqual(inline);
  expect(inline.find((g) => g.name === "eng-main")?.inputs).toMatchObject({
    introduction: 'Say "hi" \\ back — 你好，世界 👋',
    appDefinedData: { level: "gold", toString: "not a function", constructor: "{}" },
  });
  fs.rmSync(path.dirname(json), { recursive: true, force: true });
}, 120_000);

test("--members reads every membership and declares it without the owner: roles, name cards", async () => {
  const dir = outDir("app-members");
  const r = await runBin(emu, ["--out", dir, "--app-defined-keys", KEYS.join(","), "--members", "--layout", "json"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/exported 8 groups and 6 members to .*; 1 not declared, 1 account not imported\./);
  expect(r.stderr).toMatch(/read the members of 8 groups \(10 members\)/); // owners included in what was read
  const data = JSON.parse(fs.readFileSync(path.join(dir, "groups.json"), "utf8")) as {
    groups: { name: string; args: { groupId: string; name: string }; members?: unknown[] }[];
  };
  const members = Object.fromEntries(data.groups.map((g) => [g.args.groupId, g.members]));
  expect(members["eng-main"]).toEqual([
    { account: "mei", nameCard: '梅 "Mei" 🌸' },
    { account: "omar" },
    { account: "peter", role: "Admin" },
  ]);
  expect(members["@TGS#_fans"]).toEqual([{ account: "ana" }, { account: "zoe" }]);
  expect(members["room-ar"]).toEqual([{ account: "omar" }]);
  expect(data.groups.find((g) => g.args.name === "forum")?.members).toEqual([]);
  // Each live membership equals the declaration plus the owner.
  for (const g of emu.store.listGroups().filter((x) => x.Type !== "AVChatRoom")) {
    const stored = emu.store.getGroup(g.GroupId)!;
    const declared = (members[g.GroupId] as { account: string }[]).map((m) => m.account);
    const owner = stored.Members.filter((m) => m.Role === "Owner").map((m) => m.Member_Account);
    expect([...declared, ...owner].sort()).toEqual(stored.Members.map((m) => m.Member_Account).sort());
  }
  expect(fs.readFileSync(path.join(dir, "index.ts"), "utf8")).toContain("new ChatGroupMembers(g.name");
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}, 120_000);
