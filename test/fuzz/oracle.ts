/**
 * An independent statement of the ChatGroup input rules, written from the documentation (rules.ts: literals with
 * their public sources) without the field table, its limits, ajv or check.ts, so that check can be compared
 * against it. It answers one question: which top-level properties should check name in its failures?
 *
 * Mirrors the documented check behaviours: `null`/`undefined` mean "not set"; keys starting with `__` are engine
 * keys (ignored); a value Pulumi does not know yet (preview) is not judged, nor is any rule that depends on it; a
 * custom-field value of `""` means the key is absent; and a cross-field rule is skipped when a field it depends on
 * is itself invalid (the failure is reported on that field instead).
 */
import {
  APP_DEFINED_KEY,
  DOC as L,
  FIXED_JOIN,
  INPUT_KINDS,
  INVITE_OPTIONS,
  JOIN_OPTIONS,
  PULUMI_UNKNOWN,
  TYPES,
  TYPE_ALIASES,
} from "./rules";
import { bytes, type Input } from "./arbitraries";

const PRINTABLE = /^[\x20-\x7e]*$/;
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

const isString = (v: unknown): v is string => typeof v === "string";
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const textOk = (v: unknown, max: number, nonEmpty = false): boolean =>
  isString(v) && bytes(v) <= max && (!nonEmpty || v !== "");

/** The set of top-level input properties the rules say are wrong in `input` (empty: the input is valid). */
export function brokenProperties(input: Input): Set<string> {
  const broken = new Set<string>();
  const present = (k: string): boolean => own(input, k) && input[k] !== undefined && input[k] !== null;
  const unknown = (k: string): boolean => present(k) && input[k] === PULUMI_UNKNOWN;
  // Known and given: the only values a rule judges.
  const given = (k: string): boolean => present(k) && !unknown(k);
  for (const k of Object.keys(input)) if (!k.startsWith("__") && given(k) && !own(INPUT_KINDS, k)) broken.add(k);

  let type: string | undefined;
  if (unknown("type")) type = undefined;
  else if (given("type") && isString(input.type) && (TYPES as readonly string[]).includes(input.type))
    type = own(TYPE_ALIASES, input.type) ? TYPE_ALIASES[input.type] : input.type;
  else broken.add("type");
  const community = type === "Community";

  if (!unknown("name") && (!given("name") || !textOk(input.name, L.name, true))) broken.add("name");
  for (const [f, max] of [
    ["introduction", L.introduction],
    ["notification", L.notification],
    ["faceUrl", L.faceUrl],
  ] as const) {
    if (given(f) && !textOk(input[f], max)) broken.add(f);
  }
  if (
    given("ownerAccount") &&
    !(textOk(input.ownerAccount, L.ownerAccount, true) && PRINTABLE.test(input.ownerAccount as string))
  )
    broken.add("ownerAccount");

  for (const f of ["supportTopic", "muteAllMember", "serviceAssignedId"])
    if (given(f) && typeof input[f] !== "boolean") broken.add(f);
  // adopt is true, false or "overwrite" (take over and apply the declared values).
  if (given("adopt") && typeof input.adopt !== "boolean" && input.adopt !== "overwrite") broken.add("adopt");
  // adopt relaxes the id rules; while it is unknown, rules that depend on it are not judged.
  const adoptOk = !broken.has("adopt") && !unknown("adopt");
  const adopting = input.adopt === true || input.adopt === "overwrite";

  if (given("groupId")) {
    const id = input.groupId;
    if (!(textOk(id, L.groupId, true) && PRINTABLE.test(id as string))) broken.add("groupId");
    // The prefix rules need a known type and a usable adopt; adopting skips them (DECISIONS D5).
    else if (type !== undefined && adoptOk && !adopting) {
      const s = id as string;
      if (community ? !s.startsWith("@TGS#_") : s.startsWith("@TGS#")) broken.add("groupId");
    }
  }
  if (adoptOk && adopting && !present("groupId")) broken.add("adopt");
  // An explicit id and "let the service choose it" contradict each other.
  if (given("groupId") && input.serviceAssignedId === true) broken.add("groupId");

  if (given("maxMemberCount")) {
    const n = input.maxMemberCount;
    // The schema allows up to the largest limit setting; the type's own limit applies once the type is known.
    if (!isInt(n) || n < 1 || n > L.maxMemberCountSetting) broken.add("maxMemberCount");
    else if (type !== undefined && n > (community ? L.maxMemberCountCommunity : L.maxMemberCount))
      broken.add("maxMemberCount");
  }
  if (given("applyJoinOption")) {
    const v = input.applyJoinOption;
    // Work groups always forbid applying, Meeting groups always let anyone join (FIXED_JOIN, rules.ts).
    const fixed = type === undefined ? undefined : FIXED_JOIN[type];
    if (
      !isString(v) ||
      !(JOIN_OPTIONS as readonly string[]).includes(v) ||
      community ||
      (fixed !== undefined && v !== fixed)
    )
      broken.add("applyJoinOption");
  }
  if (given("inviteJoinOption")) {
    const v = input.inviteJoinOption;
    if (!isString(v) || !(INVITE_OPTIONS as readonly string[]).includes(v) || community) broken.add("inviteJoinOption");
  }
  if (
    given("supportTopic") &&
    !broken.has("supportTopic") &&
    type !== undefined &&
    !community &&
    input.supportTopic !== false
  )
    broken.add("supportTopic");
  if (given("createTime")) {
    const t = input.createTime;
    if (!isInt(t) || t < 1 || t > L.maxCreateTime) broken.add("createTime");
  }
  if (given("app") && !(isString(input.app) && /^[A-Za-z0-9_-]{1,64}$/.test(input.app))) broken.add("app");
  if (given("appDefinedData")) {
    const m = input.appDefinedData;
    // A value not known yet still names a key (its value is judged later); "" means the key is absent.
    const value = (v: unknown): unknown => (v === PULUMI_UNKNOWN ? "" : v);
    const ok =
      isMap(m) &&
      Object.values(m).filter((v) => value(v) !== "").length <= L.maxAppDefinedKeys &&
      Object.entries(m).every(
        ([k, v]) => APP_DEFINED_KEY.test(k) && isString(value(v)) && bytes(value(v) as string) <= L.appDefinedValue,
      );
    if (!ok) broken.add("appDefinedData");
  }
  return broken;
}

/** The top-level property a failure names: the key itself when it is one of the input's keys, else its first segment. */
export function topLevel(property: string, input: Input): string {
  return Object.prototype.hasOwnProperty.call(input, property) ? property : property.split(".")[0]!;
}
