/**
 * Host overhead per operation: sequential Read RPCs through the real provider host (gRPC → dynamic-provider host →
 * our provider → HTTP) against the same number of sequential direct `ChatClient.getGroup` calls from this process,
 * both reading one existing group from the same emulator. The direct client uses the provider's defaults (limiter
 * and retries on), as the provider's own client does. The emulator's get_group_info quota is lifted meanwhile (the
 * three paths share it; each client's own limiter stays on) and restored afterwards.
 */
import { ChatClient } from "../provider/client/client";
import type { ProviderHost } from "../harness/host";
import { stripForWire } from "../harness/host";
import type { ResourceState } from "../harness/state";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../harness/e2e";
import type { BenchStack } from "./stack";
import { median, sleep } from "./util";

/** Per-operation times (ms) of each path, medians over runs. */
export interface HostOverheadResult {
  ops: number;
  runs: number;
  /** Median over runs of (run wall / ops), ms. */
  hostBatchedMsPerOp: number;
  hostUnbatchedMsPerOp: number;
  directMsPerOp: number;
  /** host (as shipped) per-op / direct per-op. */
  ratio: number;
  /** host (as shipped) per-op − direct per-op, ms. */
  overheadMsPerOp: number;
  samples: { hostBatched: number[]; hostUnbatched: number[]; direct: number[] };
}

async function sequential(ops: number, op: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) await op();
  return (performance.now() - t0) / ops;
}

/** `runs` × `ops` sequential reads of `resource` on each path, interleaved. */
export async function measureHostOverhead(
  stack: BenchStack,
  resource: ResourceState,
  ops: number,
  runs: number,
): Promise<HostOverheadResult> {
  const direct = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: stack.emulator.url,
  });
  const viaHost = (host: ProviderHost) => () =>
    host.read(resource.id, resource.urn, stripForWire(resource.outputs), stripForWire(resource.inputs));
  const samples = { hostBatched: [] as number[], hostUnbatched: [] as number[], direct: [] as number[] };
  await stack.emulator.setQuota("get_group_info", null);
  try {
    await direct.getGroup(resource.id); // warm: connection, UserSig
    await sleep(1100); // each process's own limiter starts this measurement with a full second of tokens
    for (let run = 0; run < runs; run++) {
      samples.hostBatched.push(await sequential(ops, viaHost(stack.host)));
      samples.hostUnbatched.push(await sequential(ops, viaHost(stack.unbatchedHost)));
      samples.direct.push(await sequential(ops, () => direct.getGroup(resource.id)));
      await sleep(400); // ≥ 1 s between two runs of the same path: its limiter never makes it wait
    }
  } finally {
    await direct.close();
    await stack.emulator.setQuota("get_group_info", stack.quota);
  }
  const hostBatchedMsPerOp = median(samples.hostBatched);
  const directMsPerOp = median(samples.direct);
  return {
    ops,
    runs,
    hostBatchedMsPerOp,
    hostUnbatchedMsPerOp: median(samples.hostUnbatched),
    directMsPerOp,
    ratio: hostBatchedMsPerOp / directMsPerOp,
    overheadMsPerOp: hostBatchedMsPerOp - directMsPerOp,
    samples,
  };
}
