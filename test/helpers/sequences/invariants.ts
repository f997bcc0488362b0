/**
 * The invariants every lifecycle step must keep, checked against the emulator's own store (not the provider's
 * view of it). Each returns the violations it found, as sentences; an empty list means it held. A group is named by
 * its app and id (`keyOf` in system.ts; a held entry's app is the `sdkAppId` its outputs record), since the same id
 * may exist in both apps once the stack moves.
 */
import { planLine, type CommandResult } from "../../../harness/engine";
import type { ResourceState } from "../../../harness/state";
import { errorsOf, groupEntries, json, label, urnOf, type SequenceSystem } from "./system";
import { idOf, SLOTS, type FaultChoice, type Slot } from "./world";
import type { StoredAccount, StoredGroup } from "../../../emulator";
import { destroyLeftMembers, heldMembers } from "./member-invariants";
import { deletions } from "./accounts";

/** What was true just before a step. */
export interface Before {
  state: ResourceState[];
  /** The groups in the emulators, by (app, id) key: the same id may exist in both apps. */
  groups: Map<string, StoredGroup>;
  /** The accounts in the emulators, by `<app>/<userId>` key. */
  accounts: Map<string, StoredAccount>;
}

/**
 * What must not change in a group outside the stack: all of it, but the club's members (the program manages some of
 * them; member-invariants.ts checks those).
 */
export const outside = (kind: string, g: StoredGroup | undefined): unknown =>
  kind === "club" && g ? { ...g, Members: undefined } : g;

/** Captures {@link Before}. */
export function before(sys: SequenceSystem): Before {
  return { state: sys.state(), groups: sys.groups(), accounts: sys.accountsNow() };
}

const live = (state: ResourceState[], slot: string): ResourceState[] =>
  state.filter((r) => r.urn === urnOf(slot) && !r.delete && !r.pendingReplacement);

/**
 * Store invariants, after any step:
 * - nothing outside the stack changed: seeded groups the stack never held are byte-identical;
 * - no orphan: every group in the emulator is seeded or held by the stack (a duplicate is an orphan);
 * - no unknown ghost: every group the stack holds exists, unless, since the last refresh, it was deleted out of band
 *   or by a delete that failed saying it may or may not have been applied;
 * - nothing the program did not remove is gone: a declared slot that had a group still has one, unless an injected
 *   fault hit a delete-first replacement between its delete and its create (the state then holds the old entry,
 *   pendingReplacement or with an ambiguous delete, and the next up creates it).
 */
export function storeInvariants(
  sys: SequenceSystem,
  prev: Before,
  step: { destroys: boolean; fault?: FaultChoice },
): string[] {
  const out: string[] = [];
  const state = groupEntries(sys.state());
  const keyOf = (r: ResourceState): string => sys.keyOfEntry(r);
  for (const r of state) sys.everHeld.add(keyOf(r));
  const byKey = sys.groups();
  for (const [key, { seed, stored }] of sys.seeds) {
    if (sys.everHeld.has(key)) continue;
    const now = byKey.get(key);
    if (json(outside(seed.kind, now)) !== json(outside(seed.kind, stored)))
      out.push(`a group outside the stack changed: ${label(key)} was ${json(stored)}, now ${json(now)}`);
  }
  // Adoption follows Pulumi's import: taking a group over changes nothing in it.
  const PROFILE = [
    "Type",
    "Name",
    "Introduction",
    "Notification",
    "FaceUrl",
    "MaxMemberNum",
    "ApplyJoinOption",
    "MuteAllMember",
    "AppDefinedData",
    "Owner_Account",
  ] as const;
  const profile = (g?: StoredGroup) => json(g && PROFILE.map((k) => g[k]));
  for (const r of state) {
    const seed = sys.seeds.get(keyOf(r));
    if (!seed || seed.seed.kind !== "adoptable" || prev.state.some((p) => keyOf(p) === keyOf(r))) continue;
    if (profile(byKey.get(keyOf(r))) !== profile(seed.stored))
      out.push(
        `adopting ${label(keyOf(r))} changed it: was ${profile(seed.stored)}, now ${profile(byKey.get(keyOf(r)))}`,
      );
  }
  const held = new Set(state.map(keyOf));
  for (const [key, g] of byKey) {
    if (!sys.seeds.has(key) && !held.has(key))
      out.push(`orphan: group ${label(key)} (${g.Type} "${g.Name}") exists but the stack does not hold it`);
  }
  for (const r of state) {
    if (r.pendingReplacement || byKey.has(keyOf(r)) || sys.mayBeGone.has(keyOf(r))) continue;
    out.push(
      `ghost: the stack holds ${r.name} as ${label(keyOf(r))}${r.delete ? " (pending delete)" : ""}, which does not exist`,
    );
  }
  if (!step.destroys) {
    for (const slot of Object.keys(sys.program)) {
      const had = prev.state.filter((r) => r.urn === urnOf(slot) && prev.groups.has(keyOf(r)));
      if (had.length === 0) continue;
      const has = state.some((r) => r.urn === urnOf(slot) && byKey.has(keyOf(r)));
      const mine = state.filter((r) => r.urn === urnOf(slot));
      const outage =
        (step.fault?.action === "import_group" || step.fault?.action === "destroy_group") &&
        mine.some((r) => r.pendingReplacement || sys.mayBeGone.has(keyOf(r)));
      if (!has && !outage)
        out.push(
          `lost: ${slot} had group ${had.map((r) => label(keyOf(r))).join(", ")}, the program still declares it, and no group of it exists now`,
        );
    }
  }
  return out;
}

/**
 * After an `up` that succeeded: every declared slot is held exactly once, by a group that exists with the declared
 * type, name and (when declared) id; nothing is left pending; a replacement kept the sticky values the program no
 * longer declares (id, owner, createTime), unless the plan named them.
 */
export function upInvariants(sys: SequenceSystem, prev: Before, up: CommandResult, preview: CommandResult): string[] {
  if (!up.ok) return [];
  const out: string[] = [];
  const state = sys.state();
  if (state.some((r) => r.delete || r.pendingReplacement))
    out.push(
      `up succeeded but left pending entries: ${json(state.map((r) => [r.name, r.id, r.delete, r.pendingReplacement]))}`,
    );
  for (const [slot, c] of Object.entries(sys.program)) {
    const held = live(state, slot);
    if (held.length !== 1) {
      out.push(`${slot} is held ${held.length} times after a successful up`);
      continue;
    }
    const key = sys.keyOfEntry(held[0]!);
    if (sys.mayBeGone.has(key)) continue; // gone since the last refresh (out of band, or a failed delete): up cannot know
    const g = sys.groupAt(key);
    const want = idOf(slot as Slot, c);
    if (!g) out.push(`${slot} (${label(key)}) does not exist after a successful up`);
    else if (
      g.Type !== c.type ||
      g.Name !== `${slot}-n${c.nameVariant}` ||
      (want !== undefined && g.GroupId !== want)
    ) {
      out.push(
        `${slot} is ${g.GroupId} ${g.Type} "${g.Name}", the program declares ${want ?? "(any id)"} ${c.type} "${slot}-n${c.nameVariant}"`,
      );
    }
    const step = up.steps.find((s) => s.name === slot);
    const old = prev.state.find((r) => r.urn === urnOf(slot) && !r.delete);
    if (step?.op === "replace" && old && g) {
      const planned = preview.steps.find((s) => s.name === slot);
      // What a replace row shows: `[diff: …]` lists every input that differs (without a detailed diff the CLI diffs
      // old and new inputs: pulumi/pulumi pkg/backend/display `getDiffInfo`), plus the keys forcing the replacement.
      const named = new Set([...(planned?.changedKeys ?? []), ...(planned?.replaceKeys ?? [])]);
      const o = old.outputs;
      if (o.customGroupId === true && want === undefined && g.GroupId !== old.id && !named.has("groupId"))
        out.push(`${slot}'s replacement dropped its id ${old.id} (now ${g.GroupId}) without the plan naming it`);
      if (
        typeof o.ownerAccount === "string" &&
        c.owner === "none" &&
        g.Owner_Account !== o.ownerAccount &&
        !named.has("ownerAccount")
      )
        out.push(`${slot}'s replacement dropped owner ${String(o.ownerAccount)} without the plan naming it`);
      const declaredCreate = Array.isArray(o.declaredSticky) && o.declaredSticky.includes("createTime");
      if (declaredCreate && c.createTime === undefined && g.CreateTime !== o.createTime && !named.has("createTime"))
        out.push(`${slot}'s replacement dropped createTime ${String(o.createTime)} without the plan naming it`);
    }
  }
  return out;
}

/**
 * A preview's plan must be what the following `up` does (same steps, same kinds of replacement), except for a step
 * the `up` refused before touching anything (a delete-first pre-flight runs in Diff: under a fault on its
 * account_check the Diff fails, and the engine records the step as unchanged).
 */
export function planInvariant(preview: CommandResult, up: CommandResult): string[] {
  const refused = new Set(up.steps.filter((s) => s.error && REFUSED.test(s.error)).map((s) => s.name));
  const a = preview.steps
    .filter((s) => !refused.has(s.name))
    .map(planLine)
    .sort();
  const b = up.steps
    .filter((s) => !refused.has(s.name))
    .map(planLine)
    .sort();
  const out = json(a) === json(b) ? [] : [`preview planned ${json(a)}, up did ${json(b)}`];
  const unexecuted = up.ok ? up.steps.filter((s) => s.op !== "same" && !s.executed).map(planLine) : [];
  if (unexecuted.length > 0) out.push(`up succeeded without executing ${json(unexecuted)}`);
  return out;
}

/** The promise of an error raised before anything was touched (lifecycle.ts pre-flights). */
const REFUSED = /Nothing was (deleted|removed)/;

/**
 * Whether a command failed only because the provider refused the declared change before touching anything: the
 * pre-flight of a delete-first replacement, whose message promises "Nothing was deleted" (lifecycle.ts; a member re-import's: "Nothing was removed"). Such a
 * program is refused like one that fails check; the state itself stays usable (refresh and destroy are checked).
 */
export function refusedOnly(result: CommandResult): boolean {
  return result.steps.every((s) => s.failures.length === 0 && (!s.error || REFUSED.test(s.error)));
}

/**
 * The state always refreshes, previews and destroys without error (tried on a copy; the emulator is restored):
 * and the destroy removes every group the stack holds and nothing else.
 */
export async function usableInvariants(sys: SequenceSystem): Promise<string[]> {
  const out: string[] = [];
  const refreshed = await sys.onCopy((e) => e.refresh());
  if (!refreshed.ok) out.push(`refresh fails: ${errorsOf(refreshed)}`);
  const preview = await sys.onCopy((e) => e.preview());
  if (!preview.ok && !refusedOnly(preview)) out.push(`preview fails: ${errorsOf(preview)}`);
  const held = groupEntries(sys.state())
    .filter((r) => !r.pendingReplacement)
    .map((r) => sys.keyOfEntry(r));
  const members = heldMembers(sys, sys.state());
  const stateBefore = sys.state();
  const accountsBefore = sys.accountsNow();
  const destroyed = await sys.onCopy(async (e) => {
    const r = await e.destroy();
    const accountsDeleted = deletions(sys, stateBefore, accountsBefore, e.snapshot().resources, { kind: "destroy" });
    const membersLeft = r.ok ? destroyLeftMembers(sys, members) : [];
    const left = held.filter((key) => sys.groupAt(key)).map(label);
    const seedsChanged = [...sys.seeds]
      .filter(
        ([key, s]) =>
          !sys.everHeld.has(key) &&
          json(outside(s.seed.kind, sys.groupAt(key))) !== json(outside(s.seed.kind, s.stored)),
      )
      .map(([key]) => label(key));
    return { r, left, seedsChanged, membersLeft, accountsDeleted, rest: e.snapshot().resources.length };
  });
  if (!destroyed.r.ok) out.push(`destroy fails: ${errorsOf(destroyed.r)}`);
  else if (destroyed.left.length > 0 || destroyed.rest > 0)
    out.push(`destroy left groups ${json(destroyed.left)} / ${destroyed.rest} state entries`);
  out.push(...destroyed.membersLeft, ...destroyed.accountsDeleted.map((v) => `destroy: ${v}`));
  if (destroyed.seedsChanged.length > 0)
    out.push(`destroy changed groups outside the stack: ${json(destroyed.seedsChanged)}`);
  return out;
}

export { SLOTS };
