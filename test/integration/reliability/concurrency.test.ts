/**
 * Concurrency: 200 groups created, updated and deleted concurrently through one provider host, with the emulator
 * enforcing 200 calls/s per action and, in each phase, refusing 20 calls with 60007 regardless of timing: all
 * succeed, no update is lost, and the refusals (counted, > 0 in every phase) are absorbed: none reaches the user.
 */
import type { ChatAction } from "../../../protocol/actions";
import { ChatClient } from "../../../provider/client/client";
import { startEmulator } from "../../../emulator";
import { isChatApiError } from "../../../provider/client/errors";
import type { ProviderHost } from "../../../harness/host";
import { SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../../helpers/matrix";

const N = 200;
/** 60007 refusals forced in each phase, so absorption is exercised whatever the machine's speed. */
const FORCED = 20;
const QUOTA: Partial<Record<ChatAction, number>> = {
  import_group: 200,
  get_group_info: 200,
  modify_group_base_info: 200,
  destroy_group: 200,
};
let e2e: E2E;
let host: ProviderHost;
let provider: string;
const log: string[] = [];

beforeAll(async () => {
  e2e = await startE2E({ quota: QUOTA, log: (line) => log.push(line) });
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
});
afterAll(() => e2e?.stop());

test(`${N} groups: created, renamed and destroyed concurrently under a 200/s quota, nothing lost`, async () => {
  let version = 1;
  const groups = () =>
    Object.fromEntries(
      Array.from({ length: N }, (_, i) => [
        `c${i}`,
        {
          type: i % 2 ? "Public" : "Work",
          name: `c${i} v${version}`,
          ...(i % 3 === 0 ? { groupId: `conc-${i}` } : {}),
        },
      ]),
    );
  const engine = matrixStack(e2e, host, provider, "concurrency", groups);
  const refusalsSince = (from: number) => log.slice(from).filter((l) => /ErrorCode=60007/.test(l)).length;
  const refused: number[] = [];
  /** Runs one phase with FORCED refusals of `action` injected, and records the refusals it absorbed. */
  const phase = async <T>(action: ChatAction, run: () => Promise<T>): Promise<T> => {
    const from = log.length;
    e2e.emulator.addFault({ action, effect: { kind: "error", errorCode: 60007 }, times: FORCED });
    const result = await run();
    e2e.emulator.clearFaults();
    refused.push(refusalsSince(from));
    return result;
  };

  const up = await phase("import_group", () => engine.up());
  expect(up.steps.filter((s) => s.error)).toEqual([]);
  expect(up.steps.filter((s) => s.op === "create")).toHaveLength(N);
  expect(e2e.emulator.store.listGroups()).toHaveLength(N);

  version = 2;
  const update = await phase("modify_group_base_info", () => engine.up());
  expect(update.steps.filter((s) => s.error)).toEqual([]);
  expect(update.steps.filter((s) => s.op === "update")).toHaveLength(N);
  // No lost update: every group, on the service and in state, carries its own new name.
  const state = engine.snapshot().resources;
  for (const r of state) {
    expect(e2e.emulator.store.getGroup(r.id)?.Name).toBe(`${r.name} v2`);
    expect(r.outputs.name).toBe(`${r.name} v2`);
  }
  expect(new Set(state.map((r) => r.id)).size).toBe(N);

  const destroy = await phase("destroy_group", () => engine.destroy());
  expect(destroy.steps.filter((s) => s.error)).toEqual([]);
  expect(e2e.emulator.store.listGroups()).toHaveLength(0);
  expect(engine.snapshot().resources).toHaveLength(0);
  // Every phase met refusals (at least the forced ones; the emulator logs each), yet none reached a user-facing step.
  process.stdout.write(
    `concurrency: ${N} creates, ${N} updates, ${N} deletes; 60007 refusals absorbed per phase: ${refused.join(", ")}\n`,
  );
  for (const n of refused) expect(n).toBeGreaterThanOrEqual(FORCED);
  for (const r of [up, update, destroy]) expect(r.ok).toBe(true);
});

test("control: the quota really is enforced — a burst that bypasses the client's limiter is refused", async () => {
  // The emulator's clock stands still, so all 260 calls fall in one second whatever the machine's speed.
  const t0 = Date.now();
  const emu = await startEmulator({
    sdkAppId: SDK_APP_ID,
    secretKey: SECRET_KEY,
    admin: "administrator",
    quota: QUOTA,
    clock: () => t0,
  });
  const raw = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: "administrator",
    secretKey: SECRET_KEY,
    endpoint: emu.url,
    retry: 0,
    rateLimit: false,
  });
  const results = await Promise.allSettled(
    Array.from({ length: 260 }, () => raw.getGroupInfo({ GroupIdList: ["nope"] })),
  );
  await raw.close();
  await emu.close();
  const refused = results.filter(
    (r) => r.status === "rejected" && isChatApiError(r.reason) && r.reason.errorCode === 60007,
  ).length;
  expect(refused).toBe(260 - QUOTA.get_group_info!);
});
