/**
 * ChatGroupMember's field table: every input once, with its kind, limits, what a change does and its README text.
 * Check, diff and the README reference are derived from it; the lifecycle reads the canonical inputs below.
 * Sources: https://cloud.tencent.com/document/product/269/1623 (Role Admin/Member, NameCard ≤50 bytes),
 * /269/1636 (import_group_member: Role "Admin" only, JoinTime), /269/1621 (add_group_member).
 */
import { USER_ID_RULE_TEXT, userIdProblem } from "../../../protocol/user-id";
import { isUnknown, ownEntry } from "../../resource/normalize";

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

/** One field (the kit's `FieldSpec` shape). */
export interface MemberFieldSpec {
  input: keyof MemberInputs;
  kind: "string" | "int" | "bool" | "enum";
  required: boolean;
  onChange: "replace" | "update" | "none";
  doc: string;
  default?: unknown;
  values?: readonly string[];
  maxBytes?: number;
  min?: number;
  max?: number;
  validate?: (value: unknown, values: Record<string, unknown>) => string | undefined;
}

/** The table: one row per input. */
export const MEMBER_FIELDS: readonly MemberFieldSpec[] = [
  {
    input: "groupId",
    kind: "string",
    required: true,
    onChange: "replace",
    maxBytes: 48,
    doc: "The group (usually a `ChatGroup`'s `groupId`). Changing it replaces the member: added to the new group before it is removed from the old one.",
  },
  {
    input: "account",
    kind: "string",
    required: true,
    onChange: "replace",
    validate: (v) => (typeof v === "string" ? userIdProblem(v) : undefined),
    doc: `The member's account (an imported UserID: ${USER_ID_RULE_TEXT}). Changing it replaces the member (the new account is added first). The group's owner cannot be declared: ownership is ChatGroup's \`ownerAccount\`.`,
  },
  {
    input: "role",
    kind: "enum",
    required: false,
    onChange: "update",
    values: MEMBER_ROLES,
    default: "Member",
    validate: (v) =>
      v === "Owner"
        ? 'role "Owner" cannot be declared: the owner is ChatGroup\'s ownerAccount (change_group_owner). Use "Member" or "Admin".'
        : undefined,
    doc: "`Member` (default) or `Admin`; changed in place (modify_group_member_info). Work (Private) groups have no admins; refused before any write.",
  },
  {
    input: "nameCard",
    kind: "string",
    required: false,
    onChange: "update",
    maxBytes: 50,
    doc: 'The member\'s name card in this group, at most 50 bytes; changed in place. Omitted: not managed (whatever the member set stays); `""` clears it.',
  },
  {
    input: "joinTime",
    kind: "int",
    required: false,
    onChange: "replace",
    min: 1,
    max: 4294967295,
    doc: "Migration: the original join time, Unix seconds (after the group's creation, not in the future). The member is then added with import_group_member (no notification, no webhook). Changing it to another value replaces the member: it is removed and added again (delete first: it is the same member), which resets its unread count, mute and custom member data; removing it changes nothing. Ignored when an existing member is taken over.",
  },
  {
    input: "adopt",
    kind: "enum",
    required: false,
    onChange: "none",
    values: ["true", "false", "overwrite"],
    default: true,
    doc: '`true` (default): an account that is already a member is taken over if its role (and name card, when declared) match the program; if not, nothing is changed and the error lists the live values. `"overwrite"`: apply the declared role and name card instead. `false`: refuse an existing member.',
  },
  {
    input: "app",
    kind: "string",
    required: false,
    onChange: "replace",
    doc: "The app profile (`tencent-chat:apps.<name>`) the group lives in; default the top-level settings. A change to another SDKAppID replaces the member (created first).",
  },
];

/** Output-only facts (README). The resource id is `<groupId>/<account>`. */
export const MEMBER_OUTPUTS: readonly { name: string; type: string; doc: string }[] = [
  { name: "adopted", type: "boolean", doc: "True when the account was already a member and was taken over." },
  {
    name: "isOwner",
    type: "boolean",
    doc: "True when the account became the group's owner (e.g. ChatGroup's `ownerAccount` moved to it): its role is then the group's business; destroy leaves the owner in the group.",
  },
  { name: "sdkAppId", type: "number", doc: "The app (SDKAppID) the group lives in." },
];

/** The resource id of a member: `<groupId>/<account>` (a UserID has no `/`, so the last `/` splits it). */
export function memberId(groupId: string, account: string): string {
  return `${groupId}/${account}`;
}

/** Whether a value is present and known (neither absent nor the preview placeholder). */
export function known(value: unknown): boolean {
  return value !== undefined && !isUnknown(value);
}

/** A check failure: the field and what to do. */
export interface MemberCheckFailure {
  property: string;
  reason: string;
}

/** An own property of `props` (never one reached through the prototype), `null` read as absent. */
function own(props: object | undefined, key: string): unknown {
  const v = ownEntry(props as Record<string, unknown> | undefined, key);
  return v === null ? undefined : v;
}

/** Why `value` breaks `f`'s rules, or undefined (unknown values are never validated). */
function problem(f: MemberFieldSpec, value: unknown, values: Record<string, unknown>): string | undefined {
  if (value === undefined || isUnknown(value)) return undefined;
  if (f.input === "adopt") {
    return value === true || value === false || value === "overwrite"
      ? undefined
      : `adopt must be true, false or "overwrite", got ${JSON.stringify(value)}.`;
  }
  const custom = f.validate?.(value, values);
  if (custom !== undefined) return `${f.input}: ${custom}`;
  if (f.kind === "string" || f.kind === "enum") {
    if (typeof value !== "string") return `${f.input} must be a string, got ${JSON.stringify(value)}.`;
    if (f.required && value === "") return `${f.input} must not be empty.`;
    if (f.values && !f.values.includes(value))
      return `${f.input} must be one of ${f.values.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(value)}.`;
    const bytes = Buffer.byteLength(value, "utf8");
    if (f.maxBytes !== undefined && bytes > f.maxBytes)
      return `${f.input} is ${bytes} bytes of UTF-8; the limit is ${f.maxBytes}. Shorten it.`;
  }
  if (f.kind === "int") {
    if (typeof value !== "number" || !Number.isInteger(value))
      return `${f.input} must be a whole number, got ${JSON.stringify(value)}.`;
    if ((f.min !== undefined && value < f.min) || (f.max !== undefined && value > f.max))
      return `${f.input} must be from ${String(f.min)} to ${String(f.max)}, got ${value}.`;
  }
  return undefined;
}

/**
 * check(): every bad input at once (each naming the field and the fix), and the canonical inputs: defaults filled
 * (role Member, adopt true), absent optional fields left out, unknown values passed through untouched.
 */
export function checkMember(news: object | undefined): {
  inputs: Record<string, unknown>;
  failures: MemberCheckFailure[];
} {
  const failures: MemberCheckFailure[] = [];
  const values: Record<string, unknown> = {};
  for (const f of MEMBER_FIELDS) values[f.input] = own(news, f.input);
  const inputs: Record<string, unknown> = {};
  for (const f of MEMBER_FIELDS) {
    const value = values[f.input];
    if (value === undefined && f.required) {
      failures.push({ property: f.input, reason: `${f.input} is required. ${f.doc}` });
      continue;
    }
    const why = problem(f, value, values);
    if (why !== undefined) failures.push({ property: f.input, reason: why });
    const canonical = value ?? f.default;
    if (canonical !== undefined) inputs[f.input] = canonical;
  }
  return { inputs, failures };
}

/** The canonical inputs of checked inputs or old outputs (defaults filled), for the lifecycle. */
export function canonicalMember(props: object | undefined): MemberInputs {
  return checkMember(props).inputs as unknown as MemberInputs;
}

/** A diff: Pulumi's dynamic `DiffResult`, plus per-field kinds for the kit's detailed diff. */
export interface MemberDiff {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  stables: string[];
}

/**
 * diff(): old outputs against new (checked) inputs. groupId, account and app replace, creating first (another
 * member); a new joinTime replaces the SAME member, so it is removed first (create-first would find it already a
 * member and then delete it); removing joinTime or nameCard changes nothing (history; not managed).
 */
export function diffMember(olds: object | undefined, news: object | undefined): MemberDiff {
  const o = canonicalMember(olds);
  const n = checkMember(news).inputs;
  const replaces: string[] = [];
  let changes = false;
  for (const f of MEMBER_FIELDS) {
    if (f.onChange === "none") continue;
    const next = n[f.input];
    const prev = (o as unknown as Record<string, unknown>)[f.input];
    if (next === undefined && (f.input === "nameCard" || f.input === "joinTime")) continue;
    if (!isUnknown(next) && JSON.stringify(next) === JSON.stringify(prev)) continue;
    changes = true;
    if (f.input === "app") continue; // a replacement only when the SDKAppID differs (provider.ts); else no call
    if (f.onChange === "replace") replaces.push(f.input);
  }
  const sameMember = !replaces.includes("groupId") && !replaces.includes("account");
  return {
    changes,
    replaces,
    deleteBeforeReplace: replaces.includes("joinTime") && sameMember,
    stables: [],
  };
}
