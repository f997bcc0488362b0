/**
 * Looking for an import_group whose answer was lost, so it is never repeated blindly: with a custom GroupId the group
 * is read back (ours → success, absent → repeat, another → 10021); without one, the groups of its type are scanned
 * once the service is surely done with the request. Anything inconclusive is `CHAT_ERR_AMBIGUOUS_CREATE` with what
 * to check and do.
 */
import { getGroupInfoSplitting } from "./batch";
import { ChatApiError, ChatError, ErrorCodes, isNotFound } from "./errors";
import {
  canonicalGroupType,
  IMPORT_IDENTITY_FILTER,
  importDifferences,
  matchesLostImport,
  MAX_GROUP_INFO_IDS,
} from "./groups";
import type { GetGroupInfoRequest, ImportGroupRequest } from "../../protocol/wire";
import type { GroupInfoEntry, GroupListRequest } from "./client";

/** What the lookup needs of the client; every call runs within the import's own deadline. */
export interface LostImportLookup {
  /** The client's clock (ms). */
  clock: () => number;
  /** The client's sleep. */
  sleep: (ms: number) => Promise<void>;
  /** How long after sending the service is surely done with a request (ms). */
  settleMs: number;
  /** The most groups of one type a scan may read. */
  scanLimit: number;
  /** get_group_info for 1–50 ids, one entry per id. */
  groupInfo: (request: GetGroupInfoRequest) => Promise<GroupInfoEntry[]>;
  /** Every group id of a type (get_appid_group_list, all pages). */
  groupIds: (request: Omit<GroupListRequest, "Next">) => AsyncIterable<string>;
}

/** Read back a custom-id group after a lost import answer: ours → success; absent → "retry"; other → 10021. */
export async function findLostImportByReadBack(
  lookup: LostImportLookup,
  sent: ImportGroupRequest,
  groupId: string,
  original: unknown,
): Promise<"retry" | Record<string, unknown>> {
  let entry: GroupInfoEntry;
  try {
    [entry] = (await lookup.groupInfo({ GroupIdList: [groupId], ResponseFilter: identityFilter() })) as [
      GroupInfoEntry,
    ];
  } catch (readError) {
    throw ambiguousCreate(sent, original, readError);
  }
  if (!entry.ok) {
    if (isNotFound(entry.error)) return "retry";
    throw ambiguousCreate(sent, original, entry.error);
  }
  const diffs = importDifferences(sent, entry.group);
  if (diffs.length === 0) return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", GroupId: groupId };
  throw new ChatApiError(
    "import_group",
    10021,
    `the group id is taken by a different group (read back after a lost answer; ${diffs.join("; ")})`,
    { groupId },
  );
}

/**
 * Find a lost import that had no custom GroupId: once the service is surely done with the request, scan the
 * groups of its type for ones matching every sent field and created while the request ran. One → it is ours;
 * none → it was not applied ("retry"); several → an error naming them, so the user decides.
 */
export async function findLostImportByListing(
  lookup: LostImportLookup,
  sent: ImportGroupRequest,
  startedAt: number,
  original: unknown,
): Promise<"retry" | Record<string, unknown>> {
  const wait = startedAt + lookup.settleMs - lookup.clock();
  if (wait > 0) await lookup.sleep(wait);
  const fromSec = Math.floor(startedAt / 1000) - 1;
  const toSec = Math.ceil(lookup.clock() / 1000) + 1;
  const candidates: string[] = [];
  try {
    const ids: string[] = [];
    for await (const id of lookup.groupIds({ GroupType: canonicalGroupType(sent.Type) ?? sent.Type })) {
      if (ids.push(id) > lookup.scanLimit) throw new Error(`more than ${lookup.scanLimit} ${sent.Type} groups to scan`);
    }
    for (let i = 0; i < ids.length; i += MAX_GROUP_INFO_IDS) {
      const request = { GroupIdList: ids.slice(i, i + MAX_GROUP_INFO_IDS), ResponseFilter: identityFilter() };
      for (const entry of await getGroupInfoSplitting({ getGroupInfo: (r) => lookup.groupInfo(r) }, request)) {
        if (entry.ok && matchesLostImport(sent, entry.group, fromSec, toSec)) candidates.push(entry.GroupId);
      }
    }
  } catch (scanError) {
    throw ambiguousCreate(sent, original, scanError, undefined, { fromSec, toSec });
  }
  if (candidates.length === 1) return { ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "", GroupId: candidates[0] };
  if (candidates.length === 0) return "retry";
  throw ambiguousCreate(sent, original, undefined, candidates);
}

/** A fresh copy of {@link IMPORT_IDENTITY_FILTER} (requests must not share frozen arrays with callers). */
function identityFilter(): { GroupBaseInfoFilter: string[] } {
  return { GroupBaseInfoFilter: [...IMPORT_IDENTITY_FILTER.GroupBaseInfoFilter] };
}

/** The `CHAT_ERR_AMBIGUOUS_CREATE` error: what was sent, what is known now, and what to check and do. */
function ambiguousCreate(
  sent: ImportGroupRequest,
  original: unknown,
  readError?: unknown,
  candidates?: string[],
  window?: { fromSec: number; toSec: number },
): ChatError {
  const what = original instanceof Error ? original.message : String(original);
  const how = readError instanceof Error ? readError.message : String(readError);
  let found: string;
  if (candidates && candidates.length > 0) {
    found =
      `It was not repeated, and ${candidates.length} groups now match what was sent: ${candidates.map((c) => JSON.stringify(c)).join(", ")}. ` +
      `What to do: keep the right one by declaring it with groupId: "<that id>" and adopt: true, and destroy the others.`;
  } else if (sent.GroupId) {
    found = `It was sent with GroupId ${JSON.stringify(sent.GroupId)}; reading it back to check also failed (${how}). What to do: check whether group ${JSON.stringify(sent.GroupId)} exists (get_group_info or the Chat console); if it does, declare it with adopt: true, then retry.`;
  } else {
    found =
      `It was sent without a custom GroupId, so it was not repeated (a repeat could create a second group), and looking for it failed (${how}). ` +
      `What to do: check whether a ${sent.Type} group named ${JSON.stringify(sent.Name)}` +
      (window
        ? ` with a CreateTime from ${window.fromSec} to ${window.toSec} (${new Date(window.fromSec * 1000).toISOString()} to ${new Date(window.toSec * 1000).toISOString()})`
        : "") +
      " now exists (get_appid_group_list + get_group_info, or the Chat console); " +
      'if it does, declare it with groupId: "<its id>" and adopt: true, or destroy it; then retry. Setting a custom groupId ' +
      "(the ChatGroup default unless serviceAssignedId is set) avoids this: a lost answer is then resolved by reading that id.";
  }
  return new ChatError(
    ErrorCodes.AmbiguousCreate,
    `Tencent Cloud Chat import_group of group ${JSON.stringify(sent.Name)} may or may not have created the group: ` +
      `the request was sent but the answer was lost (${what}). ${found}`,
    {
      action: "import_group",
      delivery: "ambiguous",
      groupId: sent.GroupId,
      cause: original instanceof ChatError ? original : undefined,
    },
  );
}
