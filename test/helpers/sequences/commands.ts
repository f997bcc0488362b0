/**
 * The lifecycle commands of the model-based sequence test (fast-check `AsyncCommand`s): `up` of a program
 * version, `refresh`, `destroy`, each optionally under an injected fault; out-of-band changes and deletes; and an
 * app switch (the stack config pointed at the other app; APP_SWITCH_ENABLED). Every command checks the invariants after
 * it runs and throws an Error listing the violations.
 */
import fc from "fast-check";
import type { ResourceState } from "../../../harness/state";
import {
  before,
  planInvariant,
  refusedOnly,
  storeInvariants,
  upInvariants,
  usableInvariants,
  type Before,
} from "./invariants";
import { memberStoreInvariants, memberUpInvariants, type MemberStep } from "./member-invariants";
import {
  CLUB,
  declsFor,
  gateMembers,
  heldMode,
  takingOverClub,
  MEMBER_ACCOUNTS,
  MEMBER_TYPE,
  MEMBERS_ENABLED,
  membershipArb,
  TARGETS,
  type MembershipChoice,
  type Target,
} from "./members";
import { oobChange, oobDelete, oobMember } from "./out-of-band";
import {
  ACCOUNT_TYPE,
  ACCOUNTS_ENABLED,
  accountDecls,
  accountProgramArb,
  accountStoreInvariants,
  accountUpInvariants,
  SHARED_ACCOUNTS,
  USER_POOL,
  type AccountProgram,
  type AccountStep,
} from "./accounts";
import { errorsOf, GROUP_TYPE, json, label, urnOf, type SequenceSystem } from "./system";
import {
  faultArb,
  gate,
  programArb,
  SLOTS,
  type FaultChoice,
  type KnownDefect,
  type ProgramChoice,
  type Slot,
  type SpecChoice,
} from "./world";

/**
 * Enables the app-switch command (stack config `tencent-chat:sdkAppId` pointed at a second app), so sequences also
 * prove that no group is read, changed or dropped against another app (DECISIONS D42–D44, T74). On by default;
 * `SEQ_APP_SWITCH=0` turns it off (one emulator and host fewer).
 */
export const APP_SWITCH_ENABLED = process.env.SEQ_APP_SWITCH !== "0";

/** The model: nothing beyond the real system (the invariants are checked against the emulator itself). */
export type Model = Record<string, never>;

type Cmd = fc.AsyncCommand<Model, SequenceSystem>;

const fail = (sys: SequenceSystem, what: string, violations: string[]): void => {
  if (violations.length === 0) return;
  throw new Error(`after ${what}:\n  - ${violations.join("\n  - ")}\ntrace:\n  ${sys.trace.join("\n  ")}`);
};

const faultText = (f?: FaultChoice): string => (f ? ` under ${f.name} on ${f.action} ×${f.times}` : "");

/**
 * Whether the state-usable check (refresh, preview and destroy of a copy) runs after every step, or only after
 * steps that failed, ran under a fault or changed things out of band, and at the end of each sequence (the
 * lighter path `npm run test:fuzz` takes: a clean success leaves what the provider returned on success).
 */
export const USABLE_EVERY_STEP = process.env.SEQ_USABLE_CHECK !== "after-failures";

/** Invariants every command checks: the store's, then that the state refreshes, previews and destroys. */
async function checkAll(
  sys: SequenceSystem,
  what: string,
  prev: ReturnType<typeof before>,
  step: MemberStep & { destroys: boolean; clean?: boolean; accountDeleted?: string },
  extra: string[] = [],
): Promise<void> {
  const accountStep: AccountStep = { kind: step.kind, deleted: step.accountDeleted };
  fail(sys, what, [
    ...extra,
    ...storeInvariants(sys, prev, step),
    ...memberStoreInvariants(sys, prev, step),
    ...accountStoreInvariants(sys, prev.state, prev.accounts, sys.state(), accountStep),
  ]);
  const t0 = Date.now();
  if (USABLE_EVERY_STEP || !step.clean) fail(sys, `${what} (state usable)`, await usableInvariants(sys));
  sys.time("state-usable checks", t0);
  // The next program's member declarations follow their groups (members.ts).
  sys.retargetMembers();
}

/**
 * `pulumi up` of the program as `sys` holds it now (groups and members), preceded by a fault-free preview whose
 * plan it must follow; then every invariant.
 */
async function upAndCheck(sys: SequenceSystem, prev: Before, what: string, fault?: FaultChoice): Promise<void> {
  const preview = await sys.engine().preview();
  fail(
    sys,
    `preview before ${what}`,
    preview.ok || refusedOnly(preview) ? [] : [`preview fails: ${errorsOf(preview)}`],
  );
  const t0 = Date.now();
  const up = await sys.withFault(fault, () => sys.engine().up());
  sys.time(`up ${fault ? `under ${fault.name} on ${fault.action}` : "clean"}`, t0);
  sys.trace.push(`${what} → ${up.ok ? "ok" : `failed: ${errorsOf(up)}`}`);
  sys.noteAmbiguousDeletes(up);
  sys.count(`up ${up.ok ? "ok" : "failed"}${fault ? " under a fault" : ""}`);
  for (const s of up.steps)
    if (s.executed) {
      const kind =
        s.type === GROUP_TYPE
          ? ""
          : s.type === MEMBER_TYPE
            ? " (member)"
            : s.type === ACCOUNT_TYPE
              ? " (account)"
              : " (members)";
      const how = s.op === "replace" ? (s.deleteBeforeReplace ? " delete-first" : " create-first") : "";
      sys.count(`step ${s.op}${how}${kind}${s.error ? " failed" : ""}`);
      if (s.replaceKeys.includes("sdkAppId"))
        sys.count(`step moved a group to the other app${s.error ? " failed" : ""}`);
    }
  await checkAll(sys, what, prev, { kind: "up", destroys: false, fault, clean: up.ok && !fault }, [
    ...planInvariant(preview, up),
    ...upInvariants(sys, prev, up, preview),
    ...(up.ok ? memberUpInvariants(sys, sys.members) : []),
    ...(up.ok ? accountUpInvariants(sys, sys.state()) : []),
  ]);
}

/** The end-of-sequence check: the state refreshes, previews and destroys. */
export async function finalCheck(sys: SequenceSystem): Promise<void> {
  fail(sys, "the sequence (state usable)", await usableInvariants(sys));
}

/** `pulumi up` of a program version (gated against known defects), preceded by a fault-free preview. */
export class UpCommand implements Cmd {
  constructor(
    readonly program: ProgramChoice,
    readonly fault?: FaultChoice,
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const heldFacts = (slot: Slot) => {
      const r = prev.state.find((x: ResourceState) => x.urn === urnOf(slot) && !x.delete);
      if (!r) return undefined;
      const o = r.outputs;
      const createTime =
        Array.isArray(o.declaredSticky) && o.declaredSticky.includes("createTime")
          ? (o.createTime as number)
          : undefined;
      return {
        groupId: r.id,
        type: o.type as SpecChoice["type"],
        customGroupId: o.customGroupId === true,
        ownerAccount: typeof o.ownerAccount === "string" ? o.ownerAccount : undefined,
        createTime,
        pendingReplacement: !!r.pendingReplacement,
      };
    };
    sys.program = Object.fromEntries(
      SLOTS.filter((s) => this.program[s]).map((s) => [s, gate(s, this.program[s]!, heldFacts(s), sys.defects)]),
    );
    await upAndCheck(sys, prev, `up ${json(sys.program)}${faultText(this.fault)}`, this.fault);
  }
  toString = (): string => `up(${json(this.program)}${this.fault ? `, ${json(this.fault)}` : ""})`;
}

/** `pulumi refresh`. */
export class RefreshCommand implements Cmd {
  constructor(readonly fault?: FaultChoice) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const r = await sys.withFault(this.fault, () => sys.engine().refresh());
    if (r.ok) {
      sys.mayBeGone.clear();
      sys.memberDrift.clear();
      sys.accountDrift.clear();
    }
    sys.count(`refresh ${r.ok ? "ok" : "failed"}`);
    sys.trace.push(`refresh${faultText(this.fault)} → ${r.ok ? "ok" : `failed: ${errorsOf(r)}`}`);
    const errors = !this.fault && !r.ok ? [`refresh without a fault fails: ${errorsOf(r)}`] : [];
    await checkAll(
      sys,
      `refresh${faultText(this.fault)}`,
      prev,
      { kind: "refresh", destroys: false, fault: this.fault, clean: r.ok && !this.fault },
      errors,
    );
  }
  toString = (): string => `refresh(${this.fault ? json(this.fault) : ""})`;
}

/** `pulumi destroy`; the program stays as it is (the next up re-creates it). */
export class DestroyCommand implements Cmd {
  constructor(readonly fault?: FaultChoice) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const r = await sys.withFault(this.fault, () => sys.engine().destroy());
    sys.count(`destroy ${r.ok ? "ok" : "failed"}`);
    sys.noteAmbiguousDeletes(r);
    sys.trace.push(`destroy${faultText(this.fault)} → ${r.ok ? "ok" : `failed: ${errorsOf(r)}`}`);
    const errors = !this.fault && !r.ok ? [`destroy without a fault fails: ${errorsOf(r)}`] : [];
    if (r.ok && sys.state().length > 0)
      errors.push(`destroy succeeded but the stack still holds ${sys.state().length} entries`);
    await checkAll(
      sys,
      `destroy${faultText(this.fault)}`,
      prev,
      { kind: "destroy", destroys: true, fault: this.fault, clean: r.ok && !this.fault },
      errors,
    );
  }
  toString = (): string => `destroy(${this.fault ? json(this.fault) : ""})`;
}

/** Out of band: change the slot's group's profile, or delete it, in the emulator's store. */
export class OutOfBandCommand implements Cmd {
  constructor(
    readonly slot: Slot,
    readonly kind: "change" | "delete",
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const r = prev.state.find((x) => x.urn === urnOf(this.slot) && !x.delete && !x.pendingReplacement);
    if (!r) return;
    const key = sys.keyOfEntry(r);
    const done = this.kind === "change" ? oobChange(sys, key) : oobDelete(sys, key);
    sys.count(`out-of-band ${this.kind}`);
    sys.trace.push(`out of band: ${this.kind} ${label(key)} → ${done ? "done" : "absent"}`);
    await checkAll(sys, `out-of-band ${this.kind} of ${label(key)}`, prev, {
      kind: "out-of-band",
      destroys: this.kind === "delete",
    });
  }
  toString = (): string => `outOfBand(${this.slot}, ${this.kind})`;
}

/**
 * Points the stack config at the other app (another SDKAppID and endpoint). Enabled by APP_SWITCH_ENABLED; the
 * invariants then also require that no group is dropped from state or orphaned because it was looked up in the
 * wrong app (issue 9: a group is never read, changed, deleted or dropped against a different app).
 */
export class AppSwitchCommand implements Cmd {
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    sys.app = sys.app === "main" ? "alt" : "main";
    sys.count("app switch");
    sys.trace.push(`app switch → ${sys.app}`);
    await checkAll(sys, `app switch to ${sys.app}`, prev, { kind: "out-of-band", destroys: false });
  }
  toString = (): string => "appSwitch()";
}

/**
 * `pulumi up` of a member program version: per target (a slot's held group, or the club) ChatGroupMember resources
 * or one ChatGroupMembers, naming the group by its id and app profile; targets without a held group declare
 * nothing. The group program is unchanged, so its groups' steps are `same`.
 */
export class MembersUpCommand implements Cmd {
  constructor(
    readonly members: MembershipChoice,
    readonly fault?: FaultChoice,
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const held = new Set(prev.state.map((r) => r.name));
    sys.members = TARGETS.flatMap((t) => {
      const gated = this.members[t] && gateMembers(t, this.members[t]!, sys.defects);
      const mode = heldMode(held, t);
      const choice = gated && mode && gated.mode !== mode ? { ...gated, mode } : gated;
      const group = t === CLUB ? sys.club() : sys.heldGroup(t);
      if (!choice || !group) return [];
      const first = t === CLUB && choice.mode === "authoritative" && !held.has(`ms-${CLUB}`);
      return declsFor(t, first ? takingOverClub(choice) : choice, group);
    });
    const shown = sys.members.map((d) => `${d.name}→${label(d.key)} ${json([...d.members])}`).join(", ");
    await upAndCheck(sys, prev, `members up [${shown}]${faultText(this.fault)}`, this.fault);
  }
  toString = (): string => `membersUp(${json(this.members)}${this.fault ? `, ${json(this.fault)}` : ""})`;
}

/** Out of band: an account joins a target's group, leaves it, or has its role flipped, in the emulator's store. */
export class OutOfBandMemberCommand implements Cmd {
  constructor(
    readonly target: Target,
    readonly account: string,
    readonly kind: "join" | "leave" | "role",
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const group = this.target === CLUB ? sys.club() : sys.heldGroup(this.target);
    if (!group) return;
    const done = oobMember(sys, group.key, this.account, this.kind);
    sys.count(`out-of-band member ${this.kind}${done ? "" : " (not applicable)"}`);
    sys.trace.push(
      `out of band: ${this.account} ${this.kind} ${label(group.key)} → ${done ? "done" : "not applicable"}`,
    );
    const step: MemberStep = {
      kind: "out-of-band",
      ...(done && this.kind === "leave" ? { left: `${group.key}#${this.account}` } : {}),
    };
    await checkAll(sys, `out-of-band ${this.kind} of ${this.account} in ${label(group.key)}`, prev, {
      ...step,
      destroys: false,
    });
  }
  toString = (): string => `outOfBandMember(${this.target}, ${this.account}, ${this.kind})`;
}

/**
 * `pulumi up` of an account program version (accounts.ts): ChatAccount resources in the app the stack config points
 * at (no `app` input: an app switch moves them, create-first); groups and members unchanged.
 */
export class AccountsUpCommand implements Cmd {
  constructor(
    readonly program: AccountProgram,
    readonly fault?: FaultChoice,
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    sys.accounts = accountDecls(this.program);
    const shown = sys.accounts.map((d) => json(d.args)).join(", ");
    await upAndCheck(sys, prev, `accounts up [${shown}]${faultText(this.fault)}`, this.fault);
  }
  toString = (): string => `accountsUp(${json(this.program)}${this.fault ? `, ${json(this.fault)}` : ""})`;
}

/**
 * Out of band: a held account's nick changed, or the account deleted (never one the groups use), in the store of
 * the app its state records.
 */
export class OutOfBandAccountCommand implements Cmd {
  constructor(
    readonly userId: string,
    readonly kind: "change" | "delete",
  ) {}
  check = (): boolean => true;
  async run(_m: Model, sys: SequenceSystem): Promise<void> {
    const prev = before(sys);
    const r = prev.state.find((x) => x.type === ACCOUNT_TYPE && x.id === this.userId && !x.delete);
    if (!r || (this.kind === "delete" && SHARED_ACCOUNTS.includes(this.userId))) return;
    const key = sys.keyOfEntry(r);
    const store = sys.storeOf(sys.appOf(r));
    const done = store.hasAccount(this.userId);
    if (done && this.kind === "delete") store.deleteAccount(this.userId);
    if (done && this.kind === "change") store.putAccount(this.userId, { Nick: "changed out of band" });
    if (done) sys.accountDrift.add(key);
    sys.count(`out-of-band account ${this.kind}${done ? "" : " (absent)"}`);
    sys.trace.push(`out of band: account ${this.kind} ${key} → ${done ? "done" : "absent"}`);
    await checkAll(sys, `out-of-band account ${this.kind} of ${key}`, prev, {
      kind: "out-of-band",
      destroys: false,
      ...(done && this.kind === "delete" ? { accountDeleted: key } : {}),
    });
  }
  toString = (): string => `outOfBandAccount(${this.userId}, ${this.kind})`;
}

/** The command generators. */
export function commandArbs(defects: ReadonlySet<KnownDefect>): fc.Arbitrary<Cmd>[] {
  const slot = fc.constantFrom(...SLOTS);
  return [
    fc.tuple(programArb(defects), faultArb("up", defects)).map(([p, f]) => new UpCommand(p, f)),
    fc.tuple(programArb(defects), faultArb("up", defects)).map(([p, f]) => new UpCommand(p, f)),
    fc.tuple(programArb(defects), faultArb("up", defects)).map(([p, f]) => new UpCommand(p, f)),
    faultArb("refresh", defects).map((f) => new RefreshCommand(f)),
    faultArb("destroy", defects).map((f) => new DestroyCommand(f)),
    fc.tuple(slot, fc.constantFrom("change" as const, "delete" as const)).map(([s, k]) => new OutOfBandCommand(s, k)),
    ...(APP_SWITCH_ENABLED ? [fc.constant(null).map(() => new AppSwitchCommand())] : []),
    ...(MEMBERS_ENABLED
      ? [
          fc.tuple(membershipArb(), faultArb("up", defects)).map(([m, f]) => new MembersUpCommand(m, f)),
          fc.tuple(membershipArb(), faultArb("up", defects)).map(([m, f]) => new MembersUpCommand(m, f)),
          fc
            .tuple(
              fc.constantFrom(...TARGETS),
              fc.constantFrom(...MEMBER_ACCOUNTS),
              fc.constantFrom("join" as const, "leave" as const, "role" as const),
            )
            .map(([t, a, k]) => new OutOfBandMemberCommand(t, a, k)),
        ]
      : []),
    ...(ACCOUNTS_ENABLED
      ? [
          fc.tuple(accountProgramArb(), faultArb("up", defects)).map(([p, f]) => new AccountsUpCommand(p, f)),
          fc.tuple(accountProgramArb(), faultArb("up", defects)).map(([p, f]) => new AccountsUpCommand(p, f)),
          fc
            .tuple(fc.constantFrom(...USER_POOL), fc.constantFrom("change" as const, "delete" as const))
            .map(([u, k]) => new OutOfBandAccountCommand(u, k)),
        ]
      : []),
  ];
}
