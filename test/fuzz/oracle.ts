/**
 * An independent statement of the ChatGroup input rules (README "Inputs reference"), written without the field
 * table, ajv or check.ts, so that check can be compared against it. It answers one question: which top-level
 * properties should check name in its failures?
 *
 * Mirrors two documented check behaviours: `null`/`undefined` mean "not set", keys starting with `__` are engine
 * keys (ignored); and a cross-field rule is skipped when a field it depends on is itself invalid (the failure is
 * reported on that field instead).
 */
import { DEFAULT_LIMITS as L } from "../../provider/resource/fields";
import { ALL_TYPES, FIELD_NAMES, bytes, type Input } from "./arbitraries";

const PRINTABLE = /^[\x20-\x7e]*$/;
// The documented key rule, minus "__proto__" (Pulumi's property encoding drops it, so check refuses it).
const KEY = /^(?!__proto__$)[A-Za-z0-9_]{1,16}$/;
const JOIN = ["FreeAccess", "NeedPermission", "DisableApply"];
const CANONICAL: Record<string, string> = { Work: "Private", Meeting: "ChatRoom" };

const isString = (v: unknown): v is string => typeof v === "string";
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const textOk = (v: unknown, max: number, nonEmpty = false): boolean => isString(v) && bytes(v) <= max && (!nonEmpty || v !== "");

/** The set of top-level input properties the rules say are wrong in `input` (empty: the input is valid). */
export function brokenProperties(input: Input): Set<string> {
  const broken = new Set<string>();
  const given = (k: string): boolean => input[k] !== undefined && input[k] !== null;
  for (const k of Object.keys(input)) if (!k.startsWith("__") && given(k) && !FIELD_NAMES.has(k)) broken.add(k);

  let type: string | undefined;
  if (given("type") && isString(input.type) && (ALL_TYPES as readonly string[]).includes(input.type)) type = CANONICAL[input.type] ?? input.type;
  else broken.add("type");
  const community = type === "Community";

  if (!given("name") || !textOk(input.name, L.name, true)) broken.add("name");
  for (const [f, max] of [["introduction", L.introduction], ["notification", L.notification], ["faceUrl", L.faceUrl]] as const) {
    if (given(f) && !textOk(input[f], max)) broken.add(f);
  }
  if (given("ownerAccount") && !(textOk(input.ownerAccount, L.ownerAccount, true) && PRINTABLE.test(input.ownerAccount as string))) broken.add("ownerAccount");

  for (const f of ["supportTopic", "muteAllMember", "serviceAssignedId"]) if (given(f) && typeof input[f] !== "boolean") broken.add(f);
  if (given("adopt") && typeof input.adopt !== "boolean" && input.adopt !== "overwrite") broken.add("adopt");
  const adoptOk = !broken.has("adopt");
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
  if (adoptOk && adopting && !given("groupId")) broken.add("adopt");
  // An explicit id and "let the service choose it" contradict each other.
  if (given("groupId") && input.serviceAssignedId === true) broken.add("groupId");

  if (given("maxMemberCount")) {
    const n = input.maxMemberCount;
    // The schema allows up to the largest limit setting; the type's own limit applies once the type is known.
    if (!isInt(n) || n < 1 || n > 10_000_000) broken.add("maxMemberCount");
    else if (type !== undefined && n > (community ? L.maxMemberCountCommunity : L.maxMemberCount)) broken.add("maxMemberCount");
  }
  if (given("applyJoinOption")) {
    const v = input.applyJoinOption;
    // Work groups always forbid applying, Meeting groups always let anyone join (the Web SDK docs).
    const fixed = type === "Private" ? "DisableApply" : type === "ChatRoom" ? "FreeAccess" : undefined;
    if (!isString(v) || !JOIN.includes(v) || community || (fixed !== undefined && v !== fixed)) broken.add("applyJoinOption");
  }
  if (given("inviteJoinOption")) {
    const v = input.inviteJoinOption;
    if (!isString(v) || !["FreeAccess", "NeedPermission", "DisableInvite"].includes(v) || community) broken.add("inviteJoinOption");
  }
  if (given("supportTopic") && !broken.has("supportTopic") && type !== undefined && !community && input.supportTopic !== false) broken.add("supportTopic");
  if (given("createTime")) {
    const t = input.createTime;
    if (!isInt(t) || t < 1 || t > 4294967295) broken.add("createTime");
  }
  if (given("app") && !(isString(input.app) && /^[A-Za-z0-9_-]{1,64}$/.test(input.app))) broken.add("app");
  if (given("appDefinedData")) {
    const m = input.appDefinedData;
    // A key with an empty value means absent: it does not count towards the limit.
    const ok = isMap(m) && Object.values(m).filter((v) => v !== "").length <= L.maxAppDefinedKeys &&
      Object.entries(m).every(([k, v]) => KEY.test(k) && isString(v) && bytes(v) <= L.appDefinedValue);
    if (!ok) broken.add("appDefinedData");
  }
  return broken;
}

/** The top-level property a failure names: the key itself when it is one of the input's keys, else its first segment. */
export function topLevel(property: string, input: Input): string {
  return Object.prototype.hasOwnProperty.call(input, property) ? property : property.split(".")[0]!;
}
