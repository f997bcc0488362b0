/**
 * 1,000 ChatAccount resources through the real provider host (issue 11): `up` from empty, `refresh`, and `destroy`
 * with `deleteOnDestroy: true`, counting the calls each action received at the emulator. Concurrent creates share
 * multiaccount_import and account_check calls of 100 through the app's AccountBatcher (provider/sessions.ts), reads
 * share portrait_get calls of 100, destroys share account_delete calls of 100; the import carries the nick, so
 * portrait_set (one user per call) is needed only where the service did not take it.
 */
import * as path from "node:path";
import type { ChatAction } from "../protocol/actions";
import { Engine } from "../harness/engine";
import type { Props } from "../harness/host";
import { collectRegistrations, type Registration } from "../harness/program-dir";
import type { BenchStack } from "./stack";
import { loadAverage, sleep } from "./util";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatAccount";
const PROJECT = "chat-test";

/** One command over the N accounts. */
export interface AccountCommand {
  /** Wall time, the one deferred state write included. */
  ms: number;
  /** The state write (the harness's per-step writes are deferred to one at the end, as in measure-lifecycle.ts). */
  stateSaveMs: number;
  ok: boolean;
  /** Calls the emulator received during the command, per action (only actions that were called). */
  calls: Partial<Record<ChatAction, number>>;
}

/** What {@link measureAccounts} returns. */
export interface AccountsResult {
  /** When it ran, and the load average (1/5/15 min) at its start: `--only accounts` runs apart from the rest. */
  date: string;
  load: number[];
  n: number;
  /** The quota on every action, calls/s. */
  quota: number;
  /** The bound on import calls: ceil(N/100) + 2. */
  importBound: number;
  up: AccountCommand;
  refresh: AccountCommand;
  destroy: AccountCommand;
  /** The same N kept on destroy (the default): calls made. */
  destroyKeep: AccountCommand;
}

function delta(
  before: Record<ChatAction, number>,
  after: Record<ChatAction, number>,
): Partial<Record<ChatAction, number>> {
  const out: Partial<Record<ChatAction, number>> = {};
  for (const a of Object.keys(after) as ChatAction[]) if (after[a] !== before[a]) out[a] = after[a] - before[a];
  return out;
}

/**
 * Runs one command of `engine` after an empty quota window (1.1 s), its state writes deferred to one timed write at
 * the end (the harness writes its whole file after every step: O(N²) at large N, not the provider's time).
 */
async function timed(
  stack: BenchStack,
  engine: Engine,
  command: "up" | "refresh" | "destroy",
): Promise<AccountCommand> {
  await sleep(1100);
  const e = engine as unknown as { save(): void };
  const save = e.save.bind(engine);
  let dirty = false;
  e.save = () => void (dirty = true);
  const before = await stack.emulator.counters();
  const t0 = performance.now();
  try {
    const { ok } = await engine[command]();
    const t1 = performance.now();
    if (dirty) save();
    const t2 = performance.now();
    return { ms: t2 - t0, stateSaveMs: t2 - t1, ok, calls: delta(before, await stack.emulator.counters()) };
  } finally {
    delete (e as Partial<typeof e>).save;
  }
}

/** Runs the measurement on the bench fixture with `n` accounts (each with a nick). */
export async function measureAccounts(stack: BenchStack, n: number): Promise<AccountsResult> {
  const date = new Date().toISOString();
  const load = loadAverage();
  const [proto] = await collectRegistrations(
    stack.program.dir,
    `const { ChatAccount } = require("pulumi-tencent-chat"); new ChatAccount("proto", { userId: "proto" });`,
    PROJECT,
  );
  const provider = proto!.inputs.__provider as string;
  const engine = (key: string, accounts: Record<string, Props>) =>
    new Engine({
      projectDir: stack.program.dir,
      project: PROJECT,
      stack: "dev",
      config: stack.config,
      host: stack.host,
      statePath: path.join(stack.program.dir, ".bench", `${key}.json`),
      program: async () => ({
        registrations: Object.entries(accounts).map(([name, args]): Registration => ({
          type: TYPE,
          name,
          urn: `urn:pulumi:dev::${PROJECT}::${TYPE}::${name}`,
          inputs: { ...args, __provider: provider },
        })),
        outputs: {},
      }),
    });
  const accounts = (prefix: string, deleteOnDestroy: boolean) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`a${i}`, { userId: `${prefix}${i}`, nick: `User ${i}`, deleteOnDestroy }]),
    );
  const main = engine("accounts", accounts("bench_acc_", true));
  const up = await timed(stack, main, "up");
  const refresh = await timed(stack, main, "refresh");
  const destroy = await timed(stack, main, "destroy");
  const kept = engine("accounts-keep", accounts("bench_keep_", false));
  await timed(stack, kept, "up");
  const destroyKeep = await timed(stack, kept, "destroy");
  return {
    date,
    load,
    n,
    quota: stack.quota,
    importBound: Math.ceil(n / 100) + 2,
    up,
    refresh,
    destroy,
    destroyKeep,
  };
}
