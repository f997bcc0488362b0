/**
 * diffTable(): the pure plan of a change of inputs, driven by a {@link ResourceTable}. `olds` are the old outputs
 * (canonical inputs + outputs + `__provider`), `news` the checked inputs; both are canonicalised, so outputs,
 * `__provider`, defaults and map order never show as changes. A value not known yet (preview) counts as a change
 * (a replacement when its field replaces): the preview must never promise less than `up` may do.
 */
import { containsUnknown, jsonEqual } from "../resource/normalize";
import { canonicalInputs } from "./check";
import type { FieldOnChange, ResourceTable } from "./table";

/** Kinds of Pulumi's `PropertyDiff` (pulumi/pulumi proto/pulumi/provider.proto). */
export type PropertyDiffKind = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";

/** One changed input. */
export interface TableFieldChange {
  field: string;
  onChange: FieldOnChange;
  old: unknown;
  new: unknown;
  /** The new value is (or holds) the preview placeholder. */
  unknown: boolean;
}

/** What {@link diffTable} returns: Pulumi's dynamic DiffResult plus a per-property detail. */
export interface TableDiff {
  changes: boolean;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
  /** Per changed input (`onChange: "none"` fields included, marked as updates with no API effect). */
  detailedDiff: Record<string, { kind: PropertyDiffKind; inputDiff: boolean }>;
}

/** Every input whose canonical value differs between old outputs and new inputs, or is not known yet. */
export function tableChanges(
  table: ResourceTable,
  olds: object | undefined,
  news: object | undefined,
): TableFieldChange[] {
  const o = canonicalInputs(table, olds);
  const n = canonicalInputs(table, news);
  const out: TableFieldChange[] = [];
  for (const f of table.fields) {
    const unknown = containsUnknown(n[f.input]);
    if (unknown || !jsonEqual(o[f.input], n[f.input]))
      out.push({ field: f.input, onChange: f.onChange, old: o[f.input], new: n[f.input], unknown });
  }
  return out;
}

function kindOf(c: TableFieldChange): PropertyDiffKind {
  const base = c.old === undefined ? "add" : c.new === undefined ? "delete" : "update";
  return c.onChange === "replace" ? (`${base}-replace` as PropertyDiffKind) : base;
}

/**
 * {@link diffTable}: `changes` when a field with an API effect (`replace`/`update`) differs; `replaces` the
 * replace-only fields that differ; `deleteBeforeReplace` only when the replacement keeps the identity (every
 * `table.identity` field known and equal), since two resources with one id cannot coexist. A new or not yet known
 * identity creates first (nothing is deleted before its replacement is known creatable). `stables`: with no
 * replacement, the unchanged inputs and the outputs marked stable.
 */
export function diffTable(table: ResourceTable, olds: object | undefined, news: object | undefined): TableDiff {
  const all = tableChanges(table, olds, news);
  const effective = all.filter((c) => c.onChange !== "none");
  const replaces = effective.filter((c) => c.onChange === "replace").map((c) => c.field);
  const changed = new Set(all.map((c) => c.field));
  const identity = table.identity ?? [];
  const deleteBeforeReplace = replaces.length > 0 && identity.length > 0 && identity.every((f) => !changed.has(f));
  const stables =
    replaces.length > 0
      ? []
      : [
          ...table.fields.map((f) => f.input).filter((f) => !changed.has(f)),
          ...table.outputs.filter((o) => o.stable).map((o) => o.name),
        ];
  const detailedDiff: TableDiff["detailedDiff"] = {};
  for (const c of all) detailedDiff[c.field] = { kind: kindOf(c), inputDiff: true };
  return { changes: effective.length > 0, replaces, stables, deleteBeforeReplace, detailedDiff };
}
