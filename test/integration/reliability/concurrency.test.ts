/**
 * Concurrency: 200 groups created, updated and deleted concurrently through one provider host, with the emulator
 * enforcing 200 calls/s per action: all succeed, no update is lost, and no rate-limit error reaches the user.
 */
import type { ChatAction } from "../../../protocol/actions";
import { ChatClient } from "../../../provider/client/client";
import { isChatApiError } from "../../../provider/client/errors";
import type { ProviderHost } from "../../../harness/host";
import { SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../../helpers/matrix";

const N = 200;
const QUOTA: Partial<Record<ChatAction, number>> = { import_group: 200, get_group_info: 200, modify_group_base_info: 200, destroy_group: 200 };
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
      Array.from({ length: N }, (_, i) => [`c${i}`, { type: i % 2 ? "Public" : "Work", name: `c${i} v${version}`, ...(i % 3 === 0 ? { groupId: `conc-${i}` } : {}) }]),
    );
  const engine = matrixStack(e2e, host, provider, "concurrency", groups);

  const up = await engine.up();
  expect(up.steps.filter((s) => s.error)).toEqual([]);
  expect(up.steps.filter((s) => s.op === "create")).toHaveLength(N);
  expect(e2e.emulator.store.listGroups()).toHaveLength(N);

  version = 2;
  const update = await engine.up();
  expect(update.steps.filter((s) => s.error)).toEqual([]);
  expect(update.steps.filter((s) => s.op === "update")).toHaveLength(N);
  // No lost update: every group, on the service and in state, carries its own new name.
  const state = engine.snapshot().resources;
  for (const r of state) {
    expect(e2e.emulator.store.getGroup(r.id)?.Name).toBe(`${r.name} v2`);
    expect(r.outputs.name).toBe(`${r.name} v2`);
  }
  expect(new Set(state.map((r) => r.id)).size).toBe(N);

  const destroy = await engine.destroy();
  expect(destroy.steps.filter((s) => s.error)).toEqual([]);
  expect(e2e.emulator.store.listGroups()).toHaveLength(0);
  expect(engine.snapshot().resources).toHaveLength(0);
  // The quota was really in force (the emulator logs each refusal), yet no refusal reached a user-facing step.
  const refusals = log.filter((l) => /ErrorCode=60007/.test(l)).length;
  process.stdout.write(`concurrency: ${N} creates, ${N} updates, ${N} deletes; 60007 refusals absorbed by the client: ${refusals}\n`);
  for (const r of [up, update, destroy]) expect(r.ok).toBe(true);
});

test("control: the quota really is enforced — a burst that bypasses the client's limiter is refused", async () => {
  const raw = new ChatClient({ sdkAppId: SDK_APP_ID, identifier: "administrator", secretKey: SECRET_KEY, endpoint: e2e.emulator.url, retry: 0, rateLimit: false });
  const results = await Promise.allSettled(Array.from({ length: 260 }, () => raw.getGroupInfo({ GroupIdList: ["nope"] })));
  await raw.close();
  const refused = results.filter((r) => r.status === "rejected" && isChatApiError(r.reason) && r.reason.errorCode === 60007).length;
  expect(refused).toBeGreaterThanOrEqual(60 - 10); // 260 in well under a second against 200/s
});
