/**
 * `npm run bench`: every measurement in one run on the local emulator, then bench/RESULTS.md, bench/results.json and
 * bench/refresh.svg. Progress goes to stderr. Everything listens on 127.0.0.1, port 0; every process and temporary
 * directory it starts is stopped and removed, also on failure.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Engine } from "../harness/engine";
import { REPO_ROOT } from "../harness/program-dir";
import { measureDiagnosis, type DiagnosisResult } from "./measure-diagnosis";
import { measureEmulator, type EmulatorThroughputResult } from "./measure-emulator";
import { measureGroupMembers, type GroupMembersResult } from "./measure-group-members";
import { measureHostOverhead, type HostOverheadResult } from "./measure-host-overhead";
import { measureLifecycle, type CommandRun, type LifecycleResult } from "./measure-lifecycle";
import { measureProviderSize, type ProviderSizeResult } from "./measure-provider-size";
import { measureReadBytes, type ReadBytesResult } from "./measure-read-bytes";
import { measureRefresh, type RefreshResult } from "./measure-refresh";
import { writeReport } from "./report";
import { hostMemory, startBenchStack } from "./stack";
import { loadAverage, machineInfo, round, type MachineInfo } from "./util";

/** Everything one run measured (the content of results.json). */
export interface BenchResults {
  machine: MachineInfo;
  config: {
    quotaPerAction: number;
    runs: number;
    refreshSizes: number[];
    lifecycleSizes: number[];
    hostOverheadOps: number;
  };
  providerSize: ProviderSizeResult;
  emulator: EmulatorThroughputResult;
  hostStartMs: number;
  lifecycle: LifecycleResult[];
  /** One `up` of the largest N with the harness's per-step state writes (not a median: one run, for the analysis). */
  upWithPerStepSaves: CommandRun;
  /** The client and the batcher alone (no host, no harness), to locate where `up` and refresh time and calls go. */
  diagnosis: DiagnosisResult;
  refresh: RefreshResult;
  /** Bytes per refreshed group with and without the provider's ResponseFilter (groups of 10, 1,000, 6,000 members). */
  readBytes?: ReadBytesResult;
  /** ChatGroupMembers of 6,000: up from empty, refresh and destroy through the host, calls per action. */
  groupMembers?: GroupMembersResult;
  hostOverhead: HostOverheadResult;
  memory: {
    /** The idle, configured host that served nothing. */
    idleHost: { rssMiB: number; peakMiB: number };
    /** The host that served every command, right after `up` of N groups. */
    afterUp: { n: number; rssMiB: number; peakMiB: number };
  };
  /** State file bytes per resource at N (pretty-printed JSON as the harness writes it), and `__provider`'s share. */
  state: { n: number; bytesPerResource: number; providerBytesPerResource: number };
  /** Wall time of the whole benchmark, s. */
  totalSeconds: number;
}

const QUOTA = 200;
const RUNS = 5;
const REFRESH_SIZES = [10, 100, 1000];
const LIFECYCLE_SIZES = [100, 1000];
const HOST_OPS = 200;

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/**
 * `npm run bench -- --only read-bytes`: run just that measure and merge it into the committed results.json, then
 * re-render RESULTS.md from it (the other figures stay those of the last full run).
 */
async function onlyReadBytes(): Promise<void> {
  const file = path.join(REPO_ROOT, "bench", "results.json");
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
  log("bytes per refreshed group, with and without the ResponseFilter (10 / 1,000 / 6,000 members)");
  results.readBytes = await measureReadBytes();
  for (const p of results.readBytes.points)
    log(
      `  ${p.members} members, ${p.variant}: ${p.bytesPerGroupSingle} B single, ${p.bytesPerGroupBatched ?? "10018"} per group in 50`,
    );
  const written = writeReport(path.join(REPO_ROOT, "bench"), results);
  log(`wrote ${written.map((f) => path.relative(REPO_ROOT, f)).join(", ")}`);
}

/** `npm run bench -- --only group-members`: that measure alone, merged into results.json like `read-bytes`. */
async function onlyGroupMembers(): Promise<void> {
  const file = path.join(REPO_ROOT, "bench", "results.json");
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
  results.groupMembers = await groupMembers();
  const written = writeReport(path.join(REPO_ROOT, "bench"), results);
  log(`wrote ${written.map((f) => path.relative(REPO_ROOT, f)).join(", ")}`);
}

async function groupMembers(): Promise<GroupMembersResult> {
  log(`ChatGroupMembers of 6,000: up from empty, refresh, destroy (quota ${QUOTA}/s on every action)`);
  const g = await measureGroupMembers(QUOTA);
  for (const [what, c] of [
    ["up", g.up],
    ["refresh", g.refresh],
    ["destroy", g.destroy],
  ] as const)
    log(`  ${what}: ${round(c.ms)} ms, ${c.totalCalls} calls, ${c.ratio}× the quota bound`);
  return g;
}

async function main(): Promise<void> {
  if (process.argv.includes("--only") && process.argv.includes("read-bytes")) return onlyReadBytes();
  if (process.argv.includes("--only") && process.argv.includes("group-members")) return onlyGroupMembers();
  const started = performance.now();
  const pulumiVersion = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const machine = machineInfo(pulumiVersion);
  log(`${machine.cpuModel} × ${machine.cores}, node ${machine.node}, load ${machine.loadStart.join(" ")}`);

  log("__provider size: ours vs the naive class-based baseline");
  const providerSize = await measureProviderSize();
  log(`  ours ${providerSize.ours.bytes} B, naive ${providerSize.naive.bytes} B`);

  log("emulator throughput on loopback");
  const emulator = await measureEmulator();
  log(
    `  ${Math.round(emulator.medianRps)} req/s (${Math.round(emulator.medianRpsPerCpuSecond)} per emulator CPU-second)`,
  );

  const stack = await startBenchStack(QUOTA);
  try {
    const idle = hostMemory(stack.idleHost);
    const lifecycle: LifecycleResult[] = [];
    let refresh: RefreshResult | undefined;
    let hostOverhead: HostOverheadResult | undefined;
    let afterUp: BenchResults["memory"]["afterUp"] | undefined;
    let state: BenchResults["state"] | undefined;
    const top = Math.max(...LIFECYCLE_SIZES);
    for (const n of LIFECYCLE_SIZES) {
      log(`up + destroy of ${n} groups × ${RUNS} (quota ${QUOTA}/s on every action)`);
      const between = async (engine: Engine) => {
        const resources = engine.snapshot().resources;
        const mem = hostMemory(stack.host);
        afterUp = { n, rssMiB: mem.rssMiB, peakMiB: mem.peakMiB };
        const text = JSON.stringify(engine.snapshot(), null, 2);
        state = {
          n,
          bytesPerResource: Math.round(Buffer.byteLength(text) / n),
          providerBytesPerResource: Math.round(
            resources.reduce(
              (a, r) =>
                a +
                Buffer.byteLength(JSON.stringify(r.inputs.__provider ?? "")) +
                Buffer.byteLength(JSON.stringify(r.outputs.__provider ?? "")),
              0,
            ) / n,
          ),
        };
        log(`  host RSS after up of ${n}: ${mem.rssMiB} MiB`);
        log(`refresh of ${REFRESH_SIZES.join("/")} groups, batched vs unbatched × ${RUNS}`);
        refresh = await measureRefresh(stack, resources, REFRESH_SIZES, RUNS);
        for (const p of refresh.points) log(`  ${p.variant} ${p.n}: ${p.medianCalls} calls, ${round(p.medianMs)} ms`);
        log(`host overhead: ${HOST_OPS} sequential reads × ${RUNS}, through the host vs direct`);
        hostOverhead = await measureHostOverhead(stack, resources[0]!, HOST_OPS, RUNS);
        log(
          `  host ${round(hostOverhead.hostBatchedMsPerOp, 3)} ms/op, direct ${round(hostOverhead.directMsPerOp, 3)} ms/op`,
        );
      };
      const r = await measureLifecycle(stack, n, { runs: RUNS, between: n === top ? between : undefined });
      lifecycle.push(r);
      log(
        `  up ${round(r.upMedianMs)} ms (${round(r.upRatio)}× N/quota), destroy ${round(r.destroyMedianMs)} ms (${round(r.destroyRatio)}×)`,
      );
    }
    log(`up of ${top} once more, with the harness writing its state file after every step (its own behaviour)`);
    const asHarness = await measureLifecycle(stack, top, { runs: 1, perStepSaves: ["up"] });
    const harnessUp = asHarness.up[0]!;
    log(`  up ${round(harnessUp.ms)} ms, of which ${round(harnessUp.stateSaveMs)} ms state writes`);
    log(
      `diagnosis: the client alone importing ${top} groups; the batcher fed ${top} reads at once vs one per loop turn`,
    );
    const diagnosis = await measureDiagnosis(stack, top);
    log("bytes per refreshed group, with and without the ResponseFilter (10 / 1,000 / 6,000 members)");
    const readBytes = await measureReadBytes();
    const groupMembersResult = await groupMembers();
    log(
      `  direct imports ${round(diagnosis.directImport.ms)} ms (${diagnosis.directImport.refusals} refusals); batcher ${diagnosis.batcher.allAtOnce} vs ${diagnosis.batcher.onePerTurn} calls`,
    );
    if (!refresh || !hostOverhead || !afterUp || !state)
      throw new Error("the measurements at the largest N did not run");
    machine.loadEnd = loadAverage();
    const results: BenchResults = {
      machine,
      config: {
        quotaPerAction: QUOTA,
        runs: RUNS,
        refreshSizes: REFRESH_SIZES,
        lifecycleSizes: LIFECYCLE_SIZES,
        hostOverheadOps: HOST_OPS,
      },
      providerSize,
      emulator,
      hostStartMs: stack.hostStartMs,
      lifecycle,
      upWithPerStepSaves: harnessUp,
      diagnosis,
      refresh,
      readBytes,
      groupMembers: groupMembersResult,
      hostOverhead,
      memory: { idleHost: { rssMiB: idle.rssMiB, peakMiB: idle.peakMiB }, afterUp },
      state,
      totalSeconds: 0,
    };
    results.totalSeconds = round((performance.now() - started) / 1000, 1);
    const written = writeReport(path.join(REPO_ROOT, "bench"), results);
    log(`wrote ${written.map((f) => path.relative(REPO_ROOT, f)).join(", ")} in ${results.totalSeconds} s`);
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
