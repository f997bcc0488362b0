/**
 * Names and literals of the generated program: resource names and TypeScript identifiers derived from group ids
 * (stable: a group's name depends only on its own id, unless two ids would collide), and values written as
 * TypeScript literals that read back as exactly the live value.
 */
import { createHash } from "node:crypto";

/** Longest resource name kept as it is (Pulumi accepts longer, but URNs and previews stay readable). */
const MAX_NAME = 64;

/** Short stable hash of a group id: the first `hex` hex digits of its SHA-256. */
export function idHash(id: string, hex = 6): string {
  return createHash("sha256").update(id, "utf8").digest("hex").slice(0, hex);
}

/**
 * {@link resourceNameFor}: the Pulumi resource name of group `id`: the id itself when it is made of letters, digits,
 * `_`, `-` and `.` only (and is short), else a readable slug plus a hash of the id (`@TGS#_forum` → `TGS-_forum-3f2a1c`),
 * so two ids that slug alike never share a name. `hex` lengthens the hash when even that collides.
 */
export function resourceNameFor(id: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(id) && id.length <= MAX_NAME) return id;
  return hashedName(id, 6);
}

/** A readable slug of `id` plus `hex` digits of its hash: always differs from any id kept as it is only by chance. */
export function hashedName(id: string, hex: number): string {
  const slug = id
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, MAX_NAME - hex - 1);
  return `${slug || "group"}-${idHash(id, hex)}`;
}

/**
 * {@link assignNames}: a unique resource name per id. Each id gets {@link resourceNameFor}; ids whose names collide
 * (a slugged id equal to another id kept as it is, or equal slugs with equal short hashes) all get the slug with a
 * 16-digit hash, decided from the id alone, so adding or removing other groups never renames a group that did not
 * collide.
 */
export function assignNames(ids: readonly string[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const id of ids) {
    const n = resourceNameFor(id);
    byName.set(n, [...(byName.get(n) ?? []), id]);
  }
  const out = new Map<string, string>();
  for (const [name, holders] of byName) {
    if (holders.length === 1) out.set(holders[0]!, name);
    else for (const id of holders) out.set(id, hashedName(id, 16));
  }
  const seen = new Set<string>();
  for (const [id, name] of out) {
    if (seen.has(name)) throw new Error(`two groups would share the resource name ${name} (${id}); please report this`);
    seen.add(name);
  }
  return out;
}

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await any boolean number string symbol " +
    "undefined arguments eval"
  ).split(" "),
);

/** Whether `s` can be written as an unquoted property name or a variable name. */
export function isIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
}

/**
 * {@link assignIdentifiers}: a unique TypeScript variable name per resource name: camelCase of its letters and digits
 * (`eng-main` → `engMain`), prefixed `group` when it would start with a digit or be a reserved word; a collision adds
 * the id's hash.
 */
export function assignIdentifiers(names: ReadonlyMap<string, string>): Map<string, string> {
  const base = (name: string): string => {
    const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== "");
    // The first part starts lower-case (wholly, when it is an acronym: TGS → tgs), the others upper-case.
    const first = (p: string) => (/^[A-Z]+$/.test(p) ? p.toLowerCase() : p[0]!.toLowerCase() + p.slice(1));
    let s = parts.map((p, i) => (i === 0 ? first(p) : p[0]!.toUpperCase() + p.slice(1))).join("");
    if (s === "" || /^[0-9]/.test(s) || RESERVED.has(s)) s = `group${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
    return s;
  };
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(base(name), (counts.get(base(name)) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, name] of [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let ident = base(name);
    if (counts.get(ident)! > 1 || taken.has(ident)) ident = `${ident}_${idHash(id, 8)}`;
    out.set(id, ident);
    taken.add(ident);
  }
  return out;
}

/**
 * {@link stringLiteral}: a TypeScript string literal holding exactly `s`: JSON's escaping (quotes, backslashes, control
 * characters, lone surrogates), with CJK and emoji kept readable, and U+2028/U+2029 escaped for older parsers.
 */
export function stringLiteral(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * {@link propertyKey}: an object-literal key for `key` that makes an own property of exactly that name: bare when it
 * is an identifier, quoted otherwise, and computed (`["__proto__"]`) for `__proto__`, which as a plain or quoted key
 * would set the object's prototype instead.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return isIdentifier(key) ? key : stringLiteral(key);
}

/** {@link literal}: a JSON-like value as TypeScript source, objects on one line (`{ a: "x", "1b": "y" }`). */
export function literal(value: unknown): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.keys(value as object).map(
      (k) => `${propertyKey(k)}: ${literal((value as Record<string, unknown>)[k])}`,
    );
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  throw new Error(`cannot write ${typeof value} as a literal`);
}
