/**
 * ChatAccount in the lifecycle sequences: account declarations (a userId from a small pool: new ones, ones seeded
 * with profiles before the stack, and the accounts the groups use as owners and members), out-of-band nick changes
 * and deletes, and the account invariants, checked against the emulators' stores after every step:
 * - no account is deleted unless the program removed, replaced or destroyed a ChatAccount recording
 *   `deleteOnDestroy: true` that the stack created or explicitly adopted (`adopt: true` or `"overwrite"`), or it was
 *   deleted out of band;
 * - an account that existed before the stack is not changed by being taken over, unless adopted with "overwrite";
 *   one the stack never held is never changed;
 * - after a successful `up` every declared account exists with its declared nick and faceUrl (unless changed or
 *   deleted out of band since the last refresh: `up` cannot know).
 * Held ChatAccount state stays usable through the state-usable check of invariants.ts (refresh, preview, destroy).
 */
import fc from "fast-check";
import type { Props } from "../../../harness/host";
import type { ResourceState } from "../../../harness/state";
import type { StoredAccount } from "../../../emulator";
import { MEMBERS_ENABLED } from "./members";
import { OWNERS } from "./world";

/** The type token of ChatAccount. */
export const ACCOUNT_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatAccount";
/** Whether the account commands run (SEQ_ACCOUNTS=0 leaves them out). */
export const ACCOUNTS_ENABLED = process.env.SEQ_ACCOUNTS !== "0";

/** Accounts seeded before every sequence with a profile (in every app): they may be adopted, never changed. */
export const PRE_ACCOUNTS: Readonly<Record<string, { Nick: string; FaceUrl: string }>> = {
  "pre-1": { Nick: "Pre One", FaceUrl: "https://example.com/p1.png" },
  "pre-2": { Nick: "Pre Two", FaceUrl: "" },
};
/** Accounts the groups use (owners, members): declared only with deleteOnDestroy false (the program still uses them). */
export const SHARED_ACCOUNTS: readonly string[] = [OWNERS[1], ...(MEMBERS_ENABLED ? ["member-1"] : [])];
/** The userId pool: two new accounts, the seeded ones, the shared ones. */
export const USER_POOL: readonly string[] = ["acc-1", "acc-2", ...Object.keys(PRE_ACCOUNTS), ...SHARED_ACCOUNTS];

/** The generated form of one ChatAccount declaration. */
export interface AccountChoice {
  nick?: "N1" | "Pre One" | "Pre Two" | "";
  faceUrl?: "https://example.com/f1.png" | "https://example.com/p1.png" | "";
  deleteOnDestroy?: boolean;
  adopt?: boolean | "overwrite";
}
/**
 * An account program version: per userId of the pool a declaration, or absent. The URN name follows the userId
 * (`acct-<userId>`), so a userId never moves between resources: a move is a create of the new resource (taking the
 * account over) and then a delete of the old one, which with deleteOnDestroy deletes the account the new one holds
 * (README: declare each account once per app).
 */
export type AccountProgram = Partial<Record<string, AccountChoice>>;

/** A declared ChatAccount: its URN name and inputs (without `__provider`). */
export interface AccountDecl {
  name: string;
  userId: string;
  args: Props;
}

const sometimes = <T>(arb: fc.Arbitrary<T>, absent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absent }, { arbitrary: arb, weight: 1 });

/** Account program versions. */
export function accountProgramArb(): fc.Arbitrary<AccountProgram> {
  const spec: fc.Arbitrary<AccountChoice> = fc
    .tuple(
      sometimes(fc.constantFrom("N1" as const, "Pre One" as const, "Pre Two" as const, "" as const), 1),
      sometimes(fc.constantFrom("https://example.com/f1.png" as const, "https://example.com/p1.png" as const), 2),
      sometimes(fc.boolean(), 1),
      // Refusals (adopt: false on an existing account, a differing profile without "overwrite") fail the whole up,
      // so the opt-ins are weighted up.
      fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        { arbitrary: fc.constant("overwrite" as const), weight: 3 },
        { arbitrary: fc.constant(true), weight: 2 },
        { arbitrary: fc.constant(false), weight: 1 },
      ),
    )
    .map(([nick, faceUrl, deleteOnDestroy, adopt]) => ({
      ...(nick !== undefined ? { nick } : {}),
      ...(faceUrl !== undefined ? { faceUrl } : {}),
      ...(deleteOnDestroy !== undefined ? { deleteOnDestroy } : {}),
      ...(adopt !== undefined ? { adopt } : {}),
    }));
  // Each userId about one version in three: a few accounts per version.
  return fc
    .record(
      Object.fromEntries(USER_POOL.map((u) => [u, sometimes(spec, 2)])) as Record<
        string,
        fc.Arbitrary<AccountChoice | undefined>
      >,
    )
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, c]) => c !== undefined)) as AccountProgram);
}

/** The declarations a version makes; shared accounts never with deleteOnDestroy (the groups use them). */
export function accountDecls(p: AccountProgram): AccountDecl[] {
  return USER_POOL.flatMap((userId) => {
    const c = p[userId];
    if (!c) return [];
    const name = `acct-${userId}`;
    const args: Props = { userId };
    if (c.nick !== undefined) args.nick = c.nick;
    if (c.faceUrl !== undefined) args.faceUrl = c.faceUrl;
    if (c.deleteOnDestroy !== undefined && !(c.deleteOnDestroy && SHARED_ACCOUNTS.includes(userId)))
      args.deleteOnDestroy = c.deleteOnDestroy;
    if (c.adopt !== undefined) args.adopt = c.adopt;
    return [{ name, userId, args }];
  });
}

/** What the account invariants need of the system (system.ts implements it). */
export interface AccountWorld {
  /** Every account in the emulators, by `<app>/<userId>` key. */
  accountsNow(): Map<string, StoredAccount>;
  /** The key of a state entry's account (its recorded app). */
  keyOfEntry(r: ResourceState): string;
  /** Accounts as seeded, by key. */
  accountSeeds: Map<string, StoredAccount>;
  /** Keys of accounts the stack has held (taken over: later program changes are its own). */
  accountsHeld: Set<string>;
  /** Keys of accounts the stack created or adopted explicitly in this sequence. */
  accountsOwned: Set<string>;
  /** Keys changed or deleted out of band since the last successful refresh. */
  accountDrift: Set<string>;
  /** The declarations the program makes now. */
  accounts: AccountDecl[];
}

/** What a step was, for the deletion rule. */
export interface AccountStep {
  kind: "up" | "refresh" | "destroy" | "out-of-band";
  /** An out-of-band delete: its key. */
  deleted?: string;
}

const accountEntries = (state: ResourceState[]): ResourceState[] => state.filter((r) => r.type === ACCOUNT_TYPE);
const json = (v: unknown): string => JSON.stringify(v);
const profileOf = (a?: StoredAccount): string => json(a && [a.Nick, a.FaceUrl]);

/** Whether an entry says its account is the stack's: imported by it, or adopted explicitly. */
const owns = (r: ResourceState): boolean =>
  r.outputs.adopted === false || r.outputs.adopt === true || r.outputs.adopt === "overwrite";

/**
 * Whether a held entry may delete its account: it records deleteOnDestroy, and the stack created the account or
 * adopted it explicitly (in this entry, or earlier in the sequence: a later version may drop `adopt`).
 */
function mayDelete(w: AccountWorld, r: ResourceState): boolean {
  return r.outputs.deleteOnDestroy === true && (owns(r) || w.accountsOwned.has(w.keyOfEntry(r)));
}

/** Accounts deleted by a step that no rule allows. */
export function deletions(
  w: AccountWorld,
  prevState: ResourceState[],
  prevAccounts: Map<string, StoredAccount>,
  nowState: ResourceState[],
  step: AccountStep,
): string[] {
  const out: string[] = [];
  const now = w.accountsNow();
  for (const key of prevAccounts.keys()) {
    if (now.has(key) || step.deleted === key) continue;
    const allowed =
      (step.kind === "up" || step.kind === "destroy") &&
      accountEntries(prevState).some((r) => {
        if (w.keyOfEntry(r) !== key || !mayDelete(w, r)) return false;
        if (step.kind === "destroy" || r.delete) return true;
        // Removed from the program, or replaced (another userId or app): the entry no longer holds this key.
        return !accountEntries(nowState).some((n) => n.name === r.name && !n.delete && w.keyOfEntry(n) === key);
      });
    if (!allowed) out.push(`account ${key} was deleted, and no ChatAccount the stack owns with deleteOnDestroy left`);
  }
  return out;
}

/** Account store invariants after any step (also marks what the stack now holds). */
export function accountStoreInvariants(
  w: AccountWorld,
  prevState: ResourceState[],
  prevAccounts: Map<string, StoredAccount>,
  nowState: ResourceState[],
  step: AccountStep,
): string[] {
  const out = deletions(w, prevState, prevAccounts, nowState, step);
  const now = w.accountsNow();
  const prevKeys = new Set(accountEntries(prevState).map((r) => w.keyOfEntry(r)));
  for (const r of accountEntries(nowState)) {
    const key = w.keyOfEntry(r);
    const seed = w.accountSeeds.get(key);
    // Taken over in this step: adoption changes nothing unless it says "overwrite".
    if (seed && !prevKeys.has(key) && !w.accountsHeld.has(key) && r.outputs.adopt !== "overwrite") {
      if (now.has(key) && profileOf(now.get(key)) !== profileOf(prevAccounts.get(key)))
        out.push(
          `adopting account ${key} changed it: was ${profileOf(prevAccounts.get(key))}, now ${profileOf(now.get(key))}`,
        );
    }
  }
  for (const r of accountEntries(nowState)) {
    w.accountsHeld.add(w.keyOfEntry(r));
    if (owns(r)) w.accountsOwned.add(w.keyOfEntry(r));
  }
  for (const [key, seed] of w.accountSeeds) {
    if (w.accountsHeld.has(key) || w.accountDrift.has(key) || !now.has(key)) continue;
    if (profileOf(now.get(key)) !== profileOf(seed))
      out.push(`account ${key} outside the stack changed: was ${profileOf(seed)}, now ${profileOf(now.get(key))}`);
  }
  return out;
}

/** After a successful `up`: every declared account exists with its declared nick and faceUrl. */
export function accountUpInvariants(w: AccountWorld, state: ResourceState[]): string[] {
  const out: string[] = [];
  const now = w.accountsNow();
  for (const d of w.accounts) {
    const held = accountEntries(state).filter((r) => r.name === d.name && !r.delete);
    if (held.length !== 1) {
      out.push(`${d.name} (${d.userId}) is held ${held.length} times after a successful up`);
      continue;
    }
    const key = w.keyOfEntry(held[0]!);
    if (w.accountDrift.has(key)) continue;
    const a = now.get(key);
    if (held[0]!.id !== d.userId) out.push(`${d.name} holds ${held[0]!.id}, the program declares ${d.userId}`);
    if (!a) out.push(`${d.name}: account ${key} does not exist after a successful up`);
    else if (
      (d.args.nick !== undefined && a.Nick !== d.args.nick) ||
      (d.args.faceUrl !== undefined && a.FaceUrl !== d.args.faceUrl)
    )
      out.push(
        `${d.name}: account ${key} is ${profileOf(a)}, the program declares ${json([d.args.nick, d.args.faceUrl])}`,
      );
  }
  return out;
}
