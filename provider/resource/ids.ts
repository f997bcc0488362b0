/**
 * Group identity across checks (DECISIONS.md D30, D31): the id chosen on the client when the program gives none,
 * and the sticky inputs (groupId, ownerAccount, createTime) carried forward from the previous inputs.
 *
 * Why on the client: a create whose answer is lost is then always resolved by reading that one id, so a late answer
 * can never make a second group (a service-assigned id can only be looked for by listing). The model is Pulumi's
 * auto-naming: a readable name plus a random suffix, chosen in Check, shown in the preview, kept in state.
 */
import { randomBytes } from "node:crypto";
import { STICKY_INPUTS } from "./fields";
import { canonicalType, isPlainObject, isUnknown } from "./normalize";
import { UNKNOWN } from "./types";

/**
 * Key of the checked inputs listing the sticky inputs taken from the previous inputs rather than from the program.
 * `__`-prefixed: Pulumi's display hides it and check never reads it from a program.
 */
export const CARRIED_KEY = "__carried";

/** Longest custom GroupId, bytes (https://cloud.tencent.com/document/product/269/1502). */
const MAX_ID_BYTES = 48;

/**
 * {@link generateGroupId}: `<slug>-<8 hex>` from the resource name (Community: `@TGS#_<slug>-<8 hex>`, the
 * documented custom-id prefix). The slug keeps letters, digits, `_` and `-`, so the id is printable ASCII, never
 * starts with `@TGS#` for other types, and fits 48 bytes.
 */
export function generateGroupId(
  type: string,
  resourceName: unknown,
  random: (n: number) => Buffer = randomBytes,
): string {
  const prefix = type === "Community" ? "@TGS#_" : "";
  const suffix = `-${random(4).toString("hex")}`;
  const room = MAX_ID_BYTES - prefix.length - suffix.length;
  const raw = typeof resourceName === "string" ? resourceName : "";
  const slug =
    raw
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, room) || "group";
  return `${prefix}${slug}${suffix}`;
}

/** {@link carriedOf}: the sticky inputs that checked inputs took from the previous inputs (see {@link CARRIED_KEY}). */
export function carriedOf(props: unknown): Set<string> {
  const list = isPlainObject(props) ? props[CARRIED_KEY] : undefined;
  return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === "string") : []);
}

/** What the program wrote, as check sees it: raw values (known or not) and the names still unknown. */
export interface ProgramValues {
  raw: Readonly<Record<string, unknown>>;
  unknown: ReadonlySet<string>;
  /** The resource's name in the program (`__resourceName`, set by the ChatGroup class), for readable ids. */
  resourceName?: unknown;
}

/**
 * {@link resolveIdentity} completes checked `inputs` (mutated) from `olds`, the previous checked inputs:
 * - a sticky input the program does not write keeps its previous value, listed under {@link CARRIED_KEY} (so diff
 *   treats it as absent — never a change — while state still records it and a replacement's preview shows it go);
 * - with no groupId anywhere, a new resource (olds without a type: a create, or the engine's re-check of a
 *   replacement, which passes no olds) gets a generated id, unless `serviceAssignedId` is true. An existing resource
 *   without one in its inputs keeps its service-assigned id (absent is no change).
 * While the type is unknown (preview) the id is unknown too: its prefix depends on the type.
 */
export function resolveIdentity(
  olds: unknown,
  program: ProgramValues,
  inputs: Record<string, unknown>,
  random?: (n: number) => Buffer,
): void {
  const prev = isPlainObject(olds) ? olds : {};
  const carried: string[] = [];
  for (const k of STICKY_INPUTS) {
    if (program.raw[k] !== undefined) continue;
    const v = prev[k];
    if ((typeof v === "string" && v !== "" && !isUnknown(v)) || (typeof v === "number" && Number.isFinite(v))) {
      inputs[k] = v;
      carried.push(k);
    }
  }
  if (carried.length > 0) inputs[CARRIED_KEY] = carried;
  if (inputs.groupId !== undefined || prev.type !== undefined) return;
  if (program.unknown.has("serviceAssignedId") || program.unknown.has("type")) {
    inputs.groupId = UNKNOWN;
    return;
  }
  if (program.raw.serviceAssignedId === true) return;
  const type = canonicalType(program.raw.type);
  if (type !== undefined) inputs.groupId = generateGroupId(type, program.resourceName, random);
}
