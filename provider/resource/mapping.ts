/**
 * Mapping between ChatGroup inputs/outputs (camelCase, canonical) and the wire types of protocol/wire.ts.
 * Every field's wire name and encoding comes from the field table; nothing here knows a field by name except
 * the wire envelope keys (GroupId, NewOwner_Account).
 */
import type {
  ChangeGroupOwnerRequest,
  GetGroupInfoRequest,
  ImportGroupRequest,
  ModifyGroupBaseInfoRequest,
  WireAppDefinedField,
  WireGroupInfo,
} from "../../protocol/wire";
import { FIELDS, STICKY_INPUTS, type FieldSpec } from "./fields";
import { plannedUpdate } from "./diff";
import {
  containsUnknown,
  customGroupIdOf,
  isPlainObject,
  jsonEqual,
  normalizeInputs,
  ownEntry,
  toPlainJson,
  type PropsLike,
} from "./normalize";
import type { CanonicalInputs, ChatGroupOutputs, GroupType } from "./types";

function assertKnown(c: CanonicalInputs, what: string): Record<string, unknown> {
  if (containsUnknown(c))
    throw new Error(`${what}: inputs still hold unknown (preview) values; this is a provider bug.`);
  return c as unknown as Record<string, unknown>;
}

function mapToWire(m: unknown): WireAppDefinedField[] {
  if (!isPlainObject(m)) return [];
  return Object.keys(m)
    .sort()
    .map((Key) => ({ Key, Value: String(m[Key]) }));
}

function toWire(f: FieldSpec, v: unknown): unknown {
  if (f.kind === "map") return mapToWire(v);
  if (f.wireBool === "01") return v === true ? 1 : 0;
  if (f.wireBool === "OnOff") return v === true ? "On" : "Off";
  return v;
}

function fromWire(f: FieldSpec, w: unknown): unknown {
  if (f.kind === "map") {
    if (!Array.isArray(w)) return undefined;
    const out: Record<string, string> = {};
    for (const e of w as WireAppDefinedField[]) if (e && typeof e.Key === "string") out[e.Key] = String(e.Value ?? "");
    return out;
  }
  if (f.wireBool === "01") return w === 1 || w === "1" || w === true;
  if (f.wireBool === "OnOff") return w === "On" || w === true;
  return w;
}

/**
 * {@link toImportRequest} builds the import_group body from (checked) inputs: only fields that differ from
 * the service default are sent (absent ≡ default), SupportTopic only for Community, AppDefinedData sorted by key.
 * Throws if a value is still unknown (create never runs in preview).
 */
export function toImportRequest(inputs: PropsLike): ImportGroupRequest {
  const c = assertKnown(normalizeInputs(inputs), "import_group");
  const type = c.type as GroupType;
  const req: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = c[f.input];
    if (f.wire.import === undefined || v === undefined) continue;
    if (f.appliesTo && !f.appliesTo(type)) continue;
    const def = f.defaultFor?.(type);
    if (!f.required && !f.importAlways && def !== undefined && jsonEqual(v, def)) continue;
    req[f.wire.import] = toWire(f, v);
  }
  return req as unknown as ImportGroupRequest;
}

/**
 * {@link createFollowUp} is the modify_group_base_info body for inputs import_group cannot carry
 * (muteAllMember), to send right after import; undefined when every such input is at its default.
 */
export function createFollowUp(groupId: string, inputs: PropsLike): ModifyGroupBaseInfoRequest | undefined {
  const c = assertKnown(normalizeInputs(inputs), "modify_group_base_info");
  const req: Record<string, unknown> = { GroupId: groupId };
  for (const f of FIELDS) {
    const v = c[f.input];
    if (f.wire.import !== undefined || f.wire.modify === undefined || v === undefined) continue;
    if (jsonEqual(v, f.defaultFor?.(c.type as GroupType))) continue;
    req[f.wire.modify] = toWire(f, v);
  }
  return Object.keys(req).length > 1 ? (req as unknown as ModifyGroupBaseInfoRequest) : undefined;
}

/**
 * {@link toModifyRequest} builds the modify_group_base_info body for the mutable fields that differ between
 * `olds` (old outputs) and `news`; undefined when none does. For appDefinedData only changed keys are sent,
 * and a removed key is sent with `Value: ""` (which deletes it).
 */
export function toModifyRequest(
  groupId: string,
  olds: PropsLike,
  news: PropsLike,
): ModifyGroupBaseInfoRequest | undefined {
  const plan = plannedUpdate(olds, news);
  if (plan.modify.length === 0) return undefined;
  const o = normalizeInputs(olds) as unknown as Record<string, unknown>;
  const n = assertKnown(normalizeInputs(news), "modify_group_base_info");
  const req: Record<string, unknown> = { GroupId: groupId };
  for (const f of FIELDS) {
    if (!plan.modify.includes(f.input) || f.wire.modify === undefined || n[f.input] === undefined) continue;
    if (f.kind === "map") {
      const before = isPlainObject(o[f.input]) ? (o[f.input] as Record<string, unknown>) : {};
      const after = n[f.input] as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
      // Own entries only: a removed key named like an Object.prototype member ("toString") must read as absent.
      req[f.wire.modify] = keys
        .filter((k) => ownEntry(before, k) !== ownEntry(after, k))
        .map((Key) => {
          const value = ownEntry(after, Key);
          return { Key, Value: value === undefined ? "" : String(value) };
        });
    } else {
      req[f.wire.modify] = toWire(f, n[f.input]);
    }
  }
  return req as unknown as ModifyGroupBaseInfoRequest;
}

/** {@link toChangeOwnerRequest} is the change_group_owner body when the owner differs; otherwise undefined. */
export function toChangeOwnerRequest(
  groupId: string,
  olds: PropsLike,
  news: PropsLike,
): ChangeGroupOwnerRequest | undefined {
  const plan = plannedUpdate(olds, news);
  return plan.ownerChanged && plan.newOwner !== undefined
    ? { GroupId: groupId, NewOwner_Account: plan.newOwner }
    : undefined;
}

const STICKY: readonly string[] = STICKY_INPUTS;

/**
 * {@link READ_BASE_INFO_FILTER}: the GroupBaseInfoFilter of every read — each base field the table reads back
 * (`wire.get`, `wire.getAlt`) plus the facts in the outputs (MemberNum, InfoSeq). Never MemberList: without a filter
 * get_group_info returns every member, and answers over 1 MB are refused with 10018
 * (https://cloud.tencent.com/document/product/269/1616).
 */
export const READ_BASE_INFO_FILTER: readonly string[] = Object.freeze([
  ...new Set([
    ...FIELDS.flatMap((f) => [f.wire.get, f.wire.getAlt]).filter(
      (w): w is keyof WireGroupInfo => w !== undefined && w !== "GroupId" && w !== "AppDefinedData",
    ),
    "MemberNum",
    "InfoSeq",
  ]),
]);

/**
 * {@link readFilter}: the ResponseFilter of a read: {@link READ_BASE_INFO_FILTER}, and the custom-field keys found in
 * any of `props` (old outputs, declared inputs) as `AppDefinedDataFilter_Group` — the service returns only the
 * keys a filter names, so a key added outside the program is not seen (DECISIONS.md D51).
 */
export function readFilter(...props: PropsLike[]): NonNullable<GetGroupInfoRequest["ResponseFilter"]> {
  const keys = new Set<string>();
  for (const p of props) {
    const m = (p as Record<string, unknown> | undefined)?.appDefinedData;
    if (isPlainObject(m)) for (const k of Object.keys(m)) keys.add(k);
  }
  const filter: NonNullable<GetGroupInfoRequest["ResponseFilter"]> = {
    GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER],
  };
  if (keys.size > 0) filter.AppDefinedDataFilter_Group = [...keys].sort();
  return filter;
}

/**
 * The sticky inputs of release 0.1.0, whose state has no `undeclaredSticky`. A field that became sticky later
 * (maxMemberCount, inviteJoinOption) was an ordinary input then, stored in the inputs whenever it had a value.
 */
const LEGACY_TRACKED: readonly string[] = ["groupId", "createTime", "ownerAccount"];

/**
 * The sticky inputs the program declares: recorded in outputs (`declaredSticky`, with `undeclaredSticky` naming the
 * rest, so a reader knows which sticky fields the writer tracked); for checked inputs (create, update, adopt) the
 * ones present; a program-chosen id counts as a declared groupId. A sticky field the state's writer did not track
 * counts as declared when the state holds a value: it was an ordinary input then, and a refresh must not drop it.
 */
function declaredStickyOf(prev: Record<string, unknown>, customGroupId: boolean): string[] {
  if (Array.isArray(prev.declaredSticky)) {
    const declared = prev.declaredSticky.filter((k): k is string => STICKY.includes(k as string));
    const tracked = Array.isArray(prev.undeclaredSticky)
      ? [...declared, ...(prev.undeclaredSticky as string[])]
      : LEGACY_TRACKED;
    return STICKY.filter(
      (k) => declared.includes(k) || (!tracked.includes(k) && prev[k] !== undefined && prev[k] !== ""),
    );
  }
  return STICKY.filter((k) => (k === "groupId" ? customGroupId : prev[k] !== undefined && prev[k] !== ""));
}

/** {@link stickyRecord}: the outputs that record which sticky inputs the program declares (see declaredStickyOf). */
export function stickyRecord(declared: readonly string[]): { declaredSticky: string[]; undeclaredSticky: string[] } {
  return { declaredSticky: [...declared], undeclaredSticky: STICKY.filter((k) => !declared.includes(k)) };
}

/** {@link ReadOutcome}: what read() (and create, after reading back) returns: outputs and ReadResult inputs. */
export interface ReadOutcome {
  /** Canonical inputs + facts, plain JSON. */
  outputs: ChatGroupOutputs;
  /**
   * Every input the program declares, including the replace-triggering ones (type, supportTopic, and the sticky
   * groupId/createTime/ownerAccount when declared). Undeclared sticky inputs are omitted: absent is no change.
   */
  inputs: Record<string, unknown>;
}

/** {@link ReadOptions}: per-call settings of {@link fromWireGroupInfo}. */
export interface ReadOptions {
  /** Whether the id was program-chosen; default: the `customGroupId` of `previous`, else inferred from ids. */
  customGroupId?: boolean;
}

/**
 * {@link fromWireGroupInfo} maps a successful get_group_info entry to outputs and ReadResult inputs.
 * Values the entry lacks (filtered responses, `adopt` which has no wire form, SupportTopic on older servers)
 * are taken from `previous` (old outputs, or the checked inputs right after create), so a refresh never
 * invents a change. Reads MuteAllMember and falls back to ShutUpAllMember. Throws on an error entry.
 */
export function fromWireGroupInfo(info: WireGroupInfo, previous?: PropsLike, options: ReadOptions = {}): ReadOutcome {
  if (info.ErrorCode !== 0)
    throw new Error(
      `get_group_info entry for ${info.GroupId} is an error (${info.ErrorCode}); it has no group to map.`,
    );
  const prev = (previous ?? {}) as Record<string, unknown>;
  const wire = info as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const f of FIELDS) {
    let w = f.wire.get !== undefined ? wire[f.wire.get] : undefined;
    if (w === undefined && f.wire.getAlt !== undefined) w = wire[f.wire.getAlt];
    const v = w === undefined ? undefined : fromWire(f, w);
    merged[f.input] = v !== undefined ? v : prev[f.input];
  }
  merged.groupId = info.GroupId;
  const canonical = normalizeInputs(merged);
  const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
  const customGroupId = options.customGroupId ?? customGroupIdOf(prev);
  const declaredSticky = declaredStickyOf(prev, customGroupId);
  const outputs = toPlainJson({
    ...canonical,
    groupId: info.GroupId,
    customGroupId,
    // The stored list stays as written (an upgrade's refresh changes no output); `undeclaredSticky` tells the next
    // reader which sticky fields are really undeclared, so one the writer did not track stays declared.
    declaredSticky: Array.isArray(prev.declaredSticky)
      ? prev.declaredSticky.filter((k) => STICKY.includes(k as string))
      : declaredSticky,
    undeclaredSticky: stickyRecord(declaredSticky).undeclaredSticky,
    memberNum: num(info.MemberNum) ?? num(prev.memberNum),
    infoSeq: num(info.InfoSeq) ?? num(prev.infoSeq),
  }) as ChatGroupOutputs;
  // Sticky inputs the program does not declare are left out: their absence is never a change, and returning them
  // would make the CLI's input-based [diff: …] show a value the program never wrote (e.g. the actual createTime).
  // A service-assigned id could not be written anyway (check refuses "@TGS#…" ids).
  const inputs: Record<string, unknown> = { ...canonical };
  for (const k of STICKY) if (!declaredSticky.includes(k)) delete inputs[k];
  // Inputs the service knows nothing of (adopt, serviceAssignedId, app) are echoed as stored: one the stored state
  // lacks (written by an earlier release, before the input existed) stays absent, so a refresh rewrites no input.
  for (const f of FIELDS)
    if (f.wire.get === undefined && f.onChange === "none" && prev[f.input] === undefined) delete inputs[f.input];
  return { outputs, inputs: toPlainJson(inputs) };
}
