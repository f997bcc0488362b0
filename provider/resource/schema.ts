/**
 * JSON schema of ChatGroup inputs, generated from the field table, and its ajv validator.
 * The validator is compiled lazily on first use (never at import time: the provider module must stay cheap to
 * load in the dynamic-provider host) and cached per set of limits.
 */
import Ajv, { type ValidateFunction } from "ajv";
import { FIELDS, limitValue, type FieldSpec, type ValidationLimits } from "./fields";

/** A JSON-schema object (kept loose: it includes the custom byte keywords below). */
export type JsonSchema = Record<string, unknown>;

/**
 * Custom keywords: ajv's `maxLength` counts code points, but the service counts UTF-8 bytes
 * (one CJK character = 3 bytes, an emoji = 4).
 */
export const MAX_BYTES_KEYWORD = "maxBytes";

/** {@link utf8Bytes} is the UTF-8 length of a string. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function fieldSchema(f: FieldSpec, limits: ValidationLimits): JsonSchema {
  switch (f.kind) {
    case "string": {
      const s: JsonSchema = { type: "string" };
      if (f.nonEmpty) s.minLength = 1;
      if (f.maxBytes) s[MAX_BYTES_KEYWORD] = limits[f.maxBytes];
      if (f.pattern) s.pattern = f.pattern.source;
      return s;
    }
    case "int": {
      const s: JsonSchema = { type: "integer" };
      if (f.range) Object.assign(s, { minimum: f.range.min, maximum: limitValue(f.range.max, limits) });
      return s;
    }
    case "bool":
      return f.extraValues ? { enum: [false, true, ...f.extraValues] } : { type: "boolean" };
    case "enum":
      return { type: "string", enum: [...(f.values ?? []), ...Object.keys(f.aliases ?? {})] };
    case "map":
      // The number of keys is a field rule (fields.ts): a key with an empty value does not count.
      return {
        type: "object",
        ...(f.pattern ? { propertyNames: { pattern: f.pattern.source } } : {}),
        additionalProperties: { type: "string", ...(f.maxBytes ? { [MAX_BYTES_KEYWORD]: limits[f.maxBytes] } : {}) },
      };
  }
}

/** {@link buildInputSchema} derives the inputs' JSON schema from {@link FIELDS}. Unknown properties are refused. */
export function buildInputSchema(limits: ValidationLimits): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of FIELDS) properties[f.input] = fieldSchema(f, limits);
  return {
    type: "object",
    properties,
    required: FIELDS.filter((f) => f.required).map((f) => f.input),
    additionalProperties: false,
  };
}

// Module-level cache, filled on first use only.
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function newAjv(): Ajv {
  const a = new Ajv({ allErrors: true, strict: true });
  a.addKeyword({
    keyword: MAX_BYTES_KEYWORD,
    type: "string",
    schemaType: "number",
    errors: false,
    validate: (max: number, data: string) => utf8Bytes(data) <= max,
  });
  return a;
}

function getAjv(): Ajv {
  return (ajv ??= newAjv());
}

/** {@link inputValidator} returns the compiled validator for these limits, compiling it at most once. */
export function inputValidator(limits: ValidationLimits): ValidateFunction {
  const key = JSON.stringify(limits, Object.keys(limits).sort());
  let v = validators.get(key);
  if (v === undefined) {
    v = getAjv().compile(buildInputSchema(limits));
    validators.set(key, v);
  }
  return v;
}

/** {@link compiledValidatorCount} reports how many validators were compiled (tests prove laziness and caching). */
export function compiledValidatorCount(): number {
  return validators.size;
}
