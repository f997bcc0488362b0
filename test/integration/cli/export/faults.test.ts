/**
 * tencent-chat-export under faults: a fault that outlasts the client's retries in the middle of the export (the
 * listing done, reads refused) fails clearly, exit 1, and leaves nothing at `--out` — no program, no temporary
 * directory; a transient one is retried and yields exactly the program of a clean run; a failure while writing
 * (after every file is complete, before the rename) leaves nothing either. A non-empty `--out` is never touched.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "../../../../emulator";
import { runExport } from "../../../../cli/export/export";
import { parseArgs, type ExportOptions } from "../../../../cli/export/options";
import { APP, filledEmulator, KEY, KEYS, outDir, runBin } from "./helpers";

let emu: RunningEmulator;
let clean: string;
beforeAll(async () => {
  emu = await filledEmulator();
  clean = outDir("clean");
  expect((await runBin(emu, ["--out", clean, "--app-defined-keys", KEYS.join(","), "--quiet"])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await emu?.close();
  fs.rmSync(path.dirname(clean), { recursive: true, force: true });
});

/** Everything in the parent of `out` (the program, or a leftover temporary directory). */
const leftovers = (out: string) => fs.readdirSync(path.dirname(out));

test("reads refused past every retry: exit 1, a clear message, nothing at --out", async () => {
  const out = outDir("failed");
  emu.clearFaults();
  emu.resetCounters();
  emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 10002 }, times: Infinity });
  try {
    const r = await runBin(emu, ["--out", out, "--app-defined-keys", KEYS.join(",")], {
      TENCENT_CHAT_DEADLINE_MS: "1500",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tencent-chat-export: the export failed [CHAT_ERR_API]");
    expect(r.stderr).toContain("10002");
    expect(r.stderr).toContain(`Nothing was written to ${out}.`);
    expect(r.stdout).toBe("");
    // It got to the middle: the listing was done and reads were attempted (and retried).
    expect(emu.counters().get_appid_group_list).toBeGreaterThanOrEqual(1);
    expect(emu.counters().get_group_info).toBeGreaterThan(1);
    expect(leftovers(out)).toEqual([]);
  } finally {
    emu.clearFaults();
  }
}, 60_000);

test("a transient fault mid-export is retried: the program is exactly a clean run's", async () => {
  const out = outDir("retried");
  emu.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 60007 }, times: 1 });
  emu.addFault({ action: "get_group_info", effect: { kind: "drop" }, times: 1 });
  try {
    const r = await runBin(emu, ["--out", out, "--app-defined-keys", KEYS.join(","), "--quiet"]);
    expect(r.code).toBe(0);
    for (const f of ["index.ts", "README.md", "package.json", "Pulumi.yaml", "tsconfig.json"])
      expect(fs.readFileSync(path.join(out, f), "utf8")).toBe(fs.readFileSync(path.join(clean, f), "utf8"));
  } finally {
    emu.clearFaults();
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}, 60_000);

function options(out: string, force = false): ExportOptions {
  const parsed = parseArgs(
    ["--out", out, "--endpoint", emu.url, "--sdk-app-id", String(APP), "--app-defined-keys", KEYS.join(",")],
    { TENCENT_CHAT_SECRET_KEY: KEY },
  );
  if (parsed === "help") throw new Error("unexpected");
  return { ...parsed, force, quiet: true };
}

test("a failure while writing, after every file is complete: nothing at --out, no temporary directory", async () => {
  const out = outDir("disk");
  let tmpSeen: string[] = [];
  await expect(
    runExport(options(out), {
      beforeRename: (tmp) => {
        tmpSeen = fs.readdirSync(tmp).sort();
        throw new Error("ENOSPC: no space left on device");
      },
    }),
  ).rejects.toThrow(/ENOSPC/);
  expect(tmpSeen).toEqual(["Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
  expect(leftovers(out)).toEqual([]);
}, 60_000);

test("a non-empty --out is refused before any request; --force replaces it whole", async () => {
  const out = outDir("existing");
  fs.mkdirSync(out);
  fs.writeFileSync(path.join(out, "mine.txt"), "keep me");
  emu.resetCounters();
  await expect(runExport(options(out))).rejects.toThrow(/is not empty; choose a new directory, or pass --force/);
  expect(emu.counters().get_appid_group_list).toBe(0);
  expect(fs.readFileSync(path.join(out, "mine.txt"), "utf8")).toBe("keep me");
  // --force that fails before the swap leaves the old directory as it was.
  await expect(
    runExport(options(out, true), {
      beforeRename: () => {
        throw new Error("EIO");
      },
    }),
  ).rejects.toThrow(/EIO/);
  expect(fs.readdirSync(out)).toEqual(["mine.txt"]);
  expect(leftovers(out)).toEqual(["existing"]);
  const summary = await runExport(options(out, true));
  expect(summary.groups).toBe(8);
  expect(fs.readdirSync(out).sort()).toEqual(["Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
  expect(leftovers(out)).toEqual(["existing"]);
}, 60_000);
