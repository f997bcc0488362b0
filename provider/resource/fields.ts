/**
 * The ChatGroup field table: each input's semantics declared once. Validation (schema.ts, check.ts), normalisation,
 * diff, the wire mapping and the README reference table (./readme-table.ts) are all derived from {@link FIELDS}.
 */
import type { ImportGroupRequest, ModifyGroupBaseInfoRequest, WireGroupInfo } from "../../protocol/wire";
import type { ChatGroupInputs, GroupType } from "./types";

/**
 * {@link ValidationLimits}: limits the docs disagree on, overridable per check() call.
 * Defaults follow the REST docs; {@link NEWER_DOC_LIMITS} has the Web SDK v3 values.
 */
export interface ValidationLimits {
  /** Name, UTF-8 bytes. */
  name: number;
  /** Introduction, UTF-8 bytes. */
  introduction: number;
  /** Notification, UTF-8 bytes. */
  notification: number;
  /** FaceUrl, UTF-8 bytes. */
  faceUrl: number;
  /** Custom group id, bytes (printable ASCII). */
  groupId: number;
  /** Owner account, bytes. */
  ownerAccount: number;
  /** Maximum number of appDefinedData keys. */
  maxAppDefinedKeys: number;
  /** appDefinedData value, UTF-8 bytes. */
  appDefinedValue: number;
  /**
   * Upper bound of maxMemberCount for non-Community groups: 6000 by default (the largest standard plan); Enterprise
   * plans can have it raised, so it is a setting (`tencent-chat:maxMemberCount`, provider/config.ts).
   */
  maxMemberCount: number;
  /** Upper bound of maxMemberCount for Community groups: 100000 by default, up to 1000000 on request (setting). */
  maxMemberCountCommunity: number;
}

/** {@link DEFAULT_LIMITS}: the REST docs (import_group, modify_group_base_info, 群组系统, 使用限制). */
export const DEFAULT_LIMITS: Readonly<ValidationLimits> = Object.freeze({
  name: 30,
  introduction: 240,
  notification: 300,
  faceUrl: 100,
  groupId: 48,
  ownerAccount: 32,
  maxAppDefinedKeys: 10,
  appDefinedValue: 512,
  maxMemberCount: 6000,
  maxMemberCountCommunity: 100000,
});

/** {@link NEWER_DOC_LIMITS}: the larger profile limits of the current Web SDK v3 docs, as an override. */
export const NEWER_DOC_LIMITS: Readonly<Partial<ValidationLimits>> = Object.freeze({
  name: 100,
  introduction: 400,
  notification: 400,
  faceUrl: 500,
});

/** Name of a ChatGroup input. */
export type InputName = keyof ChatGroupInputs;

/** Value kinds; each maps to one JSON-schema shape. */
export type FieldKind = "string" | "int" | "bool" | "enum" | "map";

/**
 * What a changed value does: `replace` (new group), `update-modify` (modify_group_base_info),
 * `update-owner` (change_group_owner) or `none` (no API effect).
 */
export type OnChange = "replace" | "update-modify" | "update-owner" | "none";

/** Facts a cross-field rule may look at: the known, schema-valid, normalised inputs. */
export interface RuleContext {
  type?: GroupType;
  values: Readonly<Record<string, unknown>>;
  limits: Readonly<ValidationLimits>;
  /** The previous inputs (normalised) when the resource already exists; empty for a create. */
  olds: Readonly<Record<string, unknown>>;
}

/** A cross-field rule of one field; skipped when the field or any of `dependsOn` is unknown or invalid. */
export interface FieldRule {
  dependsOn: readonly InputName[];
  /** Returns the failure reason, or undefined when the value is fine. */
  test(value: unknown, ctx: RuleContext): string | undefined;
}

/** {@link FieldSpec}: everything about one input. */
export interface FieldSpec {
  input: InputName;
  kind: FieldKind;
  required: boolean;
  /** Wire names: import_group request, modify_group_base_info request, get_group_info entry. */
  wire: {
    import?: keyof ImportGroupRequest;
    modify?: keyof ModifyGroupBaseInfoRequest;
    get?: keyof WireGroupInfo;
    /** Older get_group_info name of the same value, read when `get` is absent (ShutUpAllMember). */
    getAlt?: keyof WireGroupInfo;
  };
  /** Wire encoding of a boolean: 1/0 (SupportTopic) or "On"/"Off" (MuteAllMember). */
  wireBool?: "01" | "OnOff";
  onChange: OnChange;
  /** Removing the input from the program is not a change: the group keeps the value it was created with. */
  sticky: boolean;
  /** Canonical value when absent, per group type; undefined = stays absent. */
  defaultFor?: (type: GroupType | undefined) => unknown;
  /** README wording of a type-dependent default (otherwise `defaultFor(undefined)` is shown). */
  defaultDoc?: string;
  /** Types the field applies to; elsewhere only its default (or absence) is accepted. Default: all. */
  appliesTo?: (type: GroupType) => boolean;
  /** Failure wording when a value is given where {@link FieldSpec.appliesTo} says no (default: a generic one). */
  notApplicable?: (type: GroupType, value: unknown) => string;
  /** Accepted enum values (canonical). */
  values?: readonly string[];
  /** Accepted alias → canonical value. */
  aliases?: Readonly<Record<string, string>>;
  /** Values refused with a specific explanation. */
  refused?: Readonly<Record<string, string>>;
  /** UTF-8 byte limit, as a key of {@link ValidationLimits}. */
  maxBytes?: keyof ValidationLimits;
  /** Must not be empty. */
  nonEmpty?: boolean;
  /** Character rule for strings (map: for keys) with a human hint for failures. */
  pattern?: { source: string; hint: string };
  /** README wording of the limits when the generic one would mislead (type-dependent bounds). */
  limitsDoc?: (limits: ValidationLimits) => string;
  /** Integer range; `max` may name a limit. For a type-dependent range, the widest (see `rangeFor`). */
  range?: { min: number; max: number | keyof ValidationLimits };
  /** The integer range that applies to one group type, when it depends on the type. */
  rangeFor?: (type: GroupType, limits: ValidationLimits) => { min: number; max: number };
  /** A hint for a value out of range (e.g. milliseconds given for seconds). */
  rangeHint?: (value: number) => string | undefined;
  /** Values accepted besides the kind's own (the boolean `adopt` also takes "overwrite"). */
  extraValues?: readonly string[];
  /** Send to import_group even when equal to the default (SupportTopic 0/1 for Community). */
  importAlways?: boolean;
  rules?: readonly FieldRule[];
  /** One line for the README. */
  doc: string;
  /** Why the field behaves the way it does on change (README). */
  why: string;
}

/** Canonical group types. */
export const GROUP_TYPES: readonly GroupType[] = ["Private", "Public", "ChatRoom", "Community"];
const isCommunity = (t: GroupType): boolean => t === "Community";
/** The ApplyJoinOption a type always has (Web SDK: https://web.sdk.qcloud.com/im/doc/v3/zh-cn/Group.html). */
const FIXED_APPLY_JOIN: Readonly<Partial<Record<GroupType, string>>> = Object.freeze({
  Private: "DisableApply",
  ChatRoom: "FreeAccess",
});
const TGS = "@TGS#";
/** Whether a (normalised) adopt value asks to take over an existing group: true or "overwrite". */
const adopting = (v: unknown): boolean => v !== undefined && v !== false;
/** Largest createTime: the service stores it as a 32-bit unsigned Unix time in seconds. */
const MAX_UNIX_SECONDS = 4294967295;

/**
 * {@link importableIdFailure}: why import_group would refuse `id` as a custom GroupId for a `type` group, or
 * undefined. Custom ids must not start with `@TGS#`; a Community's must start with `@TGS#_`
 * (https://cloud.tencent.com/document/product/269/1502).
 */
export function importableIdFailure(id: string, type: GroupType): string | undefined {
  if (isCommunity(type)) {
    return id.startsWith(`${TGS}_`)
      ? undefined
      : `groupId "${id}" must start with "@TGS#_" for a Community group. Prefix it with @TGS#_.`;
  }
  return id.startsWith(TGS)
    ? `groupId "${id}" starts with "@TGS#", the prefix of ids the service assigns itself: import_group refuses ` +
        "such ids (10004), so no new group can be created with it. To manage the existing group with this id, set " +
        "adopt: true; to create a new group, use an id without that prefix, or remove groupId and let the provider choose one."
    : undefined;
}

/** {@link FIELDS}: the single source of truth, in README order. */
export const FIELDS: readonly FieldSpec[] = [
  {
    input: "type",
    kind: "enum",
    required: true,
    onChange: "replace",
    sticky: false,
    wire: { import: "Type", get: "Type" },
    values: GROUP_TYPES,
    aliases: { Work: "Private", Meeting: "ChatRoom" },
    refused: {
      AVChatRoom:
        "type AVChatRoom is refused: import_group cannot create AVChatRoom groups (error 10007). Use Private, Public, ChatRoom or Community.",
    },
    doc: "Group type: Private (alias Work), Public, ChatRoom (alias Meeting) or Community. AVChatRoom is refused.",
    why: "no API changes a group's type",
  },
  {
    input: "name",
    kind: "string",
    required: true,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "Name", modify: "Name", get: "Name" },
    maxBytes: "name",
    nonEmpty: true,
    doc: "Group name.",
    why: "modify_group_base_info",
  },
  {
    input: "groupId",
    kind: "string",
    required: false,
    onChange: "replace",
    sticky: true,
    wire: { import: "GroupId", get: "GroupId" },
    maxBytes: "groupId",
    nonEmpty: true,
    pattern: { source: "^[\\x20-\\x7e]*$", hint: "printable ASCII characters (0x20-0x7e)" },
    rules: [
      {
        dependsOn: ["type", "adopt"],
        test(value, ctx) {
          const id = value as string;
          if (adopting(ctx.values.adopt)) return undefined; // adopting may name a service-assigned @TGS# id
          // The stack already manages the group under this id (adopted earlier): keeping it is no change, so the
          // program may drop `adopt` afterwards.
          if (ctx.olds.groupId === id) return undefined;
          return ctx.type === undefined ? undefined : importableIdFailure(id, ctx.type);
        },
      },
      {
        dependsOn: ["serviceAssignedId"],
        test: (_value, ctx) =>
          ctx.values.serviceAssignedId === true
            ? "groupId and serviceAssignedId are both set; serviceAssignedId asks the service to choose the id. Remove one of them."
            : undefined,
      },
    ],
    doc: "Group id. Omitted: the provider chooses one when the group is first planned (`<resource name>-<8 hex>`, Community `@TGS#_<resource name>-<8 hex>`), shows it in the preview and keeps it; see `serviceAssignedId`. Printable ASCII; non-Community ids must not start with `@TGS#`, Community ids must start with `@TGS#_` (unless adopting an existing group).",
    why: "the id is the group's identity; removing it from the program keeps the group",
  },
  {
    input: "ownerAccount",
    kind: "string",
    required: false,
    onChange: "update-owner",
    sticky: true,
    wire: { import: "Owner_Account", get: "Owner_Account" },
    maxBytes: "ownerAccount",
    nonEmpty: true,
    pattern: {
      source: "^[\\x20-\\x7e]*$",
      hint: "printable ASCII characters (0x20-0x7e); letters, digits, _ and - are recommended",
    },
    doc: "Owner's UserID (an imported account; a new owner must already be a member). Omitted: no owner.",
    why: "change_group_owner; removing it from the program keeps the current owner",
  },
  {
    input: "introduction",
    kind: "string",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "Introduction", modify: "Introduction", get: "Introduction" },
    maxBytes: "introduction",
    defaultFor: () => "",
    doc: "Group introduction.",
    why: "modify_group_base_info; removing it clears it",
  },
  {
    input: "notification",
    kind: "string",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "Notification", modify: "Notification", get: "Notification" },
    maxBytes: "notification",
    defaultFor: () => "",
    doc: "Group notice.",
    why: "modify_group_base_info; removing it clears it",
  },
  {
    input: "faceUrl",
    kind: "string",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "FaceUrl", modify: "FaceUrl", get: "FaceUrl" },
    maxBytes: "faceUrl",
    defaultFor: () => "",
    doc: "URL of the group's picture (not checked as a URL).",
    why: "modify_group_base_info; removing it clears it",
  },
  {
    // Sticky: absent means "whatever the service has" — the service's default depends on the plan and the type
    // (create_group: the plan's maximum; import_group: 2000), so filling in 2000 made a Community read back as a diff
    // and the next up shrink it.
    input: "maxMemberCount",
    kind: "int",
    required: false,
    onChange: "update-modify",
    sticky: true,
    wire: { import: "MaxMemberCount", modify: "MaxMemberNum", get: "MaxMemberNum" },
    // The schema's bound is the largest setting allowed; the rule below applies the type's own limit.
    range: { min: 1, max: 10_000_000 },
    rangeFor: (t, l) => ({ min: 1, max: isCommunity(t) ? l.maxMemberCountCommunity : l.maxMemberCount }),
    limitsDoc: (l) =>
      `1..${l.maxMemberCount} (Community 1..${l.maxMemberCountCommunity}); raise with the maxMemberCount settings`,
    rules: [
      {
        dependsOn: ["type"],
        test(value, ctx) {
          if (ctx.type === undefined) return undefined;
          const spec = fieldByName("maxMemberCount")!;
          const { min, max } = spec.rangeFor!(ctx.type, ctx.limits);
          const n = value as number;
          if (n >= min && n <= max) return undefined;
          if (n < min) return rangeReason(spec, n, ctx.type, ctx.limits);
          const key = isCommunity(ctx.type) ? "maxMemberCountCommunity" : "maxMemberCount";
          return (
            `${rangeReason(spec, n, ctx.type, ctx.limits).replace(/ Change it\.$/, "")} Lower it, or if your plan allows ` +
            `more, raise the limit with \`pulumi config set tencent-chat:${key} <n>\`.`
          );
        },
      },
    ],
    doc: "Maximum number of members. Omitted: the service's value is kept (its default depends on the plan and type). Your plan may allow fewer.",
    why: "modify_group_base_info (MaxMemberNum); removing it keeps the current limit",
  },
  {
    // Work (Private) groups forbid applying and Meeting (ChatRoom) groups let anyone join, unchangeably (SDK docs);
    // so the field is managed for Public groups only and holds the fixed value for the others (DECISIONS.md D50).
    input: "applyJoinOption",
    kind: "enum",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "ApplyJoinOption", modify: "ApplyJoinOption", get: "ApplyJoinOption" },
    values: ["FreeAccess", "NeedPermission", "DisableApply"],
    defaultFor: (t) => (t === undefined ? undefined : t === "Public" ? "NeedPermission" : FIXED_APPLY_JOIN[t]),
    appliesTo: (t) => t === "Public",
    notApplicable: (t, v) =>
      FIXED_APPLY_JOIN[t] === undefined
        ? `applyJoinOption does not apply to ${t} groups (the service refuses it). Remove it.`
        : `applyJoinOption of a ${t === "Private" ? "Private (Work)" : "ChatRoom (Meeting)"} group is always ${String(FIXED_APPLY_JOIN[t])} ` +
          `and cannot be changed; got ${JSON.stringify(v)}. Remove it, or use type Public to choose how applications are handled.`,
    defaultDoc:
      '`"NeedPermission"` (Public); fixed `"DisableApply"` for Private, `"FreeAccess"` for ChatRoom; none for Community',
    doc: "How applications to join are handled: FreeAccess, NeedPermission or DisableApply. Settable for Public groups only: Private (Work) groups are always DisableApply, ChatRoom (Meeting) groups always FreeAccess; not for Community.",
    why: "modify_group_base_info; removing it resets to NeedPermission",
  },
  {
    input: "appDefinedData",
    kind: "map",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { import: "AppDefinedData", modify: "AppDefinedData", get: "AppDefinedData" },
    // "__proto__" fits the documented key rule but Pulumi's property encoding silently drops it: refuse it here.
    maxBytes: "appDefinedValue",
    pattern: {
      source: "^(?!__proto__$)[A-Za-z0-9_]{1,16}$",
      hint: "1-16 letters, digits or _ (not __proto__, which Pulumi's property encoding drops)",
    },
    defaultFor: () => ({}),
    rules: [
      {
        // Counted here, not by the schema: a key with an empty value means absent (it is deleted), so it is no key.
        dependsOn: [],
        test(value, ctx) {
          const n = Object.keys(value as Record<string, unknown>).length;
          return n > ctx.limits.maxAppDefinedKeys
            ? `appDefinedData has ${n} keys (not counting empty values, which mean absent); the limit is ${ctx.limits.maxAppDefinedKeys}. Remove some.`
            : undefined;
        },
      },
    ],
    doc: "Group custom fields, key → string value. Keys must first be configured in the console. An empty value means absent.",
    why: "modify_group_base_info; a removed key is deleted (sent with an empty value)",
  },
  {
    input: "createTime",
    kind: "int",
    required: false,
    onChange: "replace",
    sticky: true,
    wire: { import: "CreateTime", get: "CreateTime" },
    range: { min: 1, max: MAX_UNIX_SECONDS },
    rangeHint: (v) =>
      v > MAX_UNIX_SECONDS && Math.floor(v / 1000) <= MAX_UNIX_SECONDS
        ? `createTime is in Unix seconds, and ${v} looks like milliseconds: use ${Math.floor(v / 1000)}.`
        : undefined,
    doc: "Original creation time in Unix seconds (migration). Omitted: the time of import. Not checked against the clock.",
    why: "fixed at import; removing it from the program keeps the group",
  },
  {
    input: "supportTopic",
    kind: "bool",
    required: false,
    onChange: "replace",
    sticky: false,
    wire: { import: "SupportTopic", get: "SupportTopic" },
    wireBool: "01",
    importAlways: true,
    defaultFor: () => false,
    appliesTo: isCommunity,
    doc: "Community only: whether the community supports topics.",
    why: "fixed at import; no API changes it",
  },
  {
    input: "muteAllMember",
    kind: "bool",
    required: false,
    onChange: "update-modify",
    sticky: false,
    wire: { modify: "MuteAllMember", get: "MuteAllMember", getAlt: "ShutUpAllMember" },
    wireBool: "OnOff",
    defaultFor: () => false,
    doc: "Mute all members (全员禁言). import_group cannot set it, so it is applied by modify_group_base_info right after import.",
    why: "modify_group_base_info (On/Off)",
  },
  {
    // import_group has no InviteJoinOption: it is applied right after import, like muteAllMember. Sticky: the
    // service's default is not documented, so absent means "whatever the group has".
    input: "inviteJoinOption",
    kind: "enum",
    required: false,
    onChange: "update-modify",
    sticky: true,
    wire: { modify: "InviteJoinOption", get: "InviteJoinOption" },
    values: ["FreeAccess", "NeedPermission", "DisableInvite"],
    appliesTo: (t) => !isCommunity(t),
    notApplicable: () =>
      "inviteJoinOption does not apply to Community groups (communities do not take invitations; the service refuses it). Remove it.",
    defaultDoc: "— (the service's value is kept)",
    doc: "How invitations to join are handled: FreeAccess, NeedPermission or DisableInvite. Not for Community. Applied by modify_group_base_info right after import.",
    why: "modify_group_base_info; removing it keeps the current value",
  },
  {
    // No default filled in: absent means false, and a stack written before this input existed gets no new key.
    input: "serviceAssignedId",
    kind: "bool",
    required: false,
    onChange: "none",
    sticky: false,
    wire: {},
    defaultDoc: "`false`",
    doc: "When true and `groupId` is omitted, the service assigns the id (`@TGS#…`) instead of the provider. A create whose answer is lost is then found by listing the app's groups; if that fails, the error names the type, name and time window to look for.",
    why: "only affects create; no API effect",
  },
  {
    input: "adopt",
    kind: "bool",
    required: false,
    onChange: "none",
    sticky: false,
    wire: {},
    defaultFor: () => false,
    extraValues: ["overwrite"],
    rules: [
      {
        dependsOn: ["groupId"],
        // A groupId the stack already records (carried by check, ids.ts) counts: removing a sticky input is no change.
        test: (value, ctx) =>
          adopting(value) && ctx.values.groupId === undefined && ctx.olds.groupId === undefined
            ? `adopt is ${JSON.stringify(value)} but groupId is not set; adopting needs the id of the existing group. Set groupId or remove adopt.`
            : undefined,
      },
    ],
    doc:
      "`true`: an existing group with this `groupId` is taken over if it matches the program; if any field differs, " +
      'nothing is changed and the error lists the live values to declare. `"overwrite"`: take it over and apply the ' +
      "declared values. May be removed once the group is in the stack.",
    why: "only affects create; no API effect",
  },
  {
    input: "app",
    kind: "string",
    required: false,
    onChange: "none",
    sticky: false,
    wire: {},
    nonEmpty: true,
    pattern: {
      source: "^[A-Za-z0-9_-]{1,64}$",
      hint: "1-64 letters, digits, _ or - (the name of a profile under tencent-chat:apps)",
    },
    doc: "The app profile (`tencent-chat:apps.<name>` in stack config) whose settings serve this group. Omitted: the top-level settings.",
    why: "by itself none; when the app it resolves to has another SDKAppID than the recorded `sdkAppId`, the group is **replaced**, created first in the new app",
  },
];

/**
 * The sticky inputs (removing them from the program is not a change): groupId, createTime, ownerAccount,
 * maxMemberCount, inviteJoinOption.
 */
export const STICKY_INPUTS: readonly InputName[] = FIELDS.filter((f) => f.sticky).map((f) => f.input);

/** Output-only facts (README); the resource id is `groupId`. */
export const OUTPUT_FACTS: readonly { name: string; type: string; doc: string }[] = [
  {
    name: "groupId",
    type: "string",
    doc: "The group id, equal to the resource id (chosen by the provider when not given; by the service with serviceAssignedId).",
  },
  {
    name: "customGroupId",
    type: "boolean",
    doc: "True when the id was chosen on the client (by the program or by the provider), false when the service assigned it.",
  },
  {
    name: "declaredSticky",
    type: "string[]",
    doc: "Which sticky inputs (groupId, createTime, ownerAccount, maxMemberCount, inviteJoinOption) the program declares, or the stack keeps from earlier inputs (refresh returns only these as inputs).",
  },
  {
    name: "undeclaredSticky",
    type: "string[]",
    doc: "The other sticky inputs, so a later release knows which sticky inputs this state tracked.",
  },
  { name: "createTime", type: "integer", doc: "Actual creation time (Unix seconds)." },
  { name: "ownerAccount", type: "string", doc: "Actual owner, absent for an ownerless group." },
  { name: "memberNum", type: "integer", doc: "Current member count." },
  { name: "infoSeq", type: "integer", doc: "Profile revision (when reported)." },
  {
    name: "sdkAppId",
    type: "integer",
    doc: "The app (SDKAppID) the group lives in; the group is only ever read, changed or deleted there.",
  },
  {
    name: "unsettled",
    type: "boolean",
    doc: "Only after a failed step whose effect could not be read back: the next update reads the live group first; a refresh clears it.",
  },
];

/**
 * {@link UNSETTLED}: the output flag of a partial failure whose effect could not be read back (the outputs may not be
 * what the service holds), so update() starts from the live group instead of from them.
 */
export const UNSETTLED = "unsettled";

/** {@link fieldByName} returns the spec of an input, or undefined for a non-input name. */
export function fieldByName(name: string): FieldSpec | undefined {
  return FIELDS.find((f) => f.input === name);
}

/** {@link resolveLimits} fills a partial override with {@link DEFAULT_LIMITS}. */
export function resolveLimits(overrides?: Partial<ValidationLimits>): ValidationLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/**
 * {@link rangeReason} is the failure of an integer outside its range: the bounds of the group type when the range
 * depends on it (and the type is known), the field's hint when it has one.
 */
export function rangeReason(
  f: FieldSpec,
  value: unknown,
  type: GroupType | undefined,
  limits: ValidationLimits,
): string {
  const r =
    type !== undefined && f.rangeFor
      ? f.rangeFor(type, limits)
      : f.range
        ? { min: f.range.min, max: limitValue(f.range.max, limits) }
        : undefined;
  const bounds = r ? `between ${r.min} and ${r.max}` : "within its limits";
  const whose = type !== undefined && f.rangeFor ? ` for a ${type} group` : "";
  const hint = typeof value === "number" ? f.rangeHint?.(value) : undefined;
  return `${f.input} is ${String(value)}; it must be ${bounds}${whose}.${hint ? ` ${hint}` : " Change it."}`;
}

/** {@link limitValue} resolves a numeric bound that may name a limit. */
export function limitValue(bound: number | keyof ValidationLimits, limits: ValidationLimits): number {
  return typeof bound === "number" ? bound : limits[bound];
}

const KIND_TEXT: Record<FieldKind, string> = {
  string: "string",
  int: "integer",
  bool: "boolean",
  enum: "string",
  map: "map of strings",
};

/** {@link kindText} is the README/failure wording of a field's type. */
export function kindText(f: FieldSpec): string {
  if (f.kind === "enum") return [...(f.values ?? []), ...Object.keys(f.aliases ?? {})].map((v) => `"${v}"`).join(" | ");
  return [KIND_TEXT[f.kind], ...(f.extraValues ?? []).map((v) => `"${v}"`)].join(" | ");
}
