/**
 * The field-table types every new resource declares once (ChatAccount, ChatGroupMember, ChatGroupMembers): check
 * (./check.ts), diff (./diff.ts) and the README reference (./docs.ts) are all derived from a {@link ResourceTable}.
 * ChatGroup keeps its own richer table (provider/resource/fields.ts) this round.
 */

/** Value kinds. `list` holds strings, or objects when `items` is given; `map` holds string values. */
export type FieldKind = "string" | "int" | "bool" | "enum" | "list" | "map";

/** What a changed value does: `replace` (a new resource), `update` (in place) or `none` (no API effect). */
export type FieldOnChange = "replace" | "update" | "none";

/** One input, declared once. */
export interface FieldSpec {
  /** camelCase input name (a list item's field name inside `items`). */
  input: string;
  kind: FieldKind;
  required: boolean;
  onChange: FieldOnChange;
  /** README text: what the field means. */
  doc: string;
  /** Why a change does what it does (the README's On change column), when not obvious. */
  why?: string;
  /** The wire name(s) the field maps to, for the README. */
  wire?: string;
  /** Canonical value when absent (undefined = stays absent). Never validated: it must be valid. */
  default?: unknown;
  /** Enum values; for `bool`, further accepted string values (`adopt: true | "overwrite"`). */
  values?: readonly string[];
  /** UTF-8 byte limit (strings, list elements of strings, map values). */
  maxBytes?: number;
  /** Least UTF-8 bytes of a string (1 = non-empty). */
  minBytes?: number;
  /** Ints: the range; lists: the length; maps: the number of keys. */
  min?: number;
  max?: number;
  /** A string's allowed characters (strings, list elements, map keys) and the words naming them. */
  pattern?: { regex: RegExp; hint: string };
  /** Element fields of a list of objects (ChatGroupMembers.members). */
  items?: readonly FieldSpec[];
  /** For a list of objects: the item field that must be unique across the list (members' `account`). */
  uniqueBy?: string;
  /**
   * A further rule, run only when the program gave the value and it is valid and known: a reason naming the field and the fix, or
   * undefined. `values` holds the other canonical inputs: the known valid ones, {@link UNKNOWN_VALUE} for those not
   * known yet (preview), invalid ones absent.
   */
  validate?: (value: unknown, values: Readonly<Record<string, unknown>>) => string | undefined;
  /** The value is a secret (never rendered in errors). */
  secret?: boolean;
}

/** An output the resource adds to its canonical inputs. */
export interface OutputSpec {
  name: string;
  type: string;
  doc: string;
  /** Never changes once set (reported in diff's `stables` when there is no replacement). */
  stable?: boolean;
}

/** One resource's fields. */
export interface ResourceTable {
  /** The class name, used in messages and README markers (`<!-- fields:<resource>:start -->`). */
  resource: string;
  fields: readonly FieldSpec[];
  outputs: readonly OutputSpec[];
  /**
   * The inputs that together are the resource's id. A replacement whose identity stays the same must delete the old
   * resource first (two cannot coexist); one with a new identity creates first (diff.ts).
   */
  identity?: readonly string[];
}

/**
 * The exact string Pulumi puts in place of a value not known yet during preview (pulumi/pulumi
 * sdk/nodejs/runtime/rpc.ts `unknownValue`); the same constant as provider/resource/types.ts `UNKNOWN`.
 */
export { UNKNOWN as UNKNOWN_VALUE } from "../resource/types";
