/**
 * Membership in the lifecycle sequences (issue 11): member declarations the program makes for its held groups and
 * for a seeded group outside the stack (the club), as ChatGroupMember resources (not authoritative) or one
 * ChatGroupMembers per group (authoritative, once that resource is in the build), and out-of-band joins, leaves and
 * role changes. Pure: generators and the registrations a declaration makes; the commands and invariants that use
 * them live in commands.ts and member-invariants.ts.
 *
 * The engine harness has no dependency graph, so a declaration names its group by literal id and app (profile), as
 * resolved when the member program is written; after every command a declaration whose slot's group moved follows
 * it (`retarget`), so the next `up` replaces the member, as an output reference would.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import type { Props } from "../../../harness/host";
import type { KnownDefect, Slot } from "./world";
import { SLOTS, OWNERS } from "./world";

/** The type tokens of the member resources. */
export const MEMBER_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMember";
export const MEMBERS_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMembers";

/** Whether the member commands run (SEQ_MEMBERS=0 leaves them out). */
export const MEMBERS_ENABLED = process.env.SEQ_MEMBERS !== "0";
/** Whether ChatGroupMembers is in this build (the authoritative mode is generated only then). */
export const AUTHORITATIVE_AVAILABLE = fs.existsSync(
  path.join(__dirname, "../../../provider/resources/chat-group-members/resource.ts"),
);

/** Imported accounts that are never owners (the owners of world.ts may be declared as members too). */
export const MEMBER_ACCOUNTS = ["member-1", "member-2", "member-3"] as const;
/** An account a declaration may name: a plain member, or an owner account (refused while it owns the group). */
export type Account = (typeof MEMBER_ACCOUNTS)[number] | (typeof OWNERS)[number];

/** The seeded group outside the stack whose members the program may manage (never its profile). */
export const CLUB = "club";
/** Its owner, and the member that joined before the stack existed (it must survive unless the program removes it). */
export const CLUB_OWNER = "owner-1";
export const CLUB_EARLY_MEMBER = "member-3";

/** What a declaration targets: a slot's held group, or the club. */
export type Target = Slot | typeof CLUB;
export const TARGETS: readonly Target[] = [...SLOTS, CLUB];

/** One declared member. */
export interface MemberChoice {
  account: Account;
  role: "Member" | "Admin";
  nameCard?: "c1" | "c2";
  /** Migration: declare a join time (import_group_member; refused unless after the group's creation). */
  joinTime?: 1700000500 | 1700000600;
}

/** The members the program declares for one group, and how. */
export interface TargetChoice {
  mode: "individual" | "authoritative";
  members: MemberChoice[];
}

/** A member program version: per target a declaration, or absent (the program declares no member of it). */
export type MembershipChoice = Partial<Record<Target, TargetChoice>>;

/** A group a declaration names: its model key, id, app profile (when apps run) and creation time. */
export interface GroupRef {
  key: string;
  id: string;
  profile?: string;
  createTime?: number;
}

/** A member declaration resolved to a group: what the program registers now. */
export interface MemberDecl {
  /** URN name: `m-<target>-<account>` (ChatGroupMember) or `ms-<target>` (ChatGroupMembers). */
  name: string;
  type: typeof MEMBER_TYPE | typeof MEMBERS_TYPE;
  target: Target;
  /** The group's model key (keyOf in system.ts). */
  key: string;
  /**
   * The group's creation time when the declaration was resolved. A delete-first replacement of the group (same id)
   * creates a new group without its members; the engine would replace the member resources with it (dependents of
   * a delete-before-replace), which the harness cannot (no dependency graph), so the model then counts them as
   * changed out of band until the next refresh (`retargetMembers` in system.ts).
   */
  incarnation?: number;
  /** The declared members by account (one for a ChatGroupMember). */
  members: Map<string, { role: string; nameCard?: string; joinTime?: number }>;
  /** The resource inputs (without `__provider`). */
  args: Props;
}

/** `value` with weight 1, absent with weight `absent`. */
const sometimes = <T>(arb: fc.Arbitrary<T>, absent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absent }, { arbitrary: arb, weight: 1 });

const memberArb: fc.Arbitrary<MemberChoice> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constantFrom(...MEMBER_ACCOUNTS), weight: 4 },
      { arbitrary: fc.constantFrom(...OWNERS), weight: 1 },
    ),
    fc.constantFrom("Member" as const, "Admin" as const),
    sometimes(fc.constantFrom("c1" as const, "c2" as const), 1),
    // A join time is refused unless the group was created before it (a declared createTime): mostly absent.
    sometimes(fc.constantFrom(1700000500 as const, 1700000600 as const), 5),
  )
  .map(([account, role, nameCard, joinTime]) => ({
    account,
    role,
    ...(nameCard !== undefined ? { nameCard } : {}),
    ...(joinTime !== undefined ? { joinTime } : {}),
  }));

/** Member program versions: per target none, or a few members (deduplicated by account). */
export function membershipArb(): fc.Arbitrary<MembershipChoice> {
  const modes = AUTHORITATIVE_AVAILABLE ? (["individual", "authoritative"] as const) : (["individual"] as const);
  const target: fc.Arbitrary<TargetChoice> = fc.record({
    mode: fc.constantFrom(...modes),
    members: fc.uniqueArray(memberArb, { maxLength: 3, selector: (m) => m.account }),
  });
  return fc.record(Object.fromEntries(TARGETS.map((t) => [t, target])) as Record<Target, fc.Arbitrary<TargetChoice>>, {
    requiredKeys: [],
  });
}

/**
 * Keeps a member choice away from known defects: while "members-delete-fails-when-group-disbanded" is listed, only
 * the club (never deleted) gets a ChatGroupMembers; a slot's group gets the same members as ChatGroupMember
 * resources.
 */
export function gateMembers(target: Target, choice: TargetChoice, defects: ReadonlySet<KnownDefect>): TargetChoice {
  if (choice.mode === "authoritative" && target !== CLUB && defects.has("members-delete-fails-when-group-disbanded"))
    return { ...choice, mode: "individual" };
  return choice;
}

/**
 * The mode the stack holds member resources of for a target (`undefined`: none). A group is managed either by one
 * ChatGroupMembers or by ChatGroupMember resources, not both (README): switching in one `up` creates the new
 * resource (taking the members over) and then deletes the old ones, which removes the members both declare. So a
 * target keeps its held mode until a version declares nothing for it.
 */
export function heldMode(names: ReadonlySet<string>, target: Target): TargetChoice["mode"] | undefined {
  if (names.has(`ms-${target}`)) return "authoritative";
  return [...names].some((n) => n.startsWith(`m-${target}-`)) ? "individual" : undefined;
}

/**
 * A first ChatGroupMembers of the club declares its early member as it is (a Member without a name card), so the
 * take-over succeeds (adoption refuses to remove or change a member it never recorded) and later versions can
 * remove or change it; other members are declared as generated.
 */
export function takingOverClub(choice: TargetChoice): TargetChoice {
  const others = choice.members.filter((m) => m.account !== CLUB_EARLY_MEMBER);
  return { ...choice, members: [...others.slice(0, 2), { account: CLUB_EARLY_MEMBER, role: "Member" }] };
}

/** The declarations a choice makes for one group (`id` in app `app`; `profile` the app input, when apps run). */
export function declsFor(target: Target, choice: TargetChoice, group: GroupRef): MemberDecl[] {
  const app = group.profile !== undefined ? { app: group.profile } : {};
  const entry = (m: MemberChoice) => ({
    role: m.role,
    ...(m.nameCard !== undefined ? { nameCard: m.nameCard } : {}),
  });
  if (choice.mode === "authoritative") {
    return [
      {
        name: `ms-${target}`,
        type: MEMBERS_TYPE,
        target,
        key: group.key,
        incarnation: group.createTime,
        members: new Map(choice.members.map((m) => [m.account, entry(m)])),
        args: {
          groupId: group.id,
          members: choice.members.map((m) => ({ account: m.account, ...entry(m) })),
          ...app,
        },
      },
    ];
  }
  return choice.members.map((m) => ({
    name: `m-${target}-${m.account}`,
    type: MEMBER_TYPE,
    target,
    key: group.key,
    incarnation: group.createTime,
    members: new Map([[m.account, { ...entry(m), ...(m.joinTime !== undefined ? { joinTime: m.joinTime } : {}) }]]),
    args: {
      groupId: group.id,
      account: m.account,
      ...entry(m),
      ...(m.joinTime !== undefined ? { joinTime: m.joinTime } : {}),
      ...app,
    },
  }));
}

/** The same declaration pointed at another group (the slot's group was replaced or moved). */
export function retargeted(d: MemberDecl, group: GroupRef): MemberDecl {
  const args: Props = { ...d.args, groupId: group.id };
  delete args.app;
  if (group.profile !== undefined) args.app = group.profile;
  return { ...d, key: group.key, incarnation: group.createTime, args };
}

/** The accounts a ChatGroupMembers state value lists (a list of `{account}` or a map keyed by account). */
export function accountsIn(value: unknown): string[] {
  if (Array.isArray(value))
    return value.flatMap((m) =>
      m && typeof m === "object" && typeof (m as { account?: unknown }).account === "string"
        ? [(m as { account: string }).account]
        : [],
    );
  if (value && typeof value === "object") return Object.keys(value);
  return [];
}
