/**
 * The real system the lifecycle sequences drive: one emulator (imported accounts required) and one configured
 * provider host for all sequences, a stack (engine harness over a JSON state file) per sequence, seeded foreign and
 * adoptable groups, and the out-of-band client. `reset()` returns everything to the seeded start between sequences.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  startEmulator,
  type ChatStore,
  type RunningEmulator,
  type StoredAccount,
  type StoredGroup,
} from "../../../emulator";
import type { ChatAction } from "../../../protocol/actions";
import { Engine, type CommandResult } from "../../../harness/engine";
import type { ConfigValue, ProviderHost } from "../../../harness/host";
import type { ResourceState } from "../../../harness/state";
import { ADMIN, SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../../harness/e2e";
import { providerText, sharedHost } from "../matrix";
import {
  argsOf,
  effectOf,
  OWNERS,
  seedGroups,
  type FaultChoice,
  type KnownDefect,
  type SeedGroup,
  type Slot,
  type SpecChoice,
} from "./world";
import {
  AUTHORITATIVE_AVAILABLE,
  CLUB,
  CLUB_EARLY_MEMBER,
  CLUB_OWNER,
  MEMBER_ACCOUNTS,
  MEMBERS_ENABLED,
  retargeted,
  type GroupRef,
  type MemberDecl,
} from "./members";
import { ACCOUNT_TYPE, ACCOUNTS_ENABLED, PRE_ACCOUNTS, type AccountDecl, type AccountWorld } from "./accounts";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";
/** The type token of ChatGroup. */
export const GROUP_TYPE = TYPE;
/** The ChatGroup entries of a state (member resources are checked by member-invariants.ts). */
export const groupEntries = (state: ResourceState[]): ResourceState[] => state.filter((r) => r.type === TYPE);
/** The two apps a stack may point at: the main emulator's and the second one the app-switch command moves to. */
export type AppName = "main" | "alt";
/** Each app's SDKAppID (groups record it in their outputs as `sdkAppId`, DECISIONS D42). */
export const APP_IDS: Readonly<Record<AppName, number>> = { main: SDK_APP_ID, alt: 1400099999 };
/** The model's name for a group: its app and its id (the same id may exist in both apps). */
export const keyOf = (app: AppName, id: string): string => `${app}/${id}`;
/** The app and id a {@link keyOf} key names. */
export function splitKey(key: string): { app: AppName; id: string } {
  const at = key.indexOf("/");
  return { app: key.slice(0, at) as AppName, id: key.slice(at + 1) };
}
/** A key for messages: `id in app`. */
export const label = (key: string): string => `${splitKey(key).id} in ${splitKey(key).app}`;
/** The URN of a slot's resource (a ChatGroup unless another type is given). */
export const urnOf = (slot: string, type = TYPE): string => `urn:pulumi:dev::chat-seq::${type}::${slot}`;

/**
 * The emulators' clock: real time, except that no two readings fall in the same second (each is at least a second
 * after the previous one; reset per sequence, so it runs at most minutes ahead). Group creation times are then
 * distinct, as the provider's delete needs to tell a group from a newer one under the same id (DECISIONS T76);
 * two groups created under one id within the same second are the documented exception the sequences leave out.
 */
class TickingClock {
  private last = 0;
  readonly now = (): number => (this.last = Math.max(Date.now(), this.last + 1000));
  reset(): void {
    this.last = 0;
  }
}

/** One shared emulator + host, and the current sequence's stack. */
export class SequenceSystem implements AccountWorld {
  /** The ChatAccount declarations the program makes now (accounts.ts). */
  accounts: AccountDecl[] = [];
  /** Accounts as seeded at the start of the sequence, by `<app>/<userId>` key. */
  accountSeeds = new Map<string, StoredAccount>();
  /** Accounts (keys) the stack has held in this sequence. */
  accountsHeld = new Set<string>();
  /** Accounts (keys) the stack created or adopted explicitly in this sequence. */
  accountsOwned = new Set<string>();
  /** Accounts (keys) changed or deleted out of band since the last successful refresh. */
  accountDrift = new Set<string>();
  /** The declarations the program makes now (after gating), by slot. */
  program: Partial<Record<Slot, SpecChoice>> = {};
  /** The member declarations the program makes now (members.ts). */
  members: MemberDecl[] = [];
  /**
   * Members (`<group key>#<account>`) that joined, left or changed role out of band since the last successful
   * refresh: an `up` cannot know, so a declared member may be missing or differ after it, and an undeclared one stay.
   */
  memberDrift = new Set<string>();
  /** Seeded groups as stored at the start of the sequence (compared byte for byte), by {@link keyOf} key. */
  seeds = new Map<string, { seed: SeedGroup; stored: StoredGroup }>();
  /**
   * Groups (keys) the stack may still hold although they are gone, until the next successful refresh: deleted out
   * of band, or deleted by a delete whose answer was lost (the step failed saying it may or may not have been applied).
   */
  mayBeGone = new Set<string>();
  /** Groups (keys) the stack has held at any time in this sequence (seeded groups it adopted are then its own). */
  everHeld = new Set<string>();
  /** A log of what happened, printed with a failure. */
  trace: string[] = [];
  /** Counts over all sequences (printed after the run, so a run that explored nothing shows it). */
  readonly stats: Record<string, number> = {};
  /** Which app the stack config points at (the app-switch command flips it). */
  app: "main" | "alt" = "main";
  /** The second app (its own emulator, and a host configured for it), when app switches are enabled. */
  private alt?: {
    emulator: RunningEmulator;
    host: ProviderHost;
    config: Record<string, ConfigValue>;
    log: string[];
  };
  private n = 0;
  private statePath = "";
  /** The `__provider` texts of ChatGroupMember and ChatGroupMembers (when members are enabled / in the build). */
  private memberProviders: Record<string, string> = {};
  /** The `__provider` text of ChatAccount (when accounts are enabled). */
  private accountProvider = "";

  private constructor(
    readonly e2e: E2E,
    readonly host: ProviderHost,
    private readonly provider: string,
    readonly defects: ReadonlySet<KnownDefect>,
    /** The emulator's log: one line per answered request. */
    private readonly log: string[],
    private readonly clock: TickingClock,
  ) {}

  /** Starts the emulator (documented behaviour: owners must be imported accounts) and one configured host. */
  static async start(
    defects: ReadonlySet<KnownDefect>,
    timeoutMs: number,
    withAltApp = false,
  ): Promise<SequenceSystem> {
    const log: string[] = [];
    const clock = new TickingClock();
    const e2e = await startE2E({
      behaviour: { requireImportedAccounts: true },
      log: (l) => log.push(l),
      clock: clock.now,
    });
    const host = await sharedHost(e2e, { "tencent-chat:timeoutMs": String(timeoutMs) });
    const sys = new SequenceSystem(e2e, host, await providerText(e2e), defects, log, clock);
    if (MEMBERS_ENABLED) {
      const classes = ["ChatGroupMember", ...(AUTHORITATIVE_AVAILABLE ? ["ChatGroupMembers"] : [])];
      const regs = await e2e.register(
        `const pkg = require("pulumi-tencent-chat");\n` +
          `new pkg.ChatGroupMember("m", { groupId: "g", account: "a" });\n` +
          (AUTHORITATIVE_AVAILABLE ? `new pkg.ChatGroupMembers("ms", { groupId: "g", members: [] });\n` : ""),
      );
      for (const r of regs) sys.memberProviders[r.type] = r.inputs.__provider as string;
      if (Object.keys(sys.memberProviders).length !== classes.length) throw new Error(`no provider for ${classes}`);
    }
    if (ACCOUNTS_ENABLED) {
      const regs = await e2e.register(`new (require("pulumi-tencent-chat").ChatAccount)("a", { userId: "a" });\n`);
      sys.accountProvider = regs.find((r) => r.type === ACCOUNT_TYPE)?.inputs.__provider as string;
      if (!sys.accountProvider) throw new Error("no provider for ChatAccount");
    }
    if (withAltApp) {
      const ALT_APP = APP_IDS.alt;
      const altLog: string[] = [];
      const emulator = await startEmulator({
        log: (l) => altLog.push(l),
        clock: clock.now,
        sdkAppId: ALT_APP,
        secretKey: SECRET_KEY,
        admin: ADMIN,
        behaviour: { requireImportedAccounts: true },
      });
      // As README "Configuration" tells users who move a stack to another app: the app it moves away from stays
      // configured (as a profile), so its groups are still read, moved and deleted there (DECISIONS D42–D44).
      const apps = JSON.stringify({
        main: { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, endpoint: e2e.emulator.url },
        alt: { sdkAppId: ALT_APP, secretKey: SECRET_KEY, endpoint: emulator.url },
      });
      const mainConfig = { ...e2e.config, "tencent-chat:timeoutMs": String(timeoutMs), "tencent-chat:apps": apps };
      await host.configure(mainConfig);
      const extra = {
        "tencent-chat:timeoutMs": String(timeoutMs),
        "tencent-chat:sdkAppId": String(ALT_APP),
        "tencent-chat:endpoint": emulator.url,
        "tencent-chat:apps": apps,
      };
      sys.alt = { emulator, host: await sharedHost(e2e, extra), config: { ...e2e.config, ...extra }, log: altLog };
    }
    return sys;
  }

  private stores(): ChatStore[] {
    return [this.e2e.emulator.store, ...(this.alt ? [this.alt.emulator.store] : [])];
  }

  /** The apps this system runs (the second only when app switches are enabled). */
  apps(): AppName[] {
    return this.alt ? ["main", "alt"] : ["main"];
  }

  /** An app's emulator store. */
  storeOf(app: AppName): ChatStore {
    if (app === "main") return this.e2e.emulator.store;
    if (!this.alt) throw new Error("the second app is not running (app switches are disabled)");
    return this.alt.emulator.store;
  }

  /**
   * The app a state entry's group lives in: the SDKAppID its outputs record (every result and partial failure
   * records it, D42); an entry without one counts as the app the stack config points at, as the provider reads it.
   */
  appOf(r: ResourceState): AppName {
    const recorded = Number(r.outputs.sdkAppId);
    const app = (Object.keys(APP_IDS) as AppName[]).find((a) => APP_IDS[a] === recorded);
    return app ?? this.app;
  }

  /** The model key of a state entry's group. */
  keyOfEntry(r: ResourceState): string {
    return keyOf(this.appOf(r), r.id);
  }

  /** A fresh stack and emulator store: accounts imported, seeded groups created, no faults. */
  async reset(): Promise<void> {
    const emu = this.e2e.emulator;
    emu.clearFaults();
    this.clock.reset();
    for (const store of this.stores()) {
      store.reset();
      for (const a of [ADMIN, ...OWNERS, ...(MEMBERS_ENABLED ? MEMBER_ACCOUNTS : [])]) store.putAccount(a);
      if (ACCOUNTS_ENABLED) for (const [a, profile] of Object.entries(PRE_ACCOUNTS)) store.putAccount(a, profile);
    }
    this.accounts = [];
    this.accountsHeld.clear();
    this.accountsOwned.clear();
    this.accountDrift.clear();
    this.accountSeeds = this.accountsNow();
    this.app = "main";
    this.seeds.clear();
    this.alt?.emulator.clearFaults();
    const seeds = seedGroups(this.defects);
    if (MEMBERS_ENABLED)
      seeds.push({ id: CLUB, kind: "club", type: "Public", name: "club", introduction: "", owner: CLUB_OWNER });
    for (const seed of seeds) {
      // import_group refuses @TGS# ids (service-assigned): create under a plain id, then store it under the real one.
      const plain = seed.id.startsWith("@TGS#") && seed.type !== "Community" ? `seed-${seed.id.slice(5)}` : seed.id;
      await this.e2e.client.importGroup({
        Type: seed.type,
        Name: seed.name,
        GroupId: plain,
        ...(seed.introduction ? { Introduction: seed.introduction } : {}),
        ...(seed.owner ? { Owner_Account: seed.owner } : {}),
      });
      if (seed.kind === "club") {
        // A member that joined before the stack existed: it must survive unless the program removes it.
        const g = emu.store.getGroup(plain)!;
        const member = { Member_Account: CLUB_EARLY_MEMBER, Role: "Member" as const, JoinTime: g.CreateTime };
        emu.store.putGroup({ ...g, Members: [...g.Members, member] });
      }
      if (plain !== seed.id) {
        emu.store.putGroup({ ...emu.store.getGroup(plain)!, GroupId: seed.id });
        emu.store.deleteGroup(plain);
      }
      const stored = emu.store.getGroup(seed.id)!;
      this.seeds.set(keyOf("main", seed.id), { seed, stored });
      // The second app holds the same foreign and adoptable groups: an id taken in one app is taken in the other,
      // and a program moved there may adopt or collide with them (never change them).
      if (this.alt) {
        this.alt.emulator.store.putGroup(structuredClone(stored));
        this.seeds.set(keyOf("alt", seed.id), { seed, stored: this.alt.emulator.store.getGroup(seed.id)! });
      }
    }
    this.program = {};
    this.members = [];
    this.memberDrift.clear();
    this.mayBeGone.clear();
    this.everHeld.clear();
    this.trace = [];
    this.statePath = path.join(this.e2e.program.dir, ".seq", `s${++this.n}.json`);
    fs.rmSync(path.dirname(this.statePath), { recursive: true, force: true });
  }

  /** The engine of the current stack (a new one per command, as each `pulumi` command reads the state anew). */
  engine(statePath = this.statePath): Engine {
    const regs = () => [
      ...Object.entries(this.program).map(([slot, c]) => ({
        type: TYPE,
        name: slot,
        urn: urnOf(slot),
        inputs: { ...argsOf(slot as Slot, c), __provider: this.provider },
      })),
      ...this.members.map((d) => ({
        type: d.type,
        name: d.name,
        urn: urnOf(d.name, d.type),
        inputs: { ...d.args, __provider: this.memberProviders[d.type]! },
      })),
      ...this.accounts.map((d) => ({
        type: ACCOUNT_TYPE,
        name: d.name,
        urn: urnOf(d.name, ACCOUNT_TYPE),
        inputs: { ...d.args, __provider: this.accountProvider },
      })),
    ];
    const alt = this.app === "alt" ? this.alt : undefined;
    return new Engine({
      projectDir: this.e2e.program.dir,
      project: "chat-seq",
      stack: "dev",
      statePath,
      config: alt?.config ?? this.e2e.config,
      host: alt?.host ?? this.host,
      program: async () => ({ registrations: regs(), outputs: {} }),
    });
  }

  /** The stack's state entries now. */
  state(): ResourceState[] {
    return this.engine().snapshot().resources;
  }

  /**
   * Runs a command with a fault injected for its duration, in every app's emulator (a stack that moved still reads
   * and deletes its old groups in the app they live in). A `timeout` fault holds requests past the client's deadline
   * and then applies them: wait until each was answered, so its late effect belongs to this step.
   */
  async withFault<T>(fault: FaultChoice | undefined, run: () => Promise<T>): Promise<T> {
    if (!fault) return run();
    const emus = [
      { emu: this.e2e.emulator, log: this.log },
      ...(this.alt ? [{ emu: this.alt.emulator, log: this.alt.log }] : []),
    ].map((x) => ({ ...x, from: x.log.length, before: x.emu.counters()[fault.action] }));
    const removes = emus.map(({ emu }) =>
      emu.addFault({ action: fault.action, effect: effectOf(fault.name), times: fault.times }),
    );
    try {
      return await run();
    } finally {
      for (const remove of removes) remove();
      if (fault.name === "timeout")
        for (const { emu, log, from, before } of emus)
          await this.answered(log, fault.action, from, emu.counters()[fault.action] - before);
    }
  }

  private async answered(log: string[], action: ChatAction, from: number, count: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    const done = (): boolean => log.slice(from).filter((l) => l.startsWith(`POST ${action} `)).length >= count;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`the emulator did not answer ${count} ${action} requests within 30 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** After a failed command: a held group whose delete (or replacement's delete) failed and that is gone may be held. */
  noteAmbiguousDeletes(r: CommandResult): void {
    const urns = new Set(r.steps.filter((s) => s.error && (s.op === "delete" || s.op === "replace")).map((s) => s.urn));
    for (const e of groupEntries(this.state())) {
      const key = this.keyOfEntry(e);
      if (urns.has(e.urn) && !this.groupAt(key)) this.mayBeGone.add(key);
    }
  }

  /**
   * The group a slot holds now (live, not pending replacement): its key, id and the app profile a member
   * declaration names (only when the second app runs: the main config has no profiles otherwise).
   */
  heldGroup(slot: string): GroupRef | undefined {
    const r = this.state().find((x) => x.urn === urnOf(slot) && !x.delete && !x.pendingReplacement);
    if (!r) return undefined;
    return this.ref(this.appOf(r), r.id);
  }

  /** The club's group in the app the stack config points at. */
  club(): GroupRef {
    return this.ref(this.app, CLUB);
  }

  private ref(app: AppName, id: string): GroupRef {
    const key = keyOf(app, id);
    const createTime = this.groupAt(key)?.CreateTime;
    return { key, id, ...(this.alt ? { profile: app } : {}), ...(createTime !== undefined ? { createTime } : {}) };
  }

  /**
   * After a command: member declarations follow their slot's group (replaced, moved to the other app), as an
   * output reference would at the next `up`; a slot that holds no group any more takes its declarations along.
   */
  retargetMembers(): void {
    this.members = this.members.flatMap((d) => {
      if (d.target === CLUB) return [d];
      const g = this.heldGroup(d.target);
      if (!g) return [];
      if (g.key !== d.key) return [retargeted(d, g)];
      if (g.createTime !== undefined && d.incarnation !== undefined && g.createTime !== d.incarnation) {
        // Replaced under the same id (see MemberDecl.incarnation): its members went with the old group.
        for (const account of d.members.keys()) this.memberDrift.add(`${d.key}#${account}`);
        return [{ ...d, incarnation: g.createTime }];
      }
      return [d];
    });
  }

  /** Every group in the emulators (both apps' when app switches are enabled), by {@link keyOf} key. */
  groups(): Map<string, StoredGroup> {
    return new Map(
      this.apps().flatMap((app) =>
        this.storeOf(app)
          .listGroups()
          .map((g) => [keyOf(app, g.GroupId), g]),
      ),
    );
  }

  /** Every account in the emulators, by `<app>/<userId>` key. */
  accountsNow(): Map<string, StoredAccount> {
    return new Map(
      this.apps().flatMap((app) => {
        const store = this.storeOf(app);
        return store.listAccounts().map((a) => [keyOf(app, a), store.getAccount(a)!] as const);
      }),
    );
  }

  /** A group by its {@link keyOf} key (the app it is in and its id). */
  groupAt(key: string): StoredGroup | undefined {
    const { app, id } = splitKey(key);
    return this.apps().includes(app) ? this.storeOf(app).getGroup(id) : undefined;
  }

  /**
   * Runs `check` against a throwaway copy of the stack state and restores the emulator's store afterwards
   * (groups and accounts), so a destroy can be tried without changing the sequence.
   */
  async onCopy<T>(check: (engine: Engine) => Promise<T>): Promise<T> {
    const copy = `${this.statePath}.copy.json`;
    if (fs.existsSync(this.statePath)) fs.copyFileSync(this.statePath, copy);
    else fs.rmSync(copy, { force: true });
    const saved = this.stores().map((store) => ({
      store,
      groups: store.listGroups(),
      accounts: store.listAccounts().map((a) => store.getAccount(a)!),
    }));
    try {
      return await check(this.engine(copy));
    } finally {
      for (const { store, groups, accounts } of saved) {
        store.reset();
        for (const a of accounts) store.putAccount(a.UserID, { Nick: a.Nick, FaceUrl: a.FaceUrl });
        for (const g of groups) store.putGroup(g);
      }
      fs.rmSync(copy, { force: true });
    }
  }

  /** Counts one event in {@link stats}. */
  count(event: string): void {
    this.stats[event] = (this.stats[event] ?? 0) + 1;
  }

  /** With SEQ_PROFILE set, adds the milliseconds since `since` to the stats under `ms <what>` (where time goes). */
  time(what: string, since: number): void {
    if (process.env.SEQ_PROFILE) this.stats[`ms ${what}`] = (this.stats[`ms ${what}`] ?? 0) + Date.now() - since;
  }

  /** Stops the host and the emulator. */
  async stop(): Promise<void> {
    await this.alt?.emulator.close();
    await this.e2e.stop();
  }
}

/** The error texts of a command's failed steps. */
export function errorsOf(r: CommandResult): string {
  return r.steps
    .filter((s) => s.error || s.failures.length > 0)
    .map((s) => `${s.name}: ${s.error ?? s.failures.map((f) => f.reason).join("; ")}`)
    .join(" | ");
}

/** Plain JSON of a value (for byte-for-byte comparison). */
export const json = (v: unknown): string => JSON.stringify(v);
