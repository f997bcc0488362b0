/**
 * `tencent-chat-export` of a large app against the quota time: an emulator (its own process, the shipped CLI) holding
 * N groups of every type (owners, custom fields) enforces get_appid_group_list at 1 call/s and get_group_info at
 * 200 calls/s; the shipped bin runs as a user runs it (a fresh process, `--quiet`), timed from spawn to exit. The
 * quota time is what the quotas allow at best: one second per listing page plus ceil(N / 50) reads at 200/s.
 * Runs are a second apart, so each starts with the listing's window free, as a user's would.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../harness/program-dir";
import { ChatClient } from "../provider/client/client";
import { startEmulatorProcess } from "./emulator-process";
import { loadAverage, median, round, sleep } from "./util";

/** One configuration measured. */
export interface ExportPoint {
  groups: number;
  /** `--page-size` (10,000 is the bin's default, the documented maximum). */
  pageSize: number;
  pages: number;
  /** get_group_info calls per run (ceil(N / 50) when nothing is split). */
  reads: number;
  /** pages × 1 s + reads / 200 per s, ms. */
  quotaMs: number;
  runsMs: number[];
  medianMs: number;
  /** medianMs / quotaMs. */
  ratio: number;
  /** Calls beyond pages + reads over all runs (each a retry after a rate refusal): 0 = the limiter kept the pace. */
  extraCalls: number;
  /** CPU seconds (user + system) of the export process, median: what it needs on an idle core. */
  cpuSeconds: number;
  /** Lines of index.ts and bytes of groups.json (the JSON layout above 200 groups). */
  indexLines: number;
  dataBytes: number;
}

/** Results of {@link measureExport}. */
export interface ExportResult {
  goalRatio: number;
  /** The machine's load average (1/5/15 min) when the measure started and ended: these runs share its cores. */
  load: { start: number[]; end: number[] };
  points: ExportPoint[];
}

const APP = 1400000777;
const KEY = "bench-export-key";
const TYPES = ["Public", "Private", "ChatRoom", "Community"] as const;

/** Fills the emulator with `n` groups: every type, an owner on a third of them, custom fields on half. */
async function fill(url: string, n: number): Promise<void> {
  const chat = new ChatClient({
    sdkAppId: APP,
    identifier: "administrator",
    secretKey: KEY,
    endpoint: url,
    rateLimit: false,
  });
  try {
    const owners = Array.from({ length: 100 }, (_, i) => ({ UserID: `owner${i}` }));
    await chat.multiAccountImport(owners);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < n; i = next++) {
        const type = TYPES[i % TYPES.length]!;
        await chat.importGroup({
          Type: type,
          GroupId: type === "Community" ? `@TGS#_bench-${i}` : `bench-${i}`,
          Name: `群 ${i} 🚀`,
          Introduction: i % 5 === 0 ? `intro "${i}" \\ ${"é".repeat(i % 40)}` : "",
          ...(i % 3 === 0 ? { Owner_Account: `owner${i % 100}` } : {}),
          ...(i % 2 === 0 ? { AppDefinedData: [{ Key: "level", Value: `l${i % 7}` }] } : {}),
        });
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
  } finally {
    await chat.close();
  }
}

/** Runs the bin once; resolves to its wall time and CPU seconds. */
function runBin(url: string, out: string, pageSize: number): Promise<{ ms: number; cpu: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "-r",
        path.join(REPO_ROOT, "bench", "cpu-preload.cjs"),
        path.join(REPO_ROOT, "dist", "cli", "export", "main.js"),
        "--out",
        out,
        "--quiet",
        "--page-size",
        String(pageSize),
      ],
      {
        env: {
          PATH: process.env.PATH,
          TENCENT_CHAT_SDK_APP_ID: String(APP),
          TENCENT_CHAT_SECRET_KEY: KEY,
          TENCENT_CHAT_ENDPOINT: url,
          TENCENT_CHAT_APP_DEFINED_KEYS: "level",
        },
        maxBuffer: 16 << 20,
      },
      (error, _stdout, stderr) => {
        const ms = performance.now() - started;
        const cpu = /BENCH_CPU (\S+) (\S+)/.exec(stderr);
        if (error || !cpu) reject(new Error(`tencent-chat-export failed: ${stderr}`));
        else resolve({ ms, cpu: Number(cpu[1]) + Number(cpu[2]) });
      },
    );
  });
}

/** {@link measureExport}: `runs` exports of an app of `n` groups per page size. */
export async function measureExport(n: number, runs: number, pageSizes: readonly number[]): Promise<ExportResult> {
  const loadStart = loadAverage();
  const emu = await startEmulatorProcess({
    sdkAppId: APP,
    secretKey: KEY,
    admin: "administrator",
    quota: { get_appid_group_list: 1, get_group_info: 200 },
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ptc-bench-export-"));
  try {
    await fill(emu.url, n);
    const points: ExportPoint[] = [];
    for (const pageSize of pageSizes) {
      const runsMs: number[] = [];
      const cpus: number[] = [];
      const before = await emu.counters();
      let out = "";
      for (let r = 0; r < runs; r++) {
        await sleep(1100);
        out = path.join(tmp, `p${pageSize}-r${r}`);
        const run = await runBin(emu.url, out, pageSize);
        runsMs.push(run.ms);
        cpus.push(run.cpu);
      }
      const after = await emu.counters();
      const pages = Math.ceil(n / pageSize);
      const reads = Math.ceil(n / 50);
      const quotaMs = pages * 1000 + (reads / 200) * 1000;
      const listCalls = (after.get_appid_group_list - before.get_appid_group_list) / runs;
      const readCalls = (after.get_group_info - before.get_group_info) / runs;
      const medianMs = median(runsMs);
      const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
      points.push({
        groups: n,
        pageSize,
        pages,
        reads,
        quotaMs,
        runsMs: runsMs.map((x) => round(x)),
        medianMs: round(medianMs),
        ratio: round(medianMs / quotaMs, 3),
        extraCalls: Math.max(0, listCalls - pages) * runs + Math.max(0, readCalls - reads) * runs,
        cpuSeconds: round(median(cpus)),
        indexLines: index.split("\n").length,
        dataBytes: fs.existsSync(path.join(out, "groups.json")) ? fs.statSync(path.join(out, "groups.json")).size : 0,
      });
    }
    return { goalRatio: 1.2, load: { start: loadStart, end: loadAverage() }, points };
  } finally {
    await emu.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
