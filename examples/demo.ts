/**
 * `npm run demo`: the quickstart stack's whole lifecycle against a local emulator, as a user would see it from
 * `pulumi preview` / `pulumi up`: preview, up (accounts, groups, members), version 2 (a rename in place, ownership
 * handed to a member, a type change that replaces), out-of-band changes caught by refresh and undone, destroy. Uses the real `pulumi` CLI with a temporary local
 * backend when one is on PATH, otherwise the engine harness (which drives the real provider host). Every step is
 * checked against the emulator's own store; any misbehaviour exits non-zero.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator, type StoredGroup } from "../emulator";
import { ChatClient } from "../provider/client/client";
import { renderResult } from "../harness/display";
import { Engine, type CommandResult } from "../harness/engine";
import type { ConfigValue } from "../harness/host";
import { makeProgramDir, programEnv, REPO_ROOT } from "../harness/program-dir";

const SDK_APP_ID = 1400000000;
const KEY = `demo-${process.pid}-${Date.now().toString(36)}`; // a throwaway key for the local emulator only
const STACK = "dev";

/** One lifecycle step: runs a command, prints what the user sees, and checks the emulator afterwards. */
interface Runner {
  readonly name: string;
  preview(): Promise<CommandResult | undefined>;
  up(): Promise<void>;
  refresh(): Promise<CommandResult | undefined>;
  destroy(): Promise<void>;
  setVersion(v: number): void;
}

class DemoFailure extends Error {}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new DemoFailure(what);
  console.log(`  ✓ ${what}`);
}

function banner(text: string): void {
  console.log(`\n\x1b[1m$ ${text}\x1b[0m`);
}

/** The engine harness: prints the CLI-like table for each command. */
function harnessRunner(dir: string, config: Record<string, ConfigValue>): Runner {
  const engine = new Engine({
    projectDir: dir,
    project: "quickstart",
    stack: STACK,
    statePath: path.join(dir, ".state", `${STACK}.json`),
    config,
    env: programEnv(dir),
  });
  const show = (r: CommandResult) => {
    console.log(renderResult(r, STACK));
    if (!r.ok) throw new DemoFailure(`${r.command} failed`);
    return r;
  };
  return {
    name: "the engine harness (Pulumi CLI not found; the real provider host is driven over gRPC)",
    preview: async () => show(await engine.preview()),
    up: async () => void show(await engine.up()),
    refresh: async () => show(await engine.refresh()),
    destroy: async () => void show(await engine.destroy()),
    setVersion: (v) => (config["quickstart:version"] = String(v)),
  };
}

/** The real Pulumi CLI with a temporary local backend. */
function cliRunner(dir: string, config: Record<string, ConfigValue>): Runner {
  const env = {
    ...process.env,
    ...programEnv(dir),
    PULUMI_BACKEND_URL: `file://${path.join(dir, ".backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "demo",
    PULUMI_SKIP_UPDATE_CHECK: "1",
  };
  fs.mkdirSync(path.join(dir, ".backend"), { recursive: true });
  const pulumi = (...args: string[]) =>
    execFileSync("pulumi", [...args, "--non-interactive"], { cwd: dir, env, stdio: "inherit" });
  pulumi("stack", "init", STACK);
  for (const [k, v] of Object.entries(config)) {
    if (typeof v === "string") pulumi("config", "set", k, v);
    else pulumi("config", "set", "--secret", k, v.secret);
  }
  return {
    name: "the Pulumi CLI (temporary local backend)",
    preview: async () => (pulumi("preview", "--diff"), undefined),
    up: async () => void pulumi("up", "--yes", "--skip-preview"),
    refresh: async () => (pulumi("refresh", "--yes", "--skip-preview"), undefined),
    destroy: async () => void pulumi("destroy", "--yes", "--skip-preview"),
    setVersion: (v) => void pulumi("config", "set", "quickstart:version", String(v)),
  };
}

const byName = (emu: RunningEmulator, name: string): StoredGroup[] =>
  emu.store.listGroups().filter((g) => g.Name === name);
const ops = (r: CommandResult | undefined): Record<string, string> =>
  Object.fromEntries((r?.steps ?? []).map((s) => [s.name, s.op]).sort(([a], [b]) => a!.localeCompare(b!)));
/** A group's members as stored, `account:Role`, sorted (what get_group_member_info would list). */
const roster = (emu: RunningEmulator, groupId: string | undefined): string =>
  (emu.store.getGroup(groupId ?? "")?.Members ?? [])
    .map((m) => `${m.Member_Account}:${m.Role}`)
    .sort()
    .join(" ");
const ACCOUNTS = ["alice", "bob", "leckie"];

async function main(): Promise<void> {
  const emulator = await startEmulator({ sdkAppId: SDK_APP_ID, secretKey: KEY, admin: "administrator" });
  const program = makeProgramDir("quickstart");
  for (const f of ["index.ts", "Pulumi.yaml"])
    fs.copyFileSync(path.join(REPO_ROOT, "examples", "quickstart", f), path.join(program.dir, f));
  const config: Record<string, ConfigValue> = {
    "tencent-chat:sdkAppId": String(SDK_APP_ID),
    "tencent-chat:secretKey": { secret: KEY },
    "tencent-chat:endpoint": emulator.url,
    "quickstart:version": "1",
  };
  const hasCli = spawnSync("pulumi", ["version"], { stdio: "ignore" }).status === 0;
  const run = hasCli ? cliRunner(program.dir, config) : harnessRunner(program.dir, config);
  const outOfBand = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: "administrator",
    secretKey: KEY,
    endpoint: emulator.url,
  });
  console.log(`pulumi-tencent-chat demo — the quickstart stack against a local emulator at ${emulator.url}`);
  console.log(`Running with ${run.name}.`);
  try {
    banner("pulumi preview");
    const p1 = await run.preview();
    if (p1)
      expect(
        Object.values(ops(p1)).every((op) => op === "create") && p1.steps.length === 10,
        "preview plans 10 creates: 3 accounts, 4 groups, 3 members",
      );
    expect(
      emulator.store.listGroups().length === 0 && emulator.store.listAccounts().length === 0,
      "preview created nothing",
    );

    banner("pulumi up");
    await run.up();
    expect(
      ACCOUNTS.every((a) => emulator.store.getAccount(a)?.Nick === a[0]!.toUpperCase() + a.slice(1)),
      "accounts leckie, bob and alice imported, with their nicknames",
    );
    const announcements = emulator.store.getGroup("announcements");
    expect(
      announcements?.Type === "Public" &&
        announcements.Name === "Announcements" &&
        roster(emulator, "announcements") === "alice:Admin",
      "announcements: a Public group with our own id, administered by alice",
    );
    const [eng] = byName(emulator, "Engineering");
    expect(
      eng?.Type === "Private" &&
        eng.Owner_Account === "leckie" &&
        roster(emulator, eng.GroupId) === "alice:Member bob:Member leckie:Owner",
      `engineering: a Work group owned by leckie, with bob and alice as members (${eng?.GroupId})`,
    );
    const [lounge] = byName(emulator, "Lounge");
    expect(lounge?.Type === "Private" && lounge.Owner_Account === "alice", "lounge: a Work group owned by alice");
    const [community] = byName(emulator, "Developer community");
    expect(
      community?.Type === "Community" && community.SupportTopic === 1 && community.GroupId.startsWith("@TGS#_"),
      `community: a Community with topics (${community?.GroupId})`,
    );

    banner("pulumi config set version 2 && pulumi preview");
    run.setVersion(2);
    const p2 = await run.preview();
    if (p2) {
      const changed = Object.fromEntries(Object.entries(ops(p2)).filter(([, op]) => op !== "same"));
      expect(
        JSON.stringify(changed) ===
          JSON.stringify({
            announcements: "update",
            engineering: "update",
            "engineering-bob": "delete",
            "engineering-leckie": "create",
            lounge: "replace",
          }),
        "preview: rename in place, ownership to bob in place (bob's member resource goes, leckie's comes), type change replaces",
      );
      const keys = p2.steps.find((s) => s.name === "engineering")?.changedKeys.join(",");
      expect(keys === "ownerAccount", "engineering's only change is its owner ([diff: ~ownerAccount])");
    }

    banner("pulumi up");
    await run.up();
    expect(
      emulator.store.getGroup("announcements")?.Name === "Company news",
      "announcements renamed in place (same id)",
    );
    const eng2 = emulator.store.getGroup(eng!.GroupId);
    expect(
      eng2?.Owner_Account === "bob" && roster(emulator, eng!.GroupId) === "alice:Member bob:Owner leckie:Member",
      "engineering (same id) now owned by bob; leckie a plain member; removing bob's member resource left the owner in",
    );
    const [lounge2] = byName(emulator, "Lounge");
    expect(
      lounge2?.Type === "Public" && lounge2.GroupId !== lounge!.GroupId && !emulator.store.getGroup(lounge!.GroupId),
      "lounge replaced: a new Public group, the old one destroyed",
    );

    banner(`(out of band) someone renames "${community!.Name}" and makes alice a plain member of announcements`);
    await outOfBand.modifyGroupBaseInfo({ GroupId: community!.GroupId, Name: "Renamed by hand" });
    await outOfBand.modifyGroupMemberInfo({ GroupId: "announcements", Member_Account: "alice", Role: "Member" });
    console.log("  with modify_group_base_info and modify_group_member_info, outside Pulumi");

    banner("pulumi refresh");
    const r = await run.refresh();
    if (r)
      expect(
        r.steps.some((s) => s.name === "community" && s.changedKeys.includes("name")) &&
          r.steps.some((s) => s.name === "announcements-alice" && s.changedKeys.includes("role")),
        "refresh sees the drift on community.name and announcements-alice.role",
      );

    banner("pulumi preview");
    const p3 = await run.preview();
    if (p3) {
      const changed = p3.steps
        .filter((s) => s.op !== "same")
        .map((s) => `${s.name}:${s.op}:${s.changedKeys.join(",")}`);
      expect(
        changed.sort().join(" ") === "announcements-alice:update:role community:update:name",
        "preview proposes to undo the drift, nothing else ([diff: ~name], [diff: ~role])",
      );
    }
    banner("pulumi up");
    await run.up();
    expect(
      emulator.store.getGroup(community!.GroupId)?.Name === "Developer community" &&
        roster(emulator, "announcements") === "alice:Admin",
      "the declared name and role are back",
    );

    banner("pulumi destroy");
    await run.destroy();
    expect(emulator.store.listGroups().length === 0, "the emulator holds no group");
    expect(
      ACCOUNTS.every((a) => emulator.store.hasAccount(a)),
      "the accounts are kept (deleting an account is irreversible; deleteOnDestroy: true would delete them)",
    );

    console.log(
      `\ndemo: ok — preview, up, rename in place, ownership transferred to a member, type change replaced, drift caught by refresh and undone, destroy; 0 groups left, 3 accounts kept (${hasCli ? "Pulumi CLI" : "engine harness"})`,
    );
  } finally {
    await outOfBand.close();
    await emulator.close();
    program.cleanup();
  }
}

main().catch((e) => {
  console.error(`\ndemo: FAILED — ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
