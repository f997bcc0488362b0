/**
 * `up` and `destroy` of N groups through the engine harness and the real provider host, against the quota's lower
 * bound N / quota. Each run is a fresh stack. The harness is instrumented (not changed) to split the wall time: the
 * Check phase, the window in which import_group / destroy_group calls reached the emulator, and the time spent
 * writing the state file. The harness writes its whole state file after every step (O(N²) at large N, on the
 * benchmark's event loop); by default the benchmark defers those writes to one write at the end of the command,
 * timed apart, so that the figure is the provider's and the quota's. `perStepSaves` keeps the harness's own
 * behaviour, to show what it costs.
 */
import type { ChatAction } from "../protocol/actions";
import type { Engine } from "../harness/engine";
import type { ProviderHost } from "../harness/host";
import type { BenchStack } from "./stack";
import { median, sleep } from "./util";

/** One timed command. */
export interface CommandRun {
  ms: number;
  ok: boolean;
  /** Calls the emulator received during the command, per action (refused calls included). */
  calls: Partial<Record<ChatAction, number>>;
  /** ms from the command's start to the first / last call of the bounding action seen at the emulator (10 ms polls). */
  firstCallMs: number;
  lastCallMs: number;
  /** ms spent in the Check phase (up only: start → first Create RPC). */
  checkPhaseMs: number;
  /** ms spent writing the state file: every step's writes, or the one deferred write (included in `ms`). */
  stateSaveMs: number;
  /** Whether the harness wrote state after every step (true) or once at the end (false). */
  perStepSaves: boolean;
}

/** Runs of up and destroy at one N. */
export interface LifecycleResult {
  n: number;
  quota: number;
  /** N / quota in ms: the quota's lower bound. */
  boundMs: number;
  up: CommandRun[];
  destroy: CommandRun[];
  upMedianMs: number;
  destroyMedianMs: number;
  /** median wall / bound. */
  upRatio: number;
  destroyRatio: number;
}

/** Options of {@link measureLifecycle}. */
export interface LifecycleOptions {
  runs: number;
  /** Commands whose state writes happen after every step, as the harness does (default: none). */
  perStepSaves?: ("up" | "destroy")[];
  /** Runs after the last up, before its destroy (the stack then holds N groups), e.g. memory and refresh. */
  between?: (engine: Engine) => Promise<void>;
}

/** Polls the emulator's counters to find when calls of `action` started and stopped arriving. */
function callWindow(stack: BenchStack, action: ChatAction, base: number, t0: number) {
  let first = NaN;
  let last = NaN;
  let seen = base;
  let running = true;
  const loop = (async () => {
    while (running) {
      const c = (await stack.emulator.counters())[action];
      if (c !== seen) {
        const t = performance.now() - t0;
        if (Number.isNaN(first)) first = t;
        last = t;
        seen = c;
      }
      await sleep(10);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { first, last };
    },
  };
}

/** Wraps the engine's private state save and the host's create (measurement only; restored afterwards). */
function instrument(engine: Engine, host: ProviderHost, t0: () => number) {
  const e = engine as unknown as { save(): void };
  const original = e.save.bind(engine);
  let perStep = true;
  let dirty = false;
  let saveMs = 0;
  const timedSave = () => {
    const t = performance.now();
    original();
    saveMs += performance.now() - t;
  };
  e.save = () => {
    if (perStep) timedSave();
    else dirty = true;
  };
  const h = host as unknown as { create: ProviderHost["create"] };
  const create = host.create.bind(host);
  let firstCreate = NaN;
  h.create = (urn, props) => {
    if (Number.isNaN(firstCreate)) firstCreate = performance.now() - t0();
    return create(urn, props);
  };
  return {
    begin: (everyStep: boolean) => {
      perStep = everyStep;
      dirty = false;
      saveMs = 0;
      firstCreate = NaN;
    },
    /** The deferred write, if any; then the figures. */
    end: () => {
      if (dirty) timedSave();
      dirty = false;
      return { saveMs, firstCreate };
    },
    restore: () => {
      delete (h as Partial<typeof h>).create;
      delete (e as Partial<typeof e>).save;
    },
  };
}

function delta(
  before: Record<ChatAction, number>,
  after: Record<ChatAction, number>,
): Partial<Record<ChatAction, number>> {
  const out: Partial<Record<ChatAction, number>> = {};
  for (const k of Object.keys(after) as ChatAction[]) if (after[k] !== before[k]) out[k] = after[k] - before[k];
  return out;
}

/** `runs` × (up then destroy) of `n` groups, 1.1 s apart (an empty quota window on the emulator and the limiter). */
export async function measureLifecycle(
  stack: BenchStack,
  n: number,
  options: LifecycleOptions,
): Promise<LifecycleResult> {
  const up: CommandRun[] = [];
  const destroy: CommandRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const key = `bench-${n}-${run}-${Date.now()}`;
    const decl = Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`g${i}`, { type: "Public", name: `${key}-${i}` }]),
    );
    const engine = stack.engine(key, decl);
    let t0 = 0;
    const probe = instrument(engine, stack.host, () => t0);
    try {
      for (const command of ["up", "destroy"] as const) {
        await sleep(1100);
        if (command === "destroy" && run === options.runs - 1 && options.between)
          await options.between(engine).then(() => sleep(1100));
        const perStepSaves = options.perStepSaves?.includes(command) ?? false;
        probe.begin(perStepSaves);
        const action: ChatAction = command === "up" ? "import_group" : "destroy_group";
        const before = await stack.emulator.counters();
        t0 = performance.now();
        const window = callWindow(stack, action, before[action], t0);
        const result = command === "up" ? await engine.up() : await engine.destroy();
        const { saveMs, firstCreate } = probe.end();
        const ms = performance.now() - t0;
        const { first, last } = await window.stop();
        const r: CommandRun = {
          ms,
          ok: result.ok,
          calls: delta(before, await stack.emulator.counters()),
          firstCallMs: first,
          lastCallMs: last,
          checkPhaseMs: command === "up" ? firstCreate : 0,
          stateSaveMs: saveMs,
          perStepSaves,
        };
        if (!result.ok) throw new Error(`${command} of ${n} failed: ${result.steps.find((s) => s.error)?.error}`);
        (command === "up" ? up : destroy).push(r);
      }
      if (engine.snapshot().resources.length !== 0) throw new Error(`destroy of ${n} left resources in state`);
    } finally {
      probe.restore();
    }
  }
  const boundMs = (n / stack.quota) * 1000;
  const upMedianMs = median(up.map((r) => r.ms));
  const destroyMedianMs = median(destroy.map((r) => r.ms));
  return {
    n,
    quota: stack.quota,
    boundMs,
    up,
    destroy,
    upMedianMs,
    destroyMedianMs,
    upRatio: upMedianMs / boundMs,
    destroyRatio: destroyMedianMs / boundMs,
  };
}
