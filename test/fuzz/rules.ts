/**
 * The ChatGroup input rules as the public documentation states them, written out as literals for the fuzz oracle
 * and generators. Nothing here is imported from provider/: if the implementation's field table or limits drift
 * from the documentation (say the name limit becomes 29 bytes), the fuzz properties disagree and fail.
 *
 * Sources (public pages):
 * - import_group: https://cloud.tencent.com/document/product/269/1634 (English: https://tencentcloud.com/document/product/1047/34967)
 *   Name ≤ 30 bytes, Introduction ≤ 240 bytes, Notification ≤ 300 bytes, FaceUrl ≤ 100 bytes, MaxMemberCount ≤ 6000,
 *   CreateTime in Unix seconds; ApplyJoinOption FreeAccess | NeedPermission | DisableApply, not for Community groups.
 * - modify_group_base_info: https://cloud.tencent.com/document/product/269/1620 (AppDefinedData `Value: ""` deletes the key).
 * - Group system: https://cloud.tencent.com/document/product/269/1502 — custom group ids are printable ASCII
 *   (0x20–0x7e), at most 48 bytes, never starting with `@TGS#` (Community ids start with `@TGS#_`); Community groups
 *   hold up to 100,000 members; group custom fields: at most 10 keys, key ≤ 16 bytes of [A-Za-z0-9_], value ≤ 512 bytes.
 * - Account import (UserID ≤ 32 bytes): https://cloud.tencent.com/document/product/269/1608; printable ASCII per
 *   the error-code page https://cloud.tencent.com/document/product/269/1671 (client code 7003).
 * - Pulumi's preview placeholder for unknown values: pulumi/pulumi `sdk/nodejs/runtime/rpc.ts` (`unknownValue`).
 */

/** Documented limits (bytes of UTF-8 unless said otherwise). */
export const DOC = Object.freeze({
  name: 30,
  introduction: 240,
  notification: 300,
  faceUrl: 100,
  groupId: 48,
  ownerAccount: 32,
  maxAppDefinedKeys: 10,
  appDefinedKey: 16,
  appDefinedValue: 512,
  maxMemberCount: 6000,
  maxMemberCountCommunity: 100000,
  /**
   * The most a `maxMemberCount` setting may raise the member limits to (the plan decides the real limit:
   * https://cloud.tencent.com/document/product/269/9346); while the type is unknown only this bound is judged.
   */
  maxMemberCountSetting: 10_000_000,
  /** CreateTime travels as an unsigned 32-bit integer. */
  maxCreateTime: 4294967295,
});

/** JSON kinds of the inputs (README "Inputs reference"). */
export type Kind = "string" | "int" | "bool" | "enum" | "map";

/** Every ChatGroup input and its kind, as the README's reference lists them. */
export const INPUT_KINDS: Readonly<Record<string, Kind>> = Object.freeze({
  type: "enum",
  name: "string",
  groupId: "string",
  ownerAccount: "string",
  introduction: "string",
  notification: "string",
  faceUrl: "string",
  maxMemberCount: "int",
  applyJoinOption: "enum",
  appDefinedData: "map",
  createTime: "int",
  supportTopic: "bool",
  muteAllMember: "bool",
  adopt: "bool",
  serviceAssignedId: "bool",
  inviteJoinOption: "enum",
  app: "string",
});

/** Group types a program may write; Work and Meeting are the new names of Private and ChatRoom. */
export const TYPES = ["Private", "Work", "Public", "ChatRoom", "Meeting", "Community"] as const;
/** Alias → canonical type. */
export const TYPE_ALIASES: Readonly<Record<string, string>> = Object.freeze({ Work: "Private", Meeting: "ChatRoom" });
/** ApplyJoinOption values. */
export const JOIN_OPTIONS = ["FreeAccess", "NeedPermission", "DisableApply"] as const;
/**
 * The join option a Work (Private) or Meeting (ChatRoom) group always has: "Work groups do not allow users to apply
 * to join", "Meeting groups allow anyone to join" (group system, https://cloud.tencent.com/document/product/269/1502).
 */
export const FIXED_JOIN: Readonly<Record<string, string>> = Object.freeze({
  Private: "DisableApply",
  ChatRoom: "FreeAccess",
});
/** InviteJoinOption values (modify_group_base_info, https://cloud.tencent.com/document/product/269/1620); not for Community. */
export const INVITE_OPTIONS = ["FreeAccess", "NeedPermission", "DisableInvite"] as const;
/** The documented custom-field key rule, minus "__proto__" (Pulumi's property encoding drops it, so check refuses it). */
export const APP_DEFINED_KEY = /^(?!__proto__$)[A-Za-z0-9_]{1,16}$/;
/** Pulumi's preview placeholder for a value not known yet. */
export const PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/**
 * Names of Object.prototype members. Valid as custom-field keys (they fit the key rule), and as text they must never
 * reach a prototype through a table lookup.
 */
export const BUILTIN_NAMES = [
  "toString",
  "valueOf",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
] as const;
