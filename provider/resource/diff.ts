/**
 * diff(): the pure plan of what a change of inputs does to a ChatGroup, driven only by the field table.
 * `olds` are the OLD OUTPUTS (canonical inputs + read-only facts + `__provider`); `news` are checked inputs.
 * Both go through normalizeInputs, so facts, `__provider`, defaults, aliases and map order never show as changes.
 */
import { ChatError, ErrorCodes } from "../client/errors";
import { FIELDS, importableIdFailure, type InputName, type OnChange } from "./fields";
import { carriedOf } from "./ids";
import { containsUnknown, isUnknown, jsonEqual, normalizeInputs, type PropsLike } from "./normalize";
import type { DiffResult, GroupType } from "./types";

/** {@link FieldChange}: one input whose canonical value differs (or is not known yet). */
export interface FieldChange {
  field: InputName;
  onChange: OnChange;
  /** Canonical old value (undefined when absent). */
  old: unknown;
  /** Canonical new value; may be or contain the preview placeholder. */
  new: unknown;
  /** True when the new value is not known yet (preview); it then counts as changed. */
  unknown: boolean;
}

/**
 * {@link fieldChanges} lists every input whose canonical value differs between old outputs and new inputs.
 * A sticky field (groupId, createTime, ownerAccount) removed from the program is not a change, whether absent from
 * `news` or carried forward by check (listed under `__carried`).
 */
export function fieldChanges(olds: PropsLike, news: PropsLike): FieldChange[] {
  const o = normalizeInputs(olds) as unknown as Record<string, unknown>;
  const n = normalizeInputs(news) as unknown as Record<string, unknown>;
  const carried = carriedOf(news);
  const changes: FieldChange[] = [];
  for (const f of FIELDS) {
    const nv = n[f.input];
    if (f.sticky && (nv === undefined || carried.has(f.input))) continue;
    const unknown = containsUnknown(nv);
    if (unknown || !jsonEqual(o[f.input], nv))
      changes.push({ field: f.input, onChange: f.onChange, old: o[f.input], new: nv, unknown });
  }
  return changes;
}

/**
 * {@link replacementId}: the id a replacement's new group will have, as far as the plan can tell: the program's
 * groupId (possibly unknown in preview), or undefined when the program declares none — the engine then re-runs
 * check without olds (pulumi/pulumi pkg/resource/deploy/step_generator.go), which chooses a fresh id (or leaves it
 * to the service with serviceAssignedId), so it always differs from the old one.
 */
export function replacementId(news: PropsLike): string | undefined {
  return carriedOf(news).has("groupId") ? undefined : normalizeInputs(news).groupId;
}

/**
 * Refuses a delete-first replacement whose id import_group cannot create again (an adopted service-assigned
 * `@TGS#…` id): the old group would be destroyed and its replacement refused (DECISIONS.md D33).
 */
function refuseUnrecreatableId(olds: PropsLike, news: PropsLike, replaces: InputName[]): void {
  const id = replacementId(news);
  const type = normalizeInputs(news).type;
  if (id === undefined || isUnknown(id) || isUnknown(type)) return;
  const why = importableIdFailure(id, type as GroupType);
  if (why === undefined) return;
  const o = normalizeInputs(olds) as unknown as Record<string, unknown>;
  const n = normalizeInputs(news) as unknown as Record<string, unknown>;
  const what = replaces.map((f) => `${f} ${JSON.stringify(o[f])} → ${JSON.stringify(n[f])}`).join(", ");
  throw new ChatError(
    ErrorCodes.Validation,
    `changing ${what} replaces group ${JSON.stringify(id)}, but import_group cannot create a group with this id: ` +
      `${why.replace(/\.? (Choose another id|Prefix it with @TGS#_)\.$/, "")}; the group would be deleted first and never ` +
      "re-created. Nothing was changed. To replace it with a new group, remove groupId and adopt from the program " +
      "(the new group gets a new id and is created before this one is deleted); otherwise keep the old values.",
    { groupId: id },
  );
}

/**
 * {@link diff} returns Pulumi's DiffResult: `changes` when any input with an API effect differs, `replaces`
 * for replace-only fields, and `deleteBeforeReplace` only when the replacement reuses the old group's id (the
 * program declares the same groupId): a different or generated id is created first and the old group deleted
 * after (DECISIONS.md D4). Throws when a delete-first replacement could not re-create the id.
 * `stables` is informational (the host ignores it).
 *
 * @example
 * diff({ type: "Private", name: "a", __provider: "…" }, { type: "Work", name: "a" }).changes === false
 */
export function diff(olds: PropsLike, news: PropsLike): DiffResult {
  const effective = fieldChanges(olds, news).filter((c) => c.onChange !== "none");
  const replaces = effective.filter((c) => c.onChange === "replace").map((c) => c.field);
  const changed = new Set(effective.map((c) => c.field));
  const newId = replacementId(news);
  const oldId = (olds as Record<string, unknown> | undefined)?.groupId;
  const deleteBeforeReplace = replaces.length > 0 && newId !== undefined && (isUnknown(newId) || newId === oldId);
  if (deleteBeforeReplace) refuseUnrecreatableId(olds, news, replaces);
  const stables =
    replaces.length > 0
      ? []
      : ["groupId", "customGroupId", ...FIELDS.map((f) => f.input).filter((n) => !changed.has(n) && n !== "groupId")];
  return { changes: effective.length > 0, replaces, deleteBeforeReplace, stables };
}

/** {@link PlannedUpdate}: what update() has to send for an in-place change. */
export interface PlannedUpdate {
  /** Changed fields that modify_group_base_info carries, in table order. */
  modify: InputName[];
  /** True when change_group_owner is needed. */
  ownerChanged: boolean;
  /** The new owner, when {@link PlannedUpdate.ownerChanged}. */
  newOwner?: string;
  /** Replace-only fields that differ; update() must not be reached with any (diff said replace). */
  replaces: InputName[];
}

/** {@link plannedUpdate} splits the changes between olds (old outputs) and news into the calls update() makes. */
export function plannedUpdate(olds: PropsLike, news: PropsLike): PlannedUpdate {
  const changes = fieldChanges(olds, news);
  const owner = changes.find((c) => c.onChange === "update-owner");
  return {
    modify: changes.filter((c) => c.onChange === "update-modify").map((c) => c.field),
    ownerChanged: owner !== undefined,
    ...(owner !== undefined && typeof owner.new === "string" ? { newOwner: owner.new } : {}),
    replaces: changes.filter((c) => c.onChange === "replace").map((c) => c.field),
  };
}
