/**
 * Diagnosis of the two goals that depend on timing, without the provider host or the engine harness:
 * - the client alone (this process, a fresh limiter) importing N groups at once against the quota: wall time and
 *   the refusals (60007) that reached the limiter — does the limiter alone ride the quota within 1.15 × N / quota?
 * - the read batcher alone fed N reads at once, and fed one read per event-loop turn (as a busy provider host hands
 *   over gRPC requests): how many get_group_info calls each arrival pattern costs.
 */
import { GroupReadBatcher } from "../provider/client/batch";
import { ChatClient } from "../provider/client/client";
import { LimiterRegistry } from "../provider/client/limiter";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../harness/e2e";
import type { BenchStack } from "./stack";
import { sleep } from "./util";

/** What the diagnosis found. */
export interface DiagnosisResult {
  n: number;
  /** N concurrent importGroup calls through one ChatClient (limiter on, as in the provider). */
  directImport: { ms: number; ratio: number; refusals: number };
  /** get_group_info calls of a GroupReadBatcher for N reads arriving at once / one per event-loop turn. */
  batcher: { allAtOnce: number; onePerTurn: number; bound: number };
}

/** Runs both experiments with `n` groups (which it creates and leaves in the throwaway emulator). */
export async function measureDiagnosis(stack: BenchStack, n: number): Promise<DiagnosisResult> {
  const client = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: stack.emulator.url,
    rateLimit: { registry: new LimiterRegistry() },
  });
  try {
    await sleep(1100);
    const before = (await stack.emulator.counters()).import_group;
    const t0 = performance.now();
    const ids = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        client.importGroup({ Type: "Public", Name: `diag-${i}` }).then((r) => r.GroupId),
      ),
    );
    const ms = performance.now() - t0;
    const refusals = (await stack.emulator.counters()).import_group - before - n;

    const batcher = new GroupReadBatcher(client);
    const calls = async (feed: (read: (id: string) => Promise<unknown>) => Promise<unknown[]>) => {
      await sleep(1100);
      const b = (await stack.emulator.counters()).get_group_info;
      await Promise.all(await feed((id) => batcher.getGroup(id)));
      return (await stack.emulator.counters()).get_group_info - b;
    };
    const allAtOnce = await calls(async (read) => ids.map(read));
    const onePerTurn = await calls(async (read) => {
      const pending: Promise<unknown>[] = [];
      for (const id of ids) {
        pending.push(read(id));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return pending;
    });
    return {
      n,
      directImport: { ms, ratio: ms / ((n / stack.quota) * 1000), refusals },
      batcher: { allAtOnce, onePerTurn, bound: Math.ceil(n / 50) + 2 },
    };
  } finally {
    await client.close();
  }
}
