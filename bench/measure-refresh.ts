/**
 * Refresh of N groups: N concurrent Read RPCs to one provider host (what `pulumi refresh` sends), through the host
 * as shipped (batched) and through the unbatched variant, counting the get_group_info calls that reached the
 * emulator and the wall time. Every Read must answer for its own group.
 */
import type { ProviderHost } from "../harness/host";
import { stripForWire } from "../harness/host";
import type { ResourceState } from "../harness/state";
import type { BenchStack } from "./stack";
import { median, sleep } from "./util";

/** Refresh of one N through one variant. */
export interface RefreshPoint {
  n: number;
  variant: "batched" | "unbatched";
  /** get_group_info calls per run (refused calls included). */
  calls: number[];
  ms: number[];
  medianCalls: number;
  medianMs: number;
  /** ceil(N/50) + 2 (the bound for the batched variant). */
  bound: number;
}

/** Both variants at every N, and the ratios unbatched / batched. */
export interface RefreshResult {
  points: RefreshPoint[];
  ratios: { n: number; calls: number; time: number }[];
}

async function refreshOnce(
  stack: BenchStack,
  host: ProviderHost,
  resources: ResourceState[],
): Promise<{ ms: number; calls: number }> {
  const before = (await stack.emulator.counters()).get_group_info;
  const t0 = performance.now();
  const reads = await Promise.all(
    resources.map((r) => host.read(r.id, r.urn, stripForWire(r.outputs), stripForWire(r.inputs))),
  );
  const ms = performance.now() - t0;
  const calls = (await stack.emulator.counters()).get_group_info - before;
  reads.forEach((read, i) => {
    if (read.id !== resources[i]!.id)
      throw new Error(`refresh: read ${i} answered ${JSON.stringify(read.id)} for ${resources[i]!.id}`);
  });
  return { ms, calls };
}

/**
 * `runs` refreshes of the first N resources for each N and variant. A run that made more than a tenth of the quota
 * in calls is followed by a 1.1 s pause, so that every run starts on an empty quota window.
 */
export async function measureRefresh(
  stack: BenchStack,
  resources: ResourceState[],
  sizes: number[],
  runs: number,
): Promise<RefreshResult> {
  const points: RefreshPoint[] = [];
  for (const n of sizes) {
    if (resources.length < n)
      throw new Error(`refresh of ${n} needs ${n} resources, the stack holds ${resources.length}`);
    for (const variant of ["batched", "unbatched"] as const) {
      const host = variant === "batched" ? stack.host : stack.unbatchedHost;
      const calls: number[] = [];
      const ms: number[] = [];
      for (let run = 0; run < runs; run++) {
        const r = await refreshOnce(stack, host, resources.slice(0, n));
        calls.push(r.calls);
        ms.push(r.ms);
        if (r.calls > stack.quota / 10) await sleep(1100);
      }
      points.push({
        n,
        variant,
        calls,
        ms,
        medianCalls: median(calls),
        medianMs: median(ms),
        bound: Math.ceil(n / 50) + 2,
      });
    }
  }
  const ratios = sizes.map((n) => {
    const b = points.find((p) => p.n === n && p.variant === "batched")!;
    const u = points.find((p) => p.n === n && p.variant === "unbatched")!;
    return { n, calls: u.medianCalls / b.medianCalls, time: u.medianMs / b.medianMs };
  });
  return { points, ratios };
}
