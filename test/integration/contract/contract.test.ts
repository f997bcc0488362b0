/**
 * The contract suite against the emulator (its documented defaults). The same case files run against a real app
 * with `npm run test:live` (test/live/contract.live.test.ts): one suite, two targets.
 */
import { CLIENT_CASES, RESOURCE_CASES } from "../../contract/cases";
import { emulatorTarget, type ContractTarget } from "../../contract/target";

let t: ContractTarget;
beforeAll(async () => {
  t = await emulatorTarget();
}, 60_000);
afterAll(async () => {
  await t?.cleanup();
  // Cleanup found every group by its prefix: nothing the run created is left.
  expect(t?.emulator?.store.listGroups() ?? []).toEqual([]);
  await t?.close();
}, 60_000);

describe("client contract (emulator)", () => {
  test.each(CLIENT_CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => c.run(t), 120_000);
});

describe("ChatGroup contract (emulator)", () => {
  test.each(RESOURCE_CASES.map((c) => [c.name, c] as const))("%s", async (_n, c) => c.run(t), 120_000);
});
