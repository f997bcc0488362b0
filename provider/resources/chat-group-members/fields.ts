/**
 * ChatGroupMembers' fields, declared once: the table (README reference), check (validation and the canonical form:
 * members keyed by account, so the engine's input diff names each account added, removed or changed) and diff.
 * Pure: no API.
 */
import { userIdProblem, USER_ID_RULE_TEXT } from "../../../protocol/user-id";
import { checkTable, diffTable, type ResourceTable, type TableDiff } from "../../kit";
import { containsUnknown, isPlainObject } from "../../resource/normalize";
import type { CheckResult } from "../../resource/types";
import {
  detailedDiffOf,
  emptyMembership,
  planMembership,
  sortedMembership,
  type MemberEntry,
  type Membership,
} from "./plan";

/** Largest name card in UTF-8 bytes ("最大不超过50个字节", https://cloud.tencent.com/document/product/269/1623). */
export const NAME_CARD_BYTES = 50;

/** Member roles the resource accepts (the owner is ChatGroup's ownerAccount). */
export const MEMBER_ROLES = ["Member", "Admin"] as const;

/** check()'s answer. */
export type MembersCheckResult = CheckResult;

/** diff()'s answer; `detailedDiff` is keyed `members["<account>"]` (and `groupId` when it replaces). */
export type MembersDiffResult = TableDiff;

/** The inputs, declared once (check and the README reference are derived from it). */
export const MEMBERS_TABLE: ResourceTable = {
  resource: "ChatGroupMembers",
  fields: [
    {
      input: "groupId",
      kind: "string",
      required: true,
      onChange: "replace",
      minBytes: 1,
      why: "another group's membership; the new one is taken over first, then the old one's managed members are removed",
      wire: "GroupId",
      doc: "The group whose membership this resource owns (e.g. a ChatGroup's `groupId`).",
    },
    {
      input: "members",
      kind: "list",
      required: true,
      onChange: "update",
      uniqueBy: "account",
      why: "adds the missing (add_group_member), removes the undeclared (delete_group_member, never the owner), sets roles and name cards (modify_group_member_info)",
      wire: "MemberList",
      doc: "Every member of the group but its owner (`[]` = only the owner). Anyone else is removed on `up`. Canonical form: a map keyed by account.",
      items: [
        {
          input: "account",
          kind: "string",
          required: true,
          onChange: "update",
          pattern: { regex: /^[A-Za-z0-9_-]{1,32}$/, hint: USER_ID_RULE_TEXT },
          validate: (v) => {
            const problem = userIdProblem(v);
            return problem === undefined ? undefined : `members[].account: ${problem}`;
          },
          wire: "Member_Account",
          doc: "The member's UserID (an imported account). Not the group's owner (ownership is ChatGroup's `ownerAccount`).",
        },
        {
          input: "role",
          kind: "enum",
          required: false,
          onChange: "update",
          values: MEMBER_ROLES,
          default: "Member",
          wire: "Role",
          doc: 'The member\'s role; `"Admin"` is refused for Work (Private) groups, which have no admins.',
        },
        {
          input: "nameCard",
          kind: "string",
          required: false,
          onChange: "update",
          maxBytes: NAME_CARD_BYTES,
          wire: "NameCard",
          doc: "The member's name card in the group. Left out = not managed: whatever the member set stays.",
        },
      ],
    },
    {
      input: "app",
      kind: "string",
      required: false,
      onChange: "none",
      minBytes: 1,
      why: "a different app is a replacement (decided from its SDKAppID)",
      doc: "The app profile (`tencent-chat:apps.<name>`) the group lives in; default the top-level settings.",
    },
    {
      input: "adopt",
      kind: "bool",
      required: false,
      onChange: "none",
      values: ["overwrite"],
      why: "used only when the resource is created",
      doc: 'On create, a live membership with anyone to remove or change fails, listing them, and changes nothing; `"overwrite"` makes the program authoritative at once.',
    },
  ],
  outputs: [
    {
      name: "managedAccounts",
      type: "list of strings",
      doc: "The accounts this resource manages: destroy removes these, never others.",
    },
    { name: "ownerAccount", type: "string", doc: "The group's owner, read from the group (never managed here)." },
    {
      name: "groupType",
      type: "string",
      doc: "The group's type as the service names it (Private, Public, ChatRoom, Community).",
    },
    { name: "sdkAppId", type: "integer", doc: "The app (SDKAppID) the group lives in." },
  ],
};

/** The members as given: the program's list, or the canonical map (state copied back by `ignoreChanges`) as a list. */
function memberList(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return Object.keys(value).map((account) => {
    const e = value[account];
    return isPlainObject(e) ? { ...e, account } : { account, role: e };
  });
}

/** The checked list of members as the canonical map (sorted by account), or undefined while any part is unknown. */
function toMembership(list: unknown): Membership | undefined {
  if (!Array.isArray(list) || containsUnknown(list)) return undefined;
  const out = emptyMembership();
  for (const item of list as { account: string; role: MemberEntry["role"]; nameCard?: string }[]) {
    out[item.account] =
      item.nameCard === undefined ? { role: item.role } : { role: item.role, nameCard: item.nameCard };
  }
  return sortedMembership(out);
}

/**
 * check(): every problem at once, each naming its field and the fix (the kit's table check: a duplicate account names
 * both positions). The canonical inputs key the members by account (role filled in, name card only when declared), so
 * equal memberships compare equal in any order and the engine's input diff names each account that changes.
 */
export function checkMembers(olds: unknown, news: unknown): MembersCheckResult {
  const raw = isPlainObject(news) ? news : {};
  const given = { ...raw, members: memberList(raw.members) };
  const result = checkTable(MEMBERS_TABLE, olds, given);
  for (const f of result.failures) {
    const i = /^members\[(\d+)\]\.role$/.exec(f.property)?.[1];
    const item = i === undefined || !Array.isArray(given.members) ? undefined : given.members[Number(i)];
    if (isPlainObject(item) && item.role === "Owner")
      f.reason +=
        " The owner is not a member role: ownership is ChatGroup's ownerAccount, and the owner is never declared here.";
  }
  if (result.failures.length > 0) return result;
  const map = toMembership(result.inputs.members);
  if (map !== undefined) result.inputs.members = map;
  return result;
}

/**
 * diff(): the kit's plan for the top-level inputs (groupId replaces, creating first; app and adopt have no effect of
 * their own), with the members compared by account: `detailedDiff` names each account added, removed or changed.
 */
export function diffMembers(olds: object, news: object): MembersDiffResult {
  const o = olds as Record<string, unknown>;
  const n = news as Record<string, unknown>;
  const plan = diffTable(MEMBERS_TABLE, { ...o, members: [] }, { ...n, members: [] });
  if (containsUnknown(n.members) || !isPlainObject(n.members)) {
    return {
      ...plan,
      changes: true,
      stables: plan.stables.filter((s) => s !== "members"),
      detailedDiff: { ...plan.detailedDiff, members: { kind: "update", inputDiff: true } },
    };
  }
  const before = Object.assign(emptyMembership(), isPlainObject(o.members) ? o.members : {}) as Membership;
  const accounts = detailedDiffOf(planMembership(before, n.members as Membership));
  const changed = Object.keys(accounts).length > 0;
  return {
    ...plan,
    changes: plan.changes || changed,
    stables: changed ? plan.stables.filter((s) => s !== "members") : plan.stables,
    detailedDiff: { ...plan.detailedDiff, ...accounts },
  };
}
