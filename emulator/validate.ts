/**
 * Field rules shared by the handlers: byte limits, group ids, group types, member counts and app-defined data.
 * Every refusal is a {@link ChatFailure} with 10004 (invalid parameter) and an ErrorInfo naming the field,
 * unless the documentation names another code.
 */
import { Codes } from "../protocol/error-codes";
import type { WireAppDefinedField } from "../protocol/wire";
import { ChatFailure } from "./envelope";
import type { EmulatorBehaviour, StoredGroup } from "./types";

/** UTF-8 byte length: every limit in the docs is in bytes (one CJK character = 3 bytes). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** 10004 with the given ErrorInfo. */
export function invalid(errorInfo: string): ChatFailure {
  return new ChatFailure(Codes.InvalidParameter, errorInfo);
}

/** The request body as a plain object; anything else has been refused by the server already. */
export type Body = Record<string, unknown>;

/** A required non-empty string field. */
export function requireString(body: Body, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw invalid(`${field} is required`);
  if (typeof value !== "string") throw invalid(`${field} must be a string`);
  return value;
}

/** An optional string field (undefined when absent). */
export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(`${field} must be a string`);
  return value;
}

/** An optional integer field within [min, max]. */
export function optionalInteger(body: Body, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalid(`${field} must be an integer`);
  if (value < min || value > max) throw invalid(`${field} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Refuse a string longer than `limit` UTF-8 bytes. */
export function checkBytes(field: string, value: string, limit: number): void {
  const bytes = byteLength(value);
  if (bytes > limit) throw invalid(`${field} is ${bytes} bytes; the limit is ${limit} bytes`);
}

/** Name/Introduction/Notification/FaceUrl as given, after the byte limits of {@link EmulatorBehaviour.limits}. */
export function profileFields(
  body: Body,
  limits: EmulatorBehaviour["limits"],
): Partial<Pick<StoredGroup, "Name" | "Introduction" | "Notification" | "FaceUrl">> {
  const out: Partial<Pick<StoredGroup, "Name" | "Introduction" | "Notification" | "FaceUrl">> = {};
  const rules = [
    ["Name", limits.name],
    ["Introduction", limits.introduction],
    ["Notification", limits.notification],
    ["FaceUrl", limits.faceUrl],
  ] as const;
  for (const [field, limit] of rules) {
    const value = optionalString(body, field);
    if (value === undefined) continue;
    checkBytes(field, value, limit);
    out[field] = value;
  }
  if (out.Name === "") throw invalid("Name must not be empty");
  return out;
}

/** Group types import_group accepts, with the optional new-name aliases (stored under the old names). */
const IMPORTABLE_TYPES = new Set(["Private", "Public", "ChatRoom", "Community"]);
const TYPE_ALIASES: Readonly<Record<string, string>> = { Work: "Private", Meeting: "ChatRoom" };

/** Canonical type for import_group: AVChatRoom → 10007 (documented), unknown → 10004. */
export function importableType(value: string, behaviour: EmulatorBehaviour): string {
  if (value === "AVChatRoom")
    throw new ChatFailure(Codes.NoPermission, "import_group does not support AVChatRoom groups");
  if (IMPORTABLE_TYPES.has(value)) return value;
  // Own entries only: a Type such as "constructor" must not find Object.prototype members.
  const alias = Object.prototype.hasOwnProperty.call(TYPE_ALIASES, value) ? TYPE_ALIASES[value] : undefined;
  if (alias !== undefined && behaviour.acceptTypeAliases) return alias;
  throw invalid(`Type must be one of Private, Public, ChatRoom, Community; got ${JSON.stringify(value)}`);
}

/** Group types get_appid_group_list filters on (https://cloud.tencent.com/document/product/269/1614). */
export const LISTABLE_TYPES: ReadonlySet<string> = new Set([
  "Public",
  "Private",
  "ChatRoom",
  "AVChatRoom",
  "BChatRoom",
  "Community",
]);

/**
 * The ApplyJoinOption a type always has under {@link EmulatorBehaviour.joinOptionRules} "fixed"/"fixed-ignore":
 * Work (Private) groups forbid applying, Meeting (ChatRoom) groups let anyone join, "and this cannot be changed"
 * (Web SDK: https://web.sdk.qcloud.com/im/doc/v3/zh-cn/Group.html , https://www.tencentcloud.com/zh/document/product/1047/48184).
 */
export function fixedApplyJoinOption(type: string, behaviour: EmulatorBehaviour): string | undefined {
  if (behaviour.joinOptionRules === "settable") return undefined;
  if (type === "Private") return "DisableApply";
  if (type === "ChatRoom") return "FreeAccess";
  return undefined;
}

/**
 * A requested ApplyJoinOption as the group will hold it: undefined when absent; Community takes none
 * (https://www.tencentcloud.com/document/product/1047/34967); a type with a fixed option refuses another value
 * ("fixed", 10004 with the service's wording) or keeps its own ("fixed-ignore").
 */
export function applyJoinOption(
  value: string | undefined,
  type: string,
  behaviour: EmulatorBehaviour,
): string | undefined {
  if (value === undefined) return undefined;
  if (type === "Community") throw invalid("ApplyJoinOption is not supported by Community groups");
  if (value !== "FreeAccess" && value !== "NeedPermission" && value !== "DisableApply") {
    throw invalid(`ApplyJoinOption must be FreeAccess, NeedPermission or DisableApply; got ${JSON.stringify(value)}`);
  }
  const fixed = fixedApplyJoinOption(type, behaviour);
  if (fixed !== undefined && value !== fixed) {
    // ErrorInfo as reported from the field (https://github.com/zhaoyang21cn/iLiveSDK_Android_Suixinbo/issues/96).
    if (behaviour.joinOptionRules === "fixed") throw invalid("this group type does not enable apply join group");
    return fixed;
  }
  return value;
}

/**
 * A requested InviteJoinOption (FreeAccess / NeedPermission / DisableInvite): undefined when absent; Community and
 * AVChatRoom groups refuse it with 10007 ("该选项 AVChatRoom 群类型不支持"; live groups and communities do not allow
 * invitations: https://im.sdk.qcloud.com/doc/HarmonyOS/interfaces/V2TIMCreateGroupInfo.html).
 */
export function inviteJoinOption(value: string | undefined, type: string): string | undefined {
  if (value === undefined) return undefined;
  if (type === "Community" || type === "AVChatRoom") {
    throw new ChatFailure(Codes.NoPermission, `InviteJoinOption is not supported by ${type} groups`);
  }
  if (value !== "FreeAccess" && value !== "NeedPermission" && value !== "DisableInvite") {
    throw invalid(`InviteJoinOption must be FreeAccess, NeedPermission or DisableInvite; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Largest member limit of a type under the configured plan ({@link EmulatorBehaviour.memberLimits}). */
export function maxMemberLimit(type: string, behaviour: EmulatorBehaviour): number {
  return type === "Community" ? behaviour.memberLimits.maxCommunity : behaviour.memberLimits.max;
}

/** MaxMemberCount stored when import_group omits it. */
export function defaultMemberLimit(type: string, behaviour: EmulatorBehaviour): number {
  return type === "Community" ? behaviour.memberLimits.importDefaultCommunity : behaviour.memberLimits.importDefault;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * Custom GroupId rules (https://cloud.tencent.com/document/product/269/1502): printable ASCII, ≤48 bytes, `@TGS#`
 * reserved, Community needs `@TGS#_`.
 */
export function checkCustomGroupId(id: string, type: string): void {
  if (!PRINTABLE_ASCII.test(id)) throw invalid("GroupId must be printable ASCII (0x20-0x7e)");
  checkBytes("GroupId", id, 48);
  if (type === "Community") {
    if (!id.startsWith("@TGS#_")) throw invalid("GroupId of a Community group must start with @TGS#_");
  } else if (id.startsWith("@TGS#")) {
    throw invalid("GroupId must not start with @TGS# (reserved for ids the server assigns)");
  }
}

/**
 * Account ids (UserID, Owner_Account, Member_Account): non-empty, ≤32 bytes
 * (https://cloud.tencent.com/document/product/269/1608).
 */
export function checkAccountId(field: string, value: unknown): string {
  if (typeof value !== "string") throw invalid(`${field} must be a string`);
  if (value === "") throw invalid(`${field} must not be empty`);
  checkBytes(field, value, 32);
  return value;
}

const KEY_PATTERN = /^[A-Za-z0-9_]{1,16}$/;

/**
 * Validated AppDefinedData entries: array of {Key, Value}; Key `[A-Za-z0-9_]{1,16}`; Value ≤512 bytes;
 * no duplicates; keys in {@link EmulatorBehaviour.appDefinedKeys} when configured. Values are kept verbatim.
 */
export function appDefinedEntries(value: unknown, behaviour: EmulatorBehaviour): WireAppDefinedField[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid("AppDefinedData must be an array of {Key, Value}");
  const seen = new Set<string>();
  const out: WireAppDefinedField[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== "object" || entry === null)
      throw invalid("AppDefinedData entries must be {Key, Value} objects");
    const { Key, Value } = entry as Record<string, unknown>;
    if (typeof Key !== "string") throw invalid("AppDefinedData Key must be a string");
    if (typeof Value !== "string") throw invalid(`AppDefinedData Value of ${JSON.stringify(Key)} must be a string`);
    if (!KEY_PATTERN.test(Key)) {
      throw invalid(`AppDefinedData Key ${JSON.stringify(Key)} must be 1-16 characters of [A-Za-z0-9_]`);
    }
    if (behaviour.appDefinedKeys !== undefined && !behaviour.appDefinedKeys.includes(Key)) {
      // Verbatim wording of the service for an unconfigured key (ISS-142, ISS-FLUT82).
      throw invalid("all defined key is invalid");
    }
    if (seen.has(Key)) throw invalid(`AppDefinedData Key ${JSON.stringify(Key)} appears twice`);
    seen.add(Key);
    checkBytes(`AppDefinedData Value of ${Key}`, Value, 512);
    out.push({ Key, Value });
  }
  return out;
}

/** Refuse more keys than {@link EmulatorBehaviour.maxAppDefinedKeys}. */
export function checkAppDefinedCount(entries: readonly WireAppDefinedField[], behaviour: EmulatorBehaviour): void {
  if (entries.length > behaviour.maxAppDefinedKeys) {
    throw invalid(`AppDefinedData has ${entries.length} keys; the limit is ${behaviour.maxAppDefinedKeys}`);
  }
}

/** "On"/"Off" of MuteAllMember or its older name ShutUpAllMember; both names accepted, they must agree. */
export function muteValue(body: Body): "On" | "Off" | undefined {
  let result: "On" | "Off" | undefined;
  for (const field of ["MuteAllMember", "ShutUpAllMember"] as const) {
    const value = optionalString(body, field);
    if (value === undefined) continue;
    if (value !== "On" && value !== "Off") throw invalid(`${field} must be "On" or "Off"`);
    if (result !== undefined && result !== value) throw invalid("MuteAllMember and ShutUpAllMember disagree");
    result = value;
  }
  return result;
}
