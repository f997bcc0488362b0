/**
 * A small model of the Pulumi engine, driving the REAL provider host: `preview`, `up`, `refresh` and `destroy` of
 * one stack whose state persists in a JSON file. A test tool (the CLI cannot be installed here), faithful to the
 * engine where the dynamic provider can tell the difference (pulumi/pulumi `pkg/resource/deploy/step.go`,
 * `step_generator.go`, `pkg/engine/update.go`, `pkg/backend/snapshot.go`):
 * - a fresh host per command, Configure with the whole stack config first (secrets wrapped);
 * - Check gets the old *inputs*, Diff and Update get the old *outputs*; secrets are stripped before every call;
 * - a no-change step stores the new inputs and keeps the old outputs;
 * - replace re-runs Check without olds (the new resource's inputs), as the engine does;
 * - a partial failure (`ErrorResourceInitFailed`) stores exactly the returned properties as the outputs (nothing
 *   added: the host loads the provider for Read and Delete from them) with the reasons as init errors; a partially
 *   failed update records the new inputs with them (engine step.go: UpdateStep records `s.new`); the next `up`
 *   always updates such a resource;
 * - create-before-delete replacement: the new resource is created while the old stays in state; once the create
 *   succeeded or partially failed the old is marked `delete` and deleted after every create and update, and only
 *   by a run without failures (else by a later `up`); a create that fails outright leaves the old untouched;
 * - delete-before-replace: the old is deleted, then kept in state marked `pendingReplacement` until its
 *   replacement is created; the next `up` creates without deleting again; refresh skips it; destroy and a program
 *   that drops it remove it without a provider call;
 * - deletes of undeclared resources run last, and not after a failure;
 * - refresh drops resources whose Read returns an empty id, stores returned inputs, and clears init errors.
 * - a resource's step waits for the steps of the resources it depends on (the program's registrations carry them,
 *   as RegisterResourceRequest does); deletes and destroy go dependents first;
 * Simplifications: independent steps run in waves rather than each as soon as its own dependencies finish; preview
 * runs the program once (outputs of resources not yet created are unknown); no plans, no ignoreChanges.
 */
import { HostCallError, ProviderHost, stripForWire, type ConfigValue, type Props } from "./host";
import { runProgram, type ProgramResult, type Registration } from "./program";
import { loadState, saveState, type ResourceState, type StackState } from "./state";

/** What a step does. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "refresh";

/** One step of a command, with its outcome. */
export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  id?: string;
  /** Input keys whose values differ (what `[diff: …]` shows). */
  changedKeys: string[];
  /** For replace: the keys that force it. */
  replaceKeys: string[];
  deleteBeforeReplace: boolean;
  /** Check failures ("has a problem"). */
  failures: { property: string; reason: string }[];
  /** Set when the step failed. */
  error?: string;
  /** For refresh: the resource is gone and was dropped from state. */
  gone?: boolean;
  /** Replace: the old resource was already deleted by an earlier run (state marked it `pendingReplacement`). */
  pendingReplacement?: boolean;
  /** Delete: the old resource of an earlier create-before-delete replacement (state marked it `delete`). */
  replaced?: boolean;
  /** Delete: only drops a `pendingReplacement` entry from state; no provider call. */
  removeOnly?: boolean;
  /** `up`/`destroy`/`refresh`: the step's provider calls were made (false for skipped and preview steps). */
  executed?: boolean;
}

/** The outcome of a command. */
export interface CommandResult {
  command: "preview" | "up" | "refresh" | "destroy";
  steps: Step[];
  ok: boolean;
  /** Stack outputs after `up`. */
  outputs: Props;
}

/** Options of {@link Engine}. */
export interface EngineOptions {
  /** The program's directory (cwd of the program and of the provider host). */
  projectDir: string;
  /** Program entry (file or directory); default `projectDir`. */
  entry?: string;
  project: string;
  stack: string;
  /** Where the stack state lives. */
  statePath: string;
  /** The whole stack config, namespaced (`tencent-chat:sdkAppId`), secrets as `{secret}`. */
  config: Record<string, ConfigValue>;
  /** Environment for the program and the host. */
  env?: NodeJS.ProcessEnv;
  /**
   * Test seam: use this running, configured host for every command instead of starting one per command (as one
   * `pulumi up` does for all its steps). Saves ~2 s a command in large matrices.
   */
  host?: ProviderHost;
  /** Test seam: the program's registrations and outputs, instead of running the program (~2 s a run). */
  program?: (preview: boolean) => Promise<ProgramResult>;
}

const INTERNAL = /^__/;

/** A step as a plan line (`name:op`, `+dbr`/`+pending` for replacements): what preview promises and up does. */
export function planLine(s: Step): string {
  const how =
    s.op === "replace"
      ? s.pendingReplacement
        ? "(pending)"
        : s.deleteBeforeReplace
          ? "(delete-first)"
          : "(create-first)"
      : "";
  const what = s.op === "delete" ? (s.removeOnly ? "(state-only)" : s.replaced ? "(replaced)" : "") : "";
  return `${s.name}:${s.op}${how}${what}`;
}

/** Input keys that differ between two input maps (the CLI's input-based `[diff: …]`). */
export function changedKeys(olds: Props, news: Props): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((k) => !INTERNAL.test(k)));
  return [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k])).sort();
}

function step(
  op: StepOp,
  r: { urn: string; type: string; name: string; id?: string },
  extra: Partial<Step> = {},
): Step {
  return {
    op,
    urn: r.urn,
    type: r.type,
    name: r.name,
    id: r.id,
    changedKeys: [],
    replaceKeys: [],
    deleteBeforeReplace: false,
    failures: [],
    ...extra,
  };
}

function message(e: unknown): string {
  if (e instanceof HostCallError) return e.initFailure ? e.initFailure.reasons.join("; ") || e.details : e.details;
  return e instanceof Error ? e.message : String(e);
}

/** One stack, driven through the real provider host. */
export class Engine {
  private state: StackState;

  constructor(private readonly options: EngineOptions) {
    this.state = loadState(options.statePath, options.project, options.stack);
  }

  /** Where the stack state is kept. */
  get statePath(): string {
    return this.options.statePath;
  }

  /** The current state (a copy). */
  snapshot(): StackState {
    return JSON.parse(JSON.stringify(this.state)) as StackState;
  }

  /** `pulumi preview`: check and diff only; nothing is created, changed or saved. */
  async preview(): Promise<CommandResult> {
    return this.withHost("preview", async (host) => {
      const program = await this.runProgram(true);
      const { steps } = await this.plan(host, program.registrations);
      return [...steps, ...this.deletions(program).keys()];
    });
  }

  /**
   * `pulumi up`: plan, then apply; state is saved after every step. A resource's step runs once the steps of the
   * resources it depends on are done, with inputs from their new outputs (the program runs again for each such
   * wave, as the engine resolves a dependent's inputs only after its dependencies' steps); after a wave with a
   * failure nothing further starts. A program without dependencies is one wave.
   */
  async up(): Promise<CommandResult> {
    const result = await this.withHost("up", async (host) => {
      const steps: Step[] = [];
      const done = new Set<string>();
      const replaced = new Map<Step, ResourceState>();
      let program = await this.runProgram(false);
      // What the program no longer declares, and old resources still marked `delete`: decided before this run
      // marks its own replaced resources (those are deleted through `replaced`).
      const targets = this.deletions(program);
      // An output of a resource not created yet is undefined in a plain run under mocks, and the SDK drops an
      // undefined input with its dependency; in a preview-mode run it is unknown and still counts. So when the
      // program declares new resources, their dependents are found by a preview-mode run.
      const graph = program.registrations.some((r) => !this.live(r.urn))
        ? new Map((await this.runProgram(true)).registrations.map((r) => [r.urn, r.dependencies ?? []]))
        : new Map<string, string[]>();
      const dependsOn = (r: Registration) => [...new Set([...(graph.get(r.urn) ?? []), ...(r.dependencies ?? [])])];
      for (;;) {
        const declared = new Set(program.registrations.map((r) => r.urn));
        const ready = program.registrations.filter(
          (r) => !done.has(r.urn) && dependsOn(r).every((d) => done.has(d) || !declared.has(d)),
        );
        for (const r of ready) r.dependencies = dependsOn(r); // recorded in state: deletes go dependents first
        const wave = await this.plan(host, ready);
        steps.push(...wave.steps);
        const work = wave.steps.filter((s) => s.failures.length === 0 && !s.error);
        await Promise.all(work.map((s) => this.apply(host, s, wave.regs.get(s.urn)!, replaced)));
        for (const r of ready) done.add(r.urn);
        const failed = wave.steps.some((s) => s.error || s.failures.length > 0);
        if (failed || ready.length === 0 || program.registrations.every((r) => done.has(r.urn))) break;
        program = await this.runProgram(false); // dependents now see the outputs of this wave
      }
      const deletes = [...targets.keys()];
      steps.push(...deletes);
      if (steps.some((s) => s.error || s.failures.length > 0)) {
        for (const s of deletes) s.error = "skipped: an earlier step failed";
      } else {
        // Old resources of this run's create-before-delete replacements, then the other deletes (engine order),
        // each set dependents first.
        await this.removeInOrder(
          host,
          [...replaced].map(([s, old]) => [s, old] as const),
        );
        await this.removeInOrder(host, [...targets]);
      }
      return steps;
    });
    if (result.ok) {
      result.outputs = await this.outputs();
      this.state.outputs = result.outputs;
      this.save();
    }
    return result;
  }

  /**
   * `pulumi refresh`: read every resource; drop the gone, store what changed (outputs and returned inputs).
   * `pendingReplacement` entries are not read (the engine's RefreshStep returns them unchanged).
   */
  async refresh(): Promise<CommandResult> {
    return this.withHost("refresh", async (host) =>
      Promise.all(
        this.state.resources
          .filter((r) => !r.pendingReplacement)
          .map(async (r) => {
            const s = step("refresh", r, { executed: true });
            try {
              const read = await host.read(r.id, r.urn, stripForWire(r.outputs), stripForWire(r.inputs));
              if (!read.id) {
                s.gone = true;
                this.drop(r);
              } else {
                s.changedKeys = changedKeys(r.outputs, read.properties);
                Object.assign(r, { id: read.id, outputs: read.properties }, read.inputs ? { inputs: read.inputs } : {});
                delete r.initErrors; // a successful Read stores the new state without them (engine RefreshStep)
              }
              this.save();
            } catch (e) {
              s.error = message(e);
            }
            return s;
          }),
      ),
    );
  }

  /** `pulumi destroy`: delete every resource, dependents first (independent resources concurrently, as the engine does). */
  async destroy(): Promise<CommandResult> {
    return this.withHost("destroy", async (host) => {
      const targets = [...this.state.resources].reverse();
      const steps = targets.map((r) => step("delete", r, { replaced: !!r.delete, removeOnly: !!r.pendingReplacement }));
      await this.removeInOrder(
        host,
        steps.map((s, i) => [s, targets[i]!] as const),
      );
      return steps;
    });
  }

  /**
   * Deletes in reverse dependency order: an entry goes once no other entry of the set that depends on it is left
   * (the engine deletes dependents first). Without recorded dependencies, one concurrent wave.
   */
  private async removeInOrder(host: ProviderHost, entries: (readonly [Step, ResourceState])[]): Promise<void> {
    let left = [...entries];
    while (left.length > 0) {
      const urns = new Set(left.map(([, r]) => r.urn));
      const blocked = new Set(
        left.flatMap(([, r]) => (r.dependencies ?? []).filter((d) => d !== r.urn && urns.has(d))),
      );
      const now = left.filter(([, r]) => !blocked.has(r.urn));
      const wave = now.length > 0 ? now : left; // a cycle cannot happen in a real program; never loop forever
      await Promise.all(wave.map(([s, r]) => this.remove(host, s, r)));
      left = left.filter((e) => !wave.includes(e));
    }
  }

  private async withHost(
    command: CommandResult["command"],
    run: (host: ProviderHost) => Promise<Step[]>,
  ): Promise<CommandResult> {
    const shared = this.options.host;
    const host =
      shared ??
      (await ProviderHost.start({
        cwd: this.options.projectDir,
        project: this.options.project,
        env: this.options.env,
      }));
    try {
      if (!shared) await host.configure(this.options.config);
      const steps = await run(host);
      return {
        command,
        steps,
        ok: steps.every((s) => !s.error && s.failures.length === 0),
        outputs: this.state.outputs,
      };
    } finally {
      if (!shared) await host.stop();
    }
  }

  private async runProgram(preview: boolean): Promise<ProgramResult> {
    if (this.options.program) return this.options.program(preview);
    const oracle = Object.fromEntries(
      this.state.resources.filter((r) => !r.delete).map((r) => [r.urn, { id: r.id, outputs: r.outputs }]),
    );
    const config = Object.fromEntries(
      Object.entries(this.options.config).map(([k, v]) => [k, typeof v === "string" ? v : v.secret]),
    );
    return runProgram({
      dir: this.options.projectDir,
      entry: this.options.entry,
      project: this.options.project,
      stack: this.options.stack,
      config,
      oracle,
      preview,
      env: this.options.env,
    });
  }

  private async outputs(): Promise<Props> {
    return (await this.runProgram(false)).outputs;
  }

  /** The live (not pending-delete) entry of a URN. */
  private live(urn: string): ResourceState | undefined {
    return this.state.resources.find((r) => r.urn === urn && !r.delete);
  }

  /** Check and Diff for the given registrations of a program run. */
  private async plan(
    host: ProviderHost,
    registrations: Registration[],
  ): Promise<{ steps: Step[]; regs: Map<string, Reg> }> {
    const regs = new Map<string, Reg>();
    const steps = await Promise.all(
      registrations.map(async (reg) => {
        const old = this.live(reg.urn);
        const checked = await host.check(reg.urn, old ? stripForWire(old.inputs) : {}, stripForWire(reg.inputs));
        regs.set(reg.urn, { ...reg, checked: checked.inputs });
        if (!old)
          return step("create", reg, { failures: checked.failures, changedKeys: changedKeys({}, checked.inputs) });
        const base = { id: old.id, failures: checked.failures, changedKeys: changedKeys(old.inputs, checked.inputs) };
        if (checked.failures.length > 0)
          return step(old.pendingReplacement ? "replace" : "update", { ...reg, id: old.id }, base);
        let d: Awaited<ReturnType<ProviderHost["diff"]>>;
        try {
          d = await host.diff(old.id, reg.urn, stripForWire(old.outputs), checked.inputs);
        } catch (e) {
          // The engine fails this resource's step on a Diff error and changes nothing of it (a provider may refuse a
          // change in Diff, e.g. a delete-first replacement whose new group could not be created).
          return step("same", { ...reg, id: old.id }, { ...base, error: message(e) });
        }
        const changed = d.changes === "some" || (d.changes === "unknown" && base.changedKeys.length > 0);
        if (old.pendingReplacement) {
          // Already deleted by an earlier run: only the create is left (step_generator: no delete step emitted).
          return step(
            "replace",
            { ...reg, id: old.id },
            { ...base, replaceKeys: d.replaces, deleteBeforeReplace: true, pendingReplacement: true },
          );
        }
        if (changed && d.replaces.length > 0) {
          // The engine re-runs Check without olds for a replacement and creates (and displays) those inputs
          // (pulumi/pulumi pkg/resource/deploy/step_generator.go: "we need to recompute the default values").
          const fresh = await host.check(reg.urn, {}, stripForWire(reg.inputs));
          regs.set(reg.urn, { ...reg, checked: fresh.inputs });
          return step(
            "replace",
            { ...reg, id: old.id },
            {
              ...base,
              failures: fresh.failures,
              changedKeys: changedKeys(old.inputs, fresh.inputs),
              replaceKeys: d.replaces,
              deleteBeforeReplace: d.deleteBeforeReplace,
            },
          );
        }
        // After a partial failure the engine always updates, even with no diff.
        return step(changed || old.initErrors ? "update" : "same", { ...reg, id: old.id }, base);
      }),
    );
    return { steps, regs };
  }

  /** Deletes for what the program no longer declares and for old resources still marked `delete` (step → entry). */
  private deletions(program: ProgramResult): Map<Step, ResourceState> {
    const declared = new Set(program.registrations.map((r) => r.urn));
    const targets = new Map<Step, ResourceState>();
    for (const r of [...this.state.resources].reverse()) {
      if (!r.delete && declared.has(r.urn)) continue;
      const s = step("delete", r, { replaced: !!r.delete, removeOnly: !!r.pendingReplacement });
      targets.set(s, r);
    }
    return targets;
  }

  /** Applies one create/update/replace/same step; a create-first replacement leaves its old entry in `replaced`. */
  private async apply(host: ProviderHost, s: Step, reg: Reg, replaced: Map<Step, ResourceState>): Promise<void> {
    const old = this.live(s.urn);
    if (s.op !== "same") s.executed = true;
    try {
      if (old) old.dependencies = reg.dependencies ?? [];
      if (s.op === "same" && old) {
        old.inputs = reg.checked; // new inputs, old outputs
      } else if (s.op === "update" && old) {
        const { properties } = await host.update(old.id, s.urn, stripForWire(old.outputs), reg.checked);
        Object.assign(old, { inputs: reg.checked, outputs: properties });
        delete old.initErrors;
      } else if (s.op === "replace" && old) {
        if (s.deleteBeforeReplace) {
          if (!old.pendingReplacement) {
            await host.delete(old.id, s.urn, stripForWire(old.outputs));
            old.pendingReplacement = true; // only once the delete succeeded (step.go DeleteStep.Apply)
            this.save();
          }
          // The pending entry goes as soon as the replacement exists, even partially (snapshot.go: End(successful)).
          await this.create(host, s, reg, () => this.drop(old));
        } else {
          // The old stays live until the new exists; then it is marked for deletion after every create/update.
          await this.create(host, s, reg, () => {
            old.delete = true;
            replaced.set(s, old);
          });
        }
      } else {
        await this.create(host, s, reg, () => undefined);
      }
    } catch (e) {
      s.error = message(e);
      const init = e instanceof HostCallError ? e.initFailure : undefined;
      // A partially failed update: the returned properties become the outputs as they are, with the new inputs.
      if (init && old && s.op === "update")
        Object.assign(old, { inputs: reg.checked, outputs: init.properties, initErrors: init.reasons });
    }
    this.save();
  }

  /** Create; on success or partial failure stores the new entry and calls `created` (before rethrowing). */
  private async create(host: ProviderHost, s: Step, reg: Reg, created: () => void): Promise<void> {
    const entry = { urn: s.urn, type: s.type, name: s.name, inputs: reg.checked, dependencies: reg.dependencies ?? [] };
    try {
      const { id, properties } = await host.create(s.urn, reg.checked);
      if (!id) throw new Error("plugin returned empty resource.ID from create"); // the engine refuses it too
      s.id = id;
      created();
      this.state.resources.push({ ...entry, id, outputs: properties });
    } catch (e) {
      const init = e instanceof HostCallError ? e.initFailure : undefined;
      if (init) {
        s.id = init.id;
        created();
        this.state.resources.push({ ...entry, id: init.id, outputs: init.properties, initErrors: init.reasons });
      }
      throw e;
    }
  }

  /** Deletes one state entry through the provider (or only from state when it is pending replacement). */
  private async remove(host: ProviderHost, s: Step, r: ResourceState): Promise<void> {
    s.executed = true;
    try {
      if (!r.pendingReplacement) await host.delete(r.id, r.urn, stripForWire(r.outputs));
      this.drop(r);
    } catch (e) {
      s.error = message(e);
    }
    this.save();
  }

  private drop(r: ResourceState): void {
    this.state.resources = this.state.resources.filter((x) => x !== r);
  }

  private save(): void {
    saveState(this.options.statePath, this.state);
  }
}

type Reg = Registration & { checked: Props };
