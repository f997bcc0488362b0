/**
 * The world the lifecycle sequences run in: the program's slots, the ids, owners and seeded groups they may name,
 * generators of program versions and faults (fast-check arbitraries), and the one place where known defects are
 * kept out of the generated sequences until their fixes land.
 */
import fc from "fast-check";
import type { FaultEffect } from "../../../emulator";
import type { ChatAction } from "../../../protocol/actions";

/** Defects of issue 9 (and issue 14) that other branches fix; each entry keeps its triggers out of the sequences. */
export type KnownDefect =
  /** A partial failure's properties lack `__provider`, so refresh/destroy of the resource fail afterwards. */
  | "partial-failure-without-provider"
  /** Adopting a live group that differs from the program overwrites it instead of refusing and listing the differences. */
  | "adopt-overwrites-live"
  /** Changing `groupId` (or giving one to a group with a service-assigned id) deletes the old group first. */
  | "groupid-change-deletes-first"
  /** A delete-first replacement whose create the service refuses for a knowable reason (owner not imported). */
  | "delete-first-refused"
  /** An adopted `@TGS#` group is destroyed by a type change and cannot be re-created. */
  | "tgs-adopted-type-change"
  /** A replacement silently drops sticky inputs the program no longer declares (id, owner, createTime). */
  | "sticky-dropped-on-replacement"
  /**
   * A create answered after the client gave up, or whose lost answer cannot be resolved (a lookalike group exists,
   * or listing fails), leaves a duplicate or an orphan the stack does not hold (issue 14, defects 2 and 3).
   */
  | "late-landing-create-duplicate"
  /**
   * Found by the sequences (not in issue 9): in a delete-first replacement, a destroy_group the client gave up on
   * (timeout) and repeated lands after the replacement's import_group of the same id and deletes the new group;
   * `up` reports success, the stack holds a ghost.
   */
  | "late-landing-delete-removes-replacement"
  /**
   * Found by the sequences (issue 11, provider/resources/chat-group-members): a ChatGroupMembers delete fails when
   * its group is disbanded while it runs (delete_group_member answers 10010), e.g. when one `pulumi destroy` deletes
   * both and nothing orders them. Gated by declaring ChatGroupMembers only for the club, which is never deleted.
   */
  | "members-delete-fails-when-group-disbanded";

/** Logical resources of the program (URN names). */
export const SLOTS = ["g0", "g1", "g2"] as const;
/** One logical resource. */
export type Slot = (typeof SLOTS)[number];

/** Imported accounts (usable as owners); `ghost` is never imported. */
export const OWNERS = ["owner-1", "owner-2"] as const;
/** An account that is not imported (the service refuses it with 10019). */
export const GHOST_OWNER = "ghost-user";

/** Which id a program version gives a slot. */
export type IdChoice = "none" | "id-0" | "id-1" | "taken" | "adopt" | "adopt-tgs";

/** The generated (abstract) form of one ChatGroup declaration. */
export interface SpecChoice {
  type: "Public" | "Private" | "ChatRoom" | "Community";
  nameVariant: 0 | 1 | 2;
  id: IdChoice;
  adoptFlag: boolean;
  owner: "none" | "owner-1" | "owner-2" | "ghost";
  introduction?: "i1" | "i2";
  muteAllMember?: boolean;
  createTime?: 1700000000 | 1700000100;
}

/** A program version: per slot a declaration, or absent (the program removes it). */
export type ProgramChoice = Partial<Record<Slot, SpecChoice>>;

/**
 * Seeded groups outside the stack: `foreign` ones must never change; `adoptable` ones may be adopted; the `club`
 * (members.ts) keeps its profile while the program manages some of its members.
 */
export interface SeedGroup {
  id: string;
  kind: "foreign" | "adoptable" | "club";
  type: "Public" | "Private" | "Community";
  name: string;
  introduction: string;
  owner?: string;
}

/** Groups seeded before every sequence. */
export function seedGroups(defects: ReadonlySet<KnownDefect>): SeedGroup[] {
  const seeds: SeedGroup[] = [
    { id: "bystander", kind: "foreign", type: "Public", name: "other team", introduction: "keep" },
  ];
  for (const slot of SLOTS) {
    seeds.push({
      id: `taken-${slot}`,
      kind: "foreign",
      type: "Private",
      name: `taken ${slot}`,
      introduction: "not ours",
    });
    seeds.push({
      id: `@TGS#_taken-${slot}`,
      kind: "foreign",
      type: "Community",
      name: `taken ${slot}`,
      introduction: "not ours",
    });
    // Adoptable groups hold what a program declaring `{ type: "Public", name: "<slot>-n0" }` would create.
    seeds.push({ id: `adopt-${slot}`, kind: "adoptable", type: "Public", name: `${slot}-n0`, introduction: "" });
    if (!defects.has("tgs-adopted-type-change")) {
      seeds.push({ id: `@TGS#2ADOPT${slot}`, kind: "adoptable", type: "Public", name: `${slot}-n0`, introduction: "" });
    }
  }
  return seeds;
}

/** The group id a choice names for a slot (Community custom ids carry the required `@TGS#_` prefix). */
export function idOf(slot: Slot, c: SpecChoice): string | undefined {
  switch (c.id) {
    case "none":
      return undefined;
    case "taken":
      return c.type === "Community" ? `@TGS#_taken-${slot}` : `taken-${slot}`;
    case "adopt":
      return `adopt-${slot}`;
    case "adopt-tgs":
      return `@TGS#2ADOPT${slot}`;
    default:
      return `${c.type === "Community" ? "@TGS#_" : ""}seq-${slot}-${c.id.slice(3)}`;
  }
}

/** The ChatGroup inputs a choice declares. */
export function argsOf(slot: Slot, c: SpecChoice): Record<string, unknown> {
  const groupId = idOf(slot, c);
  const adopting = c.id === "adopt" || c.id === "adopt-tgs";
  const owner = c.owner === "none" ? undefined : c.owner === "ghost" ? GHOST_OWNER : c.owner;
  const args: Record<string, unknown> = { type: c.type, name: `${slot}-n${c.nameVariant}` };
  if (groupId !== undefined) args.groupId = groupId;
  if (groupId !== undefined && (adopting || c.adoptFlag)) args.adopt = true;
  if (owner !== undefined) args.ownerAccount = owner;
  if (c.introduction !== undefined) args.introduction = c.introduction;
  if (c.muteAllMember !== undefined) args.muteAllMember = c.muteAllMember;
  if (c.createTime !== undefined) args.createTime = c.createTime;
  return args;
}

/** One of `choices`, each `[value, weight]`. */
const weighted = <T>(choices: [T, number][]): fc.Arbitrary<T> =>
  fc.oneof(...choices.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));

/**
 * Program versions. Choices the service refuses (a taken id, an owner that is not imported, adopting a group that
 * differs from the program) are weighted low: with three slots, a refused slot fails the whole `up`, and sequences
 * of failed ups never move groups between apps, replace or delete them.
 */
export function programArb(defects: ReadonlySet<KnownDefect>): fc.Arbitrary<ProgramChoice> {
  const ids: [IdChoice, number][] = [
    ["none", 3],
    ["id-0", 3],
    ["id-1", 3],
    ["adopt", 1],
  ];
  if (!defects.has("groupid-change-deletes-first")) ids.push(["taken", 1]);
  if (!defects.has("tgs-adopted-type-change")) ids.push(["adopt-tgs", 1]);
  const owners: [SpecChoice["owner"], number][] = [
    ["none", 3],
    ["owner-1", 2],
    ["owner-2", 2],
  ];
  if (!defects.has("delete-first-refused")) owners.push(["ghost", 1]);
  const spec: fc.Arbitrary<SpecChoice> = fc.record(
    {
      type: fc.constantFrom("Public", "Private", "ChatRoom", "Community"),
      nameVariant: fc.constantFrom(0, 1, 2),
      id: weighted(ids),
      adoptFlag: fc.boolean(),
      owner: weighted(owners),
      introduction: fc.constantFrom("i1", "i2"),
      muteAllMember: fc.boolean(),
      createTime: fc.constantFrom(1700000000, 1700000100),
    },
    { requiredKeys: ["type", "nameVariant", "id", "adoptFlag", "owner"] },
  ) as fc.Arbitrary<SpecChoice>;
  return fc.record(Object.fromEntries(SLOTS.map((s) => [s, spec])) as Record<Slot, fc.Arbitrary<SpecChoice>>, {
    requiredKeys: [],
  });
}

/** One injected fault: an emulator fault rule, by name. */
export interface FaultChoice {
  action: ChatAction;
  name: FaultName;
  /** How many matching requests it hits: 1 and 2 are absorbed by retries where repeating is safe; 6 outlasts them. */
  times: 1 | 2 | 6;
}

/** Every fault the emulator injects (the fault matrix's list). */
export const FAULTS = {
  "10002": { kind: "error", errorCode: 10002 },
  "10006": { kind: "error", errorCode: 10006 },
  "60007": { kind: "error", errorCode: 60007 },
  "60011": { kind: "error", errorCode: 60011 },
  "60018": { kind: "error", errorCode: 60018 },
  "70001": { kind: "error", errorCode: 70001 },
  "HTTP 502": { kind: "http", status: 502 },
  reset: { kind: "drop" },
  timeout: { kind: "delay", ms: 0 }, // ms set from the host's timeout (FAULT_DELAY_MS)
  "lost answer": { kind: "applyThenDrop" },
} satisfies Record<string, FaultEffect>;
/** A fault's name. */
export type FaultName = keyof typeof FAULTS;

/** The host's request timeout, and how long a `timeout` fault holds a request (it then lands, late). */
export const TIMEOUT_MS = 1000;
export const FAULT_DELAY_MS = 1300;

/** The emulator effect of a fault. */
export function effectOf(name: FaultName): FaultEffect {
  return name === "timeout" ? { kind: "delay", ms: FAULT_DELAY_MS } : FAULTS[name];
}

const ACTIONS: ChatAction[] = [
  "import_group",
  "get_group_info",
  "modify_group_base_info",
  "destroy_group",
  "change_group_owner",
  "get_appid_group_list",
  // The member resources' actions (members.ts); faults on them are harmless where no member is declared.
  ...(process.env.SEQ_MEMBERS !== "0"
    ? ([
        "add_group_member",
        "import_group_member",
        "delete_group_member",
        "modify_group_member_info",
        "get_role_in_group",
        "get_specified_group_member_info",
        "get_group_member_info",
      ] as ChatAction[])
    : []),
  // ChatAccount's actions (accounts.ts).
  ...(process.env.SEQ_ACCOUNTS !== "0"
    ? (["multiaccount_import", "account_check", "portrait_get", "portrait_set", "account_delete"] as ChatAction[])
    : []),
];

/** Faults for one command (`undefined`: none), weighted towards none. */
export function faultArb(
  command: "up" | "refresh" | "destroy",
  defects: ReadonlySet<KnownDefect>,
): fc.Arbitrary<FaultChoice | undefined> {
  const allowed = (f: FaultChoice): boolean => {
    if (defects.has("partial-failure-without-provider") && command === "up") {
      // Any failure after the group exists (follow-up, update, owner change, read-back) is a partial failure
      // (a read-back refused twice with 70001 is one: auth errors are renewed once).
      if (f.action === "modify_group_base_info" || f.action === "change_group_owner" || f.action === "get_group_info")
        return false;
    }
    // A create whose answer is lost or late is resolved by listing, which is ambiguous when a lookalike exists.
    if (
      defects.has("late-landing-create-duplicate") &&
      f.action === "import_group" &&
      (f.name === "timeout" || f.name === "lost answer")
    )
      return false;
    if (defects.has("late-landing-create-duplicate") && f.action === "get_appid_group_list") return false;
    if (
      defects.has("late-landing-delete-removes-replacement") &&
      command === "up" &&
      f.action === "destroy_group" &&
      f.name === "timeout"
    )
      return false;
    // Repeated timeouts only cost time: each holds a request FAULT_DELAY_MS.
    return !(f.name === "timeout" && f.times === 6);
  };
  const fault = fc
    .record({
      action: fc.constantFrom(...ACTIONS),
      name: fc.constantFrom(...(Object.keys(FAULTS) as FaultName[])),
      times: fc.constantFrom(1 as const, 2 as const, 6 as const),
    })
    .filter(allowed);
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fault, weight: 2 });
}

/** What the stack holds for a slot before an `up`: the facts gating needs. */
export interface HeldFacts {
  groupId: string;
  type: SpecChoice["type"];
  customGroupId: boolean;
  ownerAccount?: string;
  /** The createTime the program declared (undefined when it never did). */
  createTime?: number;
  /** Already deleted by an interrupted delete-first replacement: the next up replaces whatever changed. */
  pendingReplacement: boolean;
}

/**
 * Keeps a generated program version away from known defects, given what the stack holds (deterministic, so a
 * sequence replays and shrinks the same). Returns the declaration to use.
 */
export function gate(
  slot: Slot,
  c: SpecChoice,
  held: HeldFacts | undefined,
  defects: ReadonlySet<KnownDefect>,
): SpecChoice {
  const out = { ...c };
  const adopting = out.id === "adopt" || out.id === "adopt-tgs";
  if (defects.has("adopt-overwrites-live") && adopting && !held) {
    // Declare exactly the seeded group's values, so adopting changes nothing.
    return { type: "Public", nameVariant: 0, id: out.id, adoptFlag: true, owner: "none" };
  }
  if (!held) return out;
  const idFor = (id: IdChoice, type = out.type): string | undefined => idOf(slot, { ...out, id, type });
  const heldChoice = (["id-0", "id-1", "taken", "adopt", "adopt-tgs"] as IdChoice[]).find(
    (id) => idFor(id, held.type) === held.groupId,
  );
  if (defects.has("groupid-change-deletes-first")) {
    const declared = idOf(slot, out);
    if (declared !== undefined && declared !== held.groupId) out.id = "none"; // removing the id is no change
  }
  if (defects.has("partial-failure-without-provider") || defects.has("delete-first-refused")) {
    const wanted = out.owner === "none" ? undefined : out.owner === "ghost" ? GHOST_OWNER : out.owner;
    if (wanted !== undefined && wanted !== held.ownerAccount) out.owner = "none"; // no owner change on a held group
  }
  const replacing =
    held.pendingReplacement ||
    out.type !== held.type ||
    (out.createTime !== undefined && out.createTime !== held.createTime);
  if (defects.has("sticky-dropped-on-replacement") && replacing) {
    // A replacement while sticky inputs are removed: declare them again.
    if (out.createTime === undefined && (held.createTime === 1700000000 || held.createTime === 1700000100))
      out.createTime = held.createTime;
    if (out.id === "none" && held.customGroupId && heldChoice) {
      out.id = heldChoice;
      if (idOf(slot, out) !== held.groupId) out.type = held.type; // a Community id cannot move to another type
    }
    if (out.owner === "none" && (held.ownerAccount === "owner-1" || held.ownerAccount === "owner-2"))
      out.owner = held.ownerAccount;
  }
  if (defects.has("groupid-change-deletes-first") && !held.customGroupId) out.id = "none";
  if (defects.has("delete-first-refused") && held.customGroupId && out.type !== held.type) {
    // A type change of a custom id the new type does not accept (adopt skips check's id rule): keep the type.
    const community = held.groupId.startsWith("@TGS#_");
    if ((out.type === "Community") !== community) out.type = held.type;
  }
  return out;
}
