/** Pure model of the ChatGroup resource: field table, check, normalisation, diff and wire mapping. */
export * from "./types";
export * from "./fields";
export * from "./readme-table";
export {
  buildInputSchema,
  inputValidator,
  utf8Bytes,
  compiledValidatorCount,
  MAX_BYTES_KEYWORD,
  type JsonSchema,
} from "./schema";
export * from "./normalize";
export * from "./check";
export * from "./ids";
export * from "./diff";
export * from "./mapping";
