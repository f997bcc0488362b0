/**
 * tencent-chat-export `--members` round trip: the app of the other round trip (every group type, members with roles
 * and name cards, an owner whose account was deleted) exported with each group's membership as ChatGroupMembers, in
 * both layouts; each project type-checks against the installed package and runs through the engine harness and the
 * real provider host: the preview is only adoptions (creates of groups and memberships), `up` sends no write and
 * leaves the store byte-identical, and the next preview and refresh show nothing.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { RunningEmulator } from "../../../../emulator";
import { Engine } from "../../../../harness/engine";
import { installBuiltPackage, programEnv, REPO_ROOT } from "../../../../harness/program-dir";
import { APP, filledEmulator, KEY, KEYS, outDir, runBin, storeText, writes } from "./helpers";

const run = promisify(execFile);
let emu: RunningEmulator;
const dirs: string[] = [];
beforeAll(async () => {
  emu = await filledEmulator();
}, 60_000);
afterAll(async () => {
  await emu?.close();
  for (const d of dirs) fs.rmSync(path.dirname(d), { recursive: true, force: true });
});

test.each(["inline", "json"] as const)(
  "%s: adoptions only, no write, an unchanged store, then nothing to do",
  async (layout) => {
    const out = outDir(`members-${layout}`);
    dirs.push(out);
    const r = await runBin(emu, [
      "--out",
      out,
      "--app-defined-keys",
      KEYS.join(","),
      "--members",
      "--layout",
      layout,
      "--quiet",
    ]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain("exported 8 groups and 6 members");
    installBuiltPackage(out);
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    const typed = await run(process.execPath, [tsc, "-p", path.join(out, "tsconfig.json"), "--noEmit"]).catch(
      (e: { stdout: string }) => ({ stdout: e.stdout }),
    );
    expect(typed.stdout).toBe("");

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
    const kinds = (steps: { type: string; op: string }[]) =>
      steps.map((s) => `${s.type.split(":").pop()}:${s.op}`).sort();
    expect(kinds(preview.steps)).toEqual(
      [...Array(8).fill("ChatGroup:create"), ...Array(8).fill("ChatGroupMembers:create")].sort(),
    );
    const up = await engine.up();
    expect(up.steps.filter((s) => s.error !== undefined).map((s) => `${s.name}: ${s.error}`)).toEqual([]);
    expect(up.ok).toBe(true);
    expect(writes(emu)).toBe(0);
    expect(storeText(emu)).toBe(before);
    expect((await engine.preview()).steps.filter((s) => s.op !== "same").map((s) => `${s.name}:${s.op}`)).toEqual([]);
    const refresh = await engine.refresh();
    expect(refresh.steps.filter((s) => s.changedKeys.length > 0 || s.gone).map((s) => s.name)).toEqual([]);
    expect((await engine.preview()).steps.every((s) => s.op === "same")).toBe(true);
    expect(writes(emu)).toBe(0);
    expect(storeText(emu)).toBe(before);
  },
  300_000,
);
