/**
 * check(): validates ChatGroup inputs without any I/O and returns every failure at once, plus the normalised
 * inputs. Shape rules come from the generated JSON schema (schema.ts); cross-field rules come from the field
 * table. Values still unknown during preview are skipped, as are the rules that depend on them.
 */
import type { ErrorObject } from "ajv";
import {
  FIELDS,
  GROUP_TYPES,
  fieldByName,
  kindText,
  rangeReason,
  resolveLimits,
  type InputName,
  type ValidationLimits,
} from "./fields";
import { canonicalType, isPlainObject, isUnknown, normalizeInputs, ownEntry, toPlainJson } from "./normalize";
import { resolveIdentity } from "./ids";
import { inputValidator, utf8Bytes } from "./schema";
import type { CheckFailure, CheckResult, GroupType } from "./types";

/** {@link CheckOptions}: per-call settings of {@link check}. */
export interface CheckOptions {
  /** Override limits the docs disagree on; see {@link ValidationLimits}. */
  limits?: Partial<ValidationLimits>;
  /** Random bytes for generated ids (tests); default crypto.randomBytes. */
  random?: (n: number) => Buffer;
}

/** Inputs split into known values (validated) and the names of values still unknown. */
interface Prepared {
  raw: Record<string, unknown>;
  known: Record<string, unknown>;
  unknown: Set<string>;
}

function prepare(news: unknown): Prepared {
  const raw: Record<string, unknown> = {};
  const known: Record<string, unknown> = {};
  const unknown = new Set<string>();
  if (!isPlainObject(news)) return { raw, known, unknown };
  for (const [k, v] of Object.entries(news)) {
    // `__provider` and other engine-internal keys are not inputs; null is Pulumi's "not set".
    if (k.startsWith("__") || v === undefined || v === null) continue;
    raw[k] = v;
    if (isUnknown(v)) {
      unknown.add(k);
      continue;
    }
    // An unknown map value still counts as a key, so it stays (as a short, always-valid placeholder: an empty
    // value would mean "absent").
    known[k] = isPlainObject(v)
      ? Object.fromEntries(Object.entries(v).map(([mk, mv]) => [mk, isUnknown(mv) ? "?" : mv]))
      : v;
  }
  return { raw, known, unknown };
}

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
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

function unknownPropertyReason(prop: string): string {
  const near = FIELDS.map((f) => f.input).find(
    (n) => n.toLowerCase() === prop.toLowerCase() || editDistance(n, prop) <= 2,
  );
  const hint = near ? ` Did you mean ${near}?` : ` Valid inputs: ${FIELDS.map((f) => f.input).join(", ")}.`;
  return `${prop} is not a ChatGroup input.${hint}`;
}

function valueAt(data: Record<string, unknown>, segments: string[]): unknown {
  let cur: unknown = data;
  for (const s of segments) cur = isPlainObject(cur) ? cur[s] : undefined;
  return cur;
}

/**
 * Turns one ajv error into a failure naming the property and the fix; undefined for ajv's inner echoes. `type` is
 * the group type when known and valid (bounds that depend on it are named for it).
 */
function toFailure(
  e: ErrorObject,
  data: Record<string, unknown>,
  limits: ValidationLimits,
  type?: GroupType,
): CheckFailure | undefined {
  if ((e as { propertyName?: string }).propertyName !== undefined) return undefined; // reported by "propertyNames"
  const segs = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const property = segs.join(".");
  const f = fieldByName(segs[0] ?? "");
  const v = valueAt(data, segs);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required": {
      const name = String(p.missingProperty);
      return { property: name, reason: `${name} is required. Set it: ${fieldByName(name)?.doc ?? ""}`.trim() };
    }
    case "additionalProperties": {
      const name = String(p.additionalProperty);
      return { property: name, reason: unknownPropertyReason(name) };
    }
    case "type":
      return {
        property,
        reason: `${property} must be ${article(segs.length > 1 || f?.kind === "enum" ? "string" : f ? kindText(f) : String(p.type))}; got ${describe(v)}.`,
      };
    case "enum": {
      const refused = typeof v === "string" ? ownEntry(f?.refused, v) : undefined;
      const one =
        f?.kind === "bool"
          ? `${property} must be true, false or ${(f.extraValues ?? []).map((x) => JSON.stringify(x)).join(", ")}`
          : `${property} must be one of ${f ? kindText(f).replace(/ \| /g, ", ") : ""}`;
      return { property, reason: refused ?? `${one}; got ${describe(v)}.` };
    }
    case "minLength":
      return { property, reason: `${property} must not be empty. Set a value or remove it.` };
    case "maxBytes": {
      const max = f?.maxBytes ? limits[f.maxBytes] : "?";
      return {
        property,
        reason: `${property} is ${utf8Bytes(String(v))} bytes in UTF-8; the limit is ${max} bytes. Shorten it.`,
      };
    }
    case "pattern":
      return {
        property,
        reason: `${property} must contain only ${f?.pattern?.hint ?? p.pattern}; got ${describe(v)}.`,
      };
    case "propertyNames":
      return {
        property: `${property}.${String(p.propertyName)}`,
        reason: `${property} key ${JSON.stringify(p.propertyName)} is invalid: keys must be ${f?.pattern?.hint ?? "valid"}. Rename it.`,
      };
    case "minimum":
    case "maximum":
      return {
        property,
        reason: f
          ? rangeReason(f, v, type, limits)
          : `${property} is ${String(v)}; the limit is ${String(p.limit)}. Change it.`,
      };
    default:
      return { property, reason: `${property} ${e.message ?? "is invalid"}.` };
  }
}

/** Cross-field rules from the table: type applicability plus each field's own rules. */
function ruleFailures(
  prep: Prepared,
  invalid: Set<string>,
  limits: ValidationLimits,
  olds: Record<string, unknown>,
): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const usable = (n: string): boolean => !prep.unknown.has(n) && !invalid.has(n);
  const type = usable("type") ? canonicalType(prep.known.type) : undefined;
  const values = normalizeInputs(prep.known) as unknown as Record<string, unknown>;
  // Rules must see what the program wrote, not filled-in defaults (adopt needs a *given* groupId).
  const given = (n: InputName): unknown => (prep.known[n] === undefined ? undefined : values[n]);
  const ctxValues = Object.fromEntries(FIELDS.map((f) => [f.input, given(f.input)]));
  for (const f of FIELDS) {
    if (prep.known[f.input] === undefined || !usable(f.input)) continue;
    if (f.appliesTo && type !== undefined && !f.appliesTo(type)) {
      const def = f.defaultFor?.(type);
      if (def === undefined || prep.known[f.input] !== def) {
        const where = GROUP_TYPES.filter(f.appliesTo).join(", ");
        const reason =
          f.notApplicable?.(type, prep.known[f.input]) ??
          `${f.input} applies only to ${where} groups, not ${type}. Remove it${where === "Community" ? " or set type to Community" : ""}.`;
        failures.push({ property: f.input, reason });
        continue;
      }
    }
    for (const rule of f.rules ?? []) {
      if (!rule.dependsOn.every(usable)) continue;
      const reason = rule.test(values[f.input], { type, values: ctxValues, limits, olds });
      if (reason !== undefined) failures.push({ property: f.input, reason });
    }
  }
  return failures;
}

function order(property: string): number {
  const i = FIELDS.findIndex((f) => f.input === property.split(".")[0]);
  return i < 0 ? FIELDS.length : i;
}

/**
 * {@link check} validates `news` and returns `{ inputs, failures }`: all failures at once (each naming its
 * property and the fix) and the inputs in canonical form (see normalize.ts). `olds` (the previous checked inputs,
 * `{}` for a create) matter to one rule only: a `@TGS#…` groupId the stack already manages may stay without
 * `adopt`. Otherwise they only complete the identity (ids.ts): sticky inputs the program no longer writes are
 * carried forward, and a new group without groupId gets a generated one. Never throws, never calls the API.
 *
 * @example
 * const { inputs, failures } = check({}, { type: "Work", name: "Engineering" });
 * // inputs.type === "Private", failures.length === 0
 */
export function check(olds: unknown, news: unknown, options: CheckOptions = {}): CheckResult {
  const limits = resolveLimits(options.limits);
  const prep = prepare(news);
  const previous = normalizeInputs(isPlainObject(olds) ? olds : {}) as unknown as Record<string, unknown>;
  const type = prep.unknown.has("type") ? undefined : canonicalType(prep.known.type);
  const validate = inputValidator(limits);
  const failures: CheckFailure[] = [];
  const invalid = new Set<string>();
  if (!validate(prep.known)) {
    for (const e of validate.errors ?? []) {
      const fail = toFailure(e, prep.known, limits, type);
      if (fail === undefined) continue;
      const top = fail.property.split(".")[0]!;
      if (e.keyword === "required" && prep.unknown.has(top)) continue; // present, just not known yet
      invalid.add(top);
      failures.push(fail);
    }
  }
  failures.push(...ruleFailures(prep, invalid, limits, previous));
  // One failure per property: ajv may report both `type` and `enum` for the same value.
  const seen = new Set<string>();
  const unique = failures.filter((f) => (seen.has(f.property) ? false : (seen.add(f.property), true)));
  unique.sort((a, b) => order(a.property) - order(b.property));
  const inputs = toPlainJson(normalizeInputs(prep.raw)) as unknown as Record<string, unknown>;
  const resourceName = isPlainObject(news) ? news.__resourceName : undefined;
  if (unique.length === 0)
    resolveIdentity(olds, { raw: prep.raw, unknown: prep.unknown, resourceName }, inputs, options.random);
  return { inputs, failures: unique };
}
