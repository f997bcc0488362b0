/**
 * ChatGroupMember's field table: every input once, with its kind, limits, what a change does and its README text.
 * Check, diff and the README reference are derived from it; the lifecycle reads the canonical inputs below.
 * Sources: https://cloud.tencent.com/document/product/269/1623 (Role Admin/Member, NameCard ≤50 bytes),
 * /269/1636 (import_group_member: Role "Admin" only, JoinTime), /269/1621 (add_group_member).
 */
import { USER_ID_PATTERN, USER_ID_RULE_TEXT } from "../../../protocol/user-id";
import { canonicalInputs, checkTable, diffTable, type ResourceTable, type TableDiff } from "../../kit";
import { isPlainObject, ownEntry } from "../../resource/normalize";
import type { CheckResult } from "../../resource/types";

/** The member roles a ChatGroupMember may declare (the owner is ChatGroup's `ownerAccount`). */
export const MEMBER_ROLES = ["Member", "Admin"] as const;

/** A declarable role. */
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** `adopt`: take over an existing member only as it is (true, the default), never (false), or overwriting it. */
export type MemberAdopt = boolean | "overwrite";

/** The canonical inputs (after check): defaults filled, absent optional fields absent. */
export interface MemberInputs {
  groupId: string;
  account: string;
  role: MemberRole;
  nameCard?: string;
  joinTime?: number;
  adopt: MemberAdopt;
  app?: string;
}

/** What state holds: the inputs as applied, and facts read from the service. */
export interface MemberOutputs extends MemberInputs {
  /** True when the account was already a member and this resource took it over. */
  adopted: boolean;
  /** True when the account has since become the group's owner (ownership moved out of the member resource's hands). */
  isOwner: boolean;
}

/** The table: one row per input; check, diff and the README reference come from it (provider/kit). */
export const MEMBER_TABLE: ResourceTable = {
  resource: "ChatGroupMember",
  identity: ["groupId", "account"],
  fields: [
    {
      input: "groupId",
      kind: "string",
      required: true,
      onChange: "replace",
      minBytes: 1,
      maxBytes: 48,
      wire: "GroupId",
      why: "another member: added to the new group before it leaves the old one",
      doc: "The group (usually a `ChatGroup`'s `groupId`).",
    },
    {
      input: "account",
      kind: "string",
      required: true,
      onChange: "replace",
      pattern: { regex: USER_ID_PATTERN, hint: USER_ID_RULE_TEXT },
      wire: "Member_Account",
      why: "another member: the new account is added first",
      doc: "The member's account (an imported UserID). Not the group's owner: ownership is ChatGroup's `ownerAccount`.",
    },
    {
      input: "role",
      kind: "enum",
      required: false,
      onChange: "update",
      values: MEMBER_ROLES,
      default: "Member",
      wire: "Role (modify_group_member_info; import_group_member for Admin)",
      doc: "`Member` or `Admin`. Work (Private) groups have no admins: refused before any write.",
    },
    {
      input: "nameCard",
      kind: "string",
      required: false,
      onChange: "update",
      maxBytes: 50,
      wire: "NameCard",
      doc: 'The member\'s name card in this group. Omitted: not managed (whatever the member set stays; removing it changes nothing); `""` clears it.',
    },
    {
      input: "joinTime",
      kind: "int",
      required: false,
      onChange: "replace",
      min: 1,
      max: 4294967295,
      wire: "JoinTime (import_group_member)",
      why: "the same member is removed and added again (delete first), which resets its unread count, mute and custom member data; removing joinTime changes nothing",
      doc: "Migration: the original join time, Unix seconds (after the group's creation, not in the future); the member is then added with import_group_member (no notification, no webhook). Ignored when an existing member is taken over.",
    },
    {
      input: "adopt",
      kind: "bool",
      required: false,
      onChange: "none",
      values: ["overwrite"],
      default: true,
      doc: '`true`: an account that is already a member is taken over if its role (and name card, when declared) match; otherwise nothing is changed and the error lists the live values. `"overwrite"`: apply the declared values instead. `false`: refuse an existing member.',
    },
    {
      input: "app",
      kind: "string",
      required: false,
      onChange: "update",
      minBytes: 1,
      why: "a replacement (created first) when the profile has another SDKAppID; otherwise nothing is called",
      doc: "The app profile (`tencent-chat:apps.<name>`) the group lives in; default the top-level settings.",
    },
  ],
  outputs: [
    { name: "adopted", type: "boolean", doc: "True when the account was already a member and was taken over." },
    {
      name: "isOwner",
      type: "boolean",
      doc: "True when the account has become the group's owner (e.g. ChatGroup's `ownerAccount` moved to it): its role is then the group's business, and destroy leaves the owner in the group.",
    },
    { name: "sdkAppId", type: "number", doc: "The app (SDKAppID) the group lives in." },
  ],
};

/** The resource id of a member: `<groupId>/<account>` (a UserID has no `/`, so the last `/` splits it). */
export function memberId(groupId: string, account: string): string {
  return `${groupId}/${account}`;
}

/**
 * check(): the kit's checks over {@link MEMBER_TABLE}, with the one refusal users hit explained: role "Owner".
 */
export function checkMember(news: unknown): CheckResult {
  const result = checkTable(MEMBER_TABLE, undefined, news);
  const role = isPlainObject(news) ? ownEntry(news, "role") : undefined;
  if (role === "Owner") {
    const f = result.failures.find((x) => x.property === "role");
    if (f)
      f.reason =
        'role "Owner" cannot be declared: the owner is ChatGroup\'s ownerAccount (change_group_owner). Use "Member" or "Admin", or remove this ChatGroupMember.';
  }
  return result;
}

/** The canonical inputs of checked inputs or old outputs (defaults filled), for the lifecycle. */
export function canonicalMember(props: object | undefined): MemberInputs {
  return canonicalInputs(MEMBER_TABLE, props) as unknown as MemberInputs;
}

/** Inputs whose removal from the program changes nothing: their old value counts as declared. */
const KEPT_WHEN_REMOVED = ["nameCard", "joinTime"] as const;

/**
 * diff(): the kit's plan over {@link MEMBER_TABLE}. groupId and account replace, creating first (another member);
 * a new joinTime replaces the SAME member, so the kit deletes it first (identity unchanged: create-first would find
 * it already a member, take it over, then delete it); removing joinTime or nameCard changes nothing.
 */
export function diffMember(olds: object | undefined, news: object | undefined): TableDiff {
  const o = canonicalMember(olds) as unknown as Record<string, unknown>;
  const n: Record<string, unknown> = { ...canonicalMember(news) };
  for (const k of KEPT_WHEN_REMOVED) if (n[k] === undefined && o[k] !== undefined) n[k] = o[k];
  return diffTable(MEMBER_TABLE, o, n);
}
