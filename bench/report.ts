/**
 * Writes the benchmark's results: bench/results.json (everything measured), bench/RESULTS.md (the tables and the
 * goals of the performance issue, judged) and bench/refresh.svg (refresh calls and time against N).
 */
import { groupMembersSection } from "./report-group-members";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CommandRun, LifecycleResult } from "./measure-lifecycle";
import type { BenchResults } from "./run";
import { chartSvg } from "./svg";
import { median, round } from "./util";

/** One goal of the issue, judged on the measurement. */
export interface Goal {
  goal: string;
  measured: string;
  holds: boolean;
}

const ms = (x: number) => `${Math.round(x)} ms`;
const s = (x: number) => `${round(x / 1000, 2)} s`;
const yes = (b: boolean) => (b ? "**holds**" : "**does not hold**");

/** The goals against `r`. */
export function judge(r: BenchResults): Goal[] {
  const top = r.refresh.points.find((p) => p.variant === "batched" && p.n === 1000);
  const up1000 = r.lifecycle.find((l) => l.n === 1000);
  const goals: Goal[] = [];
  if (top) {
    goals.push({
      goal: `refresh of 1000 groups: ≤ ceil(1000/50) + 2 = ${top.bound} get_group_info calls`,
      measured: `median ${top.medianCalls}, max ${Math.max(...top.calls)} over ${top.calls.length} runs`,
      holds: Math.max(...top.calls) <= top.bound,
    });
  }
  for (const p of r.refresh.points.filter((x) => x.variant === "batched" && x.n !== 1000)) {
    goals.push({
      goal: `refresh of ${p.n}: ≤ ${p.bound} calls`,
      measured: `max ${Math.max(...p.calls)}`,
      holds: Math.max(...p.calls) <= p.bound,
    });
  }
  if (up1000) {
    const limit = 1.15 * up1000.boundMs;
    goals.push({
      goal: `up of 1000 groups at ${up1000.quota}/s within 1.15 × N/quota = ${s(limit)}, no error reaching the user`,
      measured: `median ${s(up1000.upMedianMs)} = ${round(up1000.upRatio)} × N/quota; every run ok: ${up1000.up.every((u) => u.ok)}`,
      holds: up1000.upMedianMs <= limit && up1000.up.every((u) => u.ok),
    });
  }
  goals.push({
    goal: "`__provider` ≤ 1 KB per resource",
    measured: `${r.providerSize.ours.bytes} B (the naive baseline: ${r.providerSize.naive.bytes} B)`,
    holds: r.providerSize.ours.bytes <= 1024,
  });
  goals.push({
    goal: "`__provider` unchanged by implementation edits",
    measured: `ours changed: ${r.providerSize.ours.changedByImplementationEdit}; the baseline changed: ${r.providerSize.naive.changedByImplementationEdit}`,
    holds: !r.providerSize.ours.changedByImplementationEdit,
  });
  goals.push({
    goal: "the emulator is not the bottleneck: ≥ 5,000 requests/s on loopback",
    measured: `median ${Math.round(r.emulator.medianRps)} req/s wall (${Math.round(r.emulator.medianRpsPerCpuSecond)} per emulator CPU-second)`,
    holds: r.emulator.medianRps >= 5000,
  });
  return goals;
}

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function lifecycleRows(l: LifecycleResult): (string | number)[][] {
  const med = (xs: number[]) => median(xs.filter((x) => Number.isFinite(x)));
  const calls = (runs: LifecycleResult["up"], action: string) =>
    med(runs.map((u) => (u.calls as Record<string, number>)[action] ?? 0));
  return [
    [
      `up ${l.n}`,
      ms(l.upMedianMs),
      ms(l.boundMs),
      round(l.upRatio),
      ms(med(l.up.map((u) => u.checkPhaseMs))),
      `${ms(med(l.up.map((u) => u.firstCallMs)))} → ${ms(med(l.up.map((u) => u.lastCallMs)))}`,
      ms(med(l.up.map((u) => u.stateSaveMs))),
      `import_group ${calls(l.up, "import_group")}, get_group_info ${calls(l.up, "get_group_info")}`,
    ],
    [
      `destroy ${l.n}`,
      ms(l.destroyMedianMs),
      ms(l.boundMs),
      round(l.destroyRatio),
      "—",
      `${ms(med(l.destroy.map((u) => u.firstCallMs)))} → ${ms(med(l.destroy.map((u) => u.lastCallMs)))}`,
      ms(med(l.destroy.map((u) => u.stateSaveMs))),
      `destroy_group ${calls(l.destroy, "destroy_group")}`,
    ],
  ];
}

function destroyRefused(l: LifecycleResult): number {
  return median(l.destroy.map((u) => (u.calls.destroy_group ?? 0) - l.n));
}

/** Where the time of `up` of the largest N goes (medians), as sentences. */
function upAnalysis(l: LifecycleResult, perStep: CommandRun | undefined): string {
  const med = (xs: number[]) => median(xs.filter((x) => Number.isFinite(x)));
  const check = med(l.up.map((u) => u.checkPhaseMs));
  const first = med(l.up.map((u) => u.firstCallMs));
  const last = med(l.up.map((u) => u.lastCallMs));
  const save = med(l.up.map((u) => u.stateSaveMs));
  const refused = med(l.up.map((u) => (u.calls.import_group ?? 0) - l.n));
  const burstFloor = (Math.ceil(l.n / l.quota) - 1) * 1000;
  const lines = [
    `- The quota's own floor: the emulator counts calls in a sliding 1 s window and the client's limiter starts with a`,
    `  full bucket, so ${l.quota} import_group calls may go at once and the last of ${l.n} can go after ${s(burstFloor)};`,
    `  N / quota (${s(l.boundMs)}) is a conservative bound, and a ratio a little under 1 is possible.`,
    `- import_group calls reached the emulator from ${ms(first)} to ${ms(last)} after the command started (polled every`,
    `  10 ms): an API window of ${ms(last - first)} = ${round((last - first) / l.boundMs)} × N / quota. Refused (60007) import_group`,
    `  calls: ${refused} (median).`,
    `- Before the first import_group: ${ms(first)}, of which ${ms(check)} is the Check phase (${l.n} Check RPCs).`,
    `- After the last import_group: ${ms(Math.max(0, l.upMedianMs - last))} (within the polling resolution: the read-backs of the last`,
    `  creates, the replies and the one deferred state write of ${ms(save)}). The read-backs are batched too (get_group_info`,
    `  in the calls column), so they stay far below their own quota.`,
    `- \`destroy\` of ${l.n} deletes every resource at once (as the engine does for independent resources), so it too runs`,
    `  at the limiter's pace; refused (60007) destroy_group calls: ${destroyRefused(l)} (median).`,
  ];
  if (perStep) {
    lines.push(
      `- The harness's own behaviour, writing its whole state file after every step (${l.n} writes of a growing JSON`,
      `  file, on the benchmark's event loop), made one \`up\` of ${l.n} take ${s(perStep.ms)} = ${round(perStep.ms / l.boundMs)} × N / quota, of`,
      `  which ${s(perStep.stateSaveMs)} were state writes; import_group calls: ${perStep.calls.import_group ?? 0}. That cost is the`,
      `  test harness's (O(N²) in bytes written), not the provider's or the quota's, so the figures above defer it.`,
    );
  }
  return lines.join("\n");
}

/** Why the batched call count is what it is (from the diagnosis), as sentences. */
function refreshNote(r: BenchResults): string {
  const d = r.diagnosis;
  const top = r.refresh.points.find((p) => p.variant === "batched" && p.n === d.n);
  const over = top ? Math.max(...top.calls) > top.bound : false;
  return [
    `${over ? "**The batched count exceeds the bound at N = " + d.n + ".** " : ""}The batcher alone (no host) makes ${d.batcher.allAtOnce} calls`,
    `for ${d.n} reads that arrive at once, and ${d.batcher.onePerTurn} when they arrive one per event-loop turn (bound ${d.batcher.bound}). The`,
    "provider host decodes the N Read RPCs over several hundred milliseconds and hands them over a few per turn, with",
    "pauses between chunks; a partial batch therefore waits while reads arrived in the last turn or within a quiet time",
    "(2 ms for a lone read, 25 ms in a burst), bounded by 200 ms (provider/client/batch.ts).",
  ].join("\n");
}

/** The bytes-per-refreshed-group table. */
function readBytesSection(b: NonNullable<BenchResults["readBytes"]>): string {
  const kb = (x: number | undefined) =>
    x === undefined ? "refused: 10018 (answer over 1 MB)" : x >= 10_000 ? `${round(x / 1024, 1)} KiB` : `${x} B`;
  const rows = b.sizes.map((n) => {
    const f = b.points.find((p) => p.members === n && p.variant === "filtered")!;
    const u = b.points.find((p) => p.members === n && p.variant === "unfiltered")!;
    return [
      n.toLocaleString("en-US"),
      kb(u.bytesPerGroupSingle),
      kb(f.bytesPerGroupSingle),
      kb(u.bytesPerGroupBatched),
      kb(f.bytesPerGroupBatched),
      `${round(u.bytesPerGroupSingle / f.bytesPerGroupSingle, 1)} ×`,
    ];
  });
  return [
    "## Bytes per refreshed group: with and without the ResponseFilter",
    "",
    "get_group_info request + answer bytes (JSON bodies) per group, against the emulator, for groups of each size. Without",
    "a filter the service returns every member; the provider asks only for the fields it manages",
    `(\`GroupBaseInfoFilter\`: ${b.filter.join(", ")}), so a refresh moves the same few hundred bytes per group whatever its size.`,
    "Batched = one call for 50 groups (a refresh's batch), per group; the service refuses answers over 1 MB (10018).",
    "",
    table(
      [
        "members",
        "1 group, no filter",
        "1 group, filter",
        "50 groups, no filter",
        "50 groups, filter",
        "single-call ratio",
      ],
      rows,
    ),
  ].join("\n");
}

/** RESULTS.md from `r`. */
export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const goals = judge(r);
  const ps = r.providerSize;
  const out: string[] = [];
  out.push(
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.ts) in one run of ${r.totalSeconds} s on the local emulator, every action's quota set to`,
    `${r.config.quotaPerAction} calls/s. Timings are medians of ${r.config.runs} runs; ratios are given where they carry over to other machines.`,
    "",
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.platform}; Node ${m.node}; @pulumi/pulumi ${m.pulumiSdk}`,
    `- Date: ${m.date}`,
    `- Load average (1/5/15 min) at start ${m.loadStart.join(" / ")}, at end ${(m.loadEnd ?? []).join(" / ")} (other sessions`,
    "  may run test suites on the same cores; that inflates absolute times more than ratios).",
    "- The provider host is the real `pulumi-resource-pulumi-nodejs` from @pulumi/pulumi, driven over gRPC by the",
    "  repository's engine harness (no Pulumi CLI here), with the package installed in a program directory.",
    "",
    "## Goals of the performance issue",
    "",
    table(
      ["goal", "measured", "verdict"],
      goals.map((g) => [g.goal, g.measured, yes(g.holds)]),
    ),
    "",
    "## `__provider` per resource",
    "",
    table(
      [
        "provider",
        "`__provider` bytes",
        "bytes in state per resource (inputs + outputs)",
        "changed by an implementation edit",
      ],
      [
        [
          'this package (installed; `require("pulumi-tencent-chat/stub")`)',
          ps.ours.bytes,
          ps.ours.bytesInStatePerResource,
          `${ps.ours.changedByImplementationEdit ? "yes" : "no"} (${ps.ours.edit})`,
        ],
        [
          "naive class-based provider (baseline, bench/naive/)",
          ps.naive.bytes,
          ps.naive.bytesInStatePerResource,
          `${ps.naive.changedByImplementationEdit ? "yes" : "no"} (${ps.naive.edit})`,
        ],
      ],
    ),
    "",
    `The baseline is ${round(ps.ratio, 1)} × larger. Ours is the same text for every ChatGroup (${ps.ours.sameForEveryResource}).`,
    `A whole resource in the harness's state file is ${r.state.bytesPerResource} B at N = ${r.state.n} (pretty-printed JSON), of`,
    `which ${r.state.providerBytesPerResource} B are the two \`__provider\` copies. Both texts come from the real serializer under mocks.`,
    "",
    "```js",
    ps.oursText.trim(),
    "```",
    "",
    "## Refresh: batched vs unbatched",
    "",
    "N concurrent Read RPCs to one provider host (what `pulumi refresh` sends). Unbatched = the same package with",
    "its reads going straight to the client (one get_group_info per group), patched into a copy installed in a",
    "second program directory; the repository's provider code is unchanged.",
    "",
    table(
      [
        "N",
        "batched calls",
        "bound ceil(N/50)+2",
        "unbatched calls",
        "calls ratio",
        "batched time",
        "unbatched time",
        "time ratio",
      ],
      r.config.refreshSizes.map((n) => {
        const b = r.refresh.points.find((p) => p.n === n && p.variant === "batched")!;
        const u = r.refresh.points.find((p) => p.n === n && p.variant === "unbatched")!;
        const ratio = r.refresh.ratios.find((x) => x.n === n)!;
        return [
          n,
          `${b.medianCalls} (max ${Math.max(...b.calls)})`,
          b.bound,
          u.medianCalls,
          `${round(ratio.calls, 1)} ×`,
          ms(b.medianMs),
          ms(u.medianMs),
          `${round(ratio.time, 1)} ×`,
        ];
      }),
    ),
    "",
    "![refresh calls and time against N](refresh.svg)",
    "",
    refreshNote(r),
    "",
    "## `up` and `destroy` against the quota's lower bound",
    "",
    "A fresh stack per run through the engine harness (Check for every resource, then every Create at once;",
    "`destroy` deletes every resource at once), sharing one configured host as one",
    `\`pulumi up\` does. Starting and configuring a host, which every real command adds once, took ${ms(r.hostStartMs)}.`,
    "The emulator runs in its own process. The harness's state file is written once at the end of each command",
    "(timed, included in the wall time) instead of after every step; see below for what per-step writes cost.",
    "",
    table(
      [
        "command",
        "wall (median)",
        "N / quota",
        "ratio",
        "Check phase",
        "calls of the action arrived (first → last)",
        "harness state writes",
        "calls (median)",
      ],
      r.lifecycle.flatMap(lifecycleRows),
    ),
    "",
  );
  const big = r.lifecycle.find((l) => l.n === Math.max(...r.config.lifecycleSizes));
  if (big) out.push(`Where the time of \`up\` ${big.n} goes (medians):`, "", upAnalysis(big, r.upWithPerStepSaves), "");
  const d = r.diagnosis;
  const hostRefused = big ? median(big.up.map((u) => (u.calls.import_group ?? 0) - big.n)) : NaN;
  out.push(
    "### Diagnosis: the client alone",
    "",
    `${d.n} concurrent \`importGroup\` calls through one ChatClient in the benchmark process (its limiter on, a fresh one; no`,
    `host, no harness) took ${s(d.directImport.ms)} = ${round(d.directImport.ratio)} × N / quota, with ${d.directImport.refusals} calls refused for rate (60007)`,
    `and retried; through the provider host, \`up\` had ${hostRefused} refusals (median). The limiter counts a call when it grants`,
    "it, the emulator when the call arrives. Calls granted in one burst reach the server spread out (connection pool,",
    "a busy event loop), so calls granted exactly one window later can land inside the server's window of the first",
    "burst; the server refuses them, and the AIMD limiter lowers its rate by at least 10 % and climbs back by 5 % of the",
    "quota per second. The busier the process (the host decoding gRPC, other load on the machine), the more refusals and",
    "the further from N / quota: the limiter's behaviour at the edge of the quota, not the host's per-call cost, is what",
    "keeps `up` above the goal (its Check phase adds the rest, see above).",
    "",
  );
  if (r.readBytes) out.push(readBytesSection(r.readBytes), "");
  if (r.groupMembers) out.push(groupMembersSection(r.groupMembers), "");
  const h = r.hostOverhead;
  out.push(
    "## Host overhead per operation",
    "",
    `${h.ops} sequential reads of one group, ${h.runs} runs each (median of per-run means).`,
    "",
    table(
      ["path", "ms per read", "vs direct"],
      [
        ["direct `ChatClient.getGroup` (this process)", round(h.directMsPerOp, 3), "1.00 ×"],
        ["Read RPC through the host, as shipped (batcher)", round(h.hostBatchedMsPerOp, 3), `${round(h.ratio)} ×`],
        [
          "Read RPC through the host, unbatched variant",
          round(h.hostUnbatchedMsPerOp, 3),
          `${round(h.hostUnbatchedMsPerOp / h.directMsPerOp)} ×`,
        ],
      ],
    ),
    "",
    `The host adds ${round(h.overheadMsPerOp, 3)} ms per operation (gRPC, protobuf Struct conversion, the dynamic-provider`,
    "host loading the provider from `__provider` for each call). A lone read through the batcher took",
    `${round(h.hostBatchedMsPerOp - h.hostUnbatchedMsPerOp, 3)} ms more than through the unbatched variant (median; fastest runs ${round(Math.min(...h.samples.hostBatched), 2)} vs`,
    `${round(Math.min(...h.samples.hostUnbatched), 2)} ms): the quiet time (2 ms) and event-loop turns the batcher waits before sending a lone read, in a busy host.`,
    "",
    "## Provider host memory",
    "",
    table(
      ["host", "RSS", "peak RSS (VmHWM)"],
      [
        ["idle, configured, served nothing", `${r.memory.idleHost.rssMiB} MiB`, `${r.memory.idleHost.peakMiB} MiB`],
        [
          `after \`up\` of ${r.memory.afterUp.n} (the host that served every command so far)`,
          `${r.memory.afterUp.rssMiB} MiB`,
          `${r.memory.afterUp.peakMiB} MiB`,
        ],
      ],
    ),
    "",
    "Read from /proc/<pid>/status of the node process in the host's process group.",
    "",
    "## The emulator's own throughput",
    "",
    `get_group_info of one existing group, the emulator alone in a child process (no quota), a keep-alive undici Pool of`,
    `${r.emulator.connections} connections with ${r.emulator.inFlight} requests in flight, ${r.emulator.windows} windows of ${r.emulator.windowMs} ms after a warm-up, 127.0.0.1.`,
    "",
    table(
      ["measure", "median", "windows"],
      [
        [
          "requests/s (wall)",
          Math.round(r.emulator.medianRps),
          r.emulator.requestsPerSecond.map((x) => Math.round(x)).join(", "),
        ],
        [
          "requests per CPU-second the emulator process used",
          Math.round(r.emulator.medianRpsPerCpuSecond),
          r.emulator.requestsPerCpuSecond.map((x) => Math.round(x)).join(", "),
        ],
        ["warm-up windows (750 ms), requests/s", "—", r.emulator.warmupRps.map((x) => Math.round(x)).join(", ")],
      ],
    ),
    "",
    `Errors: ${r.emulator.errors}. The load generator shares the 2 cores with the emulator (and with other sessions).`,
    "CPU time counts all the emulator's threads (V8's GC helpers included), so the per-CPU-second figure is a rough,",
    "load-independent capacity, not a per-core one. The benchmarks above need at most the quota, " +
      `${r.config.quotaPerAction} calls/s per action.`,
    "",
    "Raw numbers: [results.json](results.json).",
    "",
  );
  return out.join("\n");
}

/** The refresh chart. */
export function renderSvg(r: BenchResults): string {
  const series = (variant: "batched" | "unbatched", key: "medianCalls" | "medianMs") =>
    r.refresh.points.filter((p) => p.variant === variant).map((p) => ({ x: p.n, y: p[key] }));
  const colors = { batched: "#1f77b4", unbatched: "#ff7f0e" };
  return chartSvg(
    [
      {
        title: "get_group_info calls per refresh",
        yLabel: "API calls (log scale)",
        series: [
          ...(["batched", "unbatched"] as const).map((v) => ({
            label: v,
            color: colors[v],
            points: series(v, "medianCalls"),
          })),
          {
            label: "bound ceil(N/50)+2",
            color: "#888",
            dashed: true,
            points: r.refresh.points.filter((p) => p.variant === "batched").map((p) => ({ x: p.n, y: p.bound })),
          },
        ],
      },
      {
        title: "refresh wall time",
        yLabel: "ms (log scale)",
        series: (["batched", "unbatched"] as const).map((v) => ({
          label: v,
          color: colors[v],
          points: series(v, "medianMs"),
        })),
      },
    ],
    `medians of ${r.config.runs} runs; quota ${r.config.quotaPerAction}/s per action; ${r.machine.date.slice(0, 10)}, ${r.machine.cpuModel} × ${r.machine.cores}, Node ${r.machine.node}`,
  );
}

/** Writes results.json, RESULTS.md and refresh.svg into `dir`; returns their paths. */
export function writeReport(dir: string, results: BenchResults): string[] {
  const files = {
    json: path.join(dir, "results.json"),
    md: path.join(dir, "RESULTS.md"),
    svg: path.join(dir, "refresh.svg"),
  };
  fs.writeFileSync(files.json, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(files.md, renderMarkdown(results));
  fs.writeFileSync(files.svg, renderSvg(results));
  return Object.values(files);
}
