/**
 * ChatGroupMembers' fields, declared once: the table (README reference), check (validation and the canonical form:
 * members keyed by account, so the engine's input diff names each account added, removed or changed) and diff.
 * Pure: no API.
 */
import { userIdProblem, USER_ID_RULE_TEXT } from "../../../protocol/user-id";
import { isUnknown, containsUnknown, isPlainObject } from "../../resource/normalize";
import {
  detailedDiffOf,
  emptyMembership,
  planMembership,
  sortedMembership,
  type MemberEntry,
  type Membership,
  type PropertyDiffKind,
} from "./plan";

/** Largest name card in UTF-8 bytes ("最大不超过50个字节", https://cloud.tencent.com/document/product/269/1623). */
export const NAME_CARD_BYTES = 50;

/** Member roles the resource accepts (the owner is ChatGroup's ownerAccount). */
export const MEMBER_ROLES = ["Member", "Admin"] as const;

/** One check failure: the property (`members[3].account`) and the reason with the fix. */
export interface MembersCheckFailure {
  property: string;
  reason: string;
}

/** check()'s answer. */
export interface MembersCheckResult {
  inputs: Record<string, unknown>;
  failures: MembersCheckFailure[];
}

/** diff()'s answer; `detailedDiff` is keyed `members["<account>"]`. */
export interface MembersDiffResult {
  changes: boolean;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: boolean;
  detailedDiff: Record<string, { kind: PropertyDiffKind; inputDiff: boolean }>;
}

const INPUTS = ["groupId", "members", "app", "adopt"] as const;
const ITEM_FIELDS = ["account", "role", "nameCard"] as const;
const q = JSON.stringify;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * The members as a list of `{account, role?, nameCard?}`: the program's list as given, or the canonical map (state
 * written by check, e.g. copied back by `ignoreChanges`) turned back into one.
 */
function memberList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isPlainObject(value)) return undefined;
  return Object.keys(value).map((account) => {
    const e = value[account];
    return isPlainObject(e) ? { ...e, account } : { account, role: e };
  });
}

/** Validates one member; pushes failures; returns its canonical entry when valid and known. */
function checkItem(item: unknown, i: number, failures: MembersCheckFailure[]): [string, MemberEntry] | undefined {
  const at = `members[${i}]`;
  if (isUnknown(item)) return undefined;
  if (!isPlainObject(item)) {
    failures.push({ property: at, reason: `${at} must be an object { account, role?, nameCard? }, got ${q(item)}.` });
    return undefined;
  }
  let ok = true;
  for (const k of Object.keys(item)) {
    if ((ITEM_FIELDS as readonly string[]).includes(k) || item[k] === undefined) continue;
    failures.push({
      property: `${at}.${k}`,
      reason: `${at}.${k} is not a member field; use account, role and nameCard.`,
    });
    ok = false;
  }
  const { account, role, nameCard } = item as { account?: unknown; role?: unknown; nameCard?: unknown };
  if (account === undefined || account === null) {
    failures.push({ property: `${at}.account`, reason: `${at}.account is required: the member's UserID.` });
    ok = false;
  } else if (!isUnknown(account)) {
    const problem = userIdProblem(account);
    if (problem !== undefined) {
      failures.push({ property: `${at}.account`, reason: `${at}.account: ${problem} (${USER_ID_RULE_TEXT}).` });
      ok = false;
    }
  }
  if (role !== undefined && role !== null && !isUnknown(role) && !(MEMBER_ROLES as readonly unknown[]).includes(role)) {
    const owner =
      role === "Owner" ? " The owner is not a member role here: ownership is ChatGroup's ownerAccount." : "";
    failures.push({
      property: `${at}.role`,
      reason: `${at}.role must be "Member" or "Admin", got ${q(role)}.${owner}`,
    });
    ok = false;
  }
  if (nameCard !== undefined && nameCard !== null && !isUnknown(nameCard)) {
    if (typeof nameCard !== "string") {
      failures.push({ property: `${at}.nameCard`, reason: `${at}.nameCard must be a string, got ${q(nameCard)}.` });
      ok = false;
    } else if (bytes(nameCard) > NAME_CARD_BYTES) {
      failures.push({
        property: `${at}.nameCard`,
        reason: `${at}.nameCard is ${bytes(nameCard)} bytes (UTF-8); the limit is ${NAME_CARD_BYTES}. Shorten it.`,
      });
      ok = false;
    }
  }
  if (!ok || containsUnknown(item)) return undefined;
  const entry: MemberEntry = { role: (role ?? "Member") as MemberEntry["role"] };
  if (typeof nameCard === "string") entry.nameCard = nameCard;
  return [account as string, entry];
}

/** Validates the members; the canonical map when every member is valid and known, else undefined. */
function checkList(value: unknown, failures: MembersCheckFailure[]): Membership | undefined {
  const list = memberList(value);
  if (list === undefined) {
    failures.push({
      property: "members",
      reason: `members must be a list of { account, role?, nameCard? }, got ${q(value)}. Use [] for a group of only its owner.`,
    });
    return undefined;
  }
  const out = emptyMembership();
  const firstAt = new Map<string, number>();
  let complete = true;
  list.forEach((item, i) => {
    const account = isPlainObject(item) ? item.account : undefined;
    if (typeof account === "string" && !isUnknown(account)) {
      const first = firstAt.get(account);
      if (first !== undefined) {
        failures.push({
          property: `members[${i}].account`,
          reason: `members[${i}].account ${q(account)} is declared twice (also members[${first}]); declare each account once.`,
        });
        complete = false;
        return;
      }
      firstAt.set(account, i);
    }
    const checked = checkItem(item, i, failures);
    if (checked === undefined) complete = false;
    else out[checked[0]] = checked[1];
  });
  return complete ? sortedMembership(out) : undefined;
}

/**
 * check(): every problem at once, each naming its field and the fix. The canonical inputs key the members by
 * account (role filled in, name card only when declared) so equal memberships compare equal in any order.
 */
export function checkMembers(_olds: unknown, news: unknown): MembersCheckResult {
  const failures: MembersCheckFailure[] = [];
  const raw = isPlainObject(news) ? news : {};
  const inputs: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) {
    if (k.startsWith("__") || raw[k] === undefined) continue;
    if (!(INPUTS as readonly string[]).includes(k)) {
      failures.push({ property: k, reason: `${k} is not an input of ChatGroupMembers; use ${INPUTS.join(", ")}.` });
    }
  }
  const { groupId, members, app, adopt } = raw;
  if (groupId === undefined || groupId === null || groupId === "") {
    failures.push({ property: "groupId", reason: "groupId is required: the id of the group whose members these are." });
  } else if (!isUnknown(groupId) && typeof groupId !== "string") {
    failures.push({ property: "groupId", reason: `groupId must be a string, got ${q(groupId)}.` });
  } else inputs.groupId = groupId;
  if (members === undefined || members === null) {
    failures.push({
      property: "members",
      reason: "members is required: every member but the owner ([] for a group of only its owner).",
    });
  } else if (isUnknown(members)) inputs.members = members;
  else {
    const map = checkList(members, failures);
    inputs.members = map ?? members;
  }
  if (app !== undefined && app !== null) {
    if (!isUnknown(app) && (typeof app !== "string" || app === "")) {
      failures.push({ property: "app", reason: `app must name an app profile (a non-empty string), got ${q(app)}.` });
    } else inputs.app = app;
  }
  if (adopt !== undefined && adopt !== null) {
    if (!isUnknown(adopt) && adopt !== true && adopt !== false && adopt !== "overwrite") {
      failures.push({ property: "adopt", reason: `adopt must be true, false or "overwrite", got ${q(adopt)}.` });
    } else inputs.adopt = adopt;
  }
  return { inputs: failures.length === 0 ? inputs : { ...raw, ...inputs }, failures };
}

/**
 * diff(): groupId replaces (create first: the new group's membership is taken over before the old one's managed
 * members are removed); members changes in place, and `detailedDiff` names each account added, removed or changed.
 * `app` and `adopt` have no effect of their own (a change of app is decided by the provider from the SDKAppID).
 */
export function diffMembers(olds: object, news: object): MembersDiffResult {
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  const replaces: string[] = [];
  if (isUnknown(n.groupId) || o.groupId !== n.groupId) replaces.push("groupId");
  let changes = replaces.length > 0;
  let detailedDiff: MembersDiffResult["detailedDiff"] = {};
  if (containsUnknown(n.members) || !isPlainObject(n.members)) {
    changes = true;
  } else {
    const before = (isPlainObject(o.members) ? o.members : emptyMembership()) as Membership;
    const plan = planMembership(Object.assign(emptyMembership(), before), n.members as Membership);
    detailedDiff = detailedDiffOf(plan);
    if (Object.keys(detailedDiff).length > 0) changes = true;
  }
  if (replaces.length > 0) detailedDiff.groupId = { kind: "UPDATE_REPLACE", inputDiff: true };
  return { changes, replaces, stables: [], deleteBeforeReplace: false, detailedDiff };
}
