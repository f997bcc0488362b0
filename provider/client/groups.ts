/**
 * Pure helpers over group shapes: request validation, normalizing a get_group_info entry (both mute-flag names),
 * and comparing an imported group with what we sent (to resolve an ambiguous import by reading it back).
 */
import type { ChatAction } from "../../protocol/actions";
import { ChatError, ErrorCodes } from "./errors";
import type { ImportGroupRequest, WireGroupInfo } from "../../protocol/wire";

/**
 * Most ids get_group_info accepts per call ("一次请求最多支持50个群组",
 * https://cloud.tencent.com/document/product/269/1616).
 */
export const MAX_GROUP_INFO_IDS = 50;
/** Largest `Limit` of get_appid_group_list (https://cloud.tencent.com/document/product/269/1614). */
export const MAX_GROUP_LIST_LIMIT = 10_000;

/**
 * The fields {@link importDifferences} compares: reads that resolve a lost import ask only for these, so a scan of
 * 50 groups never carries their member lists (answers over 1 MB are refused with 10018).
 */
export const IMPORT_IDENTITY_FILTER = Object.freeze({
  GroupBaseInfoFilter: Object.freeze([
    "Type",
    "Name",
    "Owner_Account",
    "CreateTime",
    "Introduction",
    "Notification",
    "FaceUrl",
  ]),
});

/** A group as get_group_info returned it, with the mute flag read from either field name. */
export type GroupInfo = WireGroupInfo & {
  /** `MuteAllMember`, or the older `ShutUpAllMember` when only that is present. */
  MuteAllMember?: string;
};

/** Canonical type name: the service stores Private/ChatRoom; Work/Meeting are their newer names
 * (https://www.tencentcloud.com/zh/document/product/1047/48169). */
export function canonicalGroupType(type: string | undefined): string | undefined {
  if (type === "Work") return "Private";
  if (type === "Meeting") return "ChatRoom";
  return type;
}

/**
 * The entry with `MuteAllMember` filled from `ShutUpAllMember` when needed (older pages name the field ShutUpAllMember:
 * read both).
 */
export function normalizeGroupInfo(entry: WireGroupInfo): GroupInfo {
  const mute = entry.MuteAllMember ?? entry.ShutUpAllMember;
  return mute === undefined ? { ...entry } : { ...entry, MuteAllMember: mute };
}

/**
 * Differences between an import request and the group read back, as `Field: sent vs found` strings; empty when the
 * group is the one we created. Only fields we sent are compared, plus Type and Name (always sent); an unsent owner
 * must read back as none. MaxMemberCount and ApplyJoinOption are not compared: the service may clamp or ignore them.
 */
export function importDifferences(sent: ImportGroupRequest, found: WireGroupInfo): string[] {
  const diffs: string[] = [];
  const check = (field: string, a: unknown, b: unknown) => {
    if (a !== b) diffs.push(`${field}: sent ${JSON.stringify(a)} vs found ${JSON.stringify(b)}`);
  };
  check("Type", canonicalGroupType(sent.Type), canonicalGroupType(found.Type));
  check("Name", sent.Name, found.Name);
  check("Owner_Account", sent.Owner_Account ?? "", found.Owner_Account ?? "");
  if (sent.CreateTime !== undefined) check("CreateTime", sent.CreateTime, found.CreateTime);
  if (sent.Introduction !== undefined) check("Introduction", sent.Introduction, found.Introduction ?? "");
  if (sent.Notification !== undefined) check("Notification", sent.Notification, found.Notification ?? "");
  if (sent.FaceUrl !== undefined) check("FaceUrl", sent.FaceUrl, found.FaceUrl ?? "");
  return diffs;
}

/**
 * Whether a group found by listing is the one an import created, when the import's answer was lost and no custom
 * GroupId identifies it: every sent field matches ({@link importDifferences}) and, unless CreateTime was sent, its
 * CreateTime (the service's request time) lies in `[fromSec, toSec]`, the seconds the request may have run in.
 */
export function matchesLostImport(
  sent: ImportGroupRequest,
  found: WireGroupInfo,
  fromSec: number,
  toSec: number,
): boolean {
  if (importDifferences(sent, found).length > 0) return false;
  if (sent.CreateTime !== undefined) return true;
  return typeof found.CreateTime === "number" && found.CreateTime >= fromSec && found.CreateTime <= toSec;
}

/** Refuse an argument before any request, with a message naming the field and the fix. */
export function validationError(action: ChatAction, message: string): ChatError {
  return new ChatError(ErrorCodes.Validation, `Tencent Cloud Chat ${action}: ${message}`, { action });
}

/** A required string field must be a non-empty string. */
export function requireText(action: ChatAction, field: string, value: unknown): void {
  if (typeof value !== "string" || value.length === 0) {
    throw validationError(action, `${field} is required and must be a non-empty string, got ${JSON.stringify(value)}.`);
  }
}

/** get_group_info takes 1 to 50 non-empty ids. */
export function validateGroupIdList(ids: unknown): asserts ids is string[] {
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_GROUP_INFO_IDS) {
    const n = Array.isArray(ids) ? ids.length : "no";
    throw validationError(
      "get_group_info",
      `GroupIdList must hold 1 to ${MAX_GROUP_INFO_IDS} group ids, got ${n}. What to do: split the ids into batches of ${MAX_GROUP_INFO_IDS}.`,
    );
  }
  ids.forEach((id, i) => requireText("get_group_info", `GroupIdList[${i}]`, id));
}
