/**
 * Canonical form of ChatGroup inputs, shared by check, diff and read so that equivalent forms compare equal:
 * aliases mapped (Work→Private), defaults filled in (absent ≡ default), map keys sorted, `null`/`undefined` dropped.
 * Everything here is total: it never throws, whatever it is given.
 */
import { FIELDS, type FieldSpec } from "./fields";
import { UNKNOWN, type CanonicalInputs, type GroupType } from "./types";

/**
 * {@link PropsLike}: any property bag the model reads: program inputs, checked inputs, {@link CanonicalInputs},
 * old outputs (with `__provider` and facts). Typed loosely so typed interfaces are accepted without casts.
 */
export type PropsLike = object | undefined;

/** {@link isUnknown} is true for Pulumi's preview placeholder {@link UNKNOWN}. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** {@link containsUnknown} is true when the value is, or (in a map/array) holds, {@link UNKNOWN}. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isPlainObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

/** {@link isPlainObject}: a non-null, non-array object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * {@link ownEntry} reads `record[key]` only when it is the record's own entry: a value the program wrote (say a type
 * "valueOf") must never reach Object.prototype members through a table lookup.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** {@link canonicalType} maps `Work`/`Meeting` to Private/ChatRoom; undefined for anything not a valid type. */
export function canonicalType(value: unknown): GroupType | undefined {
  const spec = FIELDS.find((f) => f.input === "type");
  if (typeof value !== "string" || spec === undefined) return undefined;
  const v = ownEntry(spec.aliases, value) ?? value;
  return (spec.values ?? []).includes(v) ? (v as GroupType) : undefined;
}

/** Canonical value of one present, known field value; invalid shapes pass through for check to report. */
function canonicalValue(f: FieldSpec, v: unknown): unknown {
  if (f.kind === "enum" && typeof v === "string") return ownEntry(f.aliases, v) ?? v;
  if (f.kind === "map" && isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const val = v[key];
      // "" deletes a key on the wire, so an empty value and an absent key are the same state.
      if (val === undefined || val === null || val === "") continue;
      out[key] = val;
    }
    return out;
  }
  return v;
}

/**
 * {@link normalizeInputs} returns the canonical inputs found in `props` (program inputs, checked inputs or old
 * outputs). Non-input keys (`__provider`, `memberNum`, typos) are dropped. Values that are {@link UNKNOWN}
 * stay as they are; defaults that depend on an unknown type are not filled in.
 */
export function normalizeInputs(props: PropsLike): CanonicalInputs {
  const src = (props ?? {}) as Record<string, unknown>;
  const type = canonicalType(src.type);
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    let v = src[f.input];
    if (v === null) v = undefined;
    if (v !== undefined && !isUnknown(v)) v = canonicalValue(f, v);
    // A value that does not apply to this type (ApplyJoinOption read back for a Community) is not state.
    if (type !== undefined && f.appliesTo !== undefined && !f.appliesTo(type)) v = undefined;
    // An empty owner/id read back from the service means "none".
    if (f.sticky && v === "") v = undefined;
    if (v === undefined) v = f.defaultFor?.(type);
    if (v !== undefined) out[f.input] = v;
  }
  return out as unknown as CanonicalInputs;
}

/**
 * {@link customGroupIdOf} tells whether `props` (old outputs or checked inputs) hold a program-chosen group id.
 * Uses the `customGroupId` output when present; otherwise infers from the id: service ids start with `@TGS#`,
 * but a Community's `@TGS#_…` may be either, so it counts as custom (used for state written before `customGroupId` existed).
 */
export function customGroupIdOf(props: PropsLike): boolean {
  const p = (props ?? {}) as Record<string, unknown>;
  if (typeof p.customGroupId === "boolean") return p.customGroupId;
  const id = p.groupId;
  if (typeof id !== "string" || id === "") return false;
  return !id.startsWith("@TGS#") || id.startsWith("@TGS#_");
}

/** {@link jsonEqual} compares two JSON values structurally; object key order is irrelevant. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], ownEntry(b, k)));
  }
  return false;
}

/** {@link toPlainJson} drops `undefined` members recursively, so the value survives Pulumi's Struct encoding. */
export function toPlainJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => toPlainJson(v)) as unknown as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlainJson(v);
    return out as T;
  }
  return value;
}
