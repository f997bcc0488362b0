/**
 * 1,000 ChatGroupMember resources in one group through the engine harness and the real provider host (issue 11's
 * benchmark): `up` (the members share add_group_member calls of `addMemberLimit`), refresh (they share
 * get_role_in_group calls of 500) and destroy (delete_group_member calls of 100), counting the calls that reached
 * the emulator, against the issue's bounds. The harness's per-step state writes (O(N²), its own cost, measured in
 * measure-lifecycle.ts) are deferred to one write per command, so the figures are the provider's and the quota's.
 */
import * as path from "node:path";
import type { ChatAction } from "../protocol/actions";
import { Engine } from "../harness/engine";
import { stripForWire, type Props } from "../harness/host";
import { collectRegistrations, type Registration } from "../harness/program-dir";
import { ChatClient } from "../provider/client/client";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../harness/e2e";
import type { BenchStack } from "./stack";
import { median, sleep } from "./util";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMember";
const PROJECT = "chat-test";

/** One command over the N members. */
export interface MemberCommand {
  ms: number;
  ok: boolean;
  calls: Partial<Record<ChatAction, number>>;
}

/** Runs at one N. */
export interface MemberBenchResult {
  n: number;
  /** add_group_member's per-call limit the host used (the default, 20). */
  addLimit: number;
  quota: number;
  up: MemberCommand[];
  refresh: MemberCommand[];
  destroy: MemberCommand[];
  /** The bounds: add calls ≤ ceil(N/limit) + 2; refresh calls ≤ ceil(N/500) + 2. */
  bounds: { add: number; refresh: number; delete: number };
  upMedianMs: number;
  refreshMedianMs: number;
  destroyMedianMs: number;
}

const MEMBER_ACTIONS: ChatAction[] = [
  "add_group_member",
  "get_role_in_group",
  "get_specified_group_member_info",
  "get_group_info",
  "modify_group_member_info",
  "delete_group_member",
];

async function counted<T>(
  stack: BenchStack,
  run: () => Promise<T>,
): Promise<{ ms: number; value: T; calls: Partial<Record<ChatAction, number>> }> {
  const before = await stack.emulator.counters();
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  const after = await stack.emulator.counters();
  const calls = Object.fromEntries(MEMBER_ACTIONS.map((a) => [a, after[a] - before[a]]));
  return { ms, value, calls };
}

/** `runs` × (up, refresh, destroy) of `n` members of one fresh group, 1.1 s apart so every command starts on an empty quota window. */
export async function measureMembers(stack: BenchStack, n: number, runs: number): Promise<MemberBenchResult> {
  const client = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: stack.emulator.url,
  });
  try {
    const accounts = Array.from({ length: n }, (_, i) => `bench_member_${i}`);
    for (let i = 0; i < n; i += 100) {
      await client.multiAccountImport(accounts.slice(i, i + 100).map((UserID) => ({ UserID })));
    }
    await client.accountImport({ UserID: "bench_owner" });
    const src = `const { ChatGroupMember } = require("pulumi-tencent-chat"); new ChatGroupMember("proto", { groupId: "g", account: "a" });`;
    const [proto] = await collectRegistrations(stack.program.dir, src, PROJECT);
    const provider = proto!.inputs.__provider as string;
    const result: MemberBenchResult = {
      n,
      addLimit: 20,
      quota: stack.quota,
      up: [],
      refresh: [],
      destroy: [],
      bounds: { add: Math.ceil(n / 20) + 2, refresh: Math.ceil(n / 500) + 2, delete: Math.ceil(n / 100) + 2 },
      upMedianMs: 0,
      refreshMedianMs: 0,
      destroyMedianMs: 0,
    };
    for (let run = 0; run < runs; run++) {
      const groupId = `bench-members-${run}`;
      await client.importGroup({ Type: "Public", Name: groupId, GroupId: groupId, Owner_Account: "bench_owner" });
      const registration = (name: string, args: Props): Registration => ({
        type: TYPE,
        name,
        urn: `urn:pulumi:dev::${PROJECT}::${TYPE}::${name}`,
        inputs: { ...args, __provider: provider },
      });
      const engine = new Engine({
        projectDir: stack.program.dir,
        project: PROJECT,
        stack: "dev",
        config: stack.config,
        host: stack.host,
        statePath: path.join(stack.program.dir, ".bench", `members-${run}.json`),
        program: async () => ({
          registrations: accounts.map((a, i) => registration(`m${i}`, { groupId, account: a })),
          outputs: {},
        }),
      });
      // One state write per command instead of one per step (see the module comment).
      const e = engine as unknown as { save(): void };
      const save = e.save.bind(engine);
      e.save = () => {};
      await sleep(1100);
      const up = await counted(stack, () => engine.up());
      save();
      result.up.push({ ms: up.ms, ok: up.value.ok, calls: up.calls });
      await sleep(1100);
      const resources = engine.snapshot().resources;
      const refresh = await counted(stack, () =>
        Promise.all(
          resources.map((r) => stack.host.read(r.id, r.urn, stripForWire(r.outputs), stripForWire(r.inputs))),
        ),
      );
      const ok = refresh.value.every((r, i) => r.id === resources[i]!.id);
      result.refresh.push({ ms: refresh.ms, ok, calls: refresh.calls });
      await sleep(1100);
      const destroy = await counted(stack, () => engine.destroy());
      save();
      result.destroy.push({ ms: destroy.ms, ok: destroy.value.ok, calls: destroy.calls });
      await client.destroyGroup({ GroupId: groupId });
    }
    result.upMedianMs = median(result.up.map((c) => c.ms));
    result.refreshMedianMs = median(result.refresh.map((c) => c.ms));
    result.destroyMedianMs = median(result.destroy.map((c) => c.ms));
    return result;
  } finally {
    await client.close();
  }
}

/** The goals for the member benchmark, judged on the worst run. */
export function memberGoals(m: MemberBenchResult): { goal: string; measured: string; holds: boolean }[] {
  const max = (xs: MemberCommand[], a: ChatAction) => Math.max(...xs.map((c) => c.calls[a] ?? 0));
  return [
    {
      goal: `${m.n} ChatGroupMember resources in one group, up: ≤ ceil(${m.n}/${m.addLimit}) + 2 = ${m.bounds.add} add_group_member calls`,
      measured: `max ${max(m.up, "add_group_member")} over ${m.up.length} runs; every run ok: ${m.up.every((c) => c.ok)}`,
      holds: max(m.up, "add_group_member") <= m.bounds.add && m.up.every((c) => c.ok),
    },
    {
      goal: `refresh of the ${m.n} members: ≤ ceil(${m.n}/500) + 2 = ${m.bounds.refresh} calls`,
      measured: `max ${Math.max(...m.refresh.map((c) => (c.calls.get_role_in_group ?? 0) + (c.calls.get_specified_group_member_info ?? 0)))} (get_role_in_group + get_specified_group_member_info); every read answered for its own member: ${m.refresh.every((c) => c.ok)}`,
      holds:
        Math.max(
          ...m.refresh.map((c) => (c.calls.get_role_in_group ?? 0) + (c.calls.get_specified_group_member_info ?? 0)),
        ) <= m.bounds.refresh && m.refresh.every((c) => c.ok),
    },
  ];
}

/** RESULTS.md's section for the member benchmark. */
export function memberSection(m: MemberBenchResult): string {
  const row = (what: string, xs: MemberCommand[], medianMs: number) => {
    const calls = MEMBER_ACTIONS.map((a) => Math.max(...xs.map((c) => c.calls[a] ?? 0)));
    return `| ${what} | ${Math.round(medianMs)} ms | ${calls.join(" | ")} |`;
  };
  return [
    `## ${m.n} ChatGroupMember resources in one group`,
    "",
    `One group, ${m.n} member resources through the real host (add_group_member limit ${m.addLimit}, the default;`,
    `quota ${m.quota}/s on every action); calls are the most of ${m.up.length} runs, times medians. Up also reads the group`,
    "(type, owner) and each account's role once before adding: both shared, so a member already in the group is taken over",
    "instead of added. Refresh reads roles only (name cards are read only for members that declare one).",
    "",
    `| command | time | ${MEMBER_ACTIONS.join(" | ")} |`,
    `|---|---|${MEMBER_ACTIONS.map(() => "---").join("|")}|`,
    row("up", m.up, m.upMedianMs),
    row("refresh", m.refresh, m.refreshMedianMs),
    row("destroy", m.destroy, m.destroyMedianMs),
    "",
  ].join("\n");
}
