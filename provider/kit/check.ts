/**
 * checkTable(): validates a resource's inputs against its {@link ResourceTable} without I/O, and returns every
 * failure at once (each naming the field and the fix) plus the canonical inputs (defaults filled in, map keys
 * sorted, `null`/`undefined` dropped, engine keys `__*` dropped). Values not known yet (preview) are kept as they
 * are and never validated; rules that would look at them are skipped.
 */
import { isPlainObject, isUnknown, ownEntry } from "../resource/normalize";
import { utf8Bytes } from "../resource/schema";
import type { CheckFailure, CheckResult } from "../resource/types";
import { UNKNOWN_VALUE, type FieldSpec, type ResourceTable } from "./table";

/** Per-call settings of {@link checkTable}. */
export interface TableCheckContext {
  /** Limits configured at run time, by field path (`members`, `members.nameCard`), overriding the table's. */
  limits?: Readonly<Record<string, Partial<Pick<FieldSpec, "maxBytes" | "min" | "max">>>>;
}

/** What a failure quotes of a value: short, and never a secret. */
function describe(v: unknown, f?: FieldSpec): string {
  if (f?.secret) return "a secret value";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/** "X is not a Y input", with the nearest valid name or the list of valid names. */
function unknownInput(path: string, name: string, fields: readonly FieldSpec[], what: string): string {
  const near = fields
    .map((f) => f.input)
    .find((n) => n.toLowerCase() === name.toLowerCase() || editDistance(n, name) <= 2);
  const hint = near
    ? ` Did you mean ${near}?`
    : ` Valid ${what === "input" ? "inputs" : "fields"}: ${fields.map((f) => f.input).join(", ")}.`;
  return `${path} is not ${what === "input" ? "an input" : "a field"} of ${what === "input" ? "this resource" : what}.${hint} Remove or rename it.`;
}

/** The limits of `f` at `path`, with run-time overrides. */
function limitsOf(f: FieldSpec, path: string, ctx: TableCheckContext): FieldSpec {
  const o = ctx.limits?.[path.replace(/\[\d+\]/g, "")];
  return o === undefined ? f : { ...f, ...o };
}

function kindText(f: FieldSpec): string {
  switch (f.kind) {
    case "enum":
      return `one of ${(f.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "bool":
      return f.values?.length ? `true, false or ${f.values.map((v) => JSON.stringify(v)).join(", ")}` : "a boolean";
    case "int":
      return "an integer";
    case "list":
      return f.items ? "a list of objects" : "a list of strings";
    case "map":
      return "a map of strings";
    default:
      return "a string";
  }
}

/** A string's own rules (bytes, pattern); undefined when valid. */
function stringReason(path: string, s: string, f: FieldSpec): string | undefined {
  const bytes = utf8Bytes(s);
  if (f.minBytes !== undefined && bytes < f.minBytes)
    return f.minBytes === 1
      ? `${path} must not be empty. Set a value${f.required ? "" : " or remove it"}.`
      : `${path} is ${bytes} bytes in UTF-8; it needs at least ${f.minBytes}. Lengthen it.`;
  if (f.maxBytes !== undefined && bytes > f.maxBytes)
    return `${path} is ${bytes} bytes in UTF-8; the limit is ${f.maxBytes} bytes. Shorten it.`;
  if (f.pattern && !f.pattern.regex.test(s))
    return `${path} must contain only ${f.pattern.hint}; got ${describe(s, f)}. Change it.`;
  return undefined;
}

function rangeReason(path: string, n: number, f: FieldSpec, unit: string): string | undefined {
  const lo = f.min;
  const hi = f.max;
  if ((lo === undefined || n >= lo) && (hi === undefined || n <= hi)) return undefined;
  const bounds =
    lo !== undefined && hi !== undefined
      ? `from ${lo} to ${hi}`
      : lo !== undefined
        ? `at least ${lo}`
        : `at most ${hi}`;
  return `${path} has ${unit === "" ? `value ${n}` : `${n} ${unit}`}; it must be ${bounds}${unit === "" ? "" : ` ${unit}`}. Change it.`;
}

/**
 * Validates one known value of `f` at `path`; pushes failures (nested ones with their own paths) and returns the
 * canonical value (or undefined when the value is invalid at its own level).
 */
function checkValue(
  f0: FieldSpec,
  path: string,
  v: unknown,
  ctx: TableCheckContext,
  failures: CheckFailure[],
): { ok: boolean; value: unknown } {
  const f = limitsOf(f0, path, ctx);
  const fail = (reason: string) => {
    failures.push({ property: path, reason });
    return { ok: false, value: v };
  };
  const wrongKind = () => fail(`${path} must be ${kindText(f)}; got ${describe(v, f)}.`);
  switch (f.kind) {
    case "string": {
      if (typeof v !== "string") return wrongKind();
      const why = stringReason(path, v, f);
      return why ? fail(why) : { ok: true, value: v };
    }
    case "int": {
      if (typeof v !== "number" || !Number.isSafeInteger(v)) return wrongKind();
      const why = rangeReason(path, v, f, "");
      return why ? fail(why) : { ok: true, value: v };
    }
    case "bool":
      if (typeof v === "boolean" || (typeof v === "string" && (f.values ?? []).includes(v)))
        return { ok: true, value: v };
      return wrongKind();
    case "enum": {
      if (typeof v !== "string" || !(f.values ?? []).includes(v)) {
        const near =
          typeof v === "string" ? (f.values ?? []).find((x) => x.toLowerCase() === v.toLowerCase()) : undefined;
        return near
          ? fail(
              `${path} must be ${kindText(f)} (case matters); got ${describe(v, f)}. Did you mean ${JSON.stringify(near)}?`,
            )
          : wrongKind();
      }
      return { ok: true, value: v };
    }
    case "map": {
      if (!isPlainObject(v)) return wrongKind();
      let ok = true;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const val = v[key];
        if (val === undefined || val === null) continue;
        const at = `${path}.${key}`;
        if (isUnknown(val)) out[key] = val;
        else if (typeof val !== "string") {
          failures.push({ property: at, reason: `${at} must be a string; got ${describe(val, f)}.` });
          ok = false;
        } else {
          const why =
            f.pattern && !f.pattern.regex.test(key)
              ? `${path} key ${JSON.stringify(key)} is invalid: keys must be ${f.pattern.hint}. Rename it.`
              : f.maxBytes !== undefined && utf8Bytes(val) > f.maxBytes
                ? `${at} is ${utf8Bytes(val)} bytes in UTF-8; the limit is ${f.maxBytes} bytes. Shorten it.`
                : undefined;
          if (why) {
            failures.push({ property: at, reason: why });
            ok = false;
          } else out[key] = val;
        }
      }
      const why = rangeReason(path, Object.keys(out).length, f, "keys");
      if (why) return fail(why);
      return { ok, value: out };
    }
    case "list": {
      if (!Array.isArray(v)) return wrongKind();
      const why = rangeReason(path, v.length, f, "entries");
      if (why) return fail(why);
      let ok = true;
      const out = v.map((el, i) => {
        const at = `${path}[${i}]`;
        if (isUnknown(el)) return el;
        if (f.items) {
          const r = checkObject(f.items, at, el, ctx, failures, `${path} entry`);
          ok &&= r.ok;
          return r.value;
        }
        if (typeof el !== "string") {
          failures.push({ property: at, reason: `${at} must be a string; got ${describe(el, f)}.` });
          ok = false;
          return el;
        }
        const bad = stringReason(at, el, { ...f, required: true, minBytes: f.minBytes ?? 1 }); // an empty entry means nothing
        if (bad) {
          failures.push({ property: at, reason: bad });
          ok = false;
        }
        return el;
      });
      if (f.uniqueBy !== undefined) ok = uniqueItems(path, out, f.uniqueBy, failures) && ok;
      return { ok, value: out };
    }
  }
}

/** Each list item's `key` appears once; failures name both positions. */
function uniqueItems(path: string, items: unknown[], key: string, failures: CheckFailure[]): boolean {
  const first = new Map<string, number>();
  let ok = true;
  items.forEach((item, i) => {
    const k = isPlainObject(item) ? ownEntry(item, key) : undefined;
    if (typeof k !== "string" || isUnknown(k)) return;
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else {
      ok = false;
      failures.push({
        property: `${path}[${i}].${key}`,
        reason: `${path}[${i}].${key} ${JSON.stringify(k)} is already declared at ${path}[${j}]. Declare each ${key} once: merge or remove one entry.`,
      });
    }
  });
  return ok;
}

/**
 * Checks a property bag against `fields` (the resource's inputs, or a list item's fields) and canonicalises it.
 * `what` names the bag in messages ("input" for the resource itself).
 */
function checkObject(
  fields: readonly FieldSpec[],
  prefix: string,
  raw: unknown,
  ctx: TableCheckContext,
  failures: CheckFailure[],
  what: string,
): { ok: boolean; value: Record<string, unknown> } {
  const at = (name: string) => (prefix === "" ? name : `${prefix}.${name}`);
  if (!isPlainObject(raw)) {
    failures.push({
      property: prefix || "inputs",
      reason: `${prefix || "inputs"} must be an object; got ${describe(raw)}.`,
    });
    return { ok: false, value: {} };
  }
  let ok = true;
  const out: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const key of Object.keys(raw)) {
    if (key.startsWith("__") || raw[key] === undefined || raw[key] === null) continue;
    if (!fields.some((f) => f.input === key)) {
      failures.push({ property: at(key), reason: unknownInput(at(key), key, fields, what) });
      ok = false;
    }
  }
  for (const f of fields) {
    let v = ownEntry(raw, f.input);
    if (v === null) v = undefined;
    if (v === undefined) {
      if (f.required) {
        failures.push({ property: at(f.input), reason: `${at(f.input)} is required. Set it: ${f.doc}` });
        ok = false;
      } else if (f.default !== undefined) out[f.input] = f.default;
      continue;
    }
    if (isUnknown(v)) {
      out[f.input] = v;
      continue;
    }
    const r = checkValue(f, at(f.input), v, ctx, failures);
    out[f.input] = r.value;
    if (!r.ok) {
      ok = false;
      invalid.add(f.input);
    }
  }
  // Rules see the other values: known valid ones, the placeholder for unknown ones, invalid ones absent.
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(out))
    if (!invalid.has(k)) values[k] = containsUnknownValue(v) ? UNKNOWN_VALUE : v;
  for (const f of fields) {
    const v = values[f.input];
    if (f.validate === undefined || v === undefined || v === UNKNOWN_VALUE || ownEntry(raw, f.input) == null) continue;
    const reason = f.validate(v, values);
    if (reason !== undefined) {
      failures.push({ property: at(f.input), reason });
      ok = false;
    }
  }
  return { ok, value: out };
}

function containsUnknownValue(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknownValue);
  if (isPlainObject(v)) return Object.values(v).some(containsUnknownValue);
  return false;
}

/** Failures in table order (then by path), one per property. */
function ordered(table: ResourceTable, failures: CheckFailure[]): CheckFailure[] {
  const seen = new Set<string>();
  const unique = failures.filter((f) => (seen.has(f.property) ? false : (seen.add(f.property), true)));
  const rank = (p: string) => {
    const i = table.fields.findIndex((f) => f.input === p.split(/[.[]/)[0]);
    return i < 0 ? table.fields.length : i;
  };
  return unique
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.property) - rank(b.f.property) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * {@link checkTable} validates `news` against `table` and returns `{ inputs, failures }`. `olds` (the previous
 * checked inputs) are not needed by the table rules; they are accepted so resources can pass them through.
 *
 * @example
 * checkTable(ACCOUNT_TABLE, {}, { userId: "" }).failures[0].property === "userId"
 */
export function checkTable(
  table: ResourceTable,
  _olds: unknown,
  news: unknown,
  ctx: TableCheckContext = {},
): CheckResult {
  const failures: CheckFailure[] = [];
  const { value } = checkObject(table.fields, "", isPlainObject(news) ? news : {}, ctx, failures, "input");
  return { inputs: value, failures: ordered(table, failures) };
}

/**
 * {@link canonicalInputs}: the table's inputs found in `props` (inputs or old outputs) in canonical form, without
 * validating: other keys (`__provider`, outputs) are dropped, defaults filled in, map keys sorted. Total.
 */
export function canonicalInputs(table: ResourceTable, props: object | undefined): Record<string, unknown> {
  return canonicalObject(table.fields, (props ?? {}) as Record<string, unknown>);
}

function canonicalObject(fields: readonly FieldSpec[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    let v = ownEntry(raw, f.input);
    if (v === null || v === undefined) v = f.default;
    if (v === undefined) continue;
    if (!isUnknown(v) && f.kind === "map" && isPlainObject(v)) {
      const m: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined && v[k] !== null) m[k] = v[k];
      v = m;
    } else if (!isUnknown(v) && f.kind === "list" && f.items && Array.isArray(v)) {
      const items = f.items;
      v = v.map((el) => (isPlainObject(el) ? canonicalObject(items, el) : el));
    }
    out[f.input] = v;
  }
  return out;
}
