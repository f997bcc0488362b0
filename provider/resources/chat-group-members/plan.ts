/**
 * The pure part of ChatGroupMembers: the membership as a keyed value, the plan from one membership to another (who
 * is added, removed, changed), the per-account detailed diff, and compact descriptions of a plan for errors. No API.
 */
import type { PropertyDiffKind } from "../../kit";

/** A member role the resource manages (the owner is never managed: ownership is ChatGroup's `ownerAccount`). */
export type MemberRole = "Member" | "Admin";

/** One managed member: its role, and its name card when the program manages it (absent = not managed). */
export interface MemberEntry {
  role: MemberRole;
  nameCard?: string;
}

/** The canonical membership: account → entry. Built with a null prototype, so any account name is a plain key. */
export type Membership = Record<string, MemberEntry>;

/** A member as read from the group (the owner included, with role "Owner"). */
export interface LiveMember {
  account: string;
  role: string;
  nameCard?: string;
}

/** What one `up` does to a group's membership. Sorted by account in every list. */
export interface MembershipPlan {
  /** Accounts to add (add_group_member), with the entry to apply after (an Admin role or a name card: modify). */
  add: { account: string; entry: MemberEntry }[];
  /** Members the program does not declare (never the owner): delete_group_member. */
  remove: string[];
  /** Declared members whose role or managed name card differs: modify_group_member_info with only what differs. */
  change: { account: string; role?: MemberRole; nameCard?: string; from: MemberEntry }[];
}

/** An empty membership with a null prototype. */
export function emptyMembership(): Membership {
  return Object.create(null) as Membership;
}

/** The own entry of `account`, never an inherited one. */
export function entryOf(m: Membership | undefined, account: string): MemberEntry | undefined {
  return m !== undefined && Object.prototype.hasOwnProperty.call(m, account) ? m[account] : undefined;
}

/** Accounts of a membership, sorted. */
export function accountsOf(m: Membership | undefined): string[] {
  return m === undefined ? [] : Object.keys(m).sort();
}

/** A membership copied into a null-prototype object with sorted keys (stable JSON). */
export function sortedMembership(m: Membership): Membership {
  const out = emptyMembership();
  for (const a of accountsOf(m)) {
    const e = m[a]!;
    out[a] = e.nameCard === undefined ? { role: e.role } : { role: e.role, nameCard: e.nameCard };
  }
  return out;
}

/**
 * The live members as a membership: the owner left out, every other role kept as read ("Admin"/"Member"; anything
 * else is kept verbatim so it differs from any declared role). Name cards only for the accounts in `nameCardsOf`.
 */
export function liveMembership(live: readonly LiveMember[], nameCardsOf: ReadonlySet<string>): Membership {
  const out = emptyMembership();
  for (const m of live) {
    if (m.role === "Owner") continue;
    const entry: MemberEntry = { role: m.role as MemberRole };
    if (nameCardsOf.has(m.account)) entry.nameCard = m.nameCard ?? "";
    out[m.account] = entry;
  }
  return sortedMembership(out);
}

/**
 * The plan from `current` (live, or the recorded state) to `declared`. A declared name card is compared only when
 * declared; an account whose current name card is unknown gets it sent (the write is idempotent).
 */
export function planMembership(current: Membership, declared: Membership): MembershipPlan {
  const plan: MembershipPlan = { add: [], remove: [], change: [] };
  for (const account of accountsOf(declared)) {
    const want = declared[account]!;
    const have = entryOf(current, account);
    if (have === undefined) {
      plan.add.push({ account, entry: want });
      continue;
    }
    const change: MembershipPlan["change"][number] = { account, from: have };
    if (have.role !== want.role) change.role = want.role;
    if (want.nameCard !== undefined && have.nameCard !== want.nameCard) change.nameCard = want.nameCard;
    if (change.role !== undefined || change.nameCard !== undefined) plan.change.push(change);
  }
  for (const account of accountsOf(current)) if (entryOf(declared, account) === undefined) plan.remove.push(account);
  return plan;
}

/** Whether a plan does nothing. */
export function isEmptyPlan(plan: MembershipPlan): boolean {
  return plan.add.length === 0 && plan.remove.length === 0 && plan.change.length === 0;
}

/** The per-account detailed diff of a plan: `members["alice"]` → ADD / DELETE / UPDATE. */
export function detailedDiffOf(plan: MembershipPlan): Record<string, { kind: PropertyDiffKind; inputDiff: boolean }> {
  const out: Record<string, { kind: PropertyDiffKind; inputDiff: boolean }> = {};
  const key = (a: string) => `members[${JSON.stringify(a)}]`;
  for (const a of plan.add) out[key(a.account)] = { kind: "add", inputDiff: true };
  for (const a of plan.remove) out[key(a)] = { kind: "delete", inputDiff: true };
  for (const c of plan.change) out[key(c.account)] = { kind: "update", inputDiff: true };
  return out;
}

/** `n` with thousands separators ("6,000"). */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** The first `limit` items, quoted, then "and N more": compact for large groups. */
export function listSome(items: readonly string[], limit = 20): string {
  const shown = items.slice(0, limit).map((a) => JSON.stringify(a));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${count(rest)} more` : shown.join(", ");
}

/** One change as text: `"bob" (role Member → Admin, nameCard "" → "Bo")`. */
function describeChange(c: MembershipPlan["change"][number]): string {
  const parts: string[] = [];
  if (c.role !== undefined) parts.push(`role ${c.from.role} → ${c.role}`);
  if (c.nameCard !== undefined) {
    parts.push(
      `nameCard ${c.from.nameCard === undefined ? "(unknown)" : JSON.stringify(c.from.nameCard)} → ${JSON.stringify(c.nameCard)}`,
    );
  }
  return `${JSON.stringify(c.account)} (${parts.join(", ")})`;
}

/**
 * The plan as lines, each capped at `limit` accounts with a count: "remove 3 members not in the program: …",
 * "add 2 members: …", "change 1 member: …". Empty lines are left out.
 */
export function describePlan(plan: MembershipPlan, limit = 20): string[] {
  const lines: string[] = [];
  const members = (n: number) => `${count(n)} member${n === 1 ? "" : "s"}`;
  if (plan.remove.length > 0)
    lines.push(`remove ${members(plan.remove.length)} not in the program: ${listSome(plan.remove, limit)}`);
  if (plan.add.length > 0)
    lines.push(
      `add ${members(plan.add.length)}: ${listSome(
        plan.add.map((a) => a.account),
        limit,
      )}`,
    );
  if (plan.change.length > 0) {
    const shown = plan.change.slice(0, limit).map(describeChange);
    const rest = plan.change.length - shown.length;
    lines.push(
      `change ${members(plan.change.length)}: ${shown.join(", ")}${rest > 0 ? ` and ${count(rest)} more` : ""}`,
    );
  }
  return lines;
}
