/**
 * fast-check arbitraries for ChatGroup inputs, built from the documented rules (rules.ts, never the implementation's
 * field table or limits):
 * valid inputs, inputs that break exactly one known rule (tagged with the field they break), and junk.
 * Strings mix ASCII, 2-byte Latin, 3-byte CJK, 4-byte emoji, control characters and lone surrogates, because every
 * limit counts UTF-8 bytes, not characters.
 */
import fc from "fast-check";
import {
  BUILTIN_NAMES,
  DOC,
  INPUT_KINDS,
  INVITE_OPTIONS,
  JOIN_OPTIONS,
  PULUMI_UNKNOWN,
  TYPES,
  type Kind,
} from "./rules";

/** A ChatGroup input bag as a program (or the engine) sends it. */
export type Input = Record<string, unknown>;

const L = DOC;
/** Every documented input name. */
export const FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(INPUT_KINDS));
/** Type names check accepts (canonical and aliases). */
export const ALL_TYPES = TYPES;
/** Types other than Community (aliases included). */
export const NON_COMMUNITY = ["Private", "Work", "Public", "ChatRoom", "Meeting"] as const;
const MAX_INT_WIRE = DOC.maxCreateTime;
/** Names of Object.prototype members: a table lookup keyed by user text must never find them (issue-5 regression). */
export const PROTO_NAMES = ["valueOf", "toString", "constructor", "__proto__", "hasOwnProperty"] as const;

/** UTF-8 length, counted independently of the code under test. */
export const bytes = (s: string): number => new TextEncoder().encode(s).length;

const printableChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const cp = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
/** One character of any UTF-8 width, weighted towards ASCII. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: printableChar, weight: 6 },
  { arbitrary: cp(0x80, 0x7ff), weight: 1 }, // 2 bytes
  { arbitrary: cp(0x4e00, 0x9fff), weight: 3 }, // CJK, 3 bytes
  { arbitrary: cp(0x1f300, 0x1faff), weight: 2 }, // emoji, 4 bytes
  { arbitrary: cp(0x0, 0x1f), weight: 1 }, // control characters
  { arbitrary: cp(0xd800, 0xdfff), weight: 1 }, // lone surrogate: 3 bytes once encoded (U+FFFD)
);
/** A character that is not printable ASCII (so it breaks the groupId/ownerAccount pattern). */
const nonPrintableChar = fc.oneof(
  cp(0x0, 0x1f),
  fc.constant("\x7f"),
  cp(0x80, 0x7ff),
  cp(0x4e00, 0x9fff),
  cp(0x1f300, 0x1faff),
);

/** Keeps whole characters while the UTF-8 length stays within `max`. */
function truncateToBytes(chars: readonly string[], max: number): string {
  let out = "";
  let n = 0;
  for (const c of chars) {
    const b = bytes(c);
    if (n + b > max) break;
    out += c;
    n += b;
  }
  return out;
}

/** A string of at most `max` UTF-8 bytes (at least one character when `nonEmpty`); often right at the limit. */
export function utf8Text(max: number, nonEmpty = false): fc.Arbitrary<string> {
  const short = fc.array(anyChar, { maxLength: Math.min(max, 12) });
  const full = fc.array(anyChar, { minLength: max, maxLength: max }); // truncated: lands on max, max-1, max-2 or max-3
  return fc
    .oneof({ arbitrary: short, weight: 3 }, { arbitrary: full, weight: 1 })
    .map((chars) => truncateToBytes(chars, max))
    .map((s) => (nonEmpty && s === "" ? "x" : s));
}

/** A string of MORE than `max` UTF-8 bytes; often one byte over, or few characters but many bytes (CJK/emoji). */
export function overlongText(max: number): fc.Arbitrary<string> {
  return fc.tuple(utf8Text(max), fc.array(anyChar, { minLength: 1, maxLength: 4 })).map(([base, extra]) => {
    let s = base;
    for (let i = 0; bytes(s) <= max; i++) s += extra[i % extra.length];
    return s;
  });
}

/** Printable ASCII (0x20-0x7e), length within [min, max]. */
export const printable = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: printableChar, minLength: min, maxLength: max });

// Valid keys: the documented rule minus "__proto__", which check refuses (Pulumi's encoding would drop it); often
// named like an Object.prototype member, which a plain-object lookup would find even when the key is absent.
/** A valid custom-field key; about one in four is a built-in name ("toString", "constructor", …). */
export const appDefinedKey: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/), weight: 3 },
    { arbitrary: fc.constantFrom(...BUILTIN_NAMES), weight: 1 },
  )
  .filter((k) => k !== "__proto__");

/** Options of {@link validInputs}. */
export interface ValidOptions {
  /** Types to draw from; default all (aliases included). */
  types?: readonly string[];
  /**
   * Only inputs import_group can create: adopt never bypasses the `@TGS#` prefix rules. Default false: adopt with
   * any id (check skips the prefix rules for adopted ids, D5).
   */
  creatable?: boolean;
  /** Sometimes write an optional input as `null` (Pulumi's "not set"). Default true. */
  nulls?: boolean;
}

/** A valid custom group id for the type: printable ASCII ≤ 48 bytes, `@TGS#_` for Community, never `@TGS#` otherwise. */
export function validGroupId(type: string): fc.Arbitrary<string> {
  if (type === "Community") return printable(0, L.groupId - 6).map((s) => `@TGS#_${s}`);
  return printable(1, L.groupId).filter((s) => !s.startsWith("@TGS#"));
}

/** Inputs that satisfy every rule of the field table (check must accept them). */
export function validInputs(options: ValidOptions = {}): fc.Arbitrary<Input> {
  const types = options.types ?? ALL_TYPES;
  return fc.constantFrom(...types).chain((type) => {
    const community = type === "Community";
    const idArb = options.creatable ? validGroupId(type) : fc.oneof(validGroupId(type), printable(1, L.groupId));
    const record = fc.record(
      {
        type: fc.constant(type),
        name: utf8Text(L.name, true),
        groupId: validGroupId(type),
        ownerAccount: printable(1, L.ownerAccount),
        introduction: utf8Text(L.introduction),
        notification: utf8Text(L.notification),
        faceUrl: utf8Text(L.faceUrl),
        maxMemberCount: fc.integer({ min: 1, max: community ? L.maxMemberCountCommunity : L.maxMemberCount }),
        applyJoinOption: community
          ? fc.constant(undefined)
          : type === "Public"
            ? fc.constantFrom("FreeAccess", "NeedPermission", "DisableApply")
            : fc.constant(type === "Private" || type === "Work" ? "DisableApply" : "FreeAccess"),
        inviteJoinOption: community
          ? fc.constant(undefined)
          : fc.constantFrom("FreeAccess", "NeedPermission", "DisableInvite"),
        appDefinedData: fc.dictionary(appDefinedKey, fc.oneof(utf8Text(L.appDefinedValue), fc.constant("")), {
          maxKeys: L.maxAppDefinedKeys,
        }),
        createTime: fc.integer({ min: 1, max: MAX_INT_WIRE }),
        supportTopic: community ? fc.boolean() : fc.constant(false),
        muteAllMember: fc.boolean(),
        adoptWith: fc.option(idArb, { nil: undefined }), // adopt: true needs a groupId
        __provider: fc.constant("exports.handler = __f0;"), // engine-internal keys are ignored
      },
      { requiredKeys: ["type", "name"] },
    );
    return fc
      .tuple(
        record,
        fc.boolean(),
        fc.subarray(
          options.nulls === false ? [] : ["groupId", "ownerAccount", "introduction", "createTime", "muteAllMember"],
        ),
      )
      .map(([r, adopt, nulled]) => {
        const { adoptWith, ...rest } = r as Input & { adoptWith?: string };
        const out: Input = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        if (adoptWith !== undefined && adopt) Object.assign(out, { adopt: true, groupId: adoptWith });
        else if (adopt) out.adopt = false;
        for (const k of nulled) if (!(k in out)) out[k] = null;
        return out;
      });
  });
}

/** Values of the wrong JSON type for a field kind (never null or undefined: those mean "not set"). */
export function wrongType(kind: Kind): fc.Arbitrary<unknown> {
  const str = fc.string({ maxLength: 8 });
  const num = fc.oneof(fc.integer(), fc.double({ noNaN: true }));
  const arr = fc.array(fc.oneof(str, fc.integer()), { maxLength: 3 });
  const obj = fc.dictionary(fc.string({ maxLength: 4 }), str, { maxKeys: 2 });
  switch (kind) {
    case "string":
    case "enum":
      return fc.oneof(num, fc.boolean(), arr, obj);
    case "int":
      return fc.oneof(str, fc.boolean(), arr, obj, fc.double({ noInteger: true }), fc.constant("10"));
    case "bool":
      return fc.oneof(str, num, arr, obj, fc.constantFrom("true", 1, 0));
    case "map":
      return fc.oneof(str, num, fc.boolean(), arr);
  }
}

/** One single-rule violation: the field it breaks and inputs that break only that rule. */
export interface Violation {
  label: string;
  field: string;
  arb: fc.Arbitrary<Input>;
}

const kindOf = (name: string): Kind => INPUT_KINDS[name]!;
const set = (base: Input, key: string, value: unknown): Input => ({ ...base, [key]: value });
const omit = (base: Input, key: string): Input => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));
/** Valid inputs of the given types with `adopt` removed (it relaxes the id rules). */
const baseOf = (types?: readonly string[]) => validInputs({ types, creatable: true }).map((b) => omit(b, "adopt"));
const onBase = <T>(v: fc.Arbitrary<T>, f: (base: Input, v: T) => Input, types?: readonly string[]) =>
  fc.tuple(baseOf(types), v).map(([b, x]) => f(b, x));
const withValue = (field: string, v: fc.Arbitrary<unknown>, types?: readonly string[]) =>
  onBase(v, (b, x) => set(b, field, x), types);
/** `s` with `c` inserted at a position chosen by `at` (0..1). */
const insert = (s: string, c: string, at: number): string => {
  const i = Math.floor(at * (s.length + 1));
  return s.slice(0, i) + c + s.slice(i);
};
const withBadChar = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, nonPrintableChar, fc.double({ min: 0, max: 1, noNaN: true })).map(([s, c, at]) => insert(s, c, at));
/** A string close to a real input name (case, one edit) or arbitrary, that is not an input or an engine key. */
const unknownKey = fc
  .oneof(
    fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.nat()).map(([n, i]) => {
      const j = i % n.length;
      return n.slice(0, j) + n[j]!.toUpperCase() + n.slice(j + 1);
    }),
    fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.nat()).map(([n, i]) => {
      const j = i % n.length;
      return n.slice(0, j) + n.slice(j + 1);
    }),
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom(...BUILTIN_NAMES),
  )
  .filter((k) => !FIELD_NAMES.has(k) && !k.startsWith("__"));

/** A violation that sets `field` to a value from `v` on a valid base of the given types. */
const bad = (label: string, field: string, v: fc.Arbitrary<unknown>, types?: readonly string[]): Violation => ({
  label,
  field,
  arb: withValue(field, v, types),
});
/** A violation in one appDefinedData entry (key and value drawn together). */
const badEntry = (label: string, kv: fc.Arbitrary<[string, unknown]>): Violation => ({
  label,
  field: "appDefinedData",
  arb: onBase(kv, (b, [k, v]) => set(b, "appDefinedData", { [k]: v })),
});
const JOIN: readonly string[] = JOIN_OPTIONS;
const INVITE: readonly string[] = INVITE_OPTIONS;
const notIn = (values: readonly string[]) => (s: string) => !values.includes(s);
const withProtoNames = (a: fc.Arbitrary<string>) => fc.oneof(a, fc.constantFrom(...PROTO_NAMES));
const badKey = fc.oneof(
  fc.constant(""),
  fc.stringMatching(/^[A-Za-z0-9_]{17,30}$/),
  withBadChar(appDefinedKey),
  fc.constantFrom("a-b", " GroupTestData2", "键", "__proto__"),
);
const tooManyKeys = fc
  .uniqueArray(appDefinedKey, { minLength: L.maxAppDefinedKeys + 1, maxLength: 20 })
  .map((ks) => Object.fromEntries(ks.map((k) => [k, "v"])));

/** App profile names the fuzz may declare; a host that checks them must have them configured (provider check). */
export const FUZZ_APP_PROFILES = ["intl", "cn_main"] as const;

/** Every rule of the field table, each broken on its own. */
export const VIOLATIONS: readonly Violation[] = [
  { label: "type missing", field: "type", arb: baseOf().map((b) => omit(b, "type")) },
  bad("type of the wrong JSON type", "type", wrongType("enum")),
  bad("type unknown", "type", withProtoNames(fc.string({ maxLength: 12 })).filter(notIn(ALL_TYPES))),
  bad(
    "type AVChatRoom (or another casing)",
    "type",
    fc.constantFrom("AVChatRoom", "public", "PRIVATE", " Public", "Community ", "BChatRoom"),
  ),
  { label: "name missing", field: "name", arb: baseOf().map((b) => omit(b, "name")) },
  bad("name empty", "name", fc.constant("")),
  bad("name over its byte limit", "name", overlongText(L.name)),
  bad("name of the wrong JSON type", "name", wrongType("string")),
  ...(["introduction", "notification", "faceUrl"] as const).flatMap((f): Violation[] => [
    bad(`${f} over its byte limit`, f, overlongText(L[f])),
    bad(`${f} of the wrong JSON type`, f, wrongType("string")),
  ]),
  bad("groupId empty", "groupId", fc.constant("")),
  bad("groupId over 48 bytes", "groupId", printable(L.groupId + 1, 120)),
  bad("groupId with a non-printable character", "groupId", withBadChar(printable(0, 20))),
  bad(
    "groupId @TGS#… on a non-Community group",
    "groupId",
    printable(0, 40).map((s) => `@TGS#${s}`),
    NON_COMMUNITY,
  ),
  bad(
    "groupId without @TGS#_ on a Community group",
    "groupId",
    printable(1, 48).filter((s) => !s.startsWith("@TGS#_")),
    ["Community"],
  ),
  bad("groupId of the wrong JSON type", "groupId", wrongType("string")),
  bad("ownerAccount empty", "ownerAccount", fc.constant("")),
  bad("ownerAccount over 32 bytes", "ownerAccount", printable(L.ownerAccount + 1, 80)),
  bad("ownerAccount with a non-printable character", "ownerAccount", withBadChar(printable(0, 20))),
  bad("ownerAccount of the wrong JSON type", "ownerAccount", wrongType("string")),
  bad("maxMemberCount below 1", "maxMemberCount", fc.integer({ max: 0 })),
  bad(
    "maxMemberCount above 100000",
    "maxMemberCount",
    fc.oneof(fc.integer({ min: L.maxMemberCountCommunity + 1 }), fc.constant(Infinity)),
  ),
  bad(
    "maxMemberCount 6001..100000 on a non-Community group",
    "maxMemberCount",
    fc.integer({ min: L.maxMemberCount + 1, max: L.maxMemberCountCommunity }),
    NON_COMMUNITY,
  ),
  bad(
    "maxMemberCount not an integer",
    "maxMemberCount",
    fc.oneof(wrongType("int"), fc.constantFrom(NaN, -Infinity, 1.5)),
  ),
  bad(
    "applyJoinOption unknown",
    "applyJoinOption",
    withProtoNames(fc.string({ maxLength: 16 })).filter(notIn(JOIN)),
    NON_COMMUNITY,
  ),
  bad(
    "applyJoinOption other than DisableApply on a Work group",
    "applyJoinOption",
    fc.constantFrom("FreeAccess", "NeedPermission"),
    ["Private", "Work"],
  ),
  bad(
    "applyJoinOption other than FreeAccess on a Meeting group",
    "applyJoinOption",
    fc.constantFrom("NeedPermission", "DisableApply"),
    ["ChatRoom", "Meeting"],
  ),
  bad(
    "inviteJoinOption unknown",
    "inviteJoinOption",
    withProtoNames(fc.string({ maxLength: 16 })).filter(notIn(INVITE)),
    NON_COMMUNITY,
  ),
  bad("inviteJoinOption on a Community group", "inviteJoinOption", fc.constantFrom(...INVITE), ["Community"]),
  bad("applyJoinOption of the wrong JSON type", "applyJoinOption", wrongType("enum")),
  bad("applyJoinOption on a Community group", "applyJoinOption", fc.constantFrom(...JOIN), ["Community"]),
  badEntry("appDefinedData bad key", fc.tuple(badKey, utf8Text(20))),
  badEntry("appDefinedData value over 512 bytes", fc.tuple(appDefinedKey, overlongText(L.appDefinedValue))),
  badEntry("appDefinedData value not a string", fc.tuple(appDefinedKey, wrongType("string"))),
  bad("appDefinedData over 10 keys", "appDefinedData", tooManyKeys),
  bad("appDefinedData not a map", "appDefinedData", wrongType("map")),
  bad(
    "createTime out of range",
    "createTime",
    fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: MAX_INT_WIRE + 1, max: Number.MAX_SAFE_INTEGER })),
  ),
  bad("createTime not an integer", "createTime", wrongType("int")),
  bad("supportTopic true on a non-Community group", "supportTopic", fc.constant(true), NON_COMMUNITY),
  bad("supportTopic of the wrong JSON type", "supportTopic", wrongType("bool")),
  bad("muteAllMember of the wrong JSON type", "muteAllMember", wrongType("bool")),
  bad("adopt of the wrong JSON type", "adopt", wrongType("bool")),
  bad("app of the wrong JSON type", "app", wrongType("string")),
  bad(
    "app not a profile name",
    "app",
    fc.oneof(fc.constantFrom("", "a.b", "x".repeat(65), "ü"), withBadChar(fc.constantFrom(...FUZZ_APP_PROFILES))),
  ),
  { label: "adopt without groupId", field: "adopt", arb: baseOf().map((b) => set(omit(b, "groupId"), "adopt", true)) },
  {
    label: "an unknown input",
    field: "*",
    arb: onBase(
      fc.tuple(
        unknownKey,
        fc.jsonValue().filter((v) => v !== null),
      ),
      (b, [k, v]) => ({ ...b, [k]: v }),
    ),
  },
];

/** Every single-rule violation, tagged: `{ label, field, input }` (field "*" = the unknown key itself). */
export const invalidInputs: fc.Arbitrary<{ label: string; field: string; input: Input }> = fc.oneof(
  ...VIOLATIONS.map((v) =>
    v.arb.map((input) => ({ label: v.label, field: v.field === "*" ? unknownKeyOf(input) : v.field, input })),
  ),
);

function unknownKeyOf(input: Input): string {
  return Object.keys(input).find((k) => !FIELD_NAMES.has(k) && !k.startsWith("__")) ?? "?";
}

/** A value for `field` that is mostly plausible and sometimes junk, for the differential (oracle) property. */
function plausibleOrJunk(field: string): fc.Arbitrary<unknown> {
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    type: fc.constantFrom(...ALL_TYPES, "AVChatRoom", ...PROTO_NAMES),
    name: fc.oneof(utf8Text(L.name), overlongText(L.name)),
    groupId: fc.oneof(
      validGroupId("Public"),
      validGroupId("Community"),
      printable(0, 60),
      withBadChar(printable(0, 8)),
    ),
    ownerAccount: fc.oneof(printable(0, 40), withBadChar(printable(0, 8))),
    introduction: fc.oneof(utf8Text(L.introduction), overlongText(L.introduction)),
    notification: fc.oneof(utf8Text(L.notification), overlongText(L.notification)),
    faceUrl: fc.oneof(utf8Text(L.faceUrl), overlongText(L.faceUrl)),
    maxMemberCount: fc.oneof(fc.integer({ min: -2, max: 100002 }), fc.constantFrom(6000, 6001, 100000, 100001, 0.5)),
    applyJoinOption: fc.constantFrom("FreeAccess", "NeedPermission", "DisableApply", "Open", ...PROTO_NAMES),
    inviteJoinOption: fc.constantFrom("FreeAccess", "NeedPermission", "DisableInvite", "DisableApply", ...PROTO_NAMES),
    appDefinedData: fc.dictionary(
      fc.oneof(appDefinedKey, fc.string({ maxLength: 18 })),
      fc.oneof(utf8Text(600), fc.integer(), fc.constant(null), fc.constant(""), fc.constant(PULUMI_UNKNOWN)),
      { maxKeys: 12 },
    ),
    createTime: fc.oneof(fc.integer({ min: -1, max: MAX_INT_WIRE + 1 }), fc.double({ noInteger: true })),
    supportTopic: fc.boolean(),
    muteAllMember: fc.boolean(),
    serviceAssignedId: fc.boolean(),
    adopt: fc.boolean(),
    app: fc.constantFrom(...FUZZ_APP_PROFILES, "", "a.b", "x".repeat(65)),
  };
  return fc.oneof(
    { arbitrary: plausible[field]!, weight: 6 },
    { arbitrary: wrongType(kindOf(field)), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant(PULUMI_UNKNOWN), weight: 1 }, // preview: not known yet
  );
}

/** Mixed inputs, valid or not in any number of ways, plus stray keys: the oracle says which fields are broken. */
export const junkInputs: fc.Arbitrary<Input> = fc
  .tuple(
    fc.record(Object.fromEntries([...FIELD_NAMES].map((n) => [n, plausibleOrJunk(n)])), { requiredKeys: [] }),
    fc.dictionary(fc.oneof(unknownKey, fc.constant("__provider")), fc.jsonValue(), { maxKeys: 2 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

/**
 * Valid inputs as a preview sees them: some values (top-level, or inside appDefinedData) are Pulumi's unknown
 * placeholder. check must accept them: an unknown value is judged once it is known.
 */
export const previewInputs: fc.Arbitrary<Input> = validInputs({ nulls: false }).chain((input) => {
  const names = Object.keys(input).filter((k) => !k.startsWith("__"));
  const mapKeys =
    typeof input.appDefinedData === "object" && input.appDefinedData !== null ? Object.keys(input.appDefinedData) : [];
  return fc.tuple(fc.subarray(names, { minLength: 1 }), fc.subarray(mapKeys)).map(([top, inMap]) => {
    const out: Input = { ...input };
    if (inMap.length > 0)
      out.appDefinedData = {
        ...(input.appDefinedData as object),
        ...Object.fromEntries(inMap.map((k) => [k, PULUMI_UNKNOWN])),
      };
    for (const k of top) out[k] = PULUMI_UNKNOWN;
    return out;
  });
});

/** A custom-field map over some of `keys`: each value valid, sometimes "" (documented: absent). */
const mapOver = (keys: readonly string[]): fc.Arbitrary<Record<string, string>> =>
  fc
    .subarray([...keys])
    .chain((sub) =>
      fc
        .tuple(
          ...sub.map(() => fc.oneof({ arbitrary: utf8Text(40), weight: 4 }, { arbitrary: fc.constant(""), weight: 1 })),
        )
        .map((vals) => Object.fromEntries(sub.map((k, i) => [k, vals[i]!]))),
    );

/**
 * An in-place change of appDefinedData: the old and the new map draw from one pool of valid keys (about one in four
 * named like an Object.prototype member), so keys are added, changed, kept and removed, in every position.
 */
export const customFieldChange: fc.Arbitrary<{ before: Record<string, string>; after: Record<string, string> }> = fc
  .uniqueArray(appDefinedKey, { minLength: 1, maxLength: L.maxAppDefinedKeys })
  .chain((keys) => fc.tuple(mapOver(keys), mapOver(keys)))
  .map(([before, after]) => ({ before, after }));
