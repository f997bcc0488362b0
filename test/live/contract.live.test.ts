/**
 * The contract suite against a real Tencent Cloud Chat app: `npm run test:live` (see README, "Live contract suite").
 * Same cases as test/integration/contract/contract.test.ts. Every group id starts with a run prefix; cleanup
 * destroys them all, and first sweeps leftovers (older than an hour) of runs that crashed.
 */
import { CLIENT_CASES, RESOURCE_CASES } from "../contract/cases";
import {
  CONTRACT_PREFIX,
  contractIdTime,
  liveTarget,
  liveUnavailable,
  sweep,
  SWEEP_AGE_MS,
  type ContractTarget,
} from "../contract/target";

const why = liveUnavailable();
const live = why === undefined ? describe : describe.skip;

let t: ContractTarget | undefined;
beforeAll(async () => {
  if (why !== undefined) return;
  t = await liveTarget();
  // Leftovers of crashed runs: contract ids older than an hour (a younger one may belong to a run in progress).
  const swept = await sweep(t.client, (id) => {
    const at = contractIdTime(id);
    return at !== undefined && at < Date.now() - SWEEP_AGE_MS;
  });
  if (swept.length > 0)
    process.stdout.write(`swept ${swept.length} leftover ${CONTRACT_PREFIX}* groups of earlier runs\n`);
}, 600_000);
afterAll(async () => {
  try {
    await t?.cleanup();
  } finally {
    await t?.close();
  }
}, 600_000);

live("client contract (live)", () => {
  test.each(CLIENT_CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => c.run(t!), 600_000);
});

live("ChatGroup contract (live)", () => {
  test.each(RESOURCE_CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => c.run(t!), 600_000);
});
