/**
 * ChatGroupMembers of 6,000 (the owner and 5,999 declared members, the group's limit): `up` from an owner-only
 * group, `refresh`, and `destroy`, through the real provider host against the emulator in its own process with a
 * quota on every action. Counts the calls that reached the emulator per action and compares the wall time with the
 * quota bound: the busiest action's calls / quota (each action has its own quota; reads and writes are sequential
 * phases, so the real floor is a little higher).
 */
import * as os from "node:os";
import * as path from "node:path";
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import { ChatClient } from "../provider/client";
import { MemberBatcher } from "../provider/client/member-batch";
import { membersApiOf } from "../provider/resources/chat-group-members/api";
import { checkMembers } from "../provider/resources/chat-group-members/fields";
import { createMembers, deleteMembers, readMembers } from "../provider/resources/chat-group-members/lifecycle";
import { Engine } from "../harness/engine";
import { ProviderHost, type ConfigValue } from "../harness/host";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../harness/e2e";
import { collectRegistrations, makeProgramDir } from "../harness/program-dir";
import { startEmulatorProcess } from "./emulator-process";
import { round } from "./util";

const PROJECT = "chat-test";
const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMembers";
const GROUP = "bench-members";
const DIRECT = "bench-members-direct";

/** One command: wall time, calls per action that reached the emulator, and the quota bound. */
export interface MembersCommand {
  ms: number;
  calls: Partial<Record<ChatAction, number>>;
  totalCalls: number;
  /** The busiest action's calls / quota, ms. */
  boundMs: number;
  ratio: number;
}

/** The measure. */
export interface GroupMembersResult {
  /** Declared members (the owner comes on top). */
  members: number;
  quota: number;
  up: MembersCommand;
  refresh: MembersCommand;
  destroy: MembersCommand;
  /**
   * The same three through the lifecycle and one ChatClient in the benchmark process (no host, no engine harness),
   * on a second group: where the time goes.
   */
  direct: { up: MembersCommand; refresh: MembersCommand; destroy: MembersCommand };
  /** Load average (1 min) before and after: other sessions share the cores. */
  load: [number, number];
}

function diff(
  after: Record<ChatAction, number>,
  before: Record<ChatAction, number>,
): Partial<Record<ChatAction, number>> {
  const out: Partial<Record<ChatAction, number>> = {};
  for (const a of ACTION_NAMES) {
    const n = (after[a] ?? 0) - (before[a] ?? 0);
    if (n > 0) out[a] = n;
  }
  return out;
}

/** Runs the measure with `quota` calls/s on every action. */
export async function measureGroupMembers(quota = 200, members = 5999): Promise<GroupMembersResult> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const perAction = Object.fromEntries(ACTION_NAMES.map((a) => [a, quota])) as Record<ChatAction, number>;
    const emulator = await startEmulatorProcess({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      admin: ADMIN,
      quota: perAction,
    });
    cleanups.push(() => emulator.stop());
    const program = makeProgramDir(PROJECT);
    cleanups.push(() => program.cleanup());
    const config: Record<string, ConfigValue> = {
      "tencent-chat:sdkAppId": String(SDK_APP_ID),
      "tencent-chat:secretKey": { secret: SECRET_KEY },
      "tencent-chat:identifier": ADMIN,
      "tencent-chat:endpoint": emulator.url,
    };
    // Seed: the accounts and an owner-only group of capacity 6,000 (the client rides the same quotas).
    const chat = new ChatClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      endpoint: emulator.url,
    });
    cleanups.push(() => chat.close());
    const accounts = Array.from({ length: members }, (_, i) => `m${String(i).padStart(5, "0")}`);
    const all = ["owner", ...accounts];
    for (let i = 0; i < all.length; i += 100)
      await chat.multiAccountImport(all.slice(i, i + 100).map((UserID) => ({ UserID })));
    for (const id of [GROUP, DIRECT])
      await chat.importGroup({
        Type: "Public",
        Name: id,
        GroupId: id,
        Owner_Account: "owner",
        MaxMemberCount: members + 1,
      });

    const host = await ProviderHost.start({ cwd: program.dir, project: PROJECT });
    cleanups.push(() => host.stop());
    await host.configure(config);
    const src = `const { ChatGroupMembers } = require("pulumi-tencent-chat"); new ChatGroupMembers("proto", { groupId: "x", members: [] });`;
    const [proto] = await collectRegistrations(program.dir, src, PROJECT);
    const provider = proto!.inputs.__provider as string;
    const inputs = { groupId: GROUP, members: accounts.map((account) => ({ account })), __provider: provider };
    const engine = new Engine({
      projectDir: program.dir,
      project: PROJECT,
      stack: "dev",
      config,
      host,
      statePath: path.join(program.dir, ".bench", "group-members.json"),
      program: async () => ({
        registrations: [{ type: TYPE, name: "team", urn: `urn:pulumi:dev::${PROJECT}::${TYPE}::team`, inputs }],
        outputs: {},
      }),
    });
    const measured = async (fn: () => Promise<void>): Promise<MembersCommand> => {
      await new Promise((r) => setTimeout(r, 1100)); // start on an empty quota window
      const before = await emulator.counters();
      const t0 = performance.now();
      await fn();
      const ms = performance.now() - t0;
      const calls = diff(await emulator.counters(), before);
      const counts = Object.values(calls) as number[];
      const boundMs = (Math.max(...counts) / quota) * 1000;
      return {
        ms: round(ms),
        calls,
        totalCalls: counts.reduce((a, b) => a + b, 0),
        boundMs: round(boundMs),
        ratio: round(ms / boundMs),
      };
    };
    const run = (what: "up" | "refresh" | "destroy") =>
      measured(async () => {
        const result = await engine[what]();
        if (!result.ok) throw new Error(`${what} failed: ${result.steps.map((s) => s.error).join("; ")}`);
      });
    const load0 = os.loadavg()[0]!;
    const up = await run("up");
    const refresh = await run("refresh");
    const destroy = await run("destroy");
    // The same through the lifecycle alone: one client (limiter on) and its member batcher in this process.
    const api = membersApiOf({ chat, groupReads: chat, members: new MemberBatcher(chat) });
    const checked = checkMembers({}, { groupId: DIRECT, members: accounts.map((account) => ({ account })) });
    let outs: object = {};
    const direct = {
      up: await measured(async () => void (outs = (await createMembers(api, checked.inputs)).outs)),
      refresh: await measured(async () => void (outs = (await readMembers(api, DIRECT, outs)).props)),
      destroy: await measured(() => deleteMembers(api, DIRECT, outs)),
    };
    return { members, quota, up, refresh, destroy, direct, load: [round(load0), round(os.loadavg()[0]!)] };
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}
