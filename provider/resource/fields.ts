/**
 * The ChatGroup field table: each input's semantics declared once. Validation (schema.ts, check.ts), normalisation,
 * diff, the wire mapping and the README reference table are all derived from {@link FIELDS}.
 */
import type { ImportGroupRequest, ModifyGroupBaseInfoRequest, WireGroupInfo } from "../client/wire";
import type { ChatGroupInputs, GroupType } from "./types";

/**
 * {@link ValidationLimits}: limits the docs disagree on (Q2, Q9), overridable per check() call.
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

/** {@link NEWER_DOC_LIMITS}: the larger profile limits of the current Web SDK v3 docs (Q2), as an override. */
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
    /** Older get_group_info name of the same value, read when `get` is absent (ShutUpAllMember, Q5). */
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
  /** Integer range; `max` may name a limit. */
  range?: { min: number; max: number | keyof ValidationLimits };
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
const FIXED_APPLY_JOIN: Readonly<Partial<Record<GroupType, string>>> = Object.freeze({ Private: "DisableApply", ChatRoom: "FreeAccess" });
const TGS = "@TGS#";

/** {@link FIELDS}: the single source of truth, in README order. */
export const FIELDS: readonly FieldSpec[] = [
  {
    input: "type", kind: "enum", required: true, onChange: "replace", sticky: false,
    wire: { import: "Type", get: "Type" },
    values: GROUP_TYPES, aliases: { Work: "Private", Meeting: "ChatRoom" },
    refused: { AVChatRoom: "type AVChatRoom is refused: import_group cannot create AVChatRoom groups (error 10007). Use Private, Public, ChatRoom or Community." },
    doc: "Group type: Private (alias Work), Public, ChatRoom (alias Meeting) or Community. AVChatRoom is refused.",
    why: "no API changes a group's type",
  },
  {
    input: "name", kind: "string", required: true, onChange: "update-modify", sticky: false,
    wire: { import: "Name", modify: "Name", get: "Name" }, maxBytes: "name", nonEmpty: true,
    doc: "Group name.", why: "modify_group_base_info",
  },
  {
    input: "groupId", kind: "string", required: false, onChange: "replace", sticky: true,
    wire: { import: "GroupId", get: "GroupId" }, maxBytes: "groupId", nonEmpty: true,
    pattern: { source: "^[\\x20-\\x7e]*$", hint: "printable ASCII characters (0x20-0x7e)" },
    rules: [{
      dependsOn: ["type", "adopt"],
      test(value, ctx) {
        const id = value as string;
        if (ctx.values.adopt === true) return undefined; // adopting may name a service-assigned @TGS# id
        if (ctx.type === undefined) return undefined;
        if (isCommunity(ctx.type)) {
          return id.startsWith(`${TGS}_`) ? undefined
            : `groupId "${id}" must start with "@TGS#_" for a Community group. Prefix it with @TGS#_.`;
        }
        return id.startsWith(TGS)
          ? `groupId "${id}" must not start with "@TGS#" (reserved for service-assigned ids). Choose another id.` : undefined;
      },
    }],
    doc: "Custom group id; omitted: the service assigns `@TGS#…`. Printable ASCII; non-Community ids must not start with `@TGS#`, Community ids must start with `@TGS#_`.",
    why: "the id is the group's identity; removing it from the program keeps the group",
  },
  {
    input: "ownerAccount", kind: "string", required: false, onChange: "update-owner", sticky: true,
    wire: { import: "Owner_Account", get: "Owner_Account" }, maxBytes: "ownerAccount", nonEmpty: true,
    pattern: { source: "^[\\x20-\\x7e]*$", hint: "printable ASCII characters (0x20-0x7e); letters, digits, _ and - are recommended" },
    doc: "Owner's UserID (an imported account; a new owner must already be a member). Omitted: no owner.",
    why: "change_group_owner; removing it from the program keeps the current owner",
  },
  {
    input: "introduction", kind: "string", required: false, onChange: "update-modify", sticky: false,
    wire: { import: "Introduction", modify: "Introduction", get: "Introduction" }, maxBytes: "introduction",
    defaultFor: () => "", doc: "Group introduction.", why: "modify_group_base_info; removing it clears it",
  },
  {
    input: "notification", kind: "string", required: false, onChange: "update-modify", sticky: false,
    wire: { import: "Notification", modify: "Notification", get: "Notification" }, maxBytes: "notification",
    defaultFor: () => "", doc: "Group notice.", why: "modify_group_base_info; removing it clears it",
  },
  {
    input: "faceUrl", kind: "string", required: false, onChange: "update-modify", sticky: false,
    wire: { import: "FaceUrl", modify: "FaceUrl", get: "FaceUrl" }, maxBytes: "faceUrl",
    defaultFor: () => "", doc: "URL of the group's picture (not checked as a URL).", why: "modify_group_base_info; removing it clears it",
  },
  {
    // Sticky: absent means "whatever the service has" — the service's default depends on the plan and the type
    // (create_group: the plan's maximum; import_group: 2000), so filling in 2000 made a Community read back as a diff
    // and the next up shrink it.
    input: "maxMemberCount", kind: "int", required: false, onChange: "update-modify", sticky: true,
    wire: { import: "MaxMemberCount", modify: "MaxMemberNum", get: "MaxMemberNum" },
    // The schema's bound is the largest setting allowed; the rule below applies the type's own limit.
    range: { min: 1, max: 10_000_000 },
    limitsDoc: (l) => `1..${l.maxMemberCount} (Community 1..${l.maxMemberCountCommunity}); raise with the maxMemberCount settings`,
    rules: [{
      dependsOn: ["type"],
      test(value, ctx) {
        if (ctx.type === undefined) return undefined;
        const community = isCommunity(ctx.type);
        const max = community ? ctx.limits.maxMemberCountCommunity : ctx.limits.maxMemberCount;
        const key = community ? "maxMemberCountCommunity" : "maxMemberCount";
        return (value as number) > max
          ? `maxMemberCount is ${String(value)}; a ${ctx.type} group allows at most ${max} by default. Lower it, or if your plan allows more, ` +
            `raise the limit with \`pulumi config set tencent-chat:${key} <n>\`.`
          : undefined;
      },
    }],
    doc: "Maximum number of members. Omitted: the service's value is kept (its default depends on the plan and type). Your plan may allow fewer.",
    why: "modify_group_base_info (MaxMemberNum); removing it keeps the current limit",
  },
  {
    // Work (Private) groups forbid applying and Meeting (ChatRoom) groups let anyone join, unchangeably (SDK docs);
    // so the field is managed for Public groups only and holds the fixed value for the others (DECISIONS.md D50).
    input: "applyJoinOption", kind: "enum", required: false, onChange: "update-modify", sticky: false,
    wire: { import: "ApplyJoinOption", modify: "ApplyJoinOption", get: "ApplyJoinOption" },
    values: ["FreeAccess", "NeedPermission", "DisableApply"],
    defaultFor: (t) => (t === undefined ? undefined : t === "Public" ? "NeedPermission" : FIXED_APPLY_JOIN[t]),
    appliesTo: (t) => t === "Public",
    notApplicable: (t, v) => (FIXED_APPLY_JOIN[t] === undefined
      ? `applyJoinOption does not apply to ${t} groups (the service refuses it). Remove it.`
      : `applyJoinOption of a ${t === "Private" ? "Private (Work)" : "ChatRoom (Meeting)"} group is always ${String(FIXED_APPLY_JOIN[t])} ` +
        `and cannot be changed; got ${JSON.stringify(v)}. Remove it, or use type Public to choose how applications are handled.`),
    defaultDoc: '`"NeedPermission"` (Public); fixed `"DisableApply"` for Private, `"FreeAccess"` for ChatRoom; none for Community',
    doc: "How applications to join are handled: FreeAccess, NeedPermission or DisableApply. Settable for Public groups only: Private (Work) groups are always DisableApply, ChatRoom (Meeting) groups always FreeAccess; not for Community.",
    why: "modify_group_base_info; removing it resets to NeedPermission",
  },
  {
    input: "appDefinedData", kind: "map", required: false, onChange: "update-modify", sticky: false,
    wire: { import: "AppDefinedData", modify: "AppDefinedData", get: "AppDefinedData" },
    // "__proto__" fits the documented key rule but Pulumi's property encoding silently drops it: refuse it here.
    maxBytes: "appDefinedValue", pattern: { source: "^(?!__proto__$)[A-Za-z0-9_]{1,16}$", hint: "1-16 letters, digits or _ (not __proto__, which Pulumi's property encoding drops)" },
    defaultFor: () => ({}),
    doc: "Group custom fields, key → string value. Keys must first be configured in the console. An empty value means absent.",
    why: "modify_group_base_info; a removed key is deleted (sent with an empty value)",
  },
  {
    input: "createTime", kind: "int", required: false, onChange: "replace", sticky: true,
    wire: { import: "CreateTime", get: "CreateTime" }, range: { min: 1, max: 4294967295 },
    doc: "Original creation time in Unix seconds (migration). Omitted: the time of import. Not checked against the clock.",
    why: "fixed at import; removing it from the program keeps the group",
  },
  {
    input: "supportTopic", kind: "bool", required: false, onChange: "replace", sticky: false,
    wire: { import: "SupportTopic", get: "SupportTopic" }, wireBool: "01", importAlways: true,
    defaultFor: () => false, appliesTo: isCommunity,
    doc: "Community only: whether the community supports topics.",
    why: "fixed at import; no API changes it",
  },
  {
    input: "muteAllMember", kind: "bool", required: false, onChange: "update-modify", sticky: false,
    wire: { modify: "MuteAllMember", get: "MuteAllMember", getAlt: "ShutUpAllMember" }, wireBool: "OnOff",
    defaultFor: () => false,
    doc: "Mute all members (全员禁言). import_group cannot set it, so it is applied by modify_group_base_info right after import.",
    why: "modify_group_base_info (On/Off)",
  },
  {
    // import_group has no InviteJoinOption: it is applied right after import, like muteAllMember. Sticky: the
    // service's default is not documented, so absent means "whatever the group has".
    input: "inviteJoinOption", kind: "enum", required: false, onChange: "update-modify", sticky: true,
    wire: { modify: "InviteJoinOption", get: "InviteJoinOption" },
    values: ["FreeAccess", "NeedPermission", "DisableInvite"],
    appliesTo: (t) => !isCommunity(t),
    notApplicable: () => "inviteJoinOption does not apply to Community groups (communities do not take invitations; the service refuses it). Remove it.",
    defaultDoc: "— (the service's value is kept)",
    doc: "How invitations to join are handled: FreeAccess, NeedPermission or DisableInvite. Not for Community. Applied by modify_group_base_info right after import.",
    why: "modify_group_base_info; removing it keeps the current value",
  },
  {
    input: "adopt", kind: "bool", required: false, onChange: "none", sticky: false,
    wire: {}, defaultFor: () => false,
    rules: [{
      dependsOn: ["groupId"],
      test: (value, ctx) => (value === true && ctx.values.groupId === undefined
        ? "adopt is true but groupId is not set; adopting needs the id of the existing group. Set groupId or remove adopt."
        : undefined),
    }],
    doc: "When true, an existing group with this `groupId` is taken over (then updated to match) instead of failing.",
    why: "only affects create; no API effect",
  },
];

/**
 * The sticky inputs (removing them from the program is not a change): groupId, createTime, ownerAccount,
 * maxMemberCount, inviteJoinOption.
 */
export const STICKY_INPUTS: readonly InputName[] = FIELDS.filter((f) => f.sticky).map((f) => f.input);

/** Output-only facts (README); the resource id is `groupId`. */
export const OUTPUT_FACTS: readonly { name: string; type: string; doc: string }[] = [
  { name: "groupId", type: "string", doc: "The group id, equal to the resource id (service-assigned when not given)." },
  { name: "customGroupId", type: "boolean", doc: "True when the id came from the program; a replacement then deletes the old group first." },
  { name: "declaredSticky", type: "string[]", doc: "Which sticky inputs (groupId, createTime, ownerAccount, maxMemberCount, inviteJoinOption) the program declares (refresh returns only these as inputs)." },
  { name: "createTime", type: "integer", doc: "Actual creation time (Unix seconds)." },
  { name: "ownerAccount", type: "string", doc: "Actual owner, absent for an ownerless group." },
  { name: "memberNum", type: "integer", doc: "Current member count." },
  { name: "infoSeq", type: "integer", doc: "Profile revision (when reported)." },
];

/** {@link fieldByName} returns the spec of an input, or undefined for a non-input name. */
export function fieldByName(name: string): FieldSpec | undefined {
  return FIELDS.find((f) => f.input === name);
}

/** {@link resolveLimits} fills a partial override with {@link DEFAULT_LIMITS}. */
export function resolveLimits(overrides?: Partial<ValidationLimits>): ValidationLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/** {@link limitValue} resolves a numeric bound that may name a limit. */
export function limitValue(bound: number | keyof ValidationLimits, limits: ValidationLimits): number {
  return typeof bound === "number" ? bound : limits[bound];
}

const KIND_TEXT: Record<FieldKind, string> = { string: "string", int: "integer", bool: "boolean", enum: "string", map: "map of strings" };

/** {@link kindText} is the README/failure wording of a field's type. */
export function kindText(f: FieldSpec): string {
  if (f.kind === "enum") return [...(f.values ?? []), ...Object.keys(f.aliases ?? {})].map((v) => `"${v}"`).join(" | ");
  return KIND_TEXT[f.kind];
}

function limitsText(f: FieldSpec, limits: ValidationLimits): string {
  if (f.limitsDoc) return f.limitsDoc(limits);
  const parts: string[] = [];
  if (f.maxBytes) parts.push(`${f.kind === "map" ? "values " : ""}≤ ${limits[f.maxBytes]} bytes UTF-8`);
  if (f.kind === "map") parts.push(`≤ ${limits.maxAppDefinedKeys} keys`, `keys ${f.pattern?.hint ?? ""}`);
  else if (f.pattern) parts.push(f.pattern.hint);
  if (f.range) parts.push(`${f.range.min}..${limitValue(f.range.max, limits)}`);
  return parts.join("; ") || "—";
}

function changeText(f: FieldSpec): string {
  const head = { replace: f.sticky ? "**replace** when set and different" : "**replace**", "update-modify": "update", "update-owner": "update (owner transfer)", none: "no effect" }[f.onChange];
  return `${head}${f.sticky ? "; removal is not a change" : ""} — ${f.why}`;
}

/**
 * {@link renderFieldsMarkdown} renders the README reference: one row per input of {@link FIELDS}, then the
 * output-only facts. Pass the limits the README should quote.
 */
export function renderFieldsMarkdown(limits: ValidationLimits = DEFAULT_LIMITS): string {
  const esc = (s: string): string => s.replace(/\|/g, "\\|");
  const rows = FIELDS.map((f) => {
    const def = f.defaultFor?.(undefined);
    const defText = f.defaultDoc ?? (def === undefined ? (f.required ? "required" : "—") : `\`${JSON.stringify(def)}\``);
    const wire = [f.wire.import, f.wire.modify, f.wire.get].map((w) => w ?? "—").join(" / ");
    return `| \`${f.input}\` | ${esc(kindText(f))} | ${defText} | ${esc(limitsText(f, limits))} | ${esc(changeText(f))} | ${wire} | ${esc(f.doc)} |`;
  });
  const outs = OUTPUT_FACTS.map((o) => `| \`${o.name}\` | ${o.type} | ${esc(o.doc)} |`);
  return [
    "| Input | Type | Default | Limits | On change | Wire (import / modify / get) | Description |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Outputs: every input in canonical form (aliases mapped, defaults filled in), plus:",
    "",
    "| Output | Type | Description |",
    "|---|---|---|",
    ...outs,
    "",
  ].join("\n");
}
