/**
 * Membership invariants (issue 11), checked against the emulators' stores after every step, next to the group
 * invariants of invariants.ts, for every group that exists before and after the step (not replaced by it):
 * - no member is removed that the program did not remove: a member leaves a group that still exists only when a
 *   ChatGroupMember holding it is removed or replaced (or destroyed), an authoritative ChatGroupMembers recorded it
 *   and no longer declares it (or is destroyed), or it left out of band; members that joined out of band survive
 *   everything else;
 * - the owner is never removed;
 * - after a successful `up` every declared member is in its group with the declared role and name card, and a group
 *   managed by ChatGroupMembers has exactly the declared members besides its owner (unless changed out of band
 *   since the last refresh: `up` cannot know);
 * - destroy leaves no managed member (checked on the copy the state-usable check destroys).
 */
import type { ResourceState } from "../../../harness/state";
import type { StoredGroup } from "../../../emulator";
import type { Before } from "./invariants";
import { accountsIn, MEMBER_TYPE, MEMBERS_TYPE, type MemberDecl } from "./members";
import { json, keyOf, label, type SequenceSystem } from "./system";
import type { FaultChoice } from "./world";

/** What kind of step ran, for the removal rules. */
export interface MemberStep {
  kind: "up" | "refresh" | "destroy" | "out-of-band";
  fault?: FaultChoice;
  /** An out-of-band leave: `<group key>#<account>`. */
  left?: string;
}

/** A member resource's state entry: its group key and the accounts it manages. */
export interface HeldMembers {
  entry: ResourceState;
  key: string;
  /** The accounts its delete removes (ChatGroupMember: its account; ChatGroupMembers: `managedAccounts`). */
  accounts: string[];
  /** The membership its state recorded (ChatGroupMembers: `members`, which an update brings to the program). */
  recorded: string[];
}

/** The member resources a state holds (ChatGroupMember and ChatGroupMembers entries), with what they manage. */
export function heldMembers(sys: SequenceSystem, state: ResourceState[]): HeldMembers[] {
  return state.flatMap((entry) => {
    if (entry.type !== MEMBER_TYPE && entry.type !== MEMBERS_TYPE) return [];
    const v = (k: string): unknown => entry.outputs[k] ?? entry.inputs[k];
    const groupId = v("groupId");
    if (typeof groupId !== "string") return [];
    const key = keyOf(sys.appOf(entry), groupId);
    if (entry.type === MEMBER_TYPE) {
      const account = String(v("account"));
      return [{ entry, key, accounts: [account], recorded: [account] }];
    }
    const recorded = accountsIn(v("members"));
    const managed = entry.outputs.managedAccounts;
    const accounts = Array.isArray(managed) ? managed.map(String) : recorded;
    return [{ entry, key, accounts, recorded }];
  });
}

const rolesOf = (g: StoredGroup): Map<string, StoredGroup["Members"][number]> =>
  new Map(g.Members.map((m) => [m.Member_Account, m]));

/** Whether removing `account` from group `key` in this step was the program's (or an out-of-band) doing. */
function removalAllowed(sys: SequenceSystem, prev: Before, step: MemberStep, key: string, account: string): boolean {
  if (step.left === `${key}#${account}`) return true;
  return heldMembers(sys, prev.state).some(({ entry, key: k, accounts, recorded }) => {
    if (k !== key || !(accounts.includes(account) || recorded.includes(account))) return false;
    if (step.kind === "destroy") return accounts.includes(account);
    if (step.kind !== "up") return false;
    const decl = sys.members.find((d) => d.name === entry.name && d.type === entry.type);
    // Removed from the program, or moved to another group: its delete removes what it manages.
    if (!decl || decl.key !== key) return accounts.includes(account);
    const declared = decl.members.get(account);
    if (!declared) return true; // an authoritative list that no longer declares it (recorded in its state)
    // A new joinTime re-imports the member, deleting it first: an outage between the delete and the import leaves
    // it removed until the next up (as a delete-first group replacement, DECISIONS T72).
    return entry.type === MEMBER_TYPE && step.fault !== undefined && declared.joinTime !== entry.inputs.joinTime;
  });
}

/** Store invariants of membership after any step (groups that exist before and after it). */
export function memberStoreInvariants(sys: SequenceSystem, prev: Before, step: MemberStep): string[] {
  const out: string[] = [];
  for (const [key, now] of sys.groups()) {
    const was = prev.groups.get(key);
    // A delete-first replacement (same id: a new type or createTime) is a new group; its old members went with
    // the old one, which the program replaced.
    if (!was || was.Type !== now.Type || was.CreateTime !== now.CreateTime) continue;
    const members = rolesOf(now);
    if (was.Owner_Account && !members.has(was.Owner_Account))
      out.push(`the owner ${was.Owner_Account} of ${label(key)} was removed`);
    for (const m of was.Members) {
      const account = m.Member_Account;
      if (account === was.Owner_Account || members.has(account)) continue;
      if (!removalAllowed(sys, prev, step, key, account))
        out.push(`member ${account} (${m.Role}) of ${label(key)} was removed, and the program did not remove it`);
    }
  }
  return out;
}

const drifted = (sys: SequenceSystem, key: string, account: string): boolean =>
  sys.memberDrift.has(`${key}#${account}`);

/** After an `up` that succeeded: the declared members are in their groups as declared. */
export function memberUpInvariants(sys: SequenceSystem, decls: readonly MemberDecl[]): string[] {
  const out: string[] = [];
  for (const d of decls) {
    const g = sys.groupAt(d.key);
    if (!g || sys.mayBeGone.has(d.key)) continue; // the group went with this up, or out of band
    if (d.incarnation !== undefined && g.CreateTime !== d.incarnation) continue; // replaced under the same id
    const live = rolesOf(g);
    for (const [account, want] of d.members) {
      if (account === g.Owner_Account || drifted(sys, d.key, account)) continue;
      const m = live.get(account);
      if (!m) out.push(`${d.name}: ${account} is not a member of ${label(d.key)} after a successful up`);
      else if (m.Role !== want.role || (want.nameCard !== undefined && (m.NameCard ?? "") !== want.nameCard))
        out.push(
          `${d.name}: ${account} in ${label(d.key)} is ${json([m.Role, m.NameCard])}, the program declares ${json([want.role, want.nameCard])}`,
        );
    }
    if (d.type === MEMBERS_TYPE) {
      const extra = [...live.keys()].filter(
        (a) => a !== g.Owner_Account && !d.members.has(a) && !drifted(sys, d.key, a),
      );
      if (extra.length > 0)
        out.push(`${d.name}: ${label(d.key)} still has undeclared members ${json(extra)} after a successful up`);
    }
  }
  return out;
}

/**
 * Run inside the state-usable check's destroy of a copy (the stores are restored afterwards): every member a held
 * member resource managed is gone from its group, unless it is the group's owner (never removed).
 */
export function destroyLeftMembers(sys: SequenceSystem, heldBefore: HeldMembers[]): string[] {
  const out: string[] = [];
  for (const { entry, key, accounts } of heldBefore) {
    if (entry.pendingReplacement) continue;
    const g = sys.groupAt(key);
    if (!g) continue;
    const live = rolesOf(g);
    for (const a of accounts)
      if (a !== g.Owner_Account && live.has(a)) out.push(`destroy left ${entry.name}'s member ${a} in ${label(key)}`);
  }
  return out;
}
