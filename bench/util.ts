/**
 * Small shared helpers of the benchmark: statistics, timing, the machine it ran on, process memory.
 */
import * as fs from "node:fs";
import * as os from "node:os";

/** The median of `xs` (mean of the two middle values for an even count). Throws on an empty list. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds `fn` took, and its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rounds to `digits` decimals (for the report). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Where and when the benchmark ran. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  pulumiSdk: string;
  date: string;
  /** 1/5/15-minute load averages at the start and at the end of the run. */
  loadStart: number[];
  loadEnd?: number[];
}

/** Describes this machine now; `pulumiSdk` is the installed @pulumi/pulumi version. */
export function machineInfo(pulumiSdk: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    pulumiSdk,
    date: new Date().toISOString(),
    loadStart: os.loadavg().map((x) => round(x)),
  };
}

/** The 1/5/15-minute load averages, rounded. */
export function loadAverage(): number[] {
  return os.loadavg().map((x) => round(x));
}

/** Resident memory of a process, from /proc/<pid>/status (VmRSS and the peak VmHWM), in MiB. */
export function processMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMiB: round(kb("VmRSS") / 1024, 1), peakMiB: round(kb("VmHWM") / 1024, 1) };
}

/** Live processes in process group `pgid` whose command name is `comm` (e.g. "node"). */
export function processesInGroup(pgid: number, comm: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z" && name === comm) pids.push(Number(entry));
    } catch {
      // raced with exit
    }
  }
  return pids;
}
