/**
 * What the generated program declares for each live group: every value ChatGroup manages, derived from the field
 * table (a field added to ChatGroup is exported without a change here), checked the way the provider will check
 * it, and proven to adopt without a write (no adoption difference) before it is written. A group that cannot be
 * declared that way is returned as a skip with the reason, never dropped silently.
 */
import type { WireGroupInfo } from "../../protocol/wire";
import { adoptDifferences } from "../../provider/resource/adopt";
import { check } from "../../provider/resource/check";
import { FIELDS, type ValidationLimits } from "../../provider/resource/fields";
import { fromWireGroupInfo } from "../../provider/resource/mapping";
import { jsonEqual } from "../../provider/resource/normalize";
import type { GroupType } from "../../provider/resource/types";

/** One member as ChatGroupMembers declares it (the owner is ChatGroup's `ownerAccount`, never a member entry). */
export interface DeclaredMember {
  account: string;
  /** `Admin`; absent for an ordinary member (the default). */
  role?: string;
  nameCard?: string;
}

/** A group the program declares. */
export interface DeclaredGroup {
  groupId: string;
  /** ChatGroup arguments in field-table order, `adopt: true` last. */
  args: Record<string, unknown>;
  /** Authoritative membership (only with `--members`). */
  members?: DeclaredMember[];
  /** Live values left out of the declaration (they stay as they are on the group), each with why. */
  notes?: string[];
}

/** A group (or a part of one) the program does not declare, and why. */
export interface Skip {
  groupId: string;
  reason: string;
}

/** What {@link declareGroup} made of one live group. */
export type Declaration = { ok: true; group: DeclaredGroup } | { ok: false; skip: Skip };

/** Member roles as get_group_member_info names them. */
const OWNER = "Owner";
const MEMBER = "Member";

/**
 * {@link declareGroup}: the ChatGroup arguments that describe `info` exactly, with `adopt: true`: values at their
 * default for the group's type are left out (absent means the default), sticky facts the service keeps (groupId,
 * createTime, ownerAccount, maxMemberCount, inviteJoinOption) are always written when the group has them, so the
 * adoption compares every field and a later replacement keeps them. AVChatRoom groups, and groups whose live values
 * the provider's check would refuse (a name over the configured byte limit, a custom key like `__proto__`), are skips.
 */
export function declareGroup(info: WireGroupInfo, limits?: Partial<ValidationLimits>): Declaration {
  const id = info.GroupId;
  if (info.Type === "AVChatRoom")
    return skip(id, "AVChatRoom: import_group cannot create such groups, so ChatGroup refuses the type");
  let outputs: Record<string, unknown>;
  try {
    outputs = fromWireGroupInfo(info, {}, { customGroupId: true }).outputs as unknown as Record<string, unknown>;
  } catch (e) {
    return skip(id, `could not be mapped: ${(e as Error).message}`);
  }
  const type = outputs.type as GroupType;
  const args: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (f.wire.get === undefined) continue; // no wire form: adopt, serviceAssignedId, app
    const v = outputs[f.input];
    if (v === undefined) continue;
    if (!f.sticky && !f.required && jsonEqual(v, f.defaultFor?.(type))) continue;
    args[f.input] = f.kind === "map" ? sortedMap(v as Record<string, unknown>) : v;
  }
  args.groupId = id;
  args.adopt = true;
  const checked = check({}, args, { limits });
  if (checked.failures.length > 0) {
    const why = checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ");
    return skip(id, `its live values cannot be declared (${why})`);
  }
  const differences = adoptDifferences(outputs, checked.inputs);
  if (differences.length > 0) {
    const fields = differences.map((d) => d.field).join(", ");
    return skip(id, `adopting the declaration would change ${fields}; please report this`);
  }
  const notes = undeclaredKeys(info, args.appDefinedData as Record<string, unknown> | undefined);
  return { ok: true, group: { groupId: id, args: ordered(args), ...(notes.length > 0 ? { notes } : {}) } };
}

/**
 * Custom keys the group has but the declaration lacks: only `__proto__` can be (Pulumi's property encoding drops it,
 * so neither the program nor the provider can hold it); adoption leaves such a key as it is.
 */
function undeclaredKeys(info: WireGroupInfo, declared: Record<string, unknown> | undefined): string[] {
  const live = Array.isArray(info.AppDefinedData) ? info.AppDefinedData : [];
  return live
    .filter((e) => e && typeof e.Key === "string" && e.Value !== "")
    .filter((e) => declared === undefined || !Object.prototype.hasOwnProperty.call(declared, e.Key))
    .map(
      (e) =>
        `custom field ${JSON.stringify(e.Key)} is not declared (Pulumi's property encoding drops that key); ` +
        "it stays as it is on the group",
    );
}

function skip(groupId: string, reason: string): Declaration {
  return { ok: false, skip: { groupId, reason } };
}

function sortedMap(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(m).sort())
    Object.defineProperty(out, k, { value: m[k], enumerable: true, writable: true });
  return out;
}

/** Field-table order, then `adopt`. */
function ordered(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (args[f.input] !== undefined) out[f.input] = args[f.input];
  return out;
}

/** A member as read with MemberInfoFilter ["Role", "NameCard"]. */
export interface LiveMember {
  Member_Account: string;
  Role?: string;
  NameCard?: string;
}

/**
 * {@link declareMembers}: the ChatGroupMembers entries for a group's live members, sorted by account: the owner is
 * left out (ownership is ChatGroup's `ownerAccount`), `Member` is the default role and left out, an empty name card
 * is absent.
 */
export function declareMembers(members: readonly LiveMember[]): DeclaredMember[] {
  return members
    .filter((m) => m.Role !== OWNER)
    .map((m) => {
      const d: DeclaredMember = { account: m.Member_Account };
      if (m.Role !== undefined && m.Role !== MEMBER) d.role = m.Role;
      if (typeof m.NameCard === "string" && m.NameCard !== "") d.nameCard = m.NameCard;
      return d;
    })
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}
