/**
 * diff(): the pure plan of what a change of inputs does to a ChatGroup, driven only by the field table.
 * `olds` are the OLD OUTPUTS (canonical inputs + read-only facts + `__provider`); `news` are checked inputs.
 * Both go through normalizeInputs, so facts, `__provider`, defaults, aliases and map order never show as changes.
 */
import { FIELDS, type InputName, type OnChange } from "./fields";
import { containsUnknown, customGroupIdOf, jsonEqual, normalizeInputs, type PropsLike } from "./normalize";
import type { DiffResult } from "./types";

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
 * A sticky field (groupId, createTime, ownerAccount) removed from the program is not a change.
 */
export function fieldChanges(
  olds: PropsLike,
  news: PropsLike,
): FieldChange[] {
  const o = normalizeInputs(olds) as unknown as Record<string, unknown>;
  const n = normalizeInputs(news) as unknown as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const f of FIELDS) {
    const nv = n[f.input];
    if (f.sticky && nv === undefined) continue;
    const unknown = containsUnknown(nv);
    if (unknown || !jsonEqual(o[f.input], nv)) changes.push({ field: f.input, onChange: f.onChange, old: o[f.input], new: nv, unknown });
  }
  return changes;
}

/**
 * {@link diff} returns Pulumi's DiffResult: `changes` when any input with an API effect differs, `replaces`
 * for replace-only fields, and `deleteBeforeReplace` when a replacement would reuse a program-chosen id
 * (new inputs set groupId, or the old group's id was custom). `stables` is informational (the host ignores it).
 *
 * @example
 * diff({ type: "Private", name: "a", __provider: "…" }, { type: "Work", name: "a" }).changes === false
 */
export function diff(
  olds: PropsLike,
  news: PropsLike,
): DiffResult {
  const effective = fieldChanges(olds, news).filter((c) => c.onChange !== "none");
  const replaces = effective.filter((c) => c.onChange === "replace").map((c) => c.field);
  const changed = new Set(effective.map((c) => c.field));
  const newId = normalizeInputs(news).groupId;
  const deleteBeforeReplace = replaces.length > 0 && (newId !== undefined || customGroupIdOf(olds));
  const stables = replaces.length > 0 ? [] : ["groupId", "customGroupId", ...FIELDS.map((f) => f.input).filter((n) => !changed.has(n) && n !== "groupId")];
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
export function plannedUpdate(
  olds: PropsLike,
  news: PropsLike,
): PlannedUpdate {
  const changes = fieldChanges(olds, news);
  const owner = changes.find((c) => c.onChange === "update-owner");
  return {
    modify: changes.filter((c) => c.onChange === "update-modify").map((c) => c.field),
    ownerChanged: owner !== undefined,
    ...(owner !== undefined && typeof owner.new === "string" ? { newOwner: owner.new } : {}),
    replaces: changes.filter((c) => c.onChange === "replace").map((c) => c.field),
  };
}
